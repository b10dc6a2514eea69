use std::sync::Mutex;
use std::thread;
use std::time::Duration;

static MUTEX_A: Mutex<()> = Mutex::new(());
static MUTEX_B: Mutex<()> = Mutex::new(());

/// Every thread takes mutexA before mutexB, so no thread can hold B while
/// it waits for A, and the cycle of Listing 2-26 cannot form.
fn work(step: &str) {
    let current = thread::current();
    let name = current.name().unwrap_or("unnamed");

    let _a = MUTEX_A.lock().expect("no thread panics holding mutexA");
    println!("{name}----{step}---up----");
    thread::sleep(Duration::from_secs(1));
    let _b = MUTEX_B.lock().expect("no thread panics holding mutexB");
    println!("{name}----{step}---down----");
}

fn main() -> std::io::Result<()> {
    let t1 = thread::Builder::new()
        .name("Thread-1".to_string())
        .spawn(|| work("do1"))?;
    // Thread-2 starts later, so that Thread-1 is first to take mutexA.
    thread::sleep(Duration::from_millis(500));
    let t2 = thread::Builder::new()
        .name("Thread-2".to_string())
        .spawn(|| work("do2"))?;

    t1.join().expect("Thread-1 does not panic");
    t2.join().expect("Thread-2 does not panic");
    Ok(())
}
