import time


def say_sorry():
    print("亲爱的，我错了，我能吃饭了吗？")
    time.sleep(1)


if __name__ == "__main__":
    start = time.perf_counter()
    for _ in range(5):
        say_sorry()
    print(f"elapsed: {time.perf_counter() - start:.2f} s")
