import os
import sys

# One write per line: `print` writes the text and the newline separately,
# and another process's line can land between the two.
first = os.fork()
if first == 0:
    sys.stdout.write("哈哈1\n")
else:
    sys.stdout.write("哈哈2\n")

second = os.fork()
if second == 0:
    sys.stdout.write("哈哈3\n")
else:
    sys.stdout.write("哈哈4\n")

# A child of the second fork inherited `first`, but the first child is
# not its child to wait for.
if second != 0:
    os.waitpid(second, 0)
    if first != 0:
        os.waitpid(first, 0)
