# The forkserver start method starts its server process when the first
# child is started, not when the method is chosen: a fresh interpreter,
# running multiprocessing.forkserver.main with a single thread, which forks
# every child. Each child then loads this file again, as __mp_main__, as a
# spawned child does. (The server was meant to load it once, for every child
# to inherit; a fix of September 2025, CPython's gh-126631, made it do so in
# later releases.)
import multiprocessing
import os
from multiprocessing import forkserver

# Which process ran this file: the parent, or a process that loaded it
# again (or one forked from such a process, which inherits the value).
LOADED_BY = os.getpid()


def send_parent(connection):
    connection.send((os.getppid(), __name__, LOADED_BY == os.getpid()))


def server_pid():
    return forkserver._forkserver._forkserver_pid


def describe_server(pid):
    with open(f"/proc/{pid}/cmdline", "rb") as file:
        arguments = file.read().decode().split("\0")
    runs_main = any(a.startswith("from multiprocessing.forkserver import main") for a in arguments)
    with open(f"/proc/{pid}/status") as file:
        threads = next(line.split()[1] for line in file if line.startswith("Threads:"))
    return f"runs forkserver.main in a fresh interpreter: {runs_main}, threads: {threads}"


if __name__ == "__main__":
    multiprocessing.set_start_method("forkserver")
    print(f"server running after set_start_method: {server_pid() is not None}")
    for _ in range(2):
        receiving, sending = multiprocessing.Pipe(duplex=False)
        child = multiprocessing.Process(target=send_parent, args=(sending,))
        child.start()
        sending.close()  # so that recv() fails, not hangs, if the child dies
        parent, name, loaded_by_child = receiving.recv()
        child.join()
        print(f"after a child started: server running: {server_pid() is not None}, "
              f"the child's parent is the server: {parent == server_pid()}, "
              f"the child loaded this file itself: {loaded_by_child}, as {name}")
    print(f"the server: {describe_server(server_pid())}")
