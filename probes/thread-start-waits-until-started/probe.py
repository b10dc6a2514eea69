# Thread.start() does not return until the new thread has signalled that it
# is running. A thread whose start-up is slowed by 0.3 s holds up start()
# by as much.
import inspect
import sys
import threading
import time

DELAY = 0.3


class SlowToStart(threading.Thread):
    def _bootstrap_inner(self):
        # Runs in the new thread before it signals that it has started.
        time.sleep(DELAY)
        super()._bootstrap_inner()


if __name__ == "__main__":
    start = inspect.getsource(threading.Thread.start)
    bootstrap = inspect.getsource(threading.Thread._bootstrap_inner)
    print("start() waits:", "self._started.wait()" in start)
    print("the new thread signals before run():",
          bootstrap.index("self._started.set()") < bootstrap.index("self.run()"))

    # How long a thread may keep the GIL before another may ask for it.
    print(f"switch interval: {sys.getswitchinterval()} s")

    thread = SlowToStart(target=lambda: None)
    began = time.monotonic()
    thread.start()
    waited = time.monotonic() - began
    print(f"start() returned after the new thread's {DELAY} s start-up: {waited >= DELAY}")
    thread.join()
