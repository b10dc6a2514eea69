# os.fork() in a process that runs a second thread: from Python 3.12 it
# emits a DeprecationWarning naming the risk of deadlock in the child;
# 3.11 says nothing. The warning is a DeprecationWarning, which the default
# filters show only when it is raised from __main__: a script that calls
# os.fork() itself sees it, one whose Process.start() forks inside
# multiprocessing does not.
import os
import subprocess
import sys
import threading
import time
import warnings

second = threading.Thread(target=time.sleep, args=(0.5,))
second.start()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    pid = os.fork()
    if pid == 0:
        os._exit(0)
os.waitpid(pid, 0)
second.join()
print(f"warnings from os.fork() beside a second thread: {len(caught)}")
for warning in caught:
    print(f"{warning.category.__name__}: {warning.message}")

# The same fork, by a script run with the default warning filters: first
# os.fork() called from the script, then Process.start() with fork; then
# Process.start() again with -W default, which shows what was filtered.
PROGRAM = """\
import multiprocessing
import os
import sys
import threading
import time

second = threading.Thread(target=time.sleep, args=(0.5,))
second.start()
if sys.argv[1] == "os.fork()":
    pid = os.fork()
    if pid == 0:
        os._exit(0)
    os.waitpid(pid, 0)
else:
    child = multiprocessing.get_context("fork").Process(target=time.sleep, args=(0,))
    child.start()
    child.join()
second.join()
"""
env = dict(os.environ)
env.pop("PYTHONWARNINGS", None)
for how, filters in (("os.fork()", []), ("Process.start()", []), ("Process.start()", ["-W", "default"])):
    run = subprocess.run(
        [sys.executable, *filters, "-c", PROGRAM, how],
        capture_output=True, text=True, env=env, timeout=30, check=True,
    )
    print(f"{how} in a script, {' '.join(filters) or 'default filters'}: "
          f"warnings shown: {run.stderr.count('DeprecationWarning')}")
