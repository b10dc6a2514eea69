# The note's ten workers print each number they take with print(i). Run many
# times with standard output sent three ways, counting the runs in which some
# line held something other than one number: two numbers run together, or
# an empty line after them.
import os
import pty
import re
import subprocess
import sys

# Ours, in the note's shape, with two changes: the workers take with
# get_nowait(), since the note's empty()-then-get() can leave one waiting for
# ever, and there are 1,000 numbers, not 100, so that each run gives the
# threads more chances to print at the same moment.
NOTE_PROGRAM = """
import queue
import threading

numbers = queue.Queue()
for i in range(1000):
    numbers.put(i)


def work():
    while True:
        try:
            i = numbers.get_nowait()
        except queue.Empty:
            return
        print(i)


threads = [threading.Thread(target=work) for _ in range(10)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
"""
RUNS = 20


def environment(unbuffered):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    if unbuffered:
        env["PYTHONUNBUFFERED"] = "1"
    return env


def through_a_pipe(unbuffered):
    return subprocess.run(
        [sys.executable, "-c", NOTE_PROGRAM],
        stdout=subprocess.PIPE, env=environment(unbuffered), check=True, timeout=30,
    ).stdout


def on_a_terminal():
    controller, terminal = pty.openpty()
    child = subprocess.Popen([sys.executable, "-c", NOTE_PROGRAM], stdout=terminal,
                             env=environment(unbuffered=False))
    os.close(terminal)
    printed = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # EIO: the child has closed its end
            break
        if not chunk:
            break
        printed += chunk
    os.close(controller)
    child.wait(timeout=30)
    return printed.replace(b"\r\n", b"\n")


def lines_ran_together(printed):
    return any(not re.fullmatch(r"\d+", line) for line in printed.decode().splitlines())


mixed = {}
for name, run in [
    ("a pipe, default buffering (block-buffered)", lambda: through_a_pipe(False)),
    ("a terminal (line-buffered)", on_a_terminal),
    ("a pipe, PYTHONUNBUFFERED=1", lambda: through_a_pipe(True)),
]:
    mixed[name] = sum(lines_ran_together(run()) for _ in range(RUNS))
    print(f"stdout {name}: lines ran together in {mixed[name]} of {RUNS} runs")
counts = list(mixed.values())
print("lines ran together only when unbuffered:", counts[0] == counts[1] == 0 < counts[2])
