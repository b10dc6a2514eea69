# A Pool runs every callback on its one result-handler thread, and nothing
# there catches what a callback raises: the exception ends that thread. The
# task whose callback failed is never marked ready, no later result is
# handed over, and terminate() refuses with an AssertionError. Every wait
# here has a timeout, and the workers are ended by hand at the end.
import multiprocessing
import threading

handler_died = threading.Event()
died_on = []


def record_thread_death(args):
    died_on.append((args.thread.name, args.exc_type.__name__))
    handler_died.set()


def square(n):
    return n * n


def refuse(result):
    raise ValueError(f"the callback refuses {result}")


def threads_running(function):
    return sum(thread.name.endswith(f"({function})") for thread in threading.enumerate())


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")
    # Record the thread's death instead of printing its traceback, which
    # differs between versions.
    threading.excepthook = record_thread_death
    pool = multiprocessing.Pool(2)
    print("result-handler threads before:", threads_running("_handle_results"))
    failing = pool.apply_async(square, (3,), callback=refuse)
    handler_died.wait(timeout=10)
    [(thread, exception)] = died_on
    print(f"the callback's {exception} ended the thread {thread[thread.index('('):]}")
    later = pool.apply_async(square, (4,))
    later.wait(timeout=2)
    print("a later task's result ready after 2 s:", later.ready())
    print("the failing task's result ready:", failing.ready())
    print("result-handler threads now:", threads_running("_handle_results"))
    try:
        pool.terminate()
        print("terminate() returned")
    except AssertionError:
        print("terminate() raised AssertionError")
    for worker in multiprocessing.active_children():
        worker.terminate()
        worker.join()
