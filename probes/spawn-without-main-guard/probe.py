# The note's Process subclass without its `if __name__ == "__main__":`
# guard, started with the spawn start method: the child imports the main
# module again, reaches `start()` again, and Python refuses.
import os
import subprocess
import sys
import tempfile

PROGRAM = """\
import multiprocessing
from multiprocessing import Process

multiprocessing.set_start_method("spawn", force=True)


class ProcessDemo(Process):
    def run(self):
        print(12345)


p = ProcessDemo()
p.start()
"""

with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "no_guard.py")
    with open(path, "w") as file:
        file.write(PROGRAM)
    run = subprocess.run([sys.executable, path], capture_output=True, text=True, timeout=30)

print("parent's exit status:", run.returncode)
print("12345 printed:", "12345" in run.stdout)
error = run.stderr.splitlines()
start = error.index("RuntimeError: ")
print("\n".join(line.rstrip() for line in error[start:start + 3]))
