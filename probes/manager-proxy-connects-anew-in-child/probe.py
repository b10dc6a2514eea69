# A manager's proxy does not use its parent's connection in a forked child.
# BaseProxy keeps its connection to the server in a ForkAwareLocal, which
# multiprocessing empties in every child it starts, so the child's first
# call opens a connection of its own.
import inspect
import multiprocessing
import os
from multiprocessing import managers, util


def connection_socket(proxy):
    """The inode of the socket behind the proxy's connection in this
    process and thread, or None where it has none yet."""
    connection = getattr(proxy._tls, "connection", None)
    return None if connection is None else os.fstat(connection.fileno()).st_ino


def child(shared, report):
    before = connection_socket(shared)
    shared["child"] = "was here"
    report.send((before, connection_socket(shared)))


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")
    with multiprocessing.Manager() as manager:
        shared = manager.dict()
        shared["parent"] = "was here"
        parents = connection_socket(shared)
        receiving, sending = multiprocessing.Pipe(duplex=False)
        process = multiprocessing.Process(target=child, args=(shared, sending))
        process.start()
        sending.close()  # so that recv() fails, not hangs, if the child dies
        before, after = receiving.recv()
        process.join()
        print(f"the parent's proxy has a connection: {parents is not None}")
        print(f"in the child, before its first call, the proxy has a connection: {before is not None}")
        print(f"after it, the child has a connection of its own: {after not in (None, parents)}")
        print(f"the dictionary: {sorted(shared.items())}")
    # Where: the proxy's per-process state, and what a child does with it.
    for code in (managers.BaseProxy.__init__, util.ForkAwareLocal):
        for line in inspect.getsource(code).splitlines():
            if "register_after_fork" in line or "ForkAwareLocal()" in line:
                print(f"{code.__qualname__}: {line.strip()}")
