//! Workload 4: what it costs to start threads, processes and tasks; each
//! case starts as many as take 0.3 s, and prints how many. The reference:
//! one thread waking another that sleeps, which a start and join costs
//! when the joining thread has to wait.
//!
//! Timed, for every case: from before the first start until the last is
//! joined (or waited for, or awaited); all are started, then all joined.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::Instant;

use bench::line::Size;
use nix::sys::wait::{WaitStatus, waitpid};
use nix::unistd::{ForkResult, fork};

use serde_json::json;

use crate::{check, emit, params, seconds, this_program};

/// A case times itself, so that what it sets up first stays off the clock.
type Case = fn(usize) -> Result<f64, String>;

pub fn run(size: Size) -> Result<(), String> {
    let cases: [(&str, Case, usize); 5] = [
        ("wake", wake_ups, size.pick(30_000, 10)),
        (
            "threads",
            |n| seconds(|| start_threads(n)),
            size.pick(8_000, 10),
        ),
        (
            "processes-fork",
            |n| seconds(|| fork_processes(n)),
            size.pick(1_300, 2),
        ),
        (
            "processes-spawn",
            |n| seconds(|| spawn_processes(n)),
            size.pick(500, 2),
        ),
        ("tasks", start_tasks, size.pick(1_000_000, 100)),
    ];
    for (_, case, count) in cases {
        case(count.div_ceil(10))?;
    }
    for (name, case, count) in cases {
        // Only the reference has a parameter: the two threads it wakes.
        let ran_with = match name {
            "wake" => params(json!({ "threads": 2 })),
            _ => params(json!({})),
        };
        emit(name, case(count)?, count as u64, ran_with);
    }
    Ok(())
}

/// Two threads wake each other in turn, `count` wake-ups in all: each
/// parks until the other unparks it.
fn wake_ups(count: usize) -> Result<f64, String> {
    let turn = AtomicUsize::new(0);
    let start = Instant::now();
    let main = thread::current();
    thread::scope(|scope| {
        let other = scope.spawn(|| {
            for wake in (1..count).step_by(2) {
                while turn.load(Ordering::Acquire) < wake {
                    thread::park();
                }
                turn.store(wake + 1, Ordering::Release);
                main.unpark();
            }
        });
        for wake in (0..count).step_by(2) {
            while turn.load(Ordering::Acquire) < wake {
                thread::park();
            }
            turn.store(wake + 1, Ordering::Release);
            other.thread().unpark();
        }
        other
            .join()
            .map_err(|_| "the other thread panicked".to_string())
    })?;
    Ok(start.elapsed().as_secs_f64())
}

fn start_threads(count: usize) -> Result<(), String> {
    let workers: Vec<_> = (0..count).map(|_| thread::spawn(|| {})).collect();
    for worker in workers {
        worker.join().map_err(|_| "a thread panicked")?;
    }
    Ok(())
}

fn fork_processes(count: usize) -> Result<(), String> {
    let mut children = Vec::with_capacity(count);
    for _ in 0..count {
        // SAFETY: this process has one thread when it forks (every thread
        // it started is joined, and its one-thread runtimes start none), so
        // the child's copy of memory holds no lock another thread took.
        match unsafe { fork() }.map_err(|e| format!("fork: {e}"))? {
            ForkResult::Child => std::process::exit(0),
            ForkResult::Parent { child } => children.push(child),
        }
    }
    for child in children {
        let status = waitpid(child, None).map_err(|e| format!("waitpid: {e}"))?;
        check(
            "a forked child's exit",
            status,
            WaitStatus::Exited(child, 0),
        )?;
    }
    Ok(())
}

/// Spawn is fork and exec: each child is this program started afresh, as
/// multiprocessing's spawn starts a fresh interpreter.
fn spawn_processes(count: usize) -> Result<(), String> {
    let children = (0..count)
        .map(|_| {
            this_program()?
                .arg("noop")
                .spawn()
                .map_err(|e| format!("cannot start a child: {e}"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    for mut child in children {
        let status = child.wait().map_err(|e| format!("cannot wait: {e}"))?;
        check("a spawned child's exit", status.success(), true)?;
    }
    Ok(())
}

/// On a one-thread runtime, as asyncio runs tasks; the runtime is built
/// before the clock starts, as the twin's loop is.
fn start_tasks(count: usize) -> Result<f64, String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| format!("cannot build a runtime: {e}"))?;
    runtime.block_on(async {
        let start = Instant::now();
        let handles: Vec<_> = (0..count).map(|_| tokio::spawn(async {})).collect();
        for handle in handles {
            handle.await.map_err(|e| format!("a task failed: {e}"))?;
        }
        Ok(start.elapsed().as_secs_f64())
    })
}
