# Two threads add 1 to a global a million times each, as the note's
# 001_18 does: once with `g_num += 1`, and once with a function call
# between reading g_num and writing it back.
import dis
import threading

INCREMENTS = 1_000_000
RUNS = 3

g_num = 0


def add_in_place():
    global g_num
    for _ in range(INCREMENTS):
        g_num += 1


def incremented(value):
    return value + 1


def add_through_a_call():
    global g_num
    for _ in range(INCREMENTS):
        value = g_num
        g_num = incremented(value)


def lost_by(worker):
    """Runs `worker` on two threads and returns how many additions were lost."""
    global g_num
    g_num = 0
    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return 2 * INCREMENTS - g_num


def loop_body(function):
    """The instructions of `function`'s loop, after it stores the loop variable."""
    names = [i.opname for i in dis.get_instructions(function)]
    start = names.index("FOR_ITER") + 2
    return " ".join(names[start : names.index("JUMP_BACKWARD") + 1])


print("g_num += 1 in the loop runs:", loop_body(add_in_place))
for run in range(1, RUNS + 1):
    print(f"g_num += 1, run {run}: lost {lost_by(add_in_place)} of {2 * INCREMENTS}")
lost = [lost_by(add_through_a_call) for _ in range(RUNS)]
for run, count in enumerate(lost, start=1):
    print(f"a call between read and write, run {run}: lost {count} of {2 * INCREMENTS}")
print("a call between read and write lost updates in every run:", all(count > 0 for count in lost))
