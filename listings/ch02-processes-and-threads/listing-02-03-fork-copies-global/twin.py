import os

num = 0

pid = os.fork()
if pid == 0:
    num += 1
    print("哈哈1---num=%d" % num)
else:
    os.waitpid(pid, 0)
    num += 1
    print("哈哈2---num=%d" % num)
