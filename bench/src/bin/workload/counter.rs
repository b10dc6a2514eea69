//! Workload 1: a shared counter, 2,000,000 increments under a lock.

use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;

use bench::line::Size;

use crate::{check, emit, seconds};

type Case = fn(u64) -> Result<(), String>;

pub fn run(size: Size) -> Result<(), String> {
    let total = size.pick(2_000_000, 2_000);
    let cases: [(&str, Case); 3] = [
        ("one-thread-locked", one_thread_locked),
        ("two-threads-locked", two_threads_locked),
        ("two-threads-atomic", two_threads_atomic),
    ];
    for (_, case) in cases {
        case(total / 100)?;
    }
    for (name, case) in cases {
        emit(name, seconds(|| case(total))?);
    }
    Ok(())
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

fn two_threads_locked(total: u64) -> Result<(), String> {
    let counter = Mutex::new(0);
    thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| locked_increments(&counter, total / 2));
        }
    });
    check("two threads", counter.into_inner().ok(), Some(total))
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
