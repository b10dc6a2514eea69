import threading
import time


def work1(nums):
    nums.append(44)
    print("----in work1---", nums)


def work2(nums):
    time.sleep(1)
    print("----in work2---", nums)


if __name__ == "__main__":
    g_nums = [11, 22, 33]
    threading.Thread(target=work1, args=(g_nums,)).start()
    threading.Thread(target=work2, args=(g_nums,)).start()
