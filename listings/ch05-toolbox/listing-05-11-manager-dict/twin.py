import multiprocessing


def decrement(shared):
    shared["count"] -= 1
    print(shared)


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")
    with multiprocessing.Manager() as manager:
        shared = manager.dict({"count": 100})
        child = multiprocessing.Process(target=decrement, args=(shared,))
        child.start()
        child.join()
        print("主进程", shared)
