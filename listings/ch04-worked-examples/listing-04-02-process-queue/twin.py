import multiprocessing
import os
import time

# The note sleeps random.randint(1, 2) seconds; a fixed half second keeps the
# run short and the order of the lines the same.
PAUSE = 0.5

# Each child flushes every line it prints. Into a pipe, Python's standard
# output is block-buffered: the reader's lines would still be in its buffer
# when terminate() kills it, and be lost, and the writer's would come out
# all at once when it exits.


def write(queue):
    print("Process write pid={}".format(os.getpid()), flush=True)
    for number in range(5):
        # Announced before it is put, so the reader cannot report a number
        # that the writer has not reported yet.
        print("Process write {}".format(number), flush=True)
        queue.put(number)
        time.sleep(PAUSE)


def read(queue):
    number = queue.get(block=True)
    # With the first number, so after the writer's first line.
    print("Process read pid={}".format(os.getpid()), flush=True)
    while True:
        print("Process read {}".format(number), flush=True)
        number = queue.get(block=True)


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")
    print("Main Processing pid={}".format(os.getpid()))
    queue = multiprocessing.Queue()
    writer = multiprocessing.Process(target=write, args=(queue,))
    reader = multiprocessing.Process(target=read, args=(queue,))
    writer.start()
    reader.start()
    writer.join()
    reader.terminate()
    reader.join()
    print("Process end..")
