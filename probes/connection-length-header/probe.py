# What multiprocessing's Connection writes before each message: a signed
# 4-byte big-endian length, or, for a body of 2 GiB or more, -1 in those
# 4 bytes and the length in the 8 bytes that follow.
import inspect
import os
import struct
from multiprocessing import connection

reader, writer = connection.Pipe(duplex=False)

writer.send_bytes(b"Hello")
print(f"send_bytes(b'Hello') wrote: {os.read(reader.fileno(), 64).hex(' ')}")

# A 2 GiB body is too big to send here; the reader takes the long form for
# any length, so a short body shows it.
os.write(writer.fileno(), struct.pack("!i", -1) + struct.pack("!Q", 5) + b"Hello")
print(f"ff ff ff ff, then 5 in 8 bytes, then Hello, is read as {reader.recv_bytes()!r}")

print("The code that writes the header:")
print(inspect.getsource(connection.Connection._send_bytes).rstrip())
