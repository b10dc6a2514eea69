# Note 003's thread2.py without its lock: two threads call change(n), which
# adds n to a global and subtracts it again, with n 1 and 2.
import threading

num = 0


def change(n):
    global num
    num = num + n
    num = num - n


def run_thread(n, times):
    for _ in range(times):
        change(n)


def end_num(times):
    global num
    num = 0
    threads = [threading.Thread(target=run_thread, args=(n, times)) for n in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return num


for times in (10_000, 1_000_000):
    ends = [end_num(times) for _ in range(5)]
    print(f"{times} calls per thread, 5 runs, end num: {ends}")
