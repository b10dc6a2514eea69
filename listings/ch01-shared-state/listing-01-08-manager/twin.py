import multiprocessing
import time


def run(shared, name, seconds):
    time.sleep(seconds)
    print(name, shared["a"], shared["value"])
    shared["value"] = name
    shared["a"] = name


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")
    with multiprocessing.Manager() as manager:
        # The global and the instance's attribute, kept by the server.
        shared = manager.dict(a="a", value=1)
        children = [
            multiprocessing.Process(target=run, args=(shared, "t1", 0)),
            multiprocessing.Process(target=run, args=(shared, "t2", 1)),
        ]
        for child in children:
            child.start()
        for child in children:
            child.join()
