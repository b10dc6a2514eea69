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
    # Daemon threads are the ones Python does not wait for at exit, which is
    # how every Rust thread is treated when main returns.
    threading.Thread(target=sing, daemon=True).start()
    threading.Thread(target=dance, daemon=True).start()
    time.sleep(0.6)
    print(f"---结束---:{time.asctime(time.gmtime())}")
