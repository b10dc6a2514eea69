# A process that has put items on a multiprocessing.Queue does not end until
# its feeder thread has written every item into the queue's pipe, and a pipe
# holds only 64 KiB that nobody has read. So joining the writer before
# anyone reads works for a few small items and hangs for more: here the
# writer is still alive when join(3) gives up, and ends as soon as the
# parent reads the items.
import multiprocessing

ITEM = b"x" * 1024


def write(q, items):
    for _ in range(items):
        q.put(ITEM)


def join_then_read(items):
    q = multiprocessing.Queue()
    # A daemon, so that a failing probe cannot leave it behind.
    writer = multiprocessing.Process(target=write, args=(q, items), daemon=True)
    writer.start()
    writer.join(timeout=3)
    alive_after_join = writer.is_alive()
    received = sum(q.get(timeout=10) == ITEM for _ in range(items))
    writer.join(timeout=10)
    if writer.is_alive():
        writer.terminate()
        writer.join()
    print(f"{items} items of 1 KiB: writer alive after join(3): {alive_after_join}; "
          f"items read after it: {received}; then the writer exited with {writer.exitcode}")


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")
    join_then_read(3)
    join_then_read(100)
