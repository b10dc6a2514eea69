import multiprocessing

event = multiprocessing.Event()
print(event.is_set())
event.set()
print(event.is_set())
event.clear()
print(event.is_set())
event.wait(3)
print(12345)
