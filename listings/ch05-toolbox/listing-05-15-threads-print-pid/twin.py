import os
import sys
import threading
import time


def say(line):
    # print() writes its arguments and the newline one at a time, so lines
    # printed at once by two threads or processes can mix; one write() cannot.
    sys.stdout.write(line + "\n")


def report(n):
    time.sleep(1)
    say(f"{n} {os.getpid()}")


for n in range(10):
    threading.Thread(target=report, args=(n,)).start()
# The interpreter waits for these (non-daemon) threads before it exits.
