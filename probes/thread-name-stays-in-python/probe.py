# Note 003's thread1.py names its thread LoopThread. Does the operating
# system see that name? Linux keeps each thread's name in
# /proc/self/task/<thread id>/comm, where top -H and gdb read it.
import threading


def os_thread_name():
    with open(f"/proc/self/task/{threading.get_native_id()}/comm") as comm:
        return comm.read().rstrip("\n")


main_thread_name = os_thread_name()
seen = {}
loop_thread = threading.Thread(target=lambda: seen.update(name=os_thread_name()), name="LoopThread")
loop_thread.start()
loop_thread.join()
print("Python's name:", loop_thread.name)
print("the OS's name is LoopThread:", seen["name"] == "LoopThread")
print("the OS's name is the main thread's, the program's:", seen["name"] == main_thread_name)
