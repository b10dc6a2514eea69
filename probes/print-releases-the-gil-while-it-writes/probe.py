# Whether `print` calls write(2) depends on the file's buffering, and while
# write(2) runs, the thread that called it does not hold the GIL.
import os
import threading
import time


def pipe_is_empty(reader):
    os.set_blocking(reader, False)
    try:
        os.read(reader, 65536)
        return False
    except BlockingIOError:
        return True
    finally:
        os.set_blocking(reader, True)


# Into a pipe, stdout is block-buffered: print only fills a buffer in memory.
reader, writer = os.pipe()
with open(writer, "w") as block_buffered:
    print("a line", file=block_buffered)
    print("print to a block-buffered file made no write(2):", pipe_is_empty(reader))
os.close(reader)

# On a terminal, stdout is line-buffered: each line is written at once.
reader, writer = os.pipe()
with open(writer, "w", buffering=1) as line_buffered:
    print("a line", file=line_buffered)
    print("print to a line-buffered file wrote the line:", os.read(reader, 100) == b"a line\n")
os.close(reader)

# A pipe nobody reads fills up, and a write(2) to it blocks. A thread
# prints into it; meanwhile the main thread counts, in Python.
reader, writer = os.pipe()
os.set_blocking(writer, False)
try:
    while True:
        os.write(writer, b"x" * 4096)
except BlockingIOError:
    pass
os.set_blocking(writer, True)
full_pipe = open(writer, "w", buffering=1)
printer = threading.Thread(target=print, args=("a line",), kwargs={"file": full_pipe})
printer.start()
counted = 0
deadline = time.monotonic() + 0.2
while time.monotonic() < deadline:
    counted += 1
print("while the other thread's print was blocked in write(2), the main thread ran:",
      printer.is_alive() and counted > 0)
drained = b""
while not drained.endswith(b"a line\n"):
    drained += os.read(reader, 65536)
printer.join()
full_pipe.close()
os.close(reader)
