//! A real pool of forked workers. libtest runs each test on a thread of its
//! own, and a process with threads must not fork, so this file has its own
//! single-threaded `main` (`harness = false` in Cargo.toml).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::thread::{self, ThreadId};
use std::time::Duration;

use nix::errno::Errno;
use nix::sys::wait::wait;
use nix::unistd::{Pid, getpid};
use process_pool::{Pool, Task};
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
enum Probe {
    /// Replies with the pid of the process that ran it.
    WhereAmI,
    Panic,
}

impl Task for Probe {
    type Output = i32;

    fn run(self) -> i32 {
        match self {
            Probe::WhereAmI => getpid().as_raw(),
            Probe::Panic => panic!("asked to"),
        }
    }
}

/// What a callback saw when it ran.
struct Callback {
    process: Pid,
    thread: ThreadId,
    overlapped: bool,
    worker: i32,
}

fn main() {
    let parent = getpid();
    // SAFETY: this test's `main` has started no thread.
    let pool = unsafe { Pool::<Probe>::new(3) }.expect("the workers start");
    let workers = pool.worker_pids();
    assert_eq!(workers.len(), 3);
    assert!(!workers.contains(&parent));

    let ran_in = Pid::from_raw(pool.apply(Probe::WhereAmI).expect("apply returns"));
    assert!(workers.contains(&ran_in), "apply ran in a worker");

    // Each callback notes where it ran, and whether another was running.
    let (callback_ran_in, seen) = mpsc::channel();
    let in_a_callback = Arc::new(AtomicBool::new(false));
    let pending: Vec<_> = (0..10)
        .map(|_| {
            let callback_ran_in = callback_ran_in.clone();
            let in_a_callback = Arc::clone(&in_a_callback);
            pool.apply_async_with_callback(Probe::WhereAmI, move |worker| {
                let overlapped = in_a_callback.swap(true, Ordering::SeqCst);
                thread::sleep(Duration::from_millis(20));
                in_a_callback.store(false, Ordering::SeqCst);
                let _ = callback_ran_in.send(Callback {
                    process: getpid(),
                    thread: thread::current().id(),
                    overlapped,
                    worker: *worker,
                });
            })
        })
        .collect();
    let panicked = pool.apply_async(Probe::Panic);
    let mut callbacks_before_get = Vec::new();
    for result in pending {
        let worker = Pid::from_raw(result.get().expect("each task returns"));
        assert!(workers.contains(&worker), "apply_async ran in a worker");
        // `get` returns only after the task's callback has run.
        callbacks_before_get.extend(seen.try_iter());
    }
    drop(callback_ran_in);
    let mut callbacks = callbacks_before_get;
    callbacks.extend(seen.iter());
    assert_eq!(callbacks.len(), 10, "one callback per task");
    assert!(
        callbacks.iter().all(|callback| callback.process == parent),
        "callbacks run in the parent"
    );
    let handler = callbacks[0].thread;
    assert_ne!(handler, thread::current().id());
    assert!(
        callbacks.iter().all(|callback| callback.thread == handler),
        "every callback runs on the one result-handler thread"
    );
    assert!(
        callbacks.iter().all(|callback| !callback.overlapped),
        "callbacks run one at a time"
    );
    assert!(
        callbacks
            .iter()
            .all(|callback| workers.contains(&Pid::from_raw(callback.worker))),
        "a callback gets its task's output"
    );

    let error = panicked.get().expect_err("a panic comes back as an error");
    assert!(error.to_string().contains("asked to"), "{error}");
    let after_panic = pool.apply(Probe::WhereAmI).expect("the pool goes on");
    assert!(workers.contains(&Pid::from_raw(after_panic)));

    pool.join().expect("every worker exits cleanly");
    assert_eq!(wait(), Err(Errno::ECHILD), "join reaped every worker");

    // SAFETY: the first pool's threads have all been joined.
    let empty = unsafe { Pool::<Probe>::new(0) };
    assert!(empty.is_err(), "a pool needs a worker");
    println!("process pool: all checks passed");
}
