# A blocking write of more than a pipe holds is not done in one piece: the
# kernel copies in what fits, 64 KiB, and the writer then waits inside the
# same write() for the reader to make room, with the rest of its bytes still
# to come. While it waits, another writer's bytes can go in first.
import fcntl
import os
import struct
import termios
import threading
import time

MESSAGE = 100_000

reading, writing = os.pipe()


def unread():
    return struct.unpack("i", fcntl.ioctl(reading, termios.FIONREAD, b"\0" * 4))[0]


written = []


def write_message():
    written.append(os.write(writing, b"a" * MESSAGE))  # one write() call


# os.write lets go of the GIL while write() blocks, so the main thread can
# look at the pipe meanwhile.
writer = threading.Thread(target=write_message)
writer.start()
deadline = time.monotonic() + 10
while unread() < 65536 and time.monotonic() < deadline:
    time.sleep(0.01)
time.sleep(0.2)  # time enough for the write to go on, if it could
print(f"one write() of {MESSAGE} bytes into a pipe nobody reads:")
print(f"  bytes in the pipe: {unread()}; the write has returned: {not writer.is_alive()}")

received = b""
while len(received) < MESSAGE:
    received += os.read(reading, 65536)
writer.join()
print(f"  once the reader made room: the same write() returned {written[0]}")
