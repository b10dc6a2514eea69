# While one thread is inside a single long C call, can another thread run
# Python code? hashlib releases the GIL while it hashes a large buffer;
# sum() over a range holds it throughout.
import hashlib
import threading
import time

DATA = bytes(200_000_000)
count = 0
stop = False


def count_forever():
    global count
    while not stop:
        count += 1


def other_thread_ran_during(call):
    """The share of the call's time in which the other thread was counting,
    judged by its counting rate when it runs alone."""
    before = count
    start = time.perf_counter()
    call()
    elapsed = time.perf_counter() - start
    return (count - before) / (rate * elapsed)


counter = threading.Thread(target=count_forever)
counter.start()
time.sleep(0.2)
before, start = count, time.perf_counter()
time.sleep(0.3)  # the main thread sleeps: the counter runs alone
rate = (count - before) / (time.perf_counter() - start)

hashing = other_thread_ran_during(lambda: hashlib.sha256(DATA).digest())
summing = other_thread_ran_during(lambda: sum(range(30_000_000)))
stop = True
counter.join()
# Thresholds far from both results: the counter runs for most of the hash,
# and for a few switch intervals (5 ms each) at most of the sum.
print("other thread ran during hashlib.sha256():", hashing > 0.15)
print("other thread ran during sum():", summing > 0.15)
