use std::error::Error;
use std::thread;
use std::time::{Duration, Instant};

use nix::unistd::getpid;
use process_pool::{Pool, Task};
use serde::{Deserialize, Serialize};

// Half the note's second, to keep the run short.
const WORK: Duration = Duration::from_millis(500);

#[derive(Serialize, Deserialize)]
struct Func {
    n: u32,
}

impl Task for Func {
    type Output = ();

    fn run(self) {
        println!("start func{} {}", self.n, getpid());
        thread::sleep(WORK);
        println!("end func{} {}", self.n, getpid());
    }
}

fn main() -> Result<(), Box<dyn Error>> {
    let started = Instant::now();
    // SAFETY: no thread has been started yet.
    let pool = unsafe { Pool::new(5) }?;
    for n in 0..10 {
        // Waits for the task to finish.
        pool.apply(Func { n })?;
        // Queues the task and returns at once; its result is never asked for.
        pool.apply_async(Func { n });
    }
    pool.join()?;
    println!("took {:.1} s", started.elapsed().as_secs_f64());
    Ok(())
}
