# What a multiprocessing.Event is made of, and whether making one opens a
# socket (or any other file descriptor).
import multiprocessing
import os


def open_fds():
    return len(os.listdir("/proc/self/fd"))


before = open_fds()
event = multiprocessing.Event()
after = open_fds()

# The parts, read from its private fields.
print("condition:", type(event._cond).__name__)
print("condition's lock:", type(event._cond._lock).__name__)
print("flag:", type(event._flag).__name__)
print("each one's primitive:", type(event._flag._semlock).__module__, type(event._flag._semlock).__name__)
print("file descriptors opened by Event():", after - before)
