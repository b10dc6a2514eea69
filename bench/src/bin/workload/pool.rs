//! Workload 5: trivial items mapped through a pool of two threads, by
//! rayon (which splits the work into chunks) and by a plain pool fed one
//! item at a time over a channel. Each case maps enough items to run for
//! 0.3 s, and prints how many.
//!
//! Timed: the maps alone, the pools started and warmed up before.

use std::thread;
use std::time::{Duration, Instant};

use bench::line::Size;
use crossbeam::channel::{self, Receiver, Sender};
use rayon::prelude::*;

use serde_json::{Value, json};

use crate::{check, emit, params};

const WORKERS: usize = 2;

fn square(number: u64) -> u64 {
    number * number
}

/// The sum of the squares of `items`, to check a map's result against.
fn expected(items: &[u64]) -> u64 {
    items.iter().map(|&n| square(n)).sum()
}

pub fn run(size: Size) -> Result<(), String> {
    // Rayon maps 1,000,000 items in milliseconds, so it maps them many
    // times over rather than hold a list of a hundred million.
    let (in_chunks, maps) = size.pick((1_000_000, 384), (100, 2));
    let in_chunks: Vec<u64> = (0..in_chunks).collect();
    let one_at_a_time_items: Vec<u64> = (0..size.pick(4_000_000, 100)).collect();
    // Both pools are started and warmed up before the clock: only the map
    // is timed, as in the twin.
    let rayon_pool = rayon::ThreadPoolBuilder::new()
        .num_threads(WORKERS)
        .build()
        .map_err(|e| format!("cannot build rayon's pool: {e}"))?;
    let one_at_a_time = Pool::new(WORKERS);
    let with_rayon = |items: &[u64]| {
        rayon_pool.install(|| items.par_iter().map(|&n| square(n)).collect::<Vec<_>>())
    };
    with_rayon(&in_chunks[..in_chunks.len() / 100]);
    one_at_a_time.map(&one_at_a_time_items[..one_at_a_time_items.len() / 100])?;

    // Each map is timed on its own, so that adding up its squares for the
    // check, which the twin does after its clock stops, stays off the clock.
    let mut sums = Vec::with_capacity(maps);
    let mut elapsed = Duration::ZERO;
    for _ in 0..maps {
        let start = Instant::now();
        let squares = with_rayon(&in_chunks);
        elapsed += start.elapsed();
        sums.push(squares.iter().sum::<u64>());
    }
    let elapsed = elapsed.as_secs_f64();
    check(
        "rayon's sums of squares",
        sums,
        vec![expected(&in_chunks); maps],
    )?;
    emit(
        "rayon",
        elapsed,
        (in_chunks.len() * maps) as u64,
        params(json!({ "workers": WORKERS, "chunksize": Value::Null, "maps": maps })),
    );

    let start = Instant::now();
    let squares = one_at_a_time.map(&one_at_a_time_items)?;
    let elapsed = start.elapsed().as_secs_f64();
    check(
        "the pool's sum of squares",
        squares.iter().sum::<u64>(),
        expected(&one_at_a_time_items),
    )?;
    emit(
        "thread-pool-chunk-1",
        elapsed,
        one_at_a_time_items.len() as u64,
        params(json!({ "workers": WORKERS, "chunksize": 1 })),
    );
    Ok(())
}

/// Worker threads that take one item at a time from a shared channel and
/// send back its square with its position, as a `ThreadPool` with
/// `chunksize=1` does.
struct Pool {
    jobs: Option<Sender<(usize, u64)>>,
    results: Receiver<(usize, u64)>,
    workers: Vec<thread::JoinHandle<()>>,
}

impl Pool {
    fn new(workers: usize) -> Pool {
        let (jobs, job_queue) = channel::unbounded::<(usize, u64)>();
        let (result_sender, results) = channel::unbounded();
        let workers = (0..workers)
            .map(|_| {
                let (job_queue, result_sender) = (job_queue.clone(), result_sender.clone());
                thread::spawn(move || {
                    for (position, item) in job_queue {
                        // The pool outlives every map, so the receiver is there.
                        let _ = result_sender.send((position, square(item)));
                    }
                })
            })
            .collect();
        Pool {
            jobs: Some(jobs),
            results,
            workers,
        }
    }

    fn map(&self, items: &[u64]) -> Result<Vec<u64>, String> {
        let jobs = self.jobs.as_ref().expect("jobs close only on drop");
        for (position, &item) in items.iter().enumerate() {
            jobs.send((position, item))
                .map_err(|_| "every worker has gone")?;
        }
        let mut squares = vec![0; items.len()];
        for _ in items {
            let (position, square) = self.results.recv().map_err(|_| "every worker has gone")?;
            squares[position] = square;
        }
        Ok(squares)
    }
}

impl Drop for Pool {
    /// Closing the job channel ends each worker's loop; then they are joined.
    fn drop(&mut self) {
        self.jobs.take();
        for worker in self.workers.drain(..) {
            let _ = worker.join();
        }
    }
}
