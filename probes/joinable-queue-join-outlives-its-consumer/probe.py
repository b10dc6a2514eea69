# JoinableQueue.join() waits until every item put has been marked done. A
# consumer that dies after get() and before task_done() leaves the count
# above zero for good, and join() has no timeout to give up with.
import multiprocessing
import threading


def take_one_and_die(queue):
    queue.get()
    raise SystemExit(3)  # dies before task_done()


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")
    queue = multiprocessing.JoinableQueue()
    queue.put("包子")
    consumer = multiprocessing.Process(target=take_one_and_die, args=(queue,))
    consumer.start()
    consumer.join()
    print(f"the consumer got the item and exited with status {consumer.exitcode}")
    # join() on a thread of its own, so that the probe can stop looking.
    joiner = threading.Thread(target=queue.join, daemon=True)
    joiner.start()
    joiner.join(3)
    print(f"queue.join() still waiting 3 s later: {joiner.is_alive()}")
