import threading

g_num = 100


def work1():
    global g_num
    for _ in range(3):
        g_num += 1
    print(f"----in work1, g_num is {g_num}---")


def work2():
    print(f"----in work2, g_num is {g_num}---")


if __name__ == "__main__":
    print(f"---线程创建之前g_num is {g_num}---")
    t1 = threading.Thread(target=work1)
    t1.start()
    t1.join()
    t2 = threading.Thread(target=work2)
    t2.start()
    t2.join()
