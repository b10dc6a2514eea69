# Python 2's low-level `thread` module is `_thread` in Python 3, and
# `threading` is built on it. Which `_thread` function starts a Thread
# changed in 3.13.
import importlib
import inspect
import threading

for name in ("thread", "_thread"):
    try:
        importlib.import_module(name)
        print(f"import {name}: ok")
    except ImportError as error:
        print(f"import {name}: {type(error).__name__}: {error}")

import _thread

# Thread.start calls a module-level alias of a `_thread` function; its name
# is among the names the method's code uses.
[alias] = [name for name in threading.Thread.start.__code__.co_names if name.startswith("_start_")]
starter = getattr(threading, alias)
print(f"Thread.start calls threading.{alias}, which is _thread.{starter.__name__}:",
      starter is getattr(_thread, starter.__name__))
# What Thread.join waits on.
join = inspect.getsource(threading.Thread.join)
if "self._handle.join(" in join:
    waits_on = "the handle that start_joinable_thread returned"
elif "self._wait_for_tstate_lock(" in join:
    waits_on = "a lock that is released as the thread ends"
print("Thread.join waits on", waits_on)

# start_new_thread returns only the thread's id, nothing to join: the new
# thread releases a lock that the main thread waits on.
finished = _thread.allocate_lock()
finished.acquire()


def greet(how):
    print(f"hello from a thread started by _thread.{how}")


def greet_and_release():
    greet("start_new_thread")
    finished.release()


ident = _thread.start_new_thread(greet_and_release, ())
finished.acquire()
print(f"start_new_thread returned the thread's id, an {type(ident).__name__}")

# From 3.13, start_joinable_thread returns a handle that can be joined.
if hasattr(_thread, "start_joinable_thread"):
    print("its docstring begins:", _thread.start_joinable_thread.__doc__.splitlines()[0])
    handle = _thread.start_joinable_thread(lambda: greet("start_joinable_thread"))
    handle.join()
    print(f"start_joinable_thread returned a {type(handle).__name__}, joined: {handle.is_done()}")
