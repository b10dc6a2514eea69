# Four threads each deposit 1 into a dict entry a million times: first with
# a read, a call and a write (each dict operation safe on its own), then
# with `+=` on the entry.
import threading

THREADS = 4
DEPOSITS = 1_000_000

balances = {"account": 0}


def add_one(value):
    return value + 1


def deposit_through_a_call():
    for _ in range(DEPOSITS):
        balances["account"] = add_one(balances["account"])


def deposit_in_place():
    for _ in range(DEPOSITS):
        balances["account"] += 1


def final_balance(worker):
    balances["account"] = 0
    threads = [threading.Thread(target=worker) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return balances["account"]


balance = final_balance(deposit_through_a_call)
print(f"read, call, write: {balance} of {THREADS * DEPOSITS}")
print("  deposits lost:", balance < THREADS * DEPOSITS)
print(f"+= on the entry: {final_balance(deposit_in_place)} of {THREADS * DEPOSITS}")
