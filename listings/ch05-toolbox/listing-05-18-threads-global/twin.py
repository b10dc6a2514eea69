import os
import sys
import threading


def say(line):
    # print() writes its arguments and the newline one at a time, so lines
    # printed at once by two threads or processes can mix; one write() cannot.
    sys.stdout.write(line + "\n")


def reset():
    global g
    g = 0
    say(f"{g} {os.getpid()}")


g = 100
f = g
threads = [threading.Thread(target=reset) for _ in range(10)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(g)
print(g, f)
