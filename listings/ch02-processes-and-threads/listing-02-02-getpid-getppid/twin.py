import os
import sys

# One write per line: `print` writes the text and the newline separately,
# and another process's line can land between the two.
pid = os.fork()
if pid == 0:
    sys.stdout.write("我是子进程（%d），我的父进程是（%d）\n" % (os.getpid(), os.getppid()))
else:
    sys.stdout.write("我是父进程（%d），我的子进程是（%d）\n" % (os.getpid(), pid))

sys.stdout.write("父子进程都可以执行这里的代码\n")

if pid != 0:
    os.waitpid(pid, 0)
