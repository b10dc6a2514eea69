use std::thread::{self, JoinHandle};
use std::time::Duration;

/// What Python puts in a `Thread` subclass: the data the thread needs and
/// the code it runs.
struct Delayed {
    args: (i32, i32),
}

impl Delayed {
    fn run(self) {
        thread::sleep(Duration::from_secs(1));
        println!("{:?}", self.args);
    }

    /// Moves the value into a new thread, as `start()` runs `run` on one.
    fn start(self) -> JoinHandle<()> {
        thread::spawn(move || self.run())
    }
}

fn main() {
    let delayed = Delayed { args: (1, 2) };
    delayed
        .start()
        .join()
        .expect("the delayed thread does not panic");
}
