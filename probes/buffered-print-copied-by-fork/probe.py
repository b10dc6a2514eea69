# The note's two forks in a row, run with its output going into a pipe
# rather than a terminal: a line still in print's buffer at the second fork
# is copied into both processes and written twice. Then the same run
# unbuffered, as the book runs every twin.
import collections
import os
import re
import subprocess
import sys

PROGRAM = """\
import os
import time

pid = os.fork()
if pid == 0:
    print("哈哈1")
else:
    print("哈哈2")

pid = os.fork()
if pid == 0:
    print("哈哈3")
else:
    print("哈哈4")

time.sleep(1)
"""


def count_lines(unbuffered):
    env = dict(os.environ)
    env.pop("PYTHONUNBUFFERED", None)
    if unbuffered:
        env["PYTHONUNBUFFERED"] = "1"
    # The pipe stays open until the last of the four processes exits.
    run = subprocess.run(
        [sys.executable, "-c", PROGRAM], stdout=subprocess.PIPE, env=env, timeout=30
    )
    # Unbuffered, print writes the text and the newline apart, so lines
    # from four processes can tear: count the texts, not the lines.
    counts = collections.Counter(re.findall("哈哈[1-4]", run.stdout.decode()))
    return sum(counts.values()), " ".join(f"{text}×{n}" for text, n in sorted(counts.items()))


for unbuffered in (False, True):
    total, lines = count_lines(unbuffered)
    print(f"into a pipe, PYTHONUNBUFFERED {'set' if unbuffered else 'unset'}: {total} printed: {lines}")
