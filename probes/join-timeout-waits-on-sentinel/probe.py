# Process.join(timeout) on a forked child does not poll the child's status
# in a loop. It waits, through multiprocessing.connection.wait (poll(2) on
# Linux), for the child's sentinel: the read end of a pipe whose write end
# only the child holds, and which the kernel closes when the child exits.
# Then one waitpid collects the status.
import multiprocessing
import os
import stat
import time
from multiprocessing import connection

waits = []
waitpids = []
real_wait = connection.wait
real_waitpid = os.waitpid


def recording_wait(objects, timeout=None):
    waits.append((objects, timeout))
    return real_wait(objects, timeout)


def recording_waitpid(pid, options):
    waitpids.append("waitpid(pid, WNOHANG)" if options == os.WNOHANG else f"waitpid(pid, {options})")
    return real_waitpid(pid, options)


connection.wait = recording_wait
os.waitpid = recording_waitpid


def sleep(seconds):
    time.sleep(seconds)


def join(child, timeout):
    waits.clear()
    waitpids.clear()
    began = time.monotonic()
    child.join(timeout)
    took = time.monotonic() - began
    (objects, waited), = waits
    print(f"join(timeout={timeout}): one wait on [sentinel] for at most {waited} s: "
          f"{objects == [child.sentinel]}, then {waitpids or 'no waitpid'}; "
          f"returned {'when the time was up' if took >= timeout else 'before the time was up'}")


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")
    child = multiprocessing.Process(target=sleep, args=(1,))
    child.start()
    print(f"the sentinel is a pipe's read end: {stat.S_ISFIFO(os.fstat(child.sentinel).st_mode)}")
    print(f"connection.wait waits with: {connection._WaitSelector.__name__}")
    join(child, 0.2)  # the child still sleeps: the wait times out
    print(f"is_alive()={child.is_alive()}")
    join(child, 30)  # the child exits after its second: the wait ends then
    print(f"is_alive()={child.is_alive()}, exitcode={child.exitcode}")
