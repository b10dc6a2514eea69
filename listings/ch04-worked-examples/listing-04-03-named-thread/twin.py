import threading
import time

# The note sleeps a second per round; a fifth of one shows the same thing.
PAUSE = 0.2


def loop():
    print("thread {} is begin...".format(threading.current_thread().name))
    for _ in range(5):
        print("thread {} is running...".format(threading.current_thread().name))
        time.sleep(PAUSE)
    print("thread {} is end...".format(threading.current_thread().name))


looping = threading.Thread(target=loop, name="LoopThread")
looping.start()
looping.join()

print("thread {} is end...".format(threading.current_thread().name))
