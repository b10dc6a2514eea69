# A thread waits at a two-party threading.Barrier for a partner that never
# comes; Barrier.abort() ends its wait with BrokenBarrierError.
import threading
import time

rendezvous = threading.Barrier(2)
outcome = []


def wait_for_partner():
    try:
        rendezvous.wait()
        outcome.append("passed the barrier")
    except threading.BrokenBarrierError:
        outcome.append("BrokenBarrierError")


waiter = threading.Thread(target=wait_for_partner)
waiter.start()
while rendezvous.n_waiting == 0:
    time.sleep(0.01)
print("threads waiting at the barrier:", rendezvous.n_waiting)
rendezvous.abort()
waiter.join(timeout=5)
print("after abort(), the wait ended with:", outcome[0] if outcome else "nothing (still waiting)")
