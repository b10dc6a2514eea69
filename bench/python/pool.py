"""Workload 5: 10,000 trivial items mapped through a pool of two workers,
processes or threads, with the default chunk size and with one item per
chunk."""

import multiprocessing
import multiprocessing.pool
import time

from common import check, emit, size

WORKERS = 2


def square(number):
    return number * number


def timed_map(pool, items, chunk_size):
    start = time.perf_counter()
    squares = pool.map(square, items, chunk_size)
    elapsed = time.perf_counter() - start
    check("sum of squares", sum(squares), sum(n * n for n in items))
    return elapsed


def main():
    items = list(range({"full": 10_000, "tiny": 100}[size()]))
    pools = {
        "process-pool": multiprocessing.Pool(WORKERS),
        "thread-pool": multiprocessing.pool.ThreadPool(WORKERS),
    }
    # Started and warmed up before the clock: only the map is timed.
    for pool in pools.values():
        pool.map(square, items[:100])
    for kind, pool in pools.items():
        emit(f"{kind}-default", timed_map(pool, items, None))
        emit(f"{kind}-chunk-1", timed_map(pool, items, 1))
    for pool in pools.values():
        pool.close()
        pool.join()


if __name__ == "__main__":
    main()
