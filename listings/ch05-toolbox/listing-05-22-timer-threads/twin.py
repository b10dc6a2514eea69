import threading
import time

PERIOD = 0.5
FIRES = 6

start = time.monotonic()


def sync(fire):
    at = time.monotonic() - start
    late = max(0.0, at - PERIOD * fire)
    print(f"时间同步 at {at:.3f} s, {late * 1000:.1f} ms late")


for fire in range(1, FIRES + 1):
    threading.Timer(PERIOD, sync, args=(fire,)).start()
    time.sleep(PERIOD)
