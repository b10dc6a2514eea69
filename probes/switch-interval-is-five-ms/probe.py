# How long CPython lets a thread hold the GIL before a thread that waits for
# it asks for it back; and that, with no thread waiting, nobody asks.
import sys
import threading
import time

print("sys.getswitchinterval():", sys.getswitchinterval())
sys.setswitchinterval(0.001)
print("after sys.setswitchinterval(0.001):", sys.getswitchinterval())

COMPUTE = 0.6


def compute_until(deadline, handovers=None):
    """Python code that never blocks. Each time this thread hands the GIL
    over on request, it waits for the other thread to take it, a voluntary
    context switch that Linux counts."""
    before = voluntary_switches()
    while time.monotonic() < deadline:
        pass
    if handovers is not None:
        handovers.append(voluntary_switches() - before)


def voluntary_switches():
    with open("/proc/thread-self/status") as status:
        for line in status:
            if line.startswith("voluntary_ctxt_switches:"):
                return int(line.split()[1])


def back_from_sleep(interval):
    """The main thread sleeps 50 ms while another thread computes for
    COMPUTE seconds; returns how long before the end of that computing the
    main thread had the GIL back."""
    deadline = time.monotonic() + COMPUTE
    other = threading.Thread(target=compute_until, args=(deadline,))
    other.start()
    # Set only now: start() itself waits for the GIL, and with a 1 s
    # interval would not return before the other thread had finished.
    sys.setswitchinterval(interval)
    time.sleep(0.05)
    back = time.monotonic()
    other.join()
    return deadline - back


print("back from a 50 ms sleep while another thread computes for 0.6 s, the main thread had the GIL:")
print("  with a 5 ms switch interval, long before the other finished:", back_from_sleep(0.005) > COMPUTE / 2)
print("  with a 1 s switch interval, only once the other finished:", back_from_sleep(1) <= 0)
sys.setswitchinterval(0.005)

for count in (1, 2):
    handovers = []
    deadline = time.monotonic() + COMPUTE
    threads = [threading.Thread(target=compute_until, args=(deadline, handovers)) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if count == 1:
        print("one thread computing alone for 0.6 s: fewer than 10 voluntary context switches:",
              handovers[0] < 10)
    else:
        print("two threads computing together for 0.6 s: more than 10 each:",
              all(n > 10 for n in handovers))
