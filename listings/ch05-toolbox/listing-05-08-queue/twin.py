import multiprocessing


def produce(queue):
    queue.put("food")


def consume(queue):
    print("consumer got", queue.get())


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")
    queue = multiprocessing.Queue()
    producer = multiprocessing.Process(target=produce, args=(queue,))
    consumer = multiprocessing.Process(target=consume, args=(queue,))
    producer.start()
    consumer.start()
