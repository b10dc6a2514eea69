# What `print` hands to standard output, call by call.
import sys


class Recorder:
    """A stand-in for sys.stdout that keeps every write."""

    def __init__(self):
        self.writes = []

    def write(self, text):
        self.writes.append(text)
        return len(text)

    def flush(self):
        pass


recorder = Recorder()
sys.stdout = recorder
print(96)
sys.stdout.write("10\n")
sys.stdout = sys.__stdout__
print("print(96) wrote:", recorder.writes[:2])
print('sys.stdout.write("10\\n") wrote:', recorder.writes[2:])
