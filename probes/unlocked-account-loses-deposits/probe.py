# The twin of Listing 3-2 with its lock removed: a hundred threads each read
# the balance, sleep 10 ms, and write back what they read plus one.
import threading
import time


class Account:
    def __init__(self):
        self._balance = 0
        self.balances_read = []

    def deposit(self, money):
        new_balance = self._balance + money
        self.balances_read.append(new_balance - money)
        time.sleep(0.01)
        self._balance = new_balance

    @property
    def balance(self):
        return self._balance


started = time.perf_counter()
account = Account()
depositors = [threading.Thread(target=account.deposit, args=(1,)) for _ in range(100)]
for depositor in depositors:
    depositor.start()
for depositor in depositors:
    depositor.join()
print("账户余额为: ￥%d元" % account.balance)
print(f"took {time.perf_counter() - started:.2f} s")
print(f"threads that read 0: {account.balances_read.count(0)}")
print("deposits lost:", account.balance < 100)
