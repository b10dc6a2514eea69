# Which clock a timed acquire waits on. glibc's sem_timedwait, which
# multiprocessing.Semaphore.acquire(timeout=...) calls with a deadline from
# gettimeofday, asks the kernel's futex to wait on the wall clock
# (FUTEX_CLOCK_REALTIME), so setting the system's time moves the deadline;
# a wait on the monotonic clock has no such flag. threading.Lock's timed
# acquire is shown beside it.
import os
import re
import subprocess
import sys
import tempfile

TIMED_WAITS = """
import multiprocessing, os, threading
os.write(1, b"multiprocessing.Semaphore(0).acquire(timeout=0.05)\\n")
multiprocessing.Semaphore(0).acquire(timeout=0.05)
held = threading.Lock()
held.acquire()
os.write(1, b"threading.Lock().acquire(timeout=0.05), held\\n")
held.acquire(timeout=0.05)
os.write(1, b"done\\n")
"""

with tempfile.TemporaryDirectory() as folder:
    trace = os.path.join(folder, "trace")
    subprocess.run(
        ["strace", "-s", "100", "-e", "trace=write,futex", "-o", trace, sys.executable, "-c", TIMED_WAITS],
        check=True, stdout=subprocess.DEVNULL)
    with open(trace) as file:
        calls = file.read()

for call, section in re.findall(r'write\(1, "(.*?)\\n".*?\n(.*?)(?=write\(1, )', calls, re.S):
    timed_out = [line for line in section.splitlines() if "ETIMEDOUT" in line]
    wall_clock = all("FUTEX_CLOCK_REALTIME" in line for line in timed_out)
    print(f"{call}: {len(timed_out)} futex wait timed out, on the wall clock: {wall_clock}")
