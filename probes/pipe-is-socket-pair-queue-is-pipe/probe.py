# How multiprocessing builds its two channels on Linux. Pipe() is two-way by
# default and is then a pair of connected sockets; Pipe(duplex=False) is an
# os.pipe(), and a Queue is built on one. A Queue's put() hands the object
# to a feeder thread, which pickles it and writes it under a lock shared by
# every process that puts; get() reads under a second lock, shared by every
# process that gets.
import inspect
import multiprocessing
import os
import stat
import threading
from multiprocessing import queues


def kind(connection):
    mode = os.fstat(connection.fileno()).st_mode
    return "socket" if stat.S_ISSOCK(mode) else "pipe" if stat.S_ISFIFO(mode) else "other"


def ends(first, second):
    return (f"{kind(first)} (readable={first.readable}, writable={first.writable}), "
            f"{kind(second)} (readable={second.readable}, writable={second.writable})")


if __name__ == "__main__":
    print(f"Pipe(): {ends(*multiprocessing.Pipe())}")
    print(f"Pipe(duplex=False): {ends(*multiprocessing.Pipe(duplex=False))}")
    queue = multiprocessing.Queue()
    print(f"Queue's reader and writer: {ends(queue._reader, queue._writer)}")
    print(f"threads before put(): {sorted(thread.name for thread in threading.enumerate())}")
    queue.put("item")
    print(f"threads after put(): {sorted(thread.name for thread in threading.enumerate())}")
    print(f"get(): {queue.get()!r}")
    # Where: the two locks, and the feeder's pickling and locked write.
    for code in (queues.Queue.__init__, queues.Queue._feed, queues.Queue.get):
        for line in inspect.getsource(code).splitlines():
            if any(text in line for text in ("Lock()", "dumps(obj)", "wacquire()", "with self._rlock")):
                print(f"{code.__qualname__}: {line.strip()}")
