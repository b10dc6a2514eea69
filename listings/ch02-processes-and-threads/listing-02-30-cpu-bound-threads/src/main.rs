use std::num::NonZero;
use std::thread;
use std::time::{Duration, Instant};

/// The work: four tasks, each counting the primes below `LIMIT` by trial
/// division. Pure arithmetic, no I/O, nothing to wait for.
const TASKS: usize = 4;
const LIMIT: u64 = 60_000;
/// Each run is timed this many times and the fastest time kept: other
/// programs on the machine can only make a run slower, never faster.
const REPEATS: usize = 3;

fn is_prime(n: u64) -> bool {
    let mut divisor = 2;
    while divisor * divisor <= n {
        if n.is_multiple_of(divisor) {
            return false;
        }
        divisor += 1;
    }
    true
}

fn count_primes(limit: u64) -> usize {
    (2..limit).filter(|&n| is_prime(n)).count()
}

/// Runs all the tasks, shared out among `threads` threads, and returns
/// how long that took and the primes each task counted.
fn run_on(threads: usize) -> (Duration, Vec<usize>) {
    let start = Instant::now();
    let counts = thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(move || {
                    (0..TASKS / threads)
                        .map(|_| count_primes(LIMIT))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| worker.join().expect("count_primes does not panic"))
            .collect()
    });
    (start.elapsed(), counts)
}

fn fastest_on(threads: usize) -> (Duration, Vec<usize>) {
    (0..REPEATS)
        .map(|_| run_on(threads))
        .min_by_key(|(elapsed, _)| *elapsed)
        .expect("REPEATS is not zero")
}

fn main() {
    let cores = thread::available_parallelism().map_or(1, NonZero::get);
    println!("available parallelism: {cores}");

    let (alone, counts) = fastest_on(1);
    println!("{TASKS} tasks, each counts the primes below {LIMIT}: {counts:?}");
    println!("1 thread:  {:.3} s", alone.as_secs_f64());
    for threads in [2, 4] {
        let (elapsed, _) = fastest_on(threads);
        println!(
            "{threads} threads: {:.3} s, speedup {:.2}x",
            elapsed.as_secs_f64(),
            alone.as_secs_f64() / elapsed.as_secs_f64()
        );
    }
}
