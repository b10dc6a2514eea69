use std::error::Error;
use std::thread;

use crossbeam::channel::{self, Receiver};

fn do_something(number: u32) {
    println!("{number}");
}

// `recv` blocks until a number arrives or every sender is gone; the loop ends
// in the second case only, so a worker never waits for a number that will
// never come.
fn drain(numbers: Receiver<u32>) {
    for number in numbers {
        do_something(number);
    }
}

fn main() -> Result<(), Box<dyn Error>> {
    let (sender, numbers) = channel::unbounded();
    for number in 0..100 {
        sender.send(number)?;
    }
    // Closing the channel: once it is empty, the workers' loops end.
    drop(sender);

    let workers: Vec<_> = (0..10)
        .map(|_| {
            let numbers = numbers.clone();
            thread::spawn(move || drain(numbers))
        })
        .collect();
    for worker in workers {
        worker.join().map_err(|_| "a worker panicked")?;
    }
    Ok(())
}
