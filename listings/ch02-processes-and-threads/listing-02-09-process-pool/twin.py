import multiprocessing
import os
import random
import sys
import time


def worker(msg):
    started = time.time()
    # One write per line: `print` writes the text and the newline
    # separately, and another worker's line can land between the two.
    sys.stdout.write("%d开始执行,进程号为%d\n" % (msg, os.getpid()))
    time.sleep(random.random() * 2)
    sys.stdout.write("%d 执行完毕，耗时%0.2f\n" % (msg, time.time() - started))


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")
    pool = multiprocessing.Pool(3)
    for msg in range(10):
        pool.apply_async(worker, (msg,))
    sys.stdout.write("----start----\n")
    pool.close()
    pool.join()
    sys.stdout.write("-----end-----\n")
