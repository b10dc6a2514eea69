import sys
import time
from concurrent.futures import ThreadPoolExecutor


def say(line):
    # print() writes its arguments and the newline one at a time, so lines
    # printed at once by two threads or processes can mix; one write() cannot.
    sys.stdout.write(line + "\n")


TASKS = 20
TASK_TIME = 0.2


def square_slowly(n):
    time.sleep(TASK_TIME)
    return n * n


def report(future):
    if future.exception() is None:
        say(f"结果是{future.result()}")


def no_square(n):
    raise ValueError(f"no square for {n}")


def time_pool(size):
    start = time.monotonic()
    with ThreadPoolExecutor(max_workers=size) as pool:
        for _ in pool.map(square_slowly, range(TASKS)):
            pass
    return time.monotonic() - start


start = time.monotonic()
with ThreadPoolExecutor(max_workers=4) as pool:
    futures = []
    for n in range(TASKS):
        future = pool.submit(square_slowly, n)
        future.add_done_callback(report)
        futures.append(future)
    say("主线程")
    for future in futures:
        say(str(future.result()))
say(f"{TASKS} tasks on 4 threads: {time.monotonic() - start:.2f} s")

for size in (2, 5, 10, 20):
    say(f"{TASKS} tasks on {size} threads: {time_pool(size):.2f} s")

# A task that raises: the worker lives on, and the exception reaches the
# caller of result().
with ThreadPoolExecutor(max_workers=1) as pool:
    failing = pool.submit(no_square, 21)
    following = pool.submit(square_slowly, 22)
    try:
        say(f"task 21: {failing.result()}")
    except ValueError as error:
        say(f"task 21 failed: {error}")
    say(f"task 22, on the same worker: {following.result()}")
