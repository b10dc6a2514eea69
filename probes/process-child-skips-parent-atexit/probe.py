# A parent registers an exit handler and prints "partial " without a
# newline, then starts a child that prints "child ", registers an exit
# handler of its own, and ends. Run with its output going into a pipe and
# Python's default buffering, as a reader's `python3 program.py | cat` runs
# it. With a bare os.fork() whose child leaves through the interpreter's
# normal exit, the child prints the parent's buffered "partial " again and
# runs both handlers. A multiprocessing.Process with the fork start method
# does neither: Popen.__init__ flushes sys.stdout and sys.stderr before
# _launch calls os.fork(), and the child ends with os._exit() after flushing
# what it printed. From 3.13 that child runs the handlers it registered
# itself, after clearing the parent's.
import inspect
import multiprocessing.popen_fork
import multiprocessing.process
import os
import subprocess
import sys

PROGRAM = """\
import atexit
import multiprocessing
import os
import sys


def child():
    print("child", end=" ")
    # flush=True: the handler may run after the child's last flush.
    atexit.register(print, "child's handler ran", end=" ", flush=True)


atexit.register(print, "parent's handler ran")
print("partial", end=" ")
if sys.argv[1] == "os.fork":
    pid = os.fork()
    if pid == 0:
        child()
        sys.exit(0)
    os.waitpid(pid, 0)
else:
    process = multiprocessing.get_context("fork").Process(target=child)
    process.start()
    process.join()
print("parent")
"""

env = dict(os.environ)
env.pop("PYTHONUNBUFFERED", None)
for how in ("os.fork", "Process"):
    run = subprocess.run(
        [sys.executable, "-c", PROGRAM, how],
        stdout=subprocess.PIPE,
        env=env,
        timeout=30,
        check=True,
    )
    print(f"{how}: {run.stdout.decode()!r}")

# Where CPython does it: the parent's flush and the fork in the fork start
# method's Popen, the child's flush when its target returns, and its exit;
# from 3.13 also the child's clearing and running of exit handlers.
for name, code in (
    ("popen_fork.py", multiprocessing.popen_fork.Popen),
    ("process.py", multiprocessing.process.BaseProcess._bootstrap),
):
    for line in inspect.getsource(code).splitlines():
        if any(call in line for call in ("_flush_std_streams", "os.fork()", "os._exit", "atexit.")):
            print(f"{name}: {line.strip()}")
