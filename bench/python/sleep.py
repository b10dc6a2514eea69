"""Workload 6: three tasks, or three threads, each sleeping 10 ms, waited
for together, a hundred times over; what is measured is the time beyond the
sleeps, per wait."""

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
    duration, waits = {"full": (0.01, 100), "tiny": (0.005, 2)}[size()]
    loop = asyncio.new_event_loop()
    cases = {
        "tasks": lambda seconds: loop.run_until_complete(gathered_sleeps(seconds)),
        "threads": threads_sleeping,
    }
    for run in cases.values():
        run(duration / 100)
    for name, run in cases.items():
        waited = sum(run(duration) for _ in range(waits))
        emit(name, waited - duration * waits, items=waits)
    loop.close()


if __name__ == "__main__":
    main()
