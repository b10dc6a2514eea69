import multiprocessing
import os
import time


def test():
    # flush=True: leaving the `with` block terminates the worker, which would
    # lose lines still in its buffer where stdout is a pipe.
    print(f"---进程池中的进程---pid={os.getpid()},ppid={os.getppid()}--", flush=True)
    for i in range(3):
        print(f"----{i}---", flush=True)
        time.sleep(1)
    return "hahah"


def test2(args):
    print(f"---callback func--pid={os.getpid()}")
    print(f"---callback func--args={args}")


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")
    with multiprocessing.Pool(3) as pool:
        result = pool.apply_async(func=test, callback=test2)
        # wait() returns once the callback has run, in place of the note's
        # five-second sleep.
        result.wait()
    print(f"----主进程-pid={os.getpid()}----")
