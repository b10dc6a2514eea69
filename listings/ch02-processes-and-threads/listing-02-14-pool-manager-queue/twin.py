import multiprocessing
import os


# The workers flush what they print: into a pipe, a worker's output would
# otherwise wait in its buffer until the worker exits, and the two workers
# may exit in either order.
def reader(q):
    print("reader启动(%d),父进程为(%d)" % (os.getpid(), os.getppid()), flush=True)
    for _ in range(q.qsize()):
        print("reader从Queue获取到消息：%s" % q.get(True), flush=True)


def writer(q):
    print("writer启动(%d),父进程为(%d)" % (os.getpid(), os.getppid()), flush=True)
    for letter in "dongGe":
        q.put(letter)


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")
    print("(%d) start" % os.getpid())
    q = multiprocessing.Manager().Queue()
    pool = multiprocessing.Pool()
    pool.apply(writer, (q,))
    pool.apply(reader, (q,))
    pool.close()
    pool.join()
    print("(%d) End" % os.getpid())
