import multiprocessing
import os

callback_process = None


def func1(n):
    print("in func1")
    print(n, os.getpid())
    return n


def func2(n):
    global callback_process
    print("in func2")
    print(n * n, os.getpid())
    callback_process = os.getpid()


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")
    print(os.getpid())
    pool = multiprocessing.Pool(5)
    pool.apply_async(func1, args=(10,), callback=func2)
    pool.close()
    pool.join()
    print("callback ran in the main process:", callback_process == os.getpid())
