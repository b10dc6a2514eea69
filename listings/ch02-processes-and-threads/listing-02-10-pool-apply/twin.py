import multiprocessing
import os
import random
import time


def worker(msg):
    started = time.time()
    # Into a pipe, a worker's output is buffered until the worker exits;
    # flushing each line keeps the order in which the lines were printed.
    print("%d开始执行,进程号为%d" % (msg, os.getpid()), flush=True)
    time.sleep(random.random() * 2)
    print(msg, "执行完毕，耗时%0.2f" % (time.time() - started), flush=True)


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")
    pool = multiprocessing.Pool(3)
    for msg in range(10):
        pool.apply(worker, (msg,))
    print("----start----")
    pool.close()
    pool.join()
    print("-----end-----")
