"""Workload 1: a shared counter, 2,000,000 increments under a lock."""

import itertools
import threading

from common import check, emit, seconds, size


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
    counter = Counter()
    on_threads(2, locked_increments, counter, total // 2)
    check("two threads", counter.value, total)


def counted_increments(count, times):
    # next() on an itertools.count is one C call, so the GIL makes it
    # atomic: the nearest Python has to fetch_add.
    for _ in range(times):
        next(count)


def two_threads_count(total):
    count = itertools.count()
    on_threads(2, counted_increments, count, total // 2)
    check("itertools.count", next(count), total)


def main():
    total = {"full": 2_000_000, "tiny": 2_000}[size()]
    cases = [
        ("one-thread-locked", one_thread_locked),
        ("two-threads-locked", two_threads_locked),
        ("two-threads-atomic", two_threads_count),
    ]
    for _, case in cases:
        case(total // 100)
    for name, case in cases:
        emit(name, seconds(case, total))


if __name__ == "__main__":
    main()
