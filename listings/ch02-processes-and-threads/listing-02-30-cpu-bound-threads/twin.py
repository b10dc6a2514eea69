import os
import threading
import time

LIMIT = 10_000
WINDOW = 0.1
THREADS = (1, 2, 4)
REPEATS = 10


def is_prime(n):
    divisor = 2
    while divisor * divisor <= n:
        if n % divisor == 0:
            return False
        divisor += 1
    return True


def count_primes(limit):
    return sum(1 for n in range(2, limit) if is_prime(n))


def tasks_per_second(threads):
    done = [0] * threads
    start = time.perf_counter()
    deadline = start + WINDOW

    def worker(mine):
        while time.perf_counter() < deadline:
            count_primes(LIMIT)
            done[mine] += 1

    workers = [threading.Thread(target=worker, args=(i,)) for i in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return sum(done) / (time.perf_counter() - start)


if __name__ == "__main__":
    # The CPUs this process may run on, as Rust's available_parallelism counts them.
    print(f"available parallelism: {len(os.sched_getaffinity(0))}")
    print(f"each task counts the primes below {LIMIT}: {count_primes(LIMIT)}")
    best = [0.0] * len(THREADS)
    for _ in range(REPEATS):
        for i, threads in enumerate(THREADS):
            best[i] = max(best[i], tasks_per_second(threads))
    alone = best[0]
    print(f"1 thread:  {alone:.0f} tasks a second")
    for rate, threads in zip(best[1:], THREADS[1:]):
        print(f"{threads} threads: {rate:.0f} tasks a second, speedup {rate / alone:.2f}x")
