use std::error::Error;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

const AN_HOUR: Duration = Duration::from_secs(60 * 60);

fn main() -> Result<(), Box<dyn Error>> {
    let (started, has_started) = mpsc::channel();
    // Its handle is dropped: nothing will ever wait for this thread.
    thread::spawn(move || {
        println!("sleeper: going to sleep for an hour");
        started.send(()).expect("main is waiting for this");
        thread::sleep(AN_HOUR);
        println!("sleeper: awake");
    });
    has_started.recv()?;

    let worker = thread::spawn(|| {
        thread::sleep(Duration::from_secs(1));
        println!("worker: done after a second");
    });

    println!("main: at the end of main");
    // What Python does on its own for a thread that is not a daemon.
    worker.join().map_err(|_| "the worker panicked")?;
    Ok(())
}
