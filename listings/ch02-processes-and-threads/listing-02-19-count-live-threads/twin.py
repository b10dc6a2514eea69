import threading
import time

DANCE_OFFSET = 0.3


def sing():
    for i in range(3):
        print(f"正在唱歌...{i}")
        time.sleep(1)


def dance():
    time.sleep(DANCE_OFFSET)
    for i in range(3):
        print(f"正在跳舞...{i}")
        time.sleep(1)


if __name__ == "__main__":
    print(f"---开始---:{time.asctime(time.gmtime())}")
    threading.Thread(target=sing).start()
    threading.Thread(target=dance).start()
    time.sleep(0.6)
    seen = None
    while True:
        count = len(threading.enumerate())
        if count != seen:
            print(f"当前运行的线程数为：{count}")
            seen = count
        if count <= 1:
            break
        # Inside the loop, so that it polls ten times a second, not millions.
        time.sleep(0.1)
