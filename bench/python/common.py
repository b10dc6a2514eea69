"""What every benchmark twin shares: its size and how it prints a result.

Each result is one line of JSON, {"case": ..., "value": ..., "unit": ...,
"params": {...}}, with "items" (how many items the value covers) where the
value is a time, and "params" the parameters the case ran with; the same
shape the Rust programs print, so one parser reads both.
"""

import json
import sys
import time


def size():
    """'full' (the default) or 'tiny' (a smoke test), from `--size NAME`."""
    args = sys.argv[1:]
    if args[:1] == ["--size"] and len(args) == 2 and args[1] in ("full", "tiny"):
        return args[1]
    if not args:
        return "full"
    sys.exit(f"usage: {sys.argv[0]} [--size full|tiny]")


def emit(case, value, unit="s", items=None, params=None):
    line = {"case": case, "value": value, "unit": unit}
    if items is not None:
        line["items"] = items
    line["params"] = params or {}
    print(json.dumps(line), flush=True)


def seconds(work, *args):
    """How long work(*args) takes, by the monotonic clock."""
    start = time.perf_counter()
    work(*args)
    return time.perf_counter() - start


def check(what, got, expected):
    """Stops the run when a program did not do the work it was timed on."""
    if got != expected:
        sys.exit(f"{what}: got {got}, expected {expected}")


def voluntary_sleeps():
    """How many times this thread has gone to sleep of its own accord."""
    with open("/proc/thread-self/status") as status:
        for line in status:
            if line.startswith("voluntary_ctxt_switches:"):
                return int(line.split()[1])
    sys.exit("/proc/thread-self/status has no voluntary_ctxt_switches")


def memory_kib(field):
    """A field of /proc/self/status in KiB: VmRSS now, VmHWM the peak."""
    return field_kib("/proc/self/status", field)


def kernel_stacks_kib():
    """The memory all the kernel's stacks take, machine-wide, in KiB."""
    return field_kib("/proc/meminfo", "KernelStack")


def field_kib(path, field):
    with open(path) as fields:
        for line in fields:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    sys.exit(f"{path} has no {field}")
