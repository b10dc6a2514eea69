use std::error::Error;
use std::sync::mpsc;
use std::thread::{self, Thread};
use std::time::Duration;

fn describe(thread: &Thread) -> String {
    // Only threads built without a name have none; every thread here has one.
    let name = thread.name().unwrap_or("<unnamed>");
    format!("name={name} id={:?}", thread.id())
}

fn main() -> Result<(), Box<dyn Error>> {
    println!("{}", describe(&thread::current()));

    let (printed, has_printed) = mpsc::channel();
    let mut handles = Vec::new();
    for i in 0..10 {
        let printed = printed.clone();
        // A name can be given only here, before the thread starts.
        let handle = thread::Builder::new().name(i.to_string()).spawn(move || {
            println!("{}", describe(&thread::current()));
            printed.send(()).expect("main is waiting for this");
            thread::sleep(Duration::from_secs(1));
        })?;
        // Wait for its line before starting the next thread, so that the
        // lines come out in order.
        has_printed.recv()?;
        handles.push(handle);
    }

    println!();
    // std keeps no list of threads: count the ones we hold, plus main.
    let live = 1 + handles
        .iter()
        .filter(|handle| !handle.is_finished())
        .count();
    println!("{live}");
    println!("{}", describe(&thread::current()));

    for handle in handles {
        handle.join().map_err(|_| "a named thread panicked")?;
    }
    Ok(())
}
