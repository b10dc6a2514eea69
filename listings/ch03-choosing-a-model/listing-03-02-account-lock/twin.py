import threading
import time


class Account:
    def __init__(self):
        self._balance = 0
        self._lock = threading.Lock()

    def deposit(self, money):
        # `with` acquires the lock and releases it however the block ends,
        # as the note's try/finally does.
        with self._lock:
            new_balance = self._balance + money
            time.sleep(0.01)
            self._balance = new_balance

    @property
    def balance(self):
        return self._balance


class AddMoneyThread(threading.Thread):
    def __init__(self, account, money):
        super().__init__()
        self._account = account
        self._money = money

    def run(self):
        self._account.deposit(self._money)


def main():
    started = time.perf_counter()
    account = Account()
    depositors = [AddMoneyThread(account, 1) for _ in range(100)]
    for depositor in depositors:
        depositor.start()
    for depositor in depositors:
        depositor.join()
    print("账户余额为: ￥%d元" % account.balance)
    print(f"took {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
