import threading

INCREMENTS = 1_000_000

g_num = 0
mutex = threading.Lock()


def add_a_million(start, seen):
    global g_num
    start.wait()
    for _ in range(INCREMENTS):
        with mutex:
            g_num += 1
    with mutex:
        seen.append(g_num)


if __name__ == "__main__":
    start = threading.Barrier(3)
    seen_by_test1, seen_by_test2 = [], []
    test1 = threading.Thread(target=add_a_million, args=(start, seen_by_test1))
    test2 = threading.Thread(target=add_a_million, args=(start, seen_by_test2))
    test1.start()
    test2.start()
    start.wait()
    with mutex:
        print(f"---g_num={g_num}---")
    test1.join()
    test2.join()
    print(f"---test1---g_num={seen_by_test1[0]}")
    print(f"---test2---g_num={seen_by_test2[0]}")
    print(f"---main---g_num={g_num}")
