import queue
import sys
import threading

numbers = queue.Queue()
for number in range(100):
    numbers.put(number)


def do_something(number):
    # One write per line: `print` writes the text and the newline separately,
    # and with unbuffered output another thread's line can land between them.
    sys.stdout.write(f"{number}\n")


def drain(numbers):
    # Every number is in the queue before the workers start and none is added
    # later, so `Empty` means the work is done. Checking `empty()` and then
    # calling `get()`, as the note does, leaves a gap in which another worker
    # can take the last number.
    while True:
        try:
            number = numbers.get_nowait()
        except queue.Empty:
            return
        do_something(number)


workers = [threading.Thread(target=drain, args=(numbers,)) for _ in range(10)]
for worker in workers:
    worker.start()
for worker in workers:
    worker.join()
