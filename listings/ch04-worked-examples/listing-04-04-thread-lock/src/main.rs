use std::error::Error;
use std::sync::Mutex;
use std::thread;

// The module-level `num` and its lock, as one value: the number is only
// reachable through the lock.
static NUM: Mutex<i64> = Mutex::new(0);

fn change(n: i64) {
    let mut num = NUM.lock().expect("no thread panics while holding NUM");
    *num += n;
    *num -= n;
} // unlocked here, however the function ends: the note's `finally`

fn run(n: i64) {
    for _ in 0..10_000 {
        change(n);
    }
}

fn main() -> Result<(), Box<dyn Error>> {
    println!("begin num: {}", NUM.lock().map_err(|_| "NUM is poisoned")?);
    let t1 = thread::spawn(|| run(1));
    let t2 = thread::spawn(|| run(2));
    t1.join().map_err(|_| "t1 panicked")?;
    t2.join().map_err(|_| "t2 panicked")?;
    println!("end num: {}", NUM.lock().map_err(|_| "NUM is poisoned")?);
    Ok(())
}
