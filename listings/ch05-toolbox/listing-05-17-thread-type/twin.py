import threading
import time


class Delayed(threading.Thread):
    def __init__(self, args):
        super().__init__()
        self.args = args

    def run(self):
        time.sleep(1)
        print(self.args)


Delayed((1, 2)).start()
