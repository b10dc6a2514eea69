# The camelCase names of threading still work on CPython 3.11, and warn.
import threading
import warnings

warnings.simplefilter("always")
with warnings.catch_warnings(record=True) as caught:
    same = threading.currentThread() is threading.current_thread()
    thread = threading.Thread(target=lambda: None)
    thread.setName("worker")
    name = thread.getName()
print("currentThread() is current_thread():", same)
print("name after setName():", name)
for warning in caught:
    print(f"{warning.category.__name__}: {warning.message}")
