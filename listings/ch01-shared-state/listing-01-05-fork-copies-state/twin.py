import multiprocessing
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
    # fork, as on Linux by default: each child starts with a copy of `a`
    # and of `holder`.
    multiprocessing.set_start_method("fork")
    holder = Holder()
    children = [
        multiprocessing.Process(target=holder.run, args=("t1", 0)),
        multiprocessing.Process(target=holder.run, args=("t2", 1)),
    ]
    for child in children:
        child.start()
    for child in children:
        child.join()
