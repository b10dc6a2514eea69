"""Workload 3: small messages (the integers 0..n) from one thread, process
or task to another, which adds them up; each case sends as many as it takes
to run for 0.3 s, and prints how many."""

import asyncio
import multiprocessing
import queue
import threading
import time

from common import check, emit, size


def between_threads(count):
    channel = queue.Queue()

    def produce():
        for number in range(count):
            channel.put(number)

    start = time.perf_counter()
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


async def between_tasks(count):
    channel = asyncio.Queue()

    async def produce():
        for number in range(count):
            await channel.put(number)

    start = time.perf_counter()
    producer = asyncio.create_task(produce())
    total = 0
    for _ in range(count):
        total += await channel.get()
    await producer
    elapsed = time.perf_counter() - start
    check("sum received", total, count * (count - 1) // 2)
    return elapsed


def receive(get, count):
    check("sum received", sum(get() for _ in range(count)), count * (count - 1) // 2)


CASES = [
    ("threads-queue", between_threads, 200_000),
    ("processes-queue", between_processes_by_queue, 110_000),
    ("processes-pipe", between_processes_by_pipe, 130_000),
    ("tasks-queue", lambda count: asyncio.run(between_tasks(count)), 700_000),
]


def main():
    tiny = size() == "tiny"
    cases = [(name, run, 200 if tiny else count) for name, run, count in CASES]
    for _, run, count in cases:
        run(count // 100)
    for name, run, count in cases:
        emit(name, run(count), items=count)


if __name__ == "__main__":
    main()
