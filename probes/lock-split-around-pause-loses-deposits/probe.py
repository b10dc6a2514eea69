# The twin of Listing 3-2 with its 10 ms pause in three places: inside the
# locked region (as the listing has it), before the lock is taken, and
# between two locked regions, one that reads the balance and one that
# writes it.
import threading
import time


class Account:
    def __init__(self):
        self._balance = 0
        self._lock = threading.Lock()

    def deposit_pause_locked(self, money):
        with self._lock:
            new_balance = self._balance + money
            time.sleep(0.01)
            self._balance = new_balance

    def deposit_pause_first(self, money):
        time.sleep(0.01)
        with self._lock:
            new_balance = self._balance + money
            self._balance = new_balance

    def deposit_lock_split(self, money):
        with self._lock:
            new_balance = self._balance + money
        time.sleep(0.01)
        with self._lock:
            self._balance = new_balance


def run(deposit):
    account = Account()
    started = time.perf_counter()
    depositors = [
        threading.Thread(target=deposit, args=(account, 1)) for _ in range(100)
    ]
    for depositor in depositors:
        depositor.start()
    for depositor in depositors:
        depositor.join()
    return account._balance, time.perf_counter() - started


for deposit in (Account.deposit_pause_locked, Account.deposit_pause_first, Account.deposit_lock_split):
    balance, took = run(deposit)
    print(f"{deposit.__name__ + ':':22} balance {balance} of 100, took {took:.2f} s")
print("deposits lost with the lock split:", balance < 100)
