# The shape of note 001's getpid/getppid program, with its `x+=1` on an
# undefined name: the child dies with a NameError before the line that the
# note says both processes print, and only the parent prints it.
import os

pid = os.fork()
if pid == 0:
    print("child: before x+=1")
    x += 1  # noqa: F821 -- the note's mistake, kept on purpose
else:
    _, status = os.waitpid(pid, 0)
    print(f"parent: the child exited with status {os.waitstatus_to_exitcode(status)}")
print(f"both processes should print this; printed by the {'child' if pid == 0 else 'parent'}")
