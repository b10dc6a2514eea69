import threading
import time

a = "a"


class Holder:
    def __init__(self):
        self.value = 1

    def run(self, name, seconds):
        global a
        time.sleep(seconds)
        print(name, a, self.value)
        self.value = name
        a = name


if __name__ == "__main__":
    holder = Holder()
    threading.Thread(target=holder.run, args=("t1", 0)).start()
    threading.Thread(target=holder.run, args=("t2", 1)).start()
    # No join: the interpreter waits for non-daemon threads before it exits.
