# A forked child starts with a copy of its parent's memory, the random
# module's state included. Does it then draw the same numbers?
import os
import random

random.seed(2024)
read_end, write_end = os.pipe()
pid = os.fork()
if pid == 0:
    os.write(write_end, repr(random.random()).encode())
    os._exit(0)
os.close(write_end)
child = float(os.read(read_end, 100))
os.waitpid(pid, 0)
parent = random.random()
# The parent's number is the one its seed gives; a child with an untouched
# copy of that state would have drawn it too.
print("the parent drew seed 2024's first number:", parent == random.Random(2024).random())
print("the child, forked with that state, drew it too:", child == parent)
