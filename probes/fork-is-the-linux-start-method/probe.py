# The start method multiprocessing uses when the program names none.
import multiprocessing
import sys

print("platform:", sys.platform)
print("python", ".".join(map(str, sys.version_info[:2])))
print("default start method:", multiprocessing.get_start_method())
print("available:", multiprocessing.get_all_start_methods())
