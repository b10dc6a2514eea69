import os
import subprocess
import sys

RUN_PROC = "--run-proc"


def run_proc(name):
    print("子进程运行中，name= %s ,pid=%d..." % (name, os.getpid()))


if __name__ == "__main__":
    # What the spawn start method does underneath: a fresh interpreter runs
    # this same file, told by its arguments to be the child.
    if sys.argv[1:2] == [RUN_PROC] and len(sys.argv) == 3:
        run_proc(sys.argv[2])
    elif len(sys.argv) > 1:
        sys.exit("usage: run without arguments, or with %s NAME" % RUN_PROC)
    else:
        print("父进程 %d." % os.getpid())
        print("子进程将要执行")
        subprocess.run([sys.executable, __file__, RUN_PROC, "test"], check=True)
        print("子进程已结束")
