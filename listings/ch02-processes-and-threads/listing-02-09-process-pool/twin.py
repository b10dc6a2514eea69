import multiprocessing
import os
import random
import sys
import time


def say(line):
    # One write per line, and at once. `print` writes the text and the
    # newline separately, so another worker's line could land between the
    # two; and into a pipe, a process's lines would wait in its buffer until
    # it exits.
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def worker(msg):
    started = time.time()
    say("%d开始执行,进程号为%d" % (msg, os.getpid()))
    time.sleep(random.random() * 2)
    say("%d 执行完毕，耗时%0.2f" % (msg, time.time() - started))


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")
    pool = multiprocessing.Pool(3)
    for msg in range(10):
        pool.apply_async(worker, (msg,))
    say("----start----")
    pool.close()
    pool.join()
    say("-----end-----")
