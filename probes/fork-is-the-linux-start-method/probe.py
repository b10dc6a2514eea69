# The start method multiprocessing uses when the program names none. Python
# 3.14 changes it on Linux to forkserver; the versions this probe runs on,
# 3.11 to 3.13, still fork.
import multiprocessing
import sys

print("platform:", sys.platform)
print("python", ".".join(map(str, sys.version_info[:2])))
print("default start method:", multiprocessing.get_start_method())
print("available:", multiprocessing.get_all_start_methods())
