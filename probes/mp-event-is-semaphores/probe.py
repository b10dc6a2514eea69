# What a multiprocessing.Event is made of. Its parts, read from private
# fields: every SemLock in it. Then what strace sees while one is made:
# glibc's sem_open makes each named semaphore a 32-byte file in /dev/shm,
# links it under its name, maps it shared, and closes the file, and CPython
# removes the name at once under fork, but keeps it under spawn, so that a
# spawned child can open the semaphore by its name.
import multiprocessing
import os
import re
import subprocess
import sys
import tempfile
from multiprocessing import synchronize


def semlocks(part, path):
    if isinstance(part, synchronize.SemLock):
        return [(path, part)]
    found = []
    for name, value in vars(part).items():
        if type(value).__module__ == "multiprocessing.synchronize":
            found += semlocks(value, f"{path}.{name}")
    return found


def open_fds():
    return len(os.listdir("/proc/self/fd"))


before = open_fds()
event = multiprocessing.get_context("fork").Event()
after = open_fds()
parts = semlocks(event, "event")
print(f"an Event holds {len(parts)} SemLocks:")
for path, part in parts:
    print(f"  {path}: {type(part).__name__}, value {part._semlock._get_value()}")
print("file descriptors left open by Event():", after - before)

MAKE_EVENTS = """
import multiprocessing, os
events = []  # kept alive: a collected Event removes its names
for method in ["fork", "spawn"]:
    os.write(1, f"making an Event under {method}\\n".encode())
    events.append(multiprocessing.get_context(method).Event())
os.write(1, b"done\\n")
# Freeing the events removes the spawn ones' names; then the resource
# tracker that spawn's semaphores started is stopped and waited for, so no
# process outlives this one.
events.clear()
from multiprocessing import resource_tracker
resource_tracker._resource_tracker._stop()
"""
with tempfile.TemporaryDirectory() as folder:
    trace = os.path.join(folder, "trace")
    subprocess.run(
        ["strace", "-s", "100", "-e", "trace=write,link,mmap,unlink", "-o", trace,
         sys.executable, "-c", MAKE_EVENTS],
        check=True, stdout=subprocess.DEVNULL)
    with open(trace) as file:
        calls = file.read()

for method, section in re.findall(r"making an Event under (\w+).*?\n(.*?)write\(1, ", calls, re.S):
    named = re.findall(r'link\("/dev/shm/sem\.\w+", "(/dev/shm/sem\.mp-[^"]+)"\)', section)
    mapped = len(re.findall(r"mmap\(NULL, 32, PROT_READ\|PROT_WRITE, MAP_SHARED, ", section))
    removed = sum(f'unlink("{name}")' in section for name in named)
    print(f"under {method}: {len(named)} named semaphores made, {mapped} mapped shared, "
          f"{removed} names removed before Event() returned")
