# Six tasks on a Pool of three workers, each with a callback that takes
# 50 ms: which threads run the callbacks, and how many run at once?
import multiprocessing
import threading
import time

running = 0
most_at_once = 0
callback_threads = set()
count_lock = threading.Lock()


def square(n):
    return n * n


def on_result(result):
    global running, most_at_once
    with count_lock:
        running += 1
        most_at_once = max(most_at_once, running)
        callback_threads.add((threading.get_ident(), threading.current_thread().name))
    time.sleep(0.05)
    with count_lock:
        running -= 1


if __name__ == "__main__":
    with multiprocessing.Pool(3) as pool:
        results = [pool.apply_async(square, (n,), callback=on_result) for n in range(6)]
        for result in results:
            result.wait()
    print("callbacks run:", len(results))
    print("threads that ran them:", len(callback_threads))
    [(ident, name)] = callback_threads
    print("that thread is the main thread:", ident == threading.main_thread().ident)
    # The thread's name is the pool's, with the function it runs in brackets.
    print("its function:", name[name.index("(") :])
    print("most callbacks running at once:", most_at_once)
