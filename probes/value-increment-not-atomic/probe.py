# A multiprocessing.Value lives in a shared mapping, made before the
# children are forked, so that every child's copy of memory maps the same
# pages. It carries a lock, but `counter.value += 1` takes it twice, once in
# the getter and once in the setter, so another process can write between
# the read and the write. Holding get_lock() around the whole `+=` makes it
# one step.
import ctypes
import multiprocessing
import multiprocessing.sharedctypes

PROCESSES = 4
INCREMENTS = 100_000


def count_unlocked(counter):
    for _ in range(INCREMENTS):
        counter.value += 1


def count_locked(counter):
    for _ in range(INCREMENTS):
        with counter.get_lock():
            counter.value += 1


def mapping_of(address):
    """The permissions of the mapping in /proc/self/maps that holds
    `address`: the fourth letter is "s" for a shared mapping, "p" for a
    private (copy-on-write) one."""
    with open("/proc/self/maps") as maps:
        for line in maps:
            span, permissions = line.split()[:2]
            start, end = (int(bound, 16) for bound in span.split("-"))
            if start <= address < end:
                return permissions
    raise LookupError(hex(address))


def run(target):
    counter = multiprocessing.Value("i", 0)
    children = [multiprocessing.Process(target=target, args=(counter,)) for _ in range(PROCESSES)]
    for child in children:
        child.start()
    for child in children:
        child.join()
    return counter.value


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")
    value = multiprocessing.Value("i", 0)
    shared = mapping_of(ctypes.addressof(value.get_obj()))[3] == "s"
    print(f"a Value's memory is a shared mapping: {shared}")
    plain = ctypes.c_int(0)
    shared = mapping_of(ctypes.addressof(plain))[3] == "s"
    print(f"a plain ctypes int's memory is a shared mapping: {shared}")
    # The code behind `counter.value`: the getter and the setter each take
    # and release the lock on their own.
    print("counter.value is made from this template:")
    print(multiprocessing.sharedctypes.template.strip())
    expected = PROCESSES * INCREMENTS
    unlocked = run(count_unlocked)
    print(f"without get_lock(): {unlocked} of {expected}, lost updates: {unlocked < expected}")
    print(f"with get_lock(): {run(count_locked)} of {expected}")
