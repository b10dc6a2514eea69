# How many threads a ThreadPoolExecutor() gets when max_workers is not
# given, in a process allowed to run on one CPU only (as `taskset -c 0`
# would start it): 3.11 and 3.12 count every CPU of the machine, 3.13 only
# the CPUs the process may use.
import os
from concurrent.futures import ThreadPoolExecutor

machine = os.cpu_count()
os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
usable = len(os.sched_getaffinity(0))
with ThreadPoolExecutor() as executor:
    workers = executor._max_workers
print(f"CPUs in the machine: {machine}; this process may use {usable}")
if workers == min(32, machine + 4):
    print(f"ThreadPoolExecutor() workers: {workers} = min(32, os.cpu_count() + 4)")
elif workers == min(32, usable + 4):
    print(f"ThreadPoolExecutor() workers: {workers} = min(32, usable CPUs + 4)")
else:
    print(f"ThreadPoolExecutor() workers: {workers}, neither formula")
