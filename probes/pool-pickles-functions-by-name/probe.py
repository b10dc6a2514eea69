# What does apply_async send a worker for a function? pickle writes the
# function as the name of its module and its own name, and the worker looks
# that name up in its own copy of the program. A lambda has no name that
# leads back to it, so the pool cannot send it.
import multiprocessing
import pickle
import pickletools


def worker(msg):
    return msg * 2


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")
    written = pickle.dumps(worker)
    names = [arg for _, arg, _ in pickletools.genops(written) if isinstance(arg, str)]
    print("the strings pickle writes for worker:", names)
    with multiprocessing.Pool(1) as pool:
        print("worker sent by name returns:", pool.apply(worker, (3,)))
        try:
            pool.apply(lambda: 1)
        except pickle.PicklingError as error:
            print(f"a lambda: {type(error).__name__}: {error}")
