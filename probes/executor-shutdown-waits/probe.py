# What ThreadPoolExecutor.shutdown() does to the futures already submitted.
import time
from concurrent.futures import ThreadPoolExecutor

TASK_TIME = 0.1


def square_slowly(n):
    time.sleep(TASK_TIME)
    return n * n


# shutdown(), wait=True by default: returns once every submitted task is done.
pool = ThreadPoolExecutor(max_workers=2)
futures = [pool.submit(square_slowly, n) for n in range(4)]
start = time.monotonic()
pool.shutdown()
waited = time.monotonic() - start
print("shutdown() waited for two waves:", waited >= 2 * TASK_TIME * 0.9)
print("every future done after it:", all(f.done() for f in futures))
print("results still there:", [f.result() for f in futures])
try:
    pool.submit(square_slowly, 4)
except RuntimeError as error:
    print("submit after shutdown: RuntimeError:", error)

# shutdown(wait=False): returns at once, and the tasks still run to the end.
pool = ThreadPoolExecutor(max_workers=2)
futures = [pool.submit(square_slowly, n) for n in range(4)]
pool.shutdown(wait=False)
print("wait=False, all done at once:", all(f.done() for f in futures))
print("results, waited for one by one:", [f.result() for f in futures])

# shutdown(cancel_futures=True): the tasks no worker has started are dropped.
pool = ThreadPoolExecutor(max_workers=1)
futures = [pool.submit(square_slowly, n) for n in range(4)]
while not futures[0].running():
    time.sleep(0.001)
pool.shutdown(cancel_futures=True)
print("cancel_futures=True, cancelled:", [f.cancelled() for f in futures])
