"""Workload 3: small messages (the integers 0..n) from one thread, process
or task to another, which adds them up; each case sends as many as it takes
to run for 0.3 s, and prints how many.

Timed: between threads and between tasks, from before the queue is made and
the producer started until the consumer has the last message and the
producer is joined (or awaited); between processes, from the moment the
child, already started, is told to go until the parent has the last
message."""

import asyncio
import multiprocessing
import queue
import threading
import time

from common import check, emit, size

# The capacity of the bounded queues: one message, so the producer must wait
# for the consumer to take each one before it puts the next.
HANDOFF = 1


def between_threads(count, capacity=0):
    """capacity 0 is queue.Queue's default: unbounded."""
    start = time.perf_counter()
    channel = queue.Queue(capacity)

    def produce():
        for number in range(count):
            channel.put(number)

    producer = threading.Thread(target=produce)
    producer.start()
    receive(channel.get, count)
    producer.join()
    return time.perf_counter() - start


def queue_producer(channel, go, count):
    channel.put("ready")
    go.wait()
    for number in range(count):
        channel.put(number)


def between_processes_by_queue(count):
    channel = multiprocessing.Queue()
    go = multiprocessing.Event()
    producer = multiprocessing.Process(target=queue_producer, args=(channel, go, count))
    producer.start()
    channel.get()
    # The clock starts once the child is up: starting it is workload 4's.
    start = time.perf_counter()
    go.set()
    receive(channel.get, count)
    elapsed = time.perf_counter() - start
    producer.join()
    return elapsed


def pipe_producer(connection, count):
    connection.send("ready")
    connection.recv()
    for number in range(count):
        connection.send(number)


def between_processes_by_pipe(count):
    ours, theirs = multiprocessing.Pipe()
    producer = multiprocessing.Process(target=pipe_producer, args=(theirs, count))
    producer.start()
    ours.recv()
    start = time.perf_counter()
    ours.send("go")
    receive(ours.recv, count)
    elapsed = time.perf_counter() - start
    producer.join()
    return elapsed


async def between_tasks(count, capacity):
    """A producer task and this one, the consumer, through an asyncio.Queue
    of `capacity` (0: unbounded). Returns the time and how often the consumer
    found the queue empty, each time a wait for the producer to run."""
    start = time.perf_counter()
    channel = asyncio.Queue(capacity)

    async def produce():
        for number in range(count):
            await channel.put(number)

    producer = asyncio.create_task(produce())
    total = waits = 0
    for _ in range(count):
        if channel.empty():
            waits += 1
        total += await channel.get()
    await producer
    elapsed = time.perf_counter() - start
    check("sum received", total, count * (count - 1) // 2)
    if capacity == HANDOFF:
        # The producer cannot put the next message before the consumer has
        # taken the last, so the consumer waits for every one.
        check("messages the consumer waited for", waits, count)
    return elapsed, waits


def receive(get, count):
    check("sum received", sum(get() for _ in range(count)), count * (count - 1) // 2)


def untallied(run):
    return lambda count: (run(count), None)


def between(what, capacity):
    return {what: 2, "capacity": capacity}


PROCESSES = {"processes": 2}


CASES = [
    ("threads-queue", untallied(between_threads), 200_000, between("threads", None)),
    (
        "threads-handoff-queue",
        untallied(lambda count: between_threads(count, HANDOFF)),
        25_000,
        between("threads", HANDOFF),
    ),
    (
        "processes-queue",
        untallied(between_processes_by_queue),
        110_000,
        PROCESSES,
    ),
    (
        "processes-pipe",
        untallied(between_processes_by_pipe),
        130_000,
        PROCESSES,
    ),
    (
        "tasks-queue",
        lambda count: asyncio.run(between_tasks(count, HANDOFF)),
        80_000,
        between("tasks", HANDOFF),
    ),
    (
        "tasks-burst-queue",
        lambda count: asyncio.run(between_tasks(count, 0)),
        700_000,
        between("tasks", None),
    ),
]


def main():
    tiny = size() == "tiny"
    cases = [(name, run, 200 if tiny else count, params) for name, run, count, params in CASES]
    for _, run, count, _ in cases:
        run(count // 100)
    for name, run, count, params in cases:
        elapsed, waits = run(count)
        if waits is not None:
            emit(f"{name}-waits", waits, "count", params=params)
        emit(name, elapsed, items=count, params=params)


if __name__ == "__main__":
    main()
