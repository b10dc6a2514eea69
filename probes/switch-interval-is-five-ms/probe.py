# How long CPython lets a thread hold the GIL before another thread that
# waits for it asks for it back.
import sys

print("sys.getswitchinterval():", sys.getswitchinterval())
sys.setswitchinterval(0.001)
print("after sys.setswitchinterval(0.001):", sys.getswitchinterval())
