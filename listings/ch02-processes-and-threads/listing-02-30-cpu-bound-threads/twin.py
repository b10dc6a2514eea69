import os
import threading
import time

TASKS = 4
LIMIT = 60_000
REPEATS = 3


def is_prime(n):
    divisor = 2
    while divisor * divisor <= n:
        if n % divisor == 0:
            return False
        divisor += 1
    return True


def count_primes(limit):
    return sum(1 for n in range(2, limit) if is_prime(n))


def run_on(threads):
    counts = [[] for _ in range(threads)]

    def worker(mine):
        for _ in range(TASKS // threads):
            mine.append(count_primes(LIMIT))

    start = time.perf_counter()
    workers = [threading.Thread(target=worker, args=(counts[i],)) for i in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return time.perf_counter() - start, [c for mine in counts for c in mine]


def fastest_on(threads):
    return min((run_on(threads) for _ in range(REPEATS)), key=lambda run: run[0])


if __name__ == "__main__":
    # The CPUs this process may run on, as Rust's available_parallelism counts them.
    print(f"available parallelism: {len(os.sched_getaffinity(0))}")
    alone, counts = fastest_on(1)
    print(f"{TASKS} tasks, each counts the primes below {LIMIT}: {counts}")
    print(f"1 thread:  {alone:.3f} s")
    for threads in (2, 4):
        elapsed, _ = fastest_on(threads)
        print(f"{threads} threads: {elapsed:.3f} s, speedup {alone / elapsed:.2f}x")
