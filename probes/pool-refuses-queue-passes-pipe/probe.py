# A multiprocessing.Queue handed to a pool worker as an argument is refused
# by the queue itself: its __getstate__ calls assert_spawning. A Pipe() end
# handed over the same way works, because multiprocessing sends the file
# descriptor to the running worker (resource_sharer).
import multiprocessing
import traceback


def put_hello(queue):
    queue.put("hello")


def send_hello(connection):
    connection.send("hello through the pipe")


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")
    with multiprocessing.Pool(1) as pool:
        queue = multiprocessing.Queue()
        try:
            pool.apply(put_hello, (queue,))
        except RuntimeError as error:
            print(f"RuntimeError: {error}")
            frames = traceback.extract_tb(error.__traceback__)
            print("raised by", " -> ".join(frame.name for frame in frames[-2:]))

        receiving, sending = multiprocessing.Pipe(duplex=False)
        pool.apply(send_hello, (sending,))
        print(f"the parent received: {receiving.recv()}")
