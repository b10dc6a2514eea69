# The note's Process subclass without its `if __name__ == "__main__":`
# guard, under each start method. A spawn child, and a forkserver child,
# run the main module again (as __mp_main__) to find the class, reach
# `start()` again, and Python refuses; a fork child carries on from the fork
# and runs nothing twice.
import os
import subprocess
import sys
import tempfile

PROGRAM = """\
import multiprocessing
from multiprocessing import Process

multiprocessing.set_start_method({method!r}, force=True)


class ProcessDemo(Process):
    def run(self):
        print(12345)


p = ProcessDemo()
p.start()
"""

with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "no_guard.py")
    for method in ["fork", "spawn", "forkserver"]:
        with open(path, "w") as file:
            file.write(PROGRAM.format(method=method))
        run = subprocess.run([sys.executable, path], capture_output=True, text=True, timeout=30)
        print(f"{method}: parent's exit status {run.returncode}, 12345 printed: {'12345' in run.stdout}")
        error = run.stderr.splitlines()
        if "RuntimeError: " in error:
            start = error.index("RuntimeError: ")
            print("\n".join(line.rstrip() for line in error[start : start + 3]))
