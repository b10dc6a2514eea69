import queue
import threading
import time


def describe(thread):
    return f"name={thread.name} id={thread.ident}"


# Rust calls its main thread "main"; Python can rename a running thread.
threading.current_thread().name = "main"
print(describe(threading.current_thread()))

printed = queue.Queue()


def work():
    print(describe(threading.current_thread()))
    printed.put(None)
    time.sleep(1)


for i in range(10):
    thread = threading.Thread(target=work)
    thread.name = str(i)  # setName() is deprecated since Python 3.10
    thread.start()
    printed.get()

print()
print(threading.active_count())
print(describe(threading.current_thread()))
