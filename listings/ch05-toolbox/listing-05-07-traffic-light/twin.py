import multiprocessing
import time

# Each process prints with flush=True. Into a pipe, Python's output is
# block-buffered, and a child's lines would come out only when it exits.

PHASE = 1.0
CARS = 4


def sleep_until(deadline):
    time.sleep(max(0.0, deadline - time.monotonic()))


def light(green, start):
    for phase in range(1, 4):
        sleep_until(start + PHASE * phase)
        if green.is_set():
            green.clear()
            print("\033[31m红灯亮了\033[0m", flush=True)
        else:
            print("\033[32m绿灯亮了\033[0m", flush=True)
            green.set()


def car(green, number):
    if not green.is_set():
        print(f"car{number}在等待", flush=True)
        green.wait()
    print(f"\033[0;32;40mcar{number}通过\033[0m", flush=True)


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")
    green = multiprocessing.Event()
    start = time.monotonic()
    light_child = multiprocessing.Process(target=light, args=(green, start))
    light_child.start()
    cars = []
    for number in range(CARS):
        sleep_until(start + PHASE / 2 + PHASE * number)
        cars.append(multiprocessing.Process(target=car, args=(green, number)))
        cars[-1].start()
    light_child.join()
    # A light that failed before its last green would leave a waiting car
    # waiting forever: let every car go, whatever became of the light.
    green.set()
    for child in cars:
        child.join()
