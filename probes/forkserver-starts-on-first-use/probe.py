# The forkserver start method starts its server process when the first
# child is started, not when the method is chosen; every child is then
# forked by that one server.
import multiprocessing
import os
from multiprocessing import forkserver


def send_parent(connection):
    connection.send(os.getppid())


def server_pid():
    return forkserver._forkserver._forkserver_pid


if __name__ == "__main__":
    multiprocessing.set_start_method("forkserver")
    print(f"server running after set_start_method: {server_pid() is not None}")
    for _ in range(2):
        receiving, sending = multiprocessing.Pipe(duplex=False)
        child = multiprocessing.Process(target=send_parent, args=(sending,))
        child.start()
        parent = receiving.recv()
        child.join()
        print(f"after a child started: server running: {server_pid() is not None}, "
              f"the child's parent is the server: {parent == server_pid()}")
