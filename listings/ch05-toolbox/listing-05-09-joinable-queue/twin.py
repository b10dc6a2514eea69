import multiprocessing
import time

ITEMS = 5
EATING = 0.3


def produce(queue, name, food):
    for number in range(1, ITEMS + 1):
        print(f"{name}生产了一个{food}", flush=True)
        queue.put(f"{food}{number}")
    queue.join()
    print(f"{name}: join returned, all {ITEMS} eaten", flush=True)


def consume(queue, name):
    while True:
        food = queue.get()
        time.sleep(EATING)
        # Flushed at once: the consumer is killed, never exits, and into a
        # pipe what it had buffered would be lost with it.
        print(f"{name}吃了{food}", flush=True)
        queue.task_done()


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")
    queue = multiprocessing.JoinableQueue()
    producer = multiprocessing.Process(target=produce, args=(queue, "喜洋洋", "包子"))
    producer.start()
    consumer = multiprocessing.Process(target=consume, args=(queue, "灰太狼"))
    # Killed when the main process exits; it never ends by itself.
    consumer.daemon = True
    consumer.start()
    producer.join()
