use std::hash::{BuildHasher, RandomState};
use std::process;
use std::thread;
use std::time::{Duration, Instant};

use crossbeam::channel;

fn worker(msg: u32) {
    let started = Instant::now();
    // Every job runs in this one process, so every line shows its pid.
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

fn main() {
    // One queue of jobs, taken in the order they were put, as the jobs of
    // Python's pool are.
    let (jobs, queue) = channel::unbounded();
    // The scope returns once every thread started in it has finished, as
    // `join()` does for the Python pool.
    thread::scope(|scope| {
        for _ in 0..3 {
            // Each worker borrows the queue, takes the next job whenever it
            // is free, and stops once the queue is closed and empty.
            scope.spawn(|| queue.iter().for_each(worker));
        }
        for msg in 0..10 {
            jobs.send(msg).expect("`queue` is still here to receive");
        }
        println!("----start----");
        // No more jobs, as `close()` says: the workers stop once they have
        // taken the last one.
        drop(jobs);
    });
    println!("-----end-----");
}
