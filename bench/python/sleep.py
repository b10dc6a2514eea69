"""Workload 6: three tasks, or three threads, each sleeping one second,
waited for together; what is measured is the time beyond one second."""

import asyncio
import threading
import time

from common import emit, size

SLEEPERS = 3


async def gathered_sleeps(duration):
    start = time.perf_counter()
    await asyncio.gather(*(asyncio.sleep(duration) for _ in range(SLEEPERS)))
    return time.perf_counter() - start


def threads_sleeping(duration):
    start = time.perf_counter()
    sleepers = [threading.Thread(target=time.sleep, args=(duration,)) for _ in range(SLEEPERS)]
    for sleeper in sleepers:
        sleeper.start()
    for sleeper in sleepers:
        sleeper.join()
    return time.perf_counter() - start


def main():
    duration = {"full": 1.0, "tiny": 0.05}[size()]
    cases = {
        "tasks": lambda seconds: asyncio.run(gathered_sleeps(seconds)),
        "threads": threads_sleeping,
    }
    for run in cases.values():
        run(duration / 100)
    for name, run in cases.items():
        emit(name, run(duration) - duration)


if __name__ == "__main__":
    main()
