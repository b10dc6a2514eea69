use std::hint::black_box;
use std::num::NonZero;
use std::thread;
use std::time::{Duration, Instant};

/// One task counts the primes below `LIMIT` by trial division: pure
/// arithmetic, no I/O, nothing to wait for.
const LIMIT: u64 = 10_000;
/// Each measurement runs tasks for this long and counts how many were
/// done: well over a hundred here, about twenty in the Python twin.
const WINDOW: Duration = Duration::from_millis(100);
/// The numbers of threads compared.
const THREADS: [usize; 3] = [1, 2, 4];
/// Each is measured this many times, in turn with the others, and the best
/// kept: other programs on the machine can only make a run slower, and
/// taking turns spreads a busy spell over all of them.
const REPEATS: usize = 10;

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

/// Runs `threads` threads, each doing one task after another until the
/// window has passed, and returns how many tasks they did a second.
fn tasks_per_second(threads: usize) -> f64 {
    let start = Instant::now();
    let deadline = start + WINDOW;
    let done: u32 = thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(move || {
                    let mut done = 0;
                    while Instant::now() < deadline {
                        // black_box: a count nobody reads must still be
                        // counted, even by an optimising build.
                        black_box(count_primes(black_box(LIMIT)));
                        done += 1;
                    }
                    done
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|worker| worker.join().expect("count_primes does not panic"))
            .sum()
    });
    // The last tasks end a little after the deadline; they are counted,
    // and so is the time they took.
    f64::from(done) / start.elapsed().as_secs_f64()
}

fn main() {
    let cores = thread::available_parallelism().map_or(1, NonZero::get);
    println!("available parallelism: {cores}");
    println!(
        "each task counts the primes below {LIMIT}: {}",
        count_primes(LIMIT)
    );

    let mut best = [0.0; THREADS.len()];
    for _ in 0..REPEATS {
        for (best, threads) in best.iter_mut().zip(THREADS) {
            *best = tasks_per_second(threads).max(*best);
        }
    }

    let alone = best[0];
    println!("1 thread:  {alone:.0} tasks a second");
    for (rate, threads) in best.into_iter().zip(THREADS).skip(1) {
        println!(
            "{threads} threads: {rate:.0} tasks a second, speedup {:.2}x",
            rate / alone
        );
    }
}
