use std::sync::Arc;
use std::thread;
use std::time::Duration;

// The note's `Account`, without its lock.
struct Account {
    balance: u32,
}

impl Account {
    fn deposit(&mut self, money: u32) {
        let new_balance = self.balance + money;
        thread::sleep(Duration::from_millis(10));
        self.balance = new_balance;
    }
}

fn main() {
    let account = Arc::new(Account { balance: 0 });
    let depositors: Vec<_> = (0..100)
        .map(|_| {
            let account = Arc::clone(&account);
            thread::spawn(move || account.deposit(1))
        })
        .collect();
    for depositor in depositors {
        depositor.join().unwrap();
    }
    println!("账户余额为: ￥{}元", account.balance);
}
