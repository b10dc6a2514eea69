import os
import sys

# One write per line: `print` writes the text and the newline separately,
# and another process's line can land between the two.
pid = os.fork()
if pid == 0:
    sys.stdout.write("哈哈1\n")
else:
    sys.stdout.write("哈哈2\n")
    os.waitpid(pid, 0)
