import multiprocessing
import queue

q = multiprocessing.Queue(3)
q.put("消息1")
q.put("消息2")
print(q.full())
q.put("消息3")
print(q.full())

try:
    q.put("消息4", True, 2)
except queue.Full:
    print("消息列队已满，现有消息数量:%s" % q.qsize())

try:
    q.put_nowait("消息4")
except queue.Full:
    print("消息列队已满，现有消息数量:%s" % q.qsize())

if not q.full():
    q.put_nowait("消息4")

if not q.empty():
    for _ in range(q.qsize()):
        print(q.get_nowait())
