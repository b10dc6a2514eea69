import io
import os
import re
import sys
import threading

THREADS = 10

# Python sets sys.stdin or sys.stdout to None when the descriptor is closed
# (`<&-`); Rust's runtime opens /dev/null in its place, and so does the twin.
stdin = sys.stdin.buffer if sys.stdin else io.BytesIO()
stdout = sys.stdout or open(os.devnull, "w")


class Output:
    """Standard output, until a write to it fails.

    An exception in a waiting thread would end it without its report, and the
    main thread would wait forever. Instead the first failure is kept,
    nothing more is printed, and the main thread winds up.
    """

    def __init__(self):
        self.failure = None

    def print(self, text):
        if self.failure:
            return
        try:
            stdout.write(text)
            stdout.flush()
        except OSError as error:
            self.failure = error
            # What is still buffered would fail again at exit, with a
            # message: send it to /dev/null instead.
            os.dup2(os.open(os.devnull, os.O_WRONLY), stdout.fileno())

    def error(self):
        # A reader that went away (`| head -1`) wanted no more: no error.
        if isinstance(self.failure, BrokenPipeError):
            return None
        return self.failure


output = Output()
condition = threading.Condition()
granted = 0
woken = []


def wait_for_turn(number):
    with condition:
        # wait_for re-checks the predicate, so a notify() that came before
        # this thread waited is not missed.
        condition.wait_for(lambda: len(woken) < granted)
        output.print(f"在第{number}个循环里\n")
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


def shown(text):
    """The text, or its start if it is long, so a pasted page does not flood
    the transcript."""
    longest = 30
    return text if len(text) <= longest else text[:longest] + "…"


# The Rust version's grammar: a sign and ASCII digits. int() alone would also
# take underscores and other scripts' digits, and refuse a number of more
# than 4,300 digits.
WHOLE_NUMBER = re.compile(r"([+-]?)([0-9]+)")


def parse_count(line, waiting):
    text = line.strip()
    if not text:
        raise BadCount("please type a number")
    match = WHOLE_NUMBER.fullmatch(text)
    if not match:
        raise BadCount(f'"{shown(text)}" is not a whole number')
    sign, digits = match.groups()
    significant = digits.lstrip("0")
    if sign == "-" and significant:
        raise BadCount(f'"{shown(text)}" is negative')
    # Compare lengths first, so int() never sees more digits than it takes.
    if len(significant) > len(str(waiting)) or int(significant or "0") > waiting:
        raise BadCount(f'"{shown(text)}" is more than the {waiting} threads still waiting')
    return int(significant or "0")


threads = [threading.Thread(target=wait_for_turn, args=(n,)) for n in range(THREADS)]
for thread in threads:
    thread.start()

echo = not stdin.isatty()
waiting = THREADS
while waiting > 0 and not output.failure:
    output.print(">>> ")
    raw = stdin.readline()
    if not raw:
        output.print("(end of input)\n")
        output.print(f"waking the {waiting} threads still waiting\n")
        break
    line = raw.decode(errors="replace").rstrip()
    if echo:
        output.print(shown(line) + "\n")
    try:
        count = parse_count(line, waiting)
    except BadCount as bad:
        output.print(f"{bad}\n")
        continue
    wake(count)
    waiting -= count
# At the end of the input, or once nobody reads the output, no thread may be
# left waiting, or the joins below would never return.
wake(waiting)

for thread in threads:
    thread.join()
output.print(f"woken: {sorted(woken)}\n")
if output.error():
    sys.exit(f"cannot write to standard output: {output.error()}")
