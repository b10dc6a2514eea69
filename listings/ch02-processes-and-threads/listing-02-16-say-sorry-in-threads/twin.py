import threading
import time


def say_sorry():
    # One write for the line and its newline: print writes them separately,
    # and five threads printing at once could interleave the two.
    print("亲爱的，我错了，我能吃饭了吗？\n", end="")
    time.sleep(1)


if __name__ == "__main__":
    start = time.perf_counter()
    apologies = [threading.Thread(target=say_sorry) for _ in range(5)]
    for apology in apologies:
        apology.start()
    for apology in apologies:
        apology.join()
    print(f"elapsed: {time.perf_counter() - start:.2f} s")
