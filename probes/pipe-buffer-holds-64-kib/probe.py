# A Linux pipe keeps what was written, unread, in a buffer of 64 KiB by
# default: a writer that never blocks fills exactly that much, and every
# byte can still be read after the writing end is closed.
import os

reading, writing = os.pipe()
os.set_blocking(writing, False)
written = 0
try:
    while True:
        written += os.write(writing, b"x" * 4096)
except BlockingIOError:
    pass
os.close(writing)
print(f"bytes the pipe held before a write would block: {written} ({written // 1024} KiB)")

unread = 0
while chunk := os.read(reading, 65536):
    unread += len(chunk)
print(f"bytes read back after the writer closed its end: {unread}")
