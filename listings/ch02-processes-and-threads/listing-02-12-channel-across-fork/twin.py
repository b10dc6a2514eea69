import os
import queue

# A thread queue lives in this process's memory, like a Rust channel.
q = queue.Queue()

pid = os.fork()
if pid == 0:
    q.put("A")
    print("child: sent A")
else:
    os.waitpid(pid, 0)
    try:
        print("parent: got %s" % q.get_nowait())
    except queue.Empty:
        print("parent: the channel is empty")
