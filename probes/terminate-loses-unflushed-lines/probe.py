# Note 003's reader, cut down: a forked child prints a line, then blocks
# until its parent ends it with terminate(). The program runs with Python's
# default buffering (no PYTHONUNBUFFERED), its standard output a pipe, as
# `python3 process2.py | cat` runs it, or a terminal.
import os
import pty
import subprocess
import sys

READER = """
import multiprocessing
import sys
import time


def read(printed, flush):
    print("Process read 0", flush=flush)
    printed.set()
    time.sleep(60)  # the note's reader blocks for ever in get()


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")
    printed = multiprocessing.Event()
    reader = multiprocessing.Process(target=read, args=(printed, sys.argv[1] == "flush"))
    reader.start()
    printed.wait()
    reader.terminate()
    reader.join()
    print("reader's exit code:", reader.exitcode)
"""

default_buffering = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}


def into_a_pipe(mode):
    run = subprocess.run(
        [sys.executable, "-c", READER, mode],
        env=default_buffering,
        stdout=subprocess.PIPE,
        check=True,
    )
    return run.stdout.decode().splitlines()


def into_a_terminal(mode):
    terminal, child_side = pty.openpty()
    subprocess.run(
        [sys.executable, "-c", READER, mode],
        env=default_buffering,
        stdout=child_side,
        check=True,
    )
    os.close(child_side)
    received = b""
    while True:
        try:
            chunk = os.read(terminal, 1024)
        except OSError:  # EIO: every writer has closed the terminal
            break
        if not chunk:
            break
        received += chunk
    os.close(terminal)
    return received.decode().splitlines()


print("into a pipe, print():          ", into_a_pipe("print"))
print("into a pipe, print(flush=True):", into_a_pipe("flush"))
print("into a terminal, print():      ", into_a_terminal("print"))
