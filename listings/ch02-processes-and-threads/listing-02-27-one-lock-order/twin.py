import threading
import time

mutexA = threading.Lock()
mutexB = threading.Lock()


def work(step):
    name = threading.current_thread().name
    with mutexA:
        print(f"{name}----{step}---up----")
        time.sleep(1)
        with mutexB:
            print(f"{name}----{step}---down----")


if __name__ == "__main__":
    t1 = threading.Thread(target=work, args=("do1",), name="Thread-1")
    t2 = threading.Thread(target=work, args=("do2",), name="Thread-2")
    t1.start()
    time.sleep(0.5)
    t2.start()
