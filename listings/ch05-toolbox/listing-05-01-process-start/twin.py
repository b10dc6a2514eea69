import multiprocessing
import os
import sys


def say(line):
    # One write per line: print() writes the text and the newline in two
    # calls, and the other process's line can land between them.
    sys.stdout.write(f"{line}\n")


def show_first(first, second):
    say(first)


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")
    child = multiprocessing.Process(target=show_first, args=("lm", 12))
    child.start()
    say(os.getpid())
    say(os.getppid())
