//! Workload 1: a shared counter: behind a lock, atomic, and the two fixes
//! a Rust programmer reaches for, a count per thread added up at the end and
//! increments in batches under one lock. Each case is sized to run for at
//! least 0.3 s, so each prints how many increments it did.
//!
//! Timed, for every case: from before its counter is made and its threads
//! are started until the last thread is joined (`seconds(|| case(total))`).

use std::fs;
use std::hint::black_box;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;
use std::time::Instant;

use bench::line::{Line, Size, Unit};
use serde_json::json;

use crate::{check, emit, params, seconds};

/// Increments per lock in the batched case.
const BATCH: u64 = 1_000;

type Case = fn(u64) -> Result<(), String>;

pub fn run(size: Size) -> Result<(), String> {
    // (case, increments, threads): one thread for the first two cases.
    let cases: [(&str, Case, u64, u64); 5] = [
        (
            "atomic-uncontended",
            atomic_uncontended,
            size.pick(80_000_000, 4_000),
            1,
        ),
        (
            "one-thread-locked",
            one_thread_locked,
            size.pick(32_000_000, 4_000),
            1,
        ),
        (
            "two-threads-atomic",
            two_threads_atomic,
            size.pick(60_000_000, 4_000),
            2,
        ),
        (
            "two-threads-local",
            two_threads_local,
            size.pick(3_000_000_000, 4_000),
            2,
        ),
        (
            "two-threads-batched",
            two_threads_batched,
            size.pick(600_000_000, 4_000),
            2,
        ),
    ];
    // Two threads taking turns at a lock are slow and unsteady (Appendix
    // B): at 70 to 110 ns an increment, this lasts 0.8 s or more.
    let locked = size.pick(12_000_000, 4_000);
    for (_, case, total, _) in cases {
        case(total / 100)?;
    }
    two_threads_locked(locked / 100)?;
    for (name, case, total, threads) in cases {
        let mut ran_with = params(json!({ "threads": threads }));
        if name == "two-threads-batched" {
            ran_with.insert("batch".into(), BATCH.into());
        }
        emit(name, seconds(|| case(total))?, total, ran_with);
    }
    let start = Instant::now();
    let sleeps = two_threads_locked(locked)?;
    let elapsed = start.elapsed().as_secs_f64();
    emit(
        "two-threads-locked",
        elapsed,
        locked,
        params(json!({ "threads": 2 })),
    );
    Line::print(
        "two-threads-locked-sleeps",
        sleeps as f64,
        Unit::Count,
        None,
        params(json!({ "threads": 2 })),
    );
    Ok(())
}

/// How many times this thread has gone to sleep of its own accord: in a
/// lock, that is waiting in the kernel (a futex wait) for the holder.
fn voluntary_sleeps() -> Result<u64, String> {
    let status = fs::read_to_string("/proc/thread-self/status")
        .map_err(|e| format!("cannot read /proc/thread-self/status: {e}"))?;
    status
        .lines()
        .find_map(|line| line.strip_prefix("voluntary_ctxt_switches:"))
        .and_then(|count| count.trim().parse().ok())
        .ok_or_else(|| "/proc/thread-self/status has no voluntary_ctxt_switches".to_string())
}

/// The machine's limit for a shared count: one thread alone, so the
/// counter's cache line never leaves its core.
fn atomic_uncontended(total: u64) -> Result<(), String> {
    let counter = AtomicU64::new(0);
    for _ in 0..total {
        counter.fetch_add(1, Ordering::Relaxed);
    }
    check("uncontended fetch_add", counter.into_inner(), total)
}

fn locked_increments(counter: &Mutex<u64>, times: u64) {
    for _ in 0..times {
        *counter.lock().expect("no increment panics") += 1;
    }
}

fn one_thread_locked(total: u64) -> Result<(), String> {
    let counter = Mutex::new(0);
    locked_increments(&counter, total);
    check("one thread", counter.into_inner().ok(), Some(total))
}

/// Returns how many times the two threads went to sleep between them.
fn two_threads_locked(total: u64) -> Result<u64, String> {
    let counter = Mutex::new(0);
    let sleeps = thread::scope(|scope| {
        let workers: Vec<_> = (0..2)
            .map(|_| {
                scope.spawn(|| {
                    let before = voluntary_sleeps()?;
                    locked_increments(&counter, total / 2);
                    Ok::<_, String>(voluntary_sleeps()? - before)
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|worker| worker.join().map_err(|_| "a worker panicked".to_string())?)
            .sum::<Result<u64, String>>()
    })?;
    check("two threads", counter.into_inner().ok(), Some(total))?;
    Ok(sleeps)
}

fn two_threads_atomic(total: u64) -> Result<(), String> {
    let counter = AtomicU64::new(0);
    thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| {
                for _ in 0..total / 2 {
                    // Relaxed: the count is all that matters, and the
                    // scope's join makes every increment visible.
                    counter.fetch_add(1, Ordering::Relaxed);
                }
            });
        }
    });
    check("fetch_add", counter.into_inner(), total)
}

/// Nothing is shared while the threads count: each adds its own count to
/// the total once, at the end.
fn two_threads_local(total: u64) -> Result<(), String> {
    let counter = Mutex::new(0);
    thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| {
                let mut local = 0u64;
                for _ in 0..total / 2 {
                    // `black_box` keeps each increment a separate step, as
                    // if work came between them; without it the compiler
                    // adds the whole count in one instruction.
                    local = black_box(local + 1);
                }
                *counter.lock().expect("no increment panics") += local;
            });
        }
    });
    check("local counts", counter.into_inner().ok(), Some(total))
}

/// One lock for every `BATCH` increments, so the lock changes hands a
/// thousandth as often.
fn two_threads_batched(total: u64) -> Result<(), String> {
    let counter = Mutex::new(0u64);
    thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| {
                let mut left = total / 2;
                while left > 0 {
                    let batch = left.min(BATCH);
                    let mut count = counter.lock().expect("no increment panics");
                    for _ in 0..batch {
                        // As above: one step per increment.
                        *count = black_box(*count + 1);
                    }
                    left -= batch;
                }
            });
        }
    });
    check("batches", counter.into_inner().ok(), Some(total))
}
