"""Workload 4: what it costs to start threads, processes and tasks, and
what an idle task or a blocked thread holds in memory.

`startup.py` times the starts; `startup.py task-memory` and
`startup.py thread-memory` measure memory, and are run as fresh processes so
that nothing measured before can hide in the peak.

Timed, for every start-up case: from before the first start until the last
is joined (or awaited); all are started, then all joined.
"""

import asyncio
import multiprocessing
import sys
import threading
import time

from common import emit, kernel_stacks_kib, memory_kib, size


def nothing():
    pass


def threads(count):
    workers = [threading.Thread(target=nothing) for _ in range(count)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()


def processes(method, count):
    context = multiprocessing.get_context(method)
    children = [context.Process(target=nothing) for _ in range(count)]
    for child in children:
        child.start()
    for child in children:
        child.join()
        if child.exitcode != 0:
            sys.exit(f"a {method} child exited with {child.exitcode}")


async def idle():
    pass


async def tasks(count):
    started = [asyncio.create_task(idle()) for _ in range(count)]
    for task in started:
        await task


async def timed_tasks(count):
    start = time.perf_counter()
    await tasks(count)
    return time.perf_counter() - start


def timed(work, *args):
    start = time.perf_counter()
    work(*args)
    return time.perf_counter() - start


def start_costs(tiny):
    """Each case starts as many as take 0.3 s, and prints how many."""
    cases = [
        ("threads", lambda count: timed(threads, count), 9_000, 10),
        ("processes-fork", lambda count: timed(processes, "fork", count), 320, 2),
        ("processes-spawn", lambda count: timed(processes, "spawn", count), 10, 2),
        ("tasks", lambda count: asyncio.run(timed_tasks(count)), 90_000, 100),
    ]
    cases = [(name, run, tiny_count if tiny else count) for name, run, count, tiny_count in cases]
    # The warm-up: a tenth of each count, rounded up, as in the Rust program.
    for _, run, count in cases:
        run(-(-count // 10))
    for name, run, count in cases:
        emit(name, run(count), items=count, params={})


async def task_memory(count):
    go = asyncio.Event()
    await tasks(1)
    before = memory_kib("VmRSS")
    coroutines = [go.wait() for _ in range(count)]
    # The reference: what a task's own code keeps while it waits, its
    # coroutine (with its frame), without the Task and the loop around it.
    state = sys.getsizeof(coroutines[0])
    waiting = [asyncio.create_task(coroutine) for coroutine in coroutines]
    # One turn of the loop lets every task start and block on the event.
    await asyncio.sleep(0)
    peak = memory_kib("VmHWM")
    go.set()
    await asyncio.gather(*waiting)
    emit("task-memory", (peak - before) * 1024 / count, "bytes", params={"tasks": count})
    emit("task-state", state, "bytes")


def thread_memory(count):
    """Besides this process's resident memory, the kernel's stacks grow by
    one per thread; that figure is machine-wide, so anything else starting
    or ending threads meanwhile moves it, and many threads make it clear."""
    started = threading.Barrier(count + 1)
    release = threading.Barrier(count + 1)

    def blocked():
        started.wait()
        release.wait()

    threads(1)
    before = memory_kib("VmRSS")
    stacks_before = kernel_stacks_kib()
    workers = [threading.Thread(target=blocked) for _ in range(count)]
    for worker in workers:
        worker.start()
    started.wait()
    peak = memory_kib("VmHWM")
    stacks = kernel_stacks_kib()
    release.wait()
    for worker in workers:
        worker.join()
    params = {"threads": count}
    emit("thread-memory", (peak - before) * 1024 / count, "bytes", params=params)
    kernel_stack = max(stacks - stacks_before, 0) * 1024 / count
    emit("thread-kernel-stack", kernel_stack, "bytes", params=params)


def main():
    mode = sys.argv[1] if sys.argv[1:2] in (["task-memory"], ["thread-memory"]) else None
    if mode:
        del sys.argv[1]
    tiny = size() == "tiny"
    if mode == "task-memory":
        asyncio.run(task_memory(100 if tiny else 10_000))
    elif mode == "thread-memory":
        thread_memory(10 if tiny else 1_000)
    else:
        start_costs(tiny)


if __name__ == "__main__":
    main()
