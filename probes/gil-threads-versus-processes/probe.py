# Listing 2-30's work in Python: four tasks, each counting the primes below
# 60,000 by trial division, on one thread, then shared out between two and
# four threads, then between two processes. Each is timed three times and
# the fastest run kept.
import multiprocessing
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


def my_share(workers):
    for _ in range(TASKS // workers):
        count_primes(LIMIT)


def on_threads(workers):
    return [threading.Thread(target=my_share, args=(workers,)) for _ in range(workers)]


def on_processes(workers):
    context = multiprocessing.get_context("fork")
    return [context.Process(target=my_share, args=(workers,)) for _ in range(workers)]


def fastest(start_workers, workers):
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        running = start_workers(workers)
        for worker in running:
            worker.start()
        for worker in running:
            worker.join()
        times.append(time.perf_counter() - started)
    return min(times)


if __name__ == "__main__":
    # The CPUs this process may run on, as Rust's available_parallelism counts them.
    print(f"available parallelism: {len(os.sched_getaffinity(0))}")
    print(f"{TASKS} tasks, each counts the primes below {LIMIT}: {count_primes(LIMIT)}")
    alone = fastest(on_threads, 1)
    print(f"1 thread:    {alone:.3f} s")
    for name, start_workers, workers in [
        ("2 threads:  ", on_threads, 2),
        ("4 threads:  ", on_threads, 4),
        ("2 processes:", on_processes, 2),
    ]:
        elapsed = fastest(start_workers, workers)
        print(f"{name} {elapsed:.3f} s, speedup {alone / elapsed:.2f}x")
