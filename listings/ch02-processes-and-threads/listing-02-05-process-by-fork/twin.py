import multiprocessing
import os


def run_proc(name):
    print("子进程运行中，name= %s ,pid=%d..." % (name, os.getpid()))


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")
    print("父进程 %d." % os.getpid())
    child = multiprocessing.Process(target=run_proc, args=("test",))
    print("子进程将要执行")
    child.start()
    child.join()
    print("子进程已结束")
