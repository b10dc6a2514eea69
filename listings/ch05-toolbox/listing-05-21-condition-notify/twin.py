import sys
import threading

THREADS = 10

condition = threading.Condition()
granted = 0
woken = []


def wait_for_turn(number):
    with condition:
        # wait_for re-checks the predicate, so a notify() that came before
        # this thread waited is not missed.
        condition.wait_for(lambda: len(woken) < granted)
        print(f"在第{number}个循环里")
        woken.append(number)
        condition.notify_all()


def wake(count):
    global granted
    with condition:
        granted += count
        condition.notify(count)
        condition.wait_for(lambda: len(woken) == granted)


class BadCount(Exception):
    pass


def parse_count(line, waiting):
    text = line.strip()
    if not text:
        raise BadCount("please type a number")
    try:
        count = int(text)
    except ValueError:
        raise BadCount(f'"{text}" is not a whole number') from None
    if count < 0:
        raise BadCount(f'"{text}" is negative')
    if count > waiting:
        raise BadCount(f'"{text}" is more than the {waiting} threads still waiting')
    return count


threads = [threading.Thread(target=wait_for_turn, args=(n,)) for n in range(THREADS)]
for thread in threads:
    thread.start()

echo = not sys.stdin.isatty()
waiting = THREADS
while waiting > 0:
    print(">>> ", end="", flush=True)
    raw = sys.stdin.buffer.readline()
    if not raw:
        print("(end of input)")
        print(f"waking the {waiting} threads still waiting")
        wake(waiting)
        break
    line = raw.decode(errors="replace").rstrip()
    if echo:
        print(line)
    try:
        count = parse_count(line, waiting)
    except BadCount as bad:
        print(bad)
        continue
    wake(count)
    waiting -= count

for thread in threads:
    thread.join()
print(f"woken: {sorted(woken)}")
