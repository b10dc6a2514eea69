import multiprocessing


def put_greeting(queue):
    queue.put("Hello from the child")


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")
    queue = multiprocessing.Queue()
    child = multiprocessing.Process(target=put_greeting, args=(queue,))
    child.start()
    print(queue.get())
    child.join()
