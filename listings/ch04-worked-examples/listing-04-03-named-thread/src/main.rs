use std::error::Error;
use std::thread;
use std::time::Duration;

// The note sleeps a second per round; a fifth of one shows the same thing.
const PAUSE: Duration = Duration::from_millis(200);

/// The current thread's name as Python spells it: Rust names the main thread
/// `main`, Python `MainThread`.
fn current_thread_name() -> String {
    match thread::current().name() {
        Some("main") => "MainThread".to_string(),
        Some(name) => name.to_string(),
        None => format!("{:?}", thread::current().id()),
    }
}

fn run_loop() {
    println!("thread {} is begin...", current_thread_name());
    for _ in 0..5 {
        println!("thread {} is running...", current_thread_name());
        thread::sleep(PAUSE);
    }
    println!("thread {} is end...", current_thread_name());
}

fn main() -> Result<(), Box<dyn Error>> {
    let looping = thread::Builder::new()
        .name("LoopThread".to_string())
        .spawn(run_loop)?;
    looping.join().map_err(|_| "LoopThread panicked")?;

    println!("thread {} is end...", current_thread_name());
    Ok(())
}
