# How many threads a ThreadPoolExecutor() gets when max_workers is not given.
import os
import sys
from concurrent.futures import ThreadPoolExecutor

with ThreadPoolExecutor() as executor:
    workers = executor._max_workers
print(f"Python {sys.version_info.major}.{sys.version_info.minor}, {os.cpu_count()} CPUs")
print("max_workers == min(32, os.cpu_count() + 4):", workers == min(32, os.cpu_count() + 4))
