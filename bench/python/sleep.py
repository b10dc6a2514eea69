"""Workload 6: three tasks, or three threads, each sleeping the same
duration and waited for together, over and over; what is measured is the
time beyond the sleep, per wait. The durations are not whole milliseconds
and are spread over one (DURATIONS_US), taken in turn, since asyncio rounds
its waits up to whole milliseconds (Appendix B says how); the tasks' time is
also printed for each duration.

Timed, per wait: for tasks, from before asyncio.gather wraps the three
sleeps in tasks until it returns; for threads, started beforehand and
blocked on a barrier, from before the barrier releases them until each has
slept and reached a second barrier. The reference: one thread sleeping
alone."""

import asyncio
import threading
import time

from common import emit, size

# Microseconds: a tenth of a millisecond past a whole one, then every two
# tenths, so that the time to the next whole millisecond is spread evenly.
DURATIONS_US = [10_100, 10_300, 10_500, 10_700, 10_900]
SLEEPERS = 3


async def gathered_sleeps(duration):
    start = time.perf_counter()
    await asyncio.gather(*(asyncio.sleep(duration) for _ in range(SLEEPERS)))
    return time.perf_counter() - start


class Sleepers:
    """Threads started once, each sleeping when a barrier releases it, then
    waiting at a second barrier for the others and the main thread."""

    def __init__(self, count):
        self.duration = 0.0
        self.stopping = False
        self.go = threading.Barrier(count + 1)
        self.done = threading.Barrier(count + 1)
        self.threads = [threading.Thread(target=self.sleeper) for _ in range(count)]
        for thread in self.threads:
            thread.start()

    def sleeper(self):
        while True:
            self.go.wait()
            if self.stopping:
                return
            time.sleep(self.duration)
            self.done.wait()

    def sleep(self, duration):
        """One wait: the clock runs from before the sleepers are released
        until the last has slept and reached the second barrier."""
        self.duration = duration
        start = time.perf_counter()
        self.go.wait()
        self.done.wait()
        return time.perf_counter() - start

    def stop(self):
        self.stopping = True
        self.go.wait()
        for thread in self.threads:
            thread.join()


def one_sleep(duration):
    start = time.perf_counter()
    time.sleep(duration)
    return time.perf_counter() - start


def beyond(wait, waits):
    """For each duration, the time beyond it summed over `waits` waits, the
    durations taken in turn so that anything drifting on the machine falls
    on each alike."""
    totals = [0.0] * len(DURATIONS_US)
    for _ in range(waits):
        for index, micros in enumerate(DURATIONS_US):
            duration = micros / 1e6
            totals[index] += wait(duration) - duration
    return totals


def emit_cases(case, sleepers, totals, waits, each_duration, more=None):
    """`case` over all durations (`waits` of each), with `more` parameters,
    and, where `each_duration`, one case per duration (`tasks-10100us`)."""
    durations = [micros / 1e6 for micros in DURATIONS_US]
    params = {"sleepers": sleepers, "sleep_seconds": durations, **(more or {})}
    emit(case, sum(totals), items=waits * len(DURATIONS_US), params=params)
    if each_duration:
        for total, micros in zip(totals, DURATIONS_US):
            params = {"sleepers": sleepers, "sleep_seconds": micros / 1e6}
            emit(f"{case}-{micros}us", total, items=waits, params=params)


def main():
    # At least 0.3 s of sleeping in each case: 30 waits of each duration for
    # tasks, which have a case per duration; 6 for the others.
    waits, fewer = {"full": (30, 6), "tiny": (1, 1)}[size()]
    loop = asyncio.new_event_loop()

    def tasks(duration):
        return loop.run_until_complete(gathered_sleeps(duration))

    threads = Sleepers(SLEEPERS)
    warm_up = DURATIONS_US[0] / 1e6 / 100
    tasks(warm_up)
    threads.sleep(warm_up)
    # How late Linux may end a sleep, to fire several timers at once
    # (prctl(2), PR_SET_TIMERSLACK): part of what the reference measures.
    with open("/proc/self/timerslack_ns") as slack:
        more = {"timer_slack_seconds": int(slack.read()) * 1e-9}
    emit_cases("one-sleep", 1, beyond(one_sleep, fewer), fewer, False, more)
    emit_cases("tasks", SLEEPERS, beyond(tasks, waits), waits, True)
    emit_cases("threads", SLEEPERS, beyond(threads.sleep, fewer), fewer, False)
    threads.stop()
    loop.close()


if __name__ == "__main__":
    main()
