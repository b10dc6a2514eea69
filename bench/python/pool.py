"""Workload 5: trivial items mapped through a pool of two workers,
processes or threads, with the default chunk size and with one item per
chunk. Each case maps enough items to run for 0.3 s, and prints how many.

Timed: the map alone (`timed_map`), the pools started and warmed up
before."""

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
    # items is range(n): the sum of its squares in closed form.
    n = len(items)
    check("sum of squares", sum(squares), (n - 1) * n * (2 * n - 1) // 6)
    return elapsed


def main():
    tiny = size() == "tiny"
    pools = {
        "process-pool": multiprocessing.Pool(WORKERS),
        "thread-pool": multiprocessing.pool.ThreadPool(WORKERS),
    }
    counts = {
        ("process-pool", None): 2_500_000,
        ("process-pool", 1): 25_000,
        ("thread-pool", None): 4_500_000,
        ("thread-pool", 1): 250_000,
    }
    # Started and warmed up before the clock: only the map is timed.
    for pool in pools.values():
        pool.map(square, range(100))
    for (kind, chunk_size), count in counts.items():
        items = list(range(100 if tiny else count))
        name = f"{kind}-{'default' if chunk_size is None else 'chunk-1'}"
        params = {"workers": WORKERS, "chunksize": chunk_size}
        emit(name, timed_map(pools[kind], items, chunk_size), items=len(items), params=params)
    for pool in pools.values():
        pool.close()
        pool.join()


if __name__ == "__main__":
    main()
