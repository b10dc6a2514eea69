# Note 002's workers: `while not q.empty(): q.get()`, with a 10 ms sleep
# between the check and the take to widen the gap, and a timeout on `get`
# so that a worker that loses the race reports it instead of waiting for ever.
import queue
import threading
import time

WORKERS = 10

numbers = queue.Queue()
for number in range(100):
    numbers.put(number)

taken = []
found_empty = []


def work():
    while not numbers.empty():
        time.sleep(0.01)
        try:
            taken.append(numbers.get(timeout=0.5))
        except queue.Empty:
            # empty() said there was a number; another worker took it.
            found_empty.append(threading.current_thread().name)
            return


workers = [threading.Thread(target=work) for _ in range(WORKERS)]
for worker in workers:
    worker.start()
for worker in workers:
    worker.join()
print("every number taken once:", sorted(taken) == list(range(100)))
print(f"workers that found the queue empty after empty() said it was not: {len(found_empty)} of {WORKERS}")
