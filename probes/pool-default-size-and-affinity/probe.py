# How many workers does Pool() start without a size, in a process allowed
# to run on one CPU only (what `taskset -c 0` sets up)? The line of Pool's
# constructor that picks the number shows why the answer depends on the
# version.
import inspect
import multiprocessing
import multiprocessing.pool
import os

if __name__ == "__main__":
    multiprocessing.set_start_method("fork")
    # With one CPU in all, every count below is 1 and nothing differs.
    print("this machine has more than one CPU:", os.cpu_count() > 1)
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    print("CPUs this process may run on:", len(os.sched_getaffinity(0)))

    source = inspect.getsource(multiprocessing.pool.Pool.__init__)
    [picks] = [line.strip() for line in source.splitlines() if "cpu_count()" in line]
    print("Pool.__init__ without a size:", picks)

    pool = multiprocessing.Pool()
    workers = len(multiprocessing.active_children())
    pool.close()
    pool.join()
    print("Pool() workers equal os.cpu_count():", workers == os.cpu_count())
    print("Pool() workers equal the CPUs it may run on:", workers == len(os.sched_getaffinity(0)))
