use std::error::Error;
use std::sync::OnceLock;

use nix::unistd::{Pid, getpid};
use process_pool::{Pool, Task};
use serde::{Deserialize, Serialize};

// Where the callback ran, for `main` to compare with its own pid.
static CALLBACK_PROCESS: OnceLock<Pid> = OnceLock::new();

#[derive(Serialize, Deserialize)]
struct Func1 {
    n: i64,
}

impl Task for Func1 {
    type Output = i64;

    // Runs in a worker process.
    fn run(self) -> i64 {
        println!("in func1");
        println!("{} {}", self.n, getpid());
        self.n
    }
}

// Runs in this process, on the pool's one result-handler thread.
fn func2(n: &i64) {
    println!("in func2");
    println!("{} {}", n * n, getpid());
    let _ = CALLBACK_PROCESS.set(getpid());
}

fn main() -> Result<(), Box<dyn Error>> {
    println!("{}", getpid());
    // SAFETY: no thread has been started yet.
    let pool = unsafe { Pool::new(5) }?;
    pool.apply_async_with_callback(Func1 { n: 10 }, func2);
    pool.join()?;
    let in_main = CALLBACK_PROCESS.get() == Some(&getpid());
    println!(
        "callback ran in the main process: {}",
        if in_main { "True" } else { "False" }
    );
    Ok(())
}
