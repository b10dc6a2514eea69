use std::error::Error;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

static A: Mutex<&str> = Mutex::new("a");

struct Holder {
    value: String,
}

fn run(holder: &Mutex<Holder>, name: &'static str, seconds: u64) {
    thread::sleep(Duration::from_secs(seconds));

    let mut global = A.lock().expect("no thread panics while holding A");
    let mut holder = holder
        .lock()
        .expect("no thread panics while holding the holder");
    println!("{name} {global} {}", holder.value);
    holder.value = name.to_string();
    *global = name;
}

fn main() -> Result<(), Box<dyn Error>> {
    let holder = Arc::new(Mutex::new(Holder {
        value: 1.to_string(),
    }));

    let for_t1 = Arc::clone(&holder);
    let t1 = thread::spawn(move || run(&for_t1, "t1", 0));
    let for_t2 = Arc::clone(&holder);
    let t2 = thread::spawn(move || run(&for_t2, "t2", 1));

    // Returning from `main` ends the process, running threads or not; Python
    // instead waits for its non-daemon threads, so wait here explicitly.
    t1.join().map_err(|_| "thread t1 panicked")?;
    t2.join().map_err(|_| "thread t2 panicked")?;
    Ok(())
}
