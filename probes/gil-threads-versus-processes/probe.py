# Listing 2-30's work in Python: tasks that each count the primes below
# 10,000 by trial division, done one after another for 0.1 s on one thread,
# on two and on four threads, then on two processes. Each is measured ten
# times, in turn with the others, and the best rate kept.
import multiprocessing
import os
import threading
import time

LIMIT = 10_000
WINDOW = 0.1
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


def tasks_until(deadline):
    done = 0
    while time.perf_counter() < deadline:
        count_primes(LIMIT)
        done += 1
    return done


def on_threads(workers, deadline):
    done = [0] * workers

    def worker(mine):
        done[mine] = tasks_until(deadline)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(done)


def on_processes(workers, deadline):
    # fork is safe here: the threads above have all been joined, so the
    # children copy a process with one thread. perf_counter reads a clock
    # that every process shares, so the deadline holds in the children too.
    context = multiprocessing.get_context("fork")
    results = context.SimpleQueue()
    processes = [
        context.Process(target=lambda: results.put(tasks_until(deadline)))
        for _ in range(workers)
    ]
    for process in processes:
        process.start()
    done = sum(results.get() for _ in processes)
    for process in processes:
        process.join()
    return done


def tasks_per_second(run_on, workers):
    start = time.perf_counter()
    done = run_on(workers, start + WINDOW)
    return done / (time.perf_counter() - start)


if __name__ == "__main__":
    # The CPUs this process may run on, as Rust's available_parallelism counts them.
    print(f"available parallelism: {len(os.sched_getaffinity(0))}")
    print(f"each task counts the primes below {LIMIT}: {count_primes(LIMIT)}")
    configurations = [
        ("1 thread:   ", on_threads, 1),
        ("2 threads:  ", on_threads, 2),
        ("4 threads:  ", on_threads, 4),
        ("2 processes:", on_processes, 2),
    ]
    best = [0.0] * len(configurations)
    for _ in range(REPEATS):
        for i, (_, run_on, workers) in enumerate(configurations):
            best[i] = max(best[i], tasks_per_second(run_on, workers))
    alone = best[0]
    print(f"1 thread:    {alone:.0f} tasks a second")
    for (name, _, _), rate in zip(configurations[1:], best[1:]):
        print(f"{name} {rate:.0f} tasks a second, speedup {rate / alone:.2f}x")
