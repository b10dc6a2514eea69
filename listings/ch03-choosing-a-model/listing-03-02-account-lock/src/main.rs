use std::error::Error;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

// The lock lives inside the account, as in the note, but in Rust the balance
// lives inside the lock: there is no way to reach it without locking.
struct Account {
    balance: Mutex<u32>,
}

impl Account {
    fn deposit(&self, money: u32) {
        let mut balance = self.balance.lock().expect("no depositor panics");
        let new_balance = *balance + money;
        // The guard is held across the pause, so no other depositor can read
        // the old balance in the meantime.
        thread::sleep(Duration::from_millis(10));
        *balance = new_balance;
    } // the guard is dropped here, which unlocks: Python's `finally: release()`

    fn balance(&self) -> u32 {
        *self.balance.lock().expect("no depositor panics")
    }
}

fn main() -> Result<(), Box<dyn Error>> {
    let started = Instant::now();
    let account = Arc::new(Account {
        balance: Mutex::new(0),
    });
    let depositors: Vec<_> = (0..100)
        .map(|_| {
            let account = Arc::clone(&account);
            thread::spawn(move || account.deposit(1))
        })
        .collect();
    for depositor in depositors {
        depositor.join().map_err(|_| "a depositor panicked")?;
    }
    println!("账户余额为: ￥{}元", account.balance());
    println!("took {:.2} s", started.elapsed().as_secs_f64());
    Ok(())
}
