# The Process API that note 001 lists: kwargs, name (Process-N by default),
# pid, is_alive(), join(timeout), terminate(), and the exit code each leaves.
import multiprocessing
import os
import time


def greet(greeting, *, name):
    print(f"{greeting}, {name}, from the child")


def sleep_long():
    time.sleep(30)


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")
    first = multiprocessing.Process(target=greet, args=("hello",), kwargs={"name": "kwargs"})
    second = multiprocessing.Process(target=sleep_long)
    print(f"default names: {first.name}, {second.name}")
    print(f"pid before start: {first.pid}")
    first.start()
    first.join()
    print(f"pid after start is the child's: {first.pid != os.getpid()}")
    print(f"after join: is_alive()={first.is_alive()}, exitcode={first.exitcode}")

    second.start()
    began = time.monotonic()
    second.join(timeout=0.5)
    waited = time.monotonic() - began
    print(f"join(timeout=0.5) returned after about 0.5 s: {0.5 <= waited < 5}, "
          f"is_alive()={second.is_alive()}, exitcode={second.exitcode}")
    second.terminate()
    second.join()
    print(f"after terminate(): is_alive()={second.is_alive()}, exitcode={second.exitcode}")
