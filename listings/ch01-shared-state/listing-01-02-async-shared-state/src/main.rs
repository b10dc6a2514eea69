use std::error::Error;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

// The module-level global. A `static` can only be changed through something
// that synchronises access, here a mutex.
static A: Mutex<&str> = Mutex::new("a");

// The instance whose attribute both tasks read and overwrite. Python lets
// `value` go from the number 1 to a name; a Rust field keeps one type, so it
// holds the text that gets printed.
struct Holder {
    value: String,
}

async fn run(holder: Arc<Mutex<Holder>>, name: &'static str, seconds: u64) {
    // Deliberately the blocking sleep, as the Python program calls
    // `time.sleep`: while it sleeps, no other task on this runtime can run.
    thread::sleep(Duration::from_secs(seconds));

    let mut global = A.lock().expect("no task panics while holding A");
    let mut holder = holder
        .lock()
        .expect("no task panics while holding the holder");
    println!("{name} {global} {}", holder.value);
    holder.value = name.to_string();
    *global = name;
}

// One thread runs every task, as asyncio's single event loop does.
#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn Error>> {
    let holder = Arc::new(Mutex::new(Holder {
        value: 1.to_string(),
    }));

    let t1 = tokio::spawn(run(Arc::clone(&holder), "t1", 0));
    let t2 = tokio::spawn(run(Arc::clone(&holder), "t2", 1));
    t1.await?;
    t2.await?;
    Ok(())
}
