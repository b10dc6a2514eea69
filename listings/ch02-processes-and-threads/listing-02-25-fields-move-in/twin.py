import threading
import time


class MyThread(threading.Thread):
    def __init__(self, num, sleep_time):
        super().__init__()
        self.num = num
        self.sleep_time = sleep_time

    def run(self):
        self.num += 1
        time.sleep(self.sleep_time)
        print(f"线程({self.name}),num={self.num}")


if __name__ == "__main__":
    MyThread(100, 5).start()
    MyThread(200, 1).start()
