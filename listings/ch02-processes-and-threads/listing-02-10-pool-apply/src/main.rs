use std::error::Error;
use std::hash::{BuildHasher, RandomState};
use std::thread;
use std::time::{Duration, Instant};

use nix::unistd::getpid;
use process_pool::{Pool, Task};
use serde::{Deserialize, Serialize};

// The task travels to a worker as JSON: `{"msg":3}`.
#[derive(Serialize, Deserialize)]
struct Worker {
    msg: u32,
}

impl Task for Worker {
    type Output = ();

    fn run(self) {
        let started = Instant::now();
        println!("{}开始执行,进程号为{}", self.msg, getpid());
        thread::sleep(Duration::from_secs_f64(random_fraction() * 2.0));
        let elapsed = started.elapsed().as_secs_f64();
        println!("{} 执行完毕，耗时{elapsed:.2}", self.msg);
    }
}

// A number in [0, 1), different in every process and every call, as
// Python's `random.random()`. The standard library has no random numbers,
// but its hasher starts from random keys; the pid and the clock make sure
// that forked copies of those keys still give different numbers.
fn random_fraction() -> f64 {
    let bits = RandomState::new().hash_one((getpid(), Instant::now()));
    (bits >> 11) as f64 / (1u64 << 53) as f64
}

// ANCHOR: main
fn main() -> Result<(), Box<dyn Error>> {
    // SAFETY: no thread has been started yet.
    let pool = unsafe { Pool::new(3) }?;
    for msg in 0..10 {
        // `apply` returns only when the worker has finished the task.
        pool.apply(Worker { msg })?;
    }
    println!("----start----");
    pool.join()?;
    println!("-----end-----");
    Ok(())
}
// ANCHOR_END: main
