# Python 2's low-level `thread` module is `_thread` in Python 3, and
# `threading` is built on it.
import importlib
import threading

for name in ("thread", "_thread"):
    try:
        importlib.import_module(name)
        print(f"import {name}: ok")
    except ImportError as error:
        print(f"import {name}: {type(error).__name__}: {error}")

import _thread

print("threading starts threads with _thread.start_new_thread:",
      threading._start_new_thread is _thread.start_new_thread)
# _thread has no join: the new thread releases a lock that the main thread
# waits on.
finished = _thread.allocate_lock()
finished.acquire()


def greet():
    print("hello from a thread started by _thread")
    finished.release()


_thread.start_new_thread(greet, ())
finished.acquire()
