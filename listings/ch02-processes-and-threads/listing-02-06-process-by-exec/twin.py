import os
import subprocess
import sys

RUN_PROC = "--run-proc"


def run_proc(name):
    print("子进程运行中，name= %s ,pid=%d..." % (name, os.getpid()))


if __name__ == "__main__":
    # As Listing 2-6 does: a fresh interpreter runs this same file, told by
    # its arguments to be the child. (The spawn start method starts a fresh
    # interpreter too, but tells it what to run through a pipe.)
    if sys.argv[1:2] == [RUN_PROC] and len(sys.argv) == 3:
        run_proc(sys.argv[2])
    elif len(sys.argv) > 1:
        sys.exit("usage: run without arguments, or with %s NAME" % RUN_PROC)
    else:
        print("父进程 %d." % os.getpid())
        print("子进程将要执行")
        # Into a pipe, the two lines above are still in print's buffer;
        # write them out before the child prints, as Process.start() does.
        sys.stdout.flush()
        subprocess.run([sys.executable, __file__, RUN_PROC, "test"], check=True)
        print("子进程已结束")
