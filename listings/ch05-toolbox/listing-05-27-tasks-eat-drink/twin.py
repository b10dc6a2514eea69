from gevent import monkey

monkey.patch_all()  # before anything imports time or threading

import threading  # noqa: E402
import time  # noqa: E402

import gevent  # noqa: E402

PAUSE = 0.6
ROUNDS = 3

MAIN_THREAD = threading.get_native_id()
start = time.monotonic()


def thread_name():
    # current_thread() is patched to give each greenlet a thread of its own
    # (Dummy-1, Dummy-2); the operating system's thread id is not.
    return "main" if threading.get_native_id() == MAIN_THREAD else "another"


def repeat(word):
    for _ in range(ROUNDS):
        print(f"{word} on thread {thread_name()} after {time.monotonic() - start:.1f} s")
        time.sleep(PAUSE)  # patched: gives the thread to the other greenlet


def drink_later():
    time.sleep(PAUSE / 2)
    repeat("drink")


eater = gevent.spawn(repeat, "eat")
drinker = gevent.spawn(drink_later)
eater.join()
drinker.join()
