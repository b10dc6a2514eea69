import multiprocessing


class ProcessDemo(multiprocessing.Process):
    def run(self):
        print(12345)


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")
    ProcessDemo().start()
