//! Workload 4, continued: what one idle task, or one blocked thread, adds
//! to the process's resident memory, and what a blocked thread adds to the
//! kernel's stacks. Each figure is measured by a fresh process (`workload
//! task-memory`, `workload thread-memory`), so that nothing measured
//! earlier sits in the peak.

use std::fs;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Barrier};
use std::thread;

use bench::line::{Line, Size, Unit};
use serde_json::json;

use crate::params;

/// A field of /proc/self/status in KiB: `VmRSS` now, `VmHWM` the peak.
fn memory_kib(field: &str) -> Result<u64, String> {
    field_kib("/proc/self/status", field)
}

/// The memory all the kernel's stacks take, machine-wide, in KiB: each
/// thread has one while it exists.
fn kernel_stacks_kib() -> Result<u64, String> {
    field_kib("/proc/meminfo", "KernelStack")
}

fn field_kib(file: &str, field: &str) -> Result<u64, String> {
    let text = fs::read_to_string(file).map_err(|e| format!("cannot read {file}: {e}"))?;
    text.lines()
        .find_map(|line| line.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|rest| rest.split_whitespace().next()?.parse().ok())
        .ok_or_else(|| format!("{file} has no {field}"))
}

fn per_item(before_kib: u64, peak_kib: u64, count: usize) -> f64 {
    peak_kib.saturating_sub(before_kib) as f64 * 1024.0 / count as f64
}

/// Tasks on a one-thread runtime, each waiting on a watch channel for the
/// signal to finish, as the twin's wait on an `asyncio.Event`.
pub fn tasks(size: Size) -> Result<(), String> {
    let count = size.pick(10_000, 100);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| format!("cannot build a runtime: {e}"))?;
    runtime.block_on(async {
        tokio::spawn(async {}).await.map_err(|e| e.to_string())?;
        let before = memory_kib("VmRSS")?;
        let (go, signal) = tokio::sync::watch::channel(false);
        let waiting = Arc::new(AtomicUsize::new(0));
        let mut state = 0;
        let handles: Vec<_> = (0..count)
            .map(|_| {
                let mut signal = signal.clone();
                let waiting = Arc::clone(&waiting);
                let task = async move {
                    waiting.fetch_add(1, Ordering::Relaxed);
                    signal.wait_for(|go| *go).await.is_ok()
                };
                state = std::mem::size_of_val(&task);
                tokio::spawn(task)
            })
            .collect();
        // Let every task run up to its wait before taking the peak.
        while waiting.load(Ordering::Relaxed) < count {
            tokio::task::yield_now().await;
        }
        let peak = memory_kib("VmHWM")?;
        go.send_replace(true);
        for handle in handles {
            if !handle.await.map_err(|e| e.to_string())? {
                return Err("a task lost its signal".to_string());
            }
        }
        let memory = per_item(before, peak, count);
        let ran_with = params(json!({ "tasks": count }));
        Line::print("task-memory", memory, Unit::Bytes, None, ran_with);
        // The reference: what a task must keep while it waits, its
        // future's state, without the runtime's bookkeeping around it.
        let state = state as f64;
        Line::print("task-state", state, Unit::Bytes, None, params(json!({})));
        Ok(())
    })
}

/// Threads blocked on a barrier, as the twin's on a `threading.Barrier`.
/// Besides this process's resident memory, the kernel's stacks grow by one
/// per thread; that figure is machine-wide, so anything else starting or
/// ending threads meanwhile moves it, and many threads make it clear.
pub fn threads(size: Size) -> Result<(), String> {
    let count = size.pick(1_000, 10);
    thread::spawn(|| {})
        .join()
        .map_err(|_| "a thread panicked")?;
    let before = memory_kib("VmRSS")?;
    let stacks_before = kernel_stacks_kib()?;
    let started = Arc::new(Barrier::new(count + 1));
    let release = Arc::new(Barrier::new(count + 1));
    let workers: Vec<_> = (0..count)
        .map(|_| {
            let (started, release) = (Arc::clone(&started), Arc::clone(&release));
            thread::spawn(move || {
                started.wait();
                release.wait();
            })
        })
        .collect();
    started.wait();
    let peak = memory_kib("VmHWM")?;
    let stacks = kernel_stacks_kib()?;
    release.wait();
    for worker in workers {
        worker.join().map_err(|_| "a thread panicked")?;
    }
    let ran_with = params(json!({ "threads": count }));
    let memory = per_item(before, peak, count);
    Line::print("thread-memory", memory, Unit::Bytes, None, ran_with.clone());
    let kernel_stack = per_item(stacks_before, stacks, count);
    Line::print(
        "thread-kernel-stack",
        kernel_stack,
        Unit::Bytes,
        None,
        ran_with,
    );
    Ok(())
}
