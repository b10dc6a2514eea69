import threading
import time

AN_HOUR = 60 * 60

started = threading.Event()


def sleeper():
    print("sleeper: going to sleep for an hour")
    started.set()
    time.sleep(AN_HOUR)
    print("sleeper: awake")


def worker():
    time.sleep(1)
    print("worker: done after a second")


threading.Thread(target=sleeper, daemon=True).start()
started.wait()
threading.Thread(target=worker).start()
print("main: at the end of main")
# The interpreter now waits for the worker, but not for the daemon sleeper.
