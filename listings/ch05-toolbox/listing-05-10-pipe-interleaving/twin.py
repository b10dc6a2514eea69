import itertools
import multiprocessing
import os
import select

MESSAGES_PER_WRITER = 100
WRITERS = [b"a", b"b"]


def write_messages(write_end, letter, size):
    message = letter * size
    for _ in range(MESSAGES_PER_WRITER):
        written = os.write(write_end, message)  # one write() call
        if written != size:
            raise OSError(f"short write: {written} of {size} bytes")


def count_torn(size):
    read_end, write_end = os.pipe()
    children = [
        multiprocessing.Process(target=write_messages, args=(write_end, letter, size))
        for letter in WRITERS
    ]
    for child in children:
        child.start()
    os.close(write_end)
    received = bytearray()
    while chunk := os.read(read_end, 1 << 16):
        received += chunk
    os.close(read_end)
    for child in children:
        child.join()
        if child.exitcode != 0:
            raise SystemExit(f"a writer failed with {child.exitcode}")
    expected = size * MESSAGES_PER_WRITER * len(WRITERS)
    if len(received) != expected:
        raise SystemExit(f"read {len(received)} bytes, expected {expected}")
    return sum(torn_messages_of(letter[0], received, size) for letter in WRITERS)


# A run of the writer's letter that ends inside one of its messages means
# the other writer cut in there.
def torn_messages_of(letter, received, size):
    bytes_so_far = 0
    torn = set()
    for byte, run in itertools.groupby(received):
        if byte != letter:
            continue
        bytes_so_far += sum(1 for _ in run)
        if bytes_so_far % size:
            torn.add(bytes_so_far // size)
    return len(torn)


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")
    total = MESSAGES_PER_WRITER * len(WRITERS)
    small = 512
    print(f"{total} messages of {small} bytes, at most PIPE_BUF ({select.PIPE_BUF}): {count_torn(small)} torn")
    large = 100_000
    print(f"{total} messages of {large} bytes, over PIPE_BUF: {count_torn(large)} torn")
