# Linux: a child whose parent is alive but has not waited for it stays a
# zombie; a child whose parent has exited is adopted, and its new parent
# collects it.
import ctypes
import os
import time

PR_SET_CHILD_SUBREAPER = 36


def state(pid):
    with open(f"/proc/{pid}/stat") as stat:
        return stat.read().rsplit(")", 1)[1].split()[0]


# 1. The parent lives on and does not wait: the exited child is a zombie.
child = os.fork()
if child == 0:
    os._exit(0)
time.sleep(0.2)
print("exited child, parent not waiting: state", state(child))
os.waitpid(child, 0)

# 2. The parent exits first. Orphans go to init, or to the nearest ancestor
# that asked to be a "subreaper"; this process asks, so that what happens
# can be seen from here rather than from init.
ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
read_end, write_end = os.pipe()
middle = os.fork()
if middle == 0:
    grandchild = os.fork()
    if grandchild == 0:
        time.sleep(0.2)  # outlive the middle process
        os._exit(0)
    os.write(write_end, str(grandchild).encode())
    os._exit(0)
grandchild = int(os.read(read_end, 32))
os.waitpid(middle, 0)
with open(f"/proc/{grandchild}/stat") as stat:
    new_parent = int(stat.read().rsplit(")", 1)[1].split()[1])
print("orphan adopted by the subreaper:", new_parent == os.getpid())
reaped, status = os.waitpid(grandchild, 0)
print("orphan collected by its new parent:", reaped == grandchild, "status", status)
