# multiprocessing.Queue.put() appends the item to a buffer and returns; a
# feeder thread pickles it and writes it into the queue's pipe later. full()
# and qsize() read the queue's semaphore, which put() has already taken, so
# they count the item at once; empty() and get_nowait() look at the pipe, and
# right after a put() the item may not be there yet. Each question is asked
# of fresh queues, at once after one put(), in the same thread.
import multiprocessing
import queue

QUEUES = 200


def ask_after_one_put(question):
    """How many of the fresh queues gave `question` the answer True; then
    checks that every item did arrive."""
    said_true = 0
    arrived = 0
    for _ in range(QUEUES):
        q = multiprocessing.Queue(1)
        q.put("item")
        said_true += question(q)
        try:
            arrived += q.get(timeout=5) == "item"
        except queue.Empty:
            pass
        q.close()
        q.join_thread()
    return said_true, arrived


def get_nowait_raises(q):
    try:
        q.get_nowait()
    except queue.Empty:
        return True
    # It was there after all: put it back for the check that it arrived.
    q.put("item")
    return False


if __name__ == "__main__":
    for name, question in (
        ("full() said True", lambda q: q.full()),
        ("qsize() said 1", lambda q: q.qsize() == 1),
    ):
        said_true, arrived = ask_after_one_put(question)
        print(f"{name}: {said_true} of {QUEUES}; items that arrived: {arrived}")
    for name, question in (
        ("empty() said True", lambda q: q.empty()),
        ("get_nowait() raised queue.Empty", get_nowait_raises),
    ):
        said_true, arrived = ask_after_one_put(question)
        # How many varies from run to run (and by version), so the probe
        # prints only that it happened at all.
        print(f"{name} in at least one of {QUEUES}: {said_true > 0}; "
              f"items that arrived: {arrived}")
