use std::error::Error;
use std::hash::{BuildHasher, RandomState};
use std::process;
use std::thread;
use std::time::{Duration, Instant};

fn worker(msg: u32) {
    let started = Instant::now();
    // Every task runs in this one process, so every line shows its pid.
    println!("{msg}开始执行,进程号为{}", process::id());
    thread::sleep(Duration::from_secs_f64(random_fraction() * 2.0));
    let elapsed = started.elapsed().as_secs_f64();
    println!("{msg} 执行完毕，耗时{elapsed:.2}");
}

// A number in [0, 1), different in every call, as Python's
// `random.random()`. The standard library has no random numbers, but each
// `RandomState` hashes with fresh keys, and the clock adds to them.
fn random_fraction() -> f64 {
    let bits = RandomState::new().hash_one(Instant::now());
    (bits >> 11) as f64 / (1u64 << 53) as f64
}

fn main() -> Result<(), Box<dyn Error>> {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(3).build()?;
    // The scope returns once every task spawned in it has finished: what
    // `close()` and `join()` do for the Python pool. The FIFO kind starts
    // the tasks in the order they were spawned, as Python's pool does.
    pool.scope_fifo(|scope| {
        for msg in 0..10 {
            scope.spawn_fifo(move |_| worker(msg));
        }
        println!("----start----");
    });
    println!("-----end-----");
    Ok(())
}
