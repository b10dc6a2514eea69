import multiprocessing
import os
import sys
import time


def say(line):
    # print() writes its arguments and the newline one at a time, so lines
    # printed at once by two threads or processes can mix; one write() cannot.
    sys.stdout.write(line + "\n")


def report(n):
    time.sleep(1)
    say(f"{n} {os.getpid()}")


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")
    for n in range(10):
        multiprocessing.Process(target=report, args=(n,)).start()
    # multiprocessing joins its non-daemon children when the parent exits.
