import threading

num = 0
num_lock = threading.Lock()


def change(n):
    global num
    # `with` releases the lock however the block ends, like the note's
    # acquire() ... finally: release().
    with num_lock:
        num = num + n
        num = num - n


def run(n):
    for _ in range(10000):
        change(n)


print("begin num:", num)
t1 = threading.Thread(target=run, args=(1,))
t2 = threading.Thread(target=run, args=(2,))
t1.start()
t2.start()
t1.join()
t2.join()
print("end num:", num)
