import multiprocessing
import os
import time


class Sleeper(multiprocessing.Process):
    def __init__(self, interval):
        super().__init__()
        self.interval = interval

    def run(self):
        print("子进程(%d) 开始执行，父进程为（%d）" % (os.getpid(), os.getppid()))
        started = time.time()
        time.sleep(self.interval)
        print("(%d)执行结束，耗时%0.2f秒" % (os.getpid(), time.time() - started))


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")
    started = time.time()
    print("当前程序进程(%d)" % os.getpid())
    sleeper = Sleeper(2)
    sleeper.start()
    sleeper.join()
    print("(%d)执行结束，耗时%0.2f" % (os.getpid(), time.time() - started))
