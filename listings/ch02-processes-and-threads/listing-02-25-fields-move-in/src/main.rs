use std::io;
use std::thread::{self, JoinHandle};
use std::time::Duration;

/// The note's `Thread` subclass: its fields are the thread's own data.
struct MyThread {
    num: u32,
    sleep_time: Duration,
}

impl MyThread {
    /// Moves `self` into a new thread named `name`, so no other thread can
    /// reach `num` or `sleep_time` any more: nothing to lock.
    fn start(self, name: &str) -> io::Result<JoinHandle<()>> {
        thread::Builder::new()
            .name(name.to_string())
            .spawn(move || self.run())
    }

    fn run(mut self) {
        self.num += 1;
        thread::sleep(self.sleep_time);
        let current = thread::current();
        let name = current.name().unwrap_or("unnamed");
        println!("线程({name}),num={}", self.num);
    }
}

fn main() -> io::Result<()> {
    let t1 = MyThread {
        num: 100,
        sleep_time: Duration::from_secs(5),
    }
    .start("Thread-1")?;
    let t2 = MyThread {
        num: 200,
        sleep_time: Duration::from_secs(1),
    }
    .start("Thread-2")?;

    t1.join().expect("Thread-1 does not panic");
    t2.join().expect("Thread-2 does not panic");
    Ok(())
}
