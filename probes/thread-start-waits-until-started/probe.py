# Thread.start() does not return until the new thread has signalled that it
# is running, and then only once the main thread has the GIL back, which the
# new thread keeps until it blocks or is asked for it.
import inspect
import sys
import threading
import time

DELAY = 0.3
COMPUTE = 0.5


class SlowToStart(threading.Thread):
    def _bootstrap_inner(self):
        # Runs in the new thread before it signals that it has started.
        time.sleep(DELAY)
        super()._bootstrap_inner()


def compute():
    """Python code that never blocks, for COMPUTE seconds."""
    deadline = time.monotonic() + COMPUTE
    while time.monotonic() < deadline:
        pass


if __name__ == "__main__":
    start = inspect.getsource(threading.Thread.start)
    bootstrap = inspect.getsource(threading.Thread._bootstrap_inner)
    print("start() waits:", "self._started.wait()" in start)
    print("the new thread signals before run():",
          bootstrap.index("self._started.set()") < bootstrap.index("self.run()"))

    thread = SlowToStart(target=lambda: None)
    began = time.monotonic()
    thread.start()
    waited = time.monotonic() - began
    print(f"start() returned after the new thread's {DELAY} s start-up: {waited >= DELAY}")
    thread.join()

    # The main thread, woken by the signal, needs the GIL to return from
    # start(). With a switch interval longer than the new thread's work, it
    # does not ask for it, and waits until the new thread ends.
    sys.setswitchinterval(10)
    thread = threading.Thread(target=compute)
    began = time.monotonic()
    thread.start()
    waited = time.monotonic() - began
    print(f"with a 10 s switch interval, start() returned after the new thread's "
          f"{COMPUTE} s of computing: {waited >= COMPUTE}")
    thread.join()
