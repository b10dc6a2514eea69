"""Workload 1: a shared counter: behind a lock, atomic, and the two fixes,
a count per thread added up at the end and increments in batches under
one lock. Each case is sized to run for at least 0.3 s, and prints how many
increments it did.

Timed, for every case: from before its counter is made and its threads are
started until the last thread is joined (`seconds(case, total)`)."""

import itertools
import threading
import time

from common import check, emit, seconds, size, voluntary_sleeps

BATCH = 1_000


class Counter:
    def __init__(self):
        self.value = 0
        self.lock = threading.Lock()


def locked_increments(counter, times):
    for _ in range(times):
        with counter.lock:
            counter.value += 1


def on_threads(threads, work, *args):
    workers = [threading.Thread(target=work, args=args) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()


def one_thread_locked(total):
    counter = Counter()
    locked_increments(counter, total)
    check("one thread", counter.value, total)


def two_threads_locked(total):
    """Returns how many times the two threads went to sleep between them."""
    counter = Counter()
    sleeps = []

    def counted(times):
        before = voluntary_sleeps()
        locked_increments(counter, times)
        sleeps.append(voluntary_sleeps() - before)

    on_threads(2, counted, total // 2)
    check("two threads", counter.value, total)
    return sum(sleeps)


def counted_increments(count, times):
    # next() on an itertools.count is one C call, so the GIL makes it
    # atomic: the nearest Python has to fetch_add.
    for _ in range(times):
        next(count)


def two_threads_count(total):
    count = itertools.count()
    on_threads(2, counted_increments, count, total // 2)
    check("itertools.count", next(count), total)


def local_count(counter, times):
    local = 0
    for _ in range(times):
        local += 1
    with counter.lock:
        counter.value += local


def two_threads_local(total):
    counter = Counter()
    on_threads(2, local_count, counter, total // 2)
    check("local counts", counter.value, total)


def batched_increments(counter, times):
    left = times
    while left > 0:
        batch = min(left, BATCH)
        with counter.lock:
            for _ in range(batch):
                counter.value += 1
        left -= batch


def two_threads_batched(total):
    counter = Counter()
    on_threads(2, batched_increments, counter, total // 2)
    check("batches", counter.value, total)


def main():
    tiny = size() == "tiny"
    two = {"threads": 2}
    cases = [
        ("one-thread-locked", one_thread_locked, 2_200_000, {"threads": 1}),
        ("two-threads-atomic", two_threads_count, 14_000_000, two),
        ("two-threads-local", two_threads_local, 16_000_000, two),
        ("two-threads-batched", two_threads_batched, 16_000_000, {**two, "batch": BATCH}),
    ]
    locked = 4_000 if tiny else 2_400_000
    cases = [(name, case, 4_000 if tiny else total, params) for name, case, total, params in cases]
    for _, case, total, _ in cases:
        case(total // 100)
    two_threads_locked(locked // 100)
    for name, case, total, params in cases:
        emit(name, seconds(case, total), items=total, params=params)
    start = time.perf_counter()
    sleeps = two_threads_locked(locked)
    emit("two-threads-locked", time.perf_counter() - start, items=locked, params=two)
    emit("two-threads-locked-sleeps", sleeps, "count", params=two)


if __name__ == "__main__":
    main()
