# The note's 001_14, run many times with its standard output sent three ways,
# counting the runs in which its end line came where the note shows it:
# fourth, after the singer's and the dancer's first lines.
import os
import pty
import subprocess
import sys

# Ours, in the note's shape; the threads sleep 20 ms instead of 1 s, since
# only the first four lines matter here.
NOTE_PROGRAM = """
import threading
import time

def sing():
    for i in range(3):
        print(f"正在唱歌...{i}")
        time.sleep(0.02)

def dance():
    for i in range(3):
        print(f"正在跳舞...{i}")
        time.sleep(0.02)

print("---开始---")
threading.Thread(target=sing).start()
threading.Thread(target=dance).start()
print("---结束---")
"""
RUNS = 20
NOTE_ORDER = ["---开始---", "正在唱歌...0", "正在跳舞...0", "---结束---"]


def environment(unbuffered):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    if unbuffered:
        env["PYTHONUNBUFFERED"] = "1"
    return env


def through_a_pipe(unbuffered):
    return subprocess.run(
        [sys.executable, "-c", NOTE_PROGRAM],
        stdout=subprocess.PIPE, env=environment(unbuffered), check=True,
    ).stdout


def on_a_terminal():
    controller, terminal = pty.openpty()
    child = subprocess.Popen([sys.executable, "-c", NOTE_PROGRAM], stdout=terminal,
                             env=environment(unbuffered=False))
    os.close(terminal)
    printed = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # EIO: the child has closed its end
            break
        if not chunk:
            break
        printed += chunk
    os.close(controller)
    child.wait()
    return printed.replace(b"\r\n", b"\n")


def in_note_order(printed):
    return printed.decode().splitlines()[:4] == NOTE_ORDER


for name, run in [
    ("a pipe, default buffering (block-buffered)", lambda: through_a_pipe(False)),
    ("a terminal (line-buffered)", on_a_terminal),
    ("a pipe, PYTHONUNBUFFERED=1", lambda: through_a_pipe(True)),
]:
    count = sum(in_note_order(run()) for _ in range(RUNS))
    print(f"stdout {name}: the note's order in {count} of {RUNS} runs")
