# What CPython does when its standard input is closed, or when the reader of
# its standard output has gone away.
import os
import signal
import subprocess
import sys


def run_child(code, stdin=None, stdout=None, close_stdin=False):
    """Runs `code` in a child CPython (buffered, as a reader runs it) and
    returns its exit status and standard error's first and last lines."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    child = subprocess.run(
        [sys.executable, "-c", code],
        stdin=stdin,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        preexec_fn=(lambda: os.close(0)) if close_stdin else None,
    )
    lines = child.stderr.strip().splitlines() or ["(nothing)"]
    return child.returncode, lines[0], lines[-1]


# A closed standard input (`<&-`) makes sys.stdin None.
code, _, _ = run_child("import sys; sys.exit(sys.stdin is not None)", close_stdin=True)
print("closed stdin: sys.stdin is None:", code == 0)

# CPython ignores SIGPIPE, so a write to a pipe nobody reads fails with EPIPE.
print("SIGPIPE ignored:", signal.getsignal(signal.SIGPIPE) is signal.SIG_IGN)


def to_closed_pipe(code):
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has gone, as `| head -1` goes
    try:
        return run_child(code, stdin=subprocess.DEVNULL, stdout=write_end)
    finally:
        os.close(write_end)


# print() with a flush raises BrokenPipeError where it is called...
print("print(flush=True):", to_closed_pipe("print('x', flush=True)"))
# ...and what is still buffered fails again at exit, reported on stderr,
# even when the program caught the first failure.
print("caught, then exit:", to_closed_pipe(
    "try:\n print('x', flush=True)\nexcept BrokenPipeError:\n pass"))
