import multiprocessing

# Module level: runs in the parent, and again in every spawned child.
print("program starts:", "parent" if __name__ == "__main__" else "child")


class ProcessDemo(multiprocessing.Process):
    def run(self):
        print(12345)


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    child = ProcessDemo()
    child.start()
    child.join()
