# The note's 001_18 asks why uncommenting `time.sleep(3)` between starting
# test1 and starting test2 changes what the program prints. This runs the
# program both ways and reports what each thread saw when its loop ended.
import threading
import time

INCREMENTS = 1_000_000

g_num = 0


def add_a_million(name, seen):
    global g_num
    for _ in range(INCREMENTS):
        g_num += 1
    seen.append((name, g_num))


def run(pause):
    """The note's program; returns what main saw and what each thread saw."""
    global g_num
    g_num = 0
    seen = []
    test1 = threading.Thread(target=add_a_million, args=("test1", seen))
    test1.start()
    if pause:
        time.sleep(pause)
    test2 = threading.Thread(target=add_a_million, args=("test2", seen))
    test2.start()
    main_saw = g_num
    test1.join()
    test2.join()
    return main_saw, seen


main_saw, seen = run(pause=0)
(_, first_saw), (_, last_saw) = seen
print("without the sleep:")
# More than a million: the other thread had added some before the first
# finished, so the loops overlapped.
print(f"  the first thread to finish saw between {INCREMENTS} and {2 * INCREMENTS}:",
      INCREMENTS < first_saw < 2 * INCREMENTS)
print(f"  the last thread to finish saw {last_saw}")

main_saw, seen = run(pause=3)
print("with time.sleep(3) between the two starts:")
print(f"  main saw {main_saw}, after test1 had finished: {main_saw >= INCREMENTS}")
(first, first_saw), (last, last_saw) = seen
print(f"  {first} finished first and saw {first_saw}")
print(f"  {last} finished last and saw {last_saw}")
