"""Workload 2: one CPU-bound function four times, serially, on four
threads and on four processes. The items are Collatz steps: the Rust
program takes far more, so the two sides are compared per step.

Timed, for every case: from before the first call (and before its threads,
or its pool's processes, are started) until the last result is in hand, the
threads joined or the pool shut down."""

import multiprocessing
import os
import threading

from common import check, emit, seconds, size

CALLS = 4


def collatz_steps(limit):
    """Total Collatz steps from every start in 1..=limit down to 1: integer
    work whose loop a compiler cannot fold away."""
    total = 0
    for start in range(1, limit + 1):
        n = start
        while n != 1:
            n = n // 2 if n % 2 == 0 else 3 * n + 1
            total += 1
    return total


def serially(limit):
    return [collatz_steps(limit) for _ in range(CALLS)]


def on_threads(limit):
    results = [None] * CALLS

    def call(slot):
        results[slot] = collatz_steps(limit)

    workers = [threading.Thread(target=call, args=(slot,)) for slot in range(CALLS)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return results


def on_processes(limit):
    with multiprocessing.Pool(CALLS) as pool:
        return pool.map(collatz_steps, [limit] * CALLS)


def main():
    limit = {"full": 40_000, "tiny": 100}[size()]
    expected = [collatz_steps(limit)] * CALLS
    steps = sum(expected)
    emit("cores", os.cpu_count(), "count")
    common = {"calls": CALLS, "collatz_limit": limit}
    cases = [
        ("serial", serially, common),
        ("threads", on_threads, {**common, "threads": CALLS}),
        ("processes", on_processes, {**common, "processes": CALLS}),
    ]
    for _, run, _ in cases:
        run(limit // 100)
    for name, run, params in cases:
        results = []
        elapsed = seconds(lambda: results.extend(run(limit)))
        check(name, results, expected)
        emit(name, elapsed, items=steps, params=params)


if __name__ == "__main__":
    main()
