# What the spawn start method does: the child is a fresh interpreter that
# runs multiprocessing.spawn.spawn_main. It reads from a pipe what the parent
# pickled (how to prepare, then the Process object with its target), runs
# the parent's main file again under the name __mp_main__, so that the
# `if __name__ == "__main__":` block stays the parent's, and calls the target.
import multiprocessing
import pickle
import sys

print(f"this file is running as {__name__}", flush=True)


def report():
    with open("/proc/self/cmdline", "rb") as file:
        arguments = file.read().decode().split("\0")[:-1]
    # From -c on: before it come the interpreter and the flags it copies.
    print(f"the child's command line, from -c: {arguments[arguments.index('-c'):]}")
    print(f"the target's module in the child: {report.__module__}")
    print(f"__main__ is __mp_main__ in the child: {sys.modules['__main__'] is sys.modules['__mp_main__']}")


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    child = multiprocessing.Process(target=report)
    child.start()
    child.join()
    # The target travels pickled, by its module and name; a lambda has no
    # name to be found by, and start() fails in the parent.
    try:
        multiprocessing.Process(target=lambda: None).start()
    except pickle.PicklingError as error:
        print(f"a lambda target: {type(error).__name__} in the parent")
