import multiprocessing
import time

PHASE = 1.0
CARS = 4


def sleep_until(deadline):
    time.sleep(max(0.0, deadline - time.monotonic()))


def light(green, start):
    for phase in range(1, 4):
        sleep_until(start + PHASE * phase)
        if green.is_set():
            green.clear()
            print("\033[31m红灯亮了\033[0m")
        else:
            print("\033[32m绿灯亮了\033[0m")
            green.set()


def car(green, number):
    if not green.is_set():
        print(f"car{number}在等待")
        green.wait()
    print(f"\033[0;32;40mcar{number}通过\033[0m")


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")
    green = multiprocessing.Event()
    start = time.monotonic()
    children = [multiprocessing.Process(target=light, args=(green, start))]
    children[0].start()
    for number in range(CARS):
        sleep_until(start + PHASE / 2 + PHASE * number)
        children.append(multiprocessing.Process(target=car, args=(green, number)))
        children[-1].start()
    for child in children:
        child.join()
