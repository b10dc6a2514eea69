# multiprocessing.Queue() with no size (or a size of 0 or less) has no
# limit; get(timeout=...) raises queue.Empty once the time is up. The
# exception lives in the queue module: multiprocessing.Queue has no Empty.
import multiprocessing
import queue
import time

ITEMS = 10_000

if __name__ == "__main__":
    for made_with, q in (("Queue()", multiprocessing.Queue()), ("Queue(-1)", multiprocessing.Queue(-1))):
        for item in range(ITEMS):
            q.put_nowait(item)
        back = [q.get() for _ in range(ITEMS)]
        print(f"{made_with}: {ITEMS} put_nowait calls, none refused; "
              f"all back in order: {back == list(range(ITEMS))}")

    empty = multiprocessing.Queue()
    began = time.monotonic()
    try:
        empty.get(timeout=0.5)
    except queue.Empty as error:
        waited = time.monotonic() - began
        print(f"get(timeout=0.5) raised {type(error).__module__}.{type(error).__name__} "
              f"after about 0.5 s: {0.5 <= waited < 5}; it is queue.Empty: {type(error) is queue.Empty}")
    one_slot = multiprocessing.Queue(1)
    one_slot.put("first")
    try:
        one_slot.put_nowait("second")
    except queue.Full as error:
        print(f"put_nowait on a full queue raised {type(error).__module__}.{type(error).__name__}")
    for name in ("Empty", "Full"):
        try:
            getattr(multiprocessing.Queue, name)
        except AttributeError:
            print(f"multiprocessing.Queue.{name}: AttributeError")
