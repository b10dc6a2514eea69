import multiprocessing
import os
import sys
import time

WORK = 0.5


def say(line):
    # One write per line: print() writes the text and the newline in two
    # calls, and another worker's line can land between them.
    sys.stdout.write(f"{line}\n")


def func(n):
    say(f"start func{n} {os.getpid()}")
    time.sleep(WORK)
    say(f"end func{n} {os.getpid()}")


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")
    started = time.monotonic()
    pool = multiprocessing.Pool(5)
    for n in range(10):
        pool.apply(func, args=(n,))
        pool.apply_async(func, args=(n,))
    pool.close()
    pool.join()
    say(f"took {time.monotonic() - started:.1f} s")
