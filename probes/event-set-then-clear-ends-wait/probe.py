# A thread waits on an Event with a 5 s timeout; another sets the event and
# clears it at once. Does the wait end, and what does it return?
import multiprocessing
import threading
import time

PATIENCE = 5


def set_then_clear(event, is_waiting):
    outcome = {}

    def waiter():
        start = time.monotonic()
        outcome["returned"] = event.wait(PATIENCE)
        outcome["elapsed"] = time.monotonic() - start

    thread = threading.Thread(target=waiter)
    thread.start()
    while not is_waiting():  # the set must come after the wait began
        time.sleep(0.001)
    event.set()
    event.clear()
    thread.join()
    ended_early = outcome["elapsed"] < PATIENCE
    return f"returned {outcome['returned']}, before its timeout: {ended_early}"


# Both read private fields only to know that the waiter is asleep.
event = threading.Event()
print("threading.Event:      ", set_then_clear(event, lambda: len(event._cond._waiters) == 1))

mp_event = multiprocessing.Event()
sleeping = mp_event._cond._sleeping_count
print("multiprocessing.Event:", set_then_clear(mp_event, lambda: sleeping.get_value() == 1))
