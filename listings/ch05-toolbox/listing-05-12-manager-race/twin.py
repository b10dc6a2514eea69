import contextlib
import multiprocessing

CHILDREN = 2
DECREMENTS_PER_CHILD = 500
START = CHILDREN * DECREMENTS_PER_CHILD


def decrement_many(shared, lock):
    for _ in range(DECREMENTS_PER_CHILD):
        with lock:
            shared["count"] -= 1


def race(shared, lock):
    shared["count"] = START
    children = [
        multiprocessing.Process(target=decrement_many, args=(shared, lock))
        for _ in range(CHILDREN)
    ]
    for child in children:
        child.start()
    for child in children:
        child.join()
    return shared["count"]


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")
    with multiprocessing.Manager() as manager:
        shared = manager.dict()
        count = race(shared, contextlib.nullcontext())
        print(f"without a lock: {count} of {START} decrements lost, count ends at {count}")
        count = race(shared, multiprocessing.Lock())
        print(f"with a lock: {count} of {START} decrements lost, count ends at {count}")
