# The start method multiprocessing uses when a program names none.
import multiprocessing
import sys

print(sys.platform, multiprocessing.get_start_method())
