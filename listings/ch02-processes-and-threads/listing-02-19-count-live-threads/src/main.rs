use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use rehearsal::{ctime, dance, sing};

/// How many threads are running, the main thread included. The standard
/// library cannot list a process's threads, so the program counts its own.
struct LiveThreads {
    count: Mutex<usize>,
    changed: Condvar,
}

static LIVE: LiveThreads = LiveThreads {
    count: Mutex::new(1),
    changed: Condvar::new(),
};

impl LiveThreads {
    fn count(&self) -> MutexGuard<'_, usize> {
        // A panic elsewhere cannot leave a plain number half-written.
        self.count.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Takes its thread off the count when the thread's work ends, however it
/// ends: `drop` also runs while a panic unwinds.
struct Departure;

impl Drop for Departure {
    fn drop(&mut self) {
        *LIVE.count() -= 1;
        LIVE.changed.notify_all();
    }
}

fn spawn_counted(work: fn()) -> JoinHandle<()> {
    // Counted before it starts, so that the count is never too low.
    *LIVE.count() += 1;
    thread::spawn(move || {
        let _departure = Departure;
        work();
    })
}

fn main() {
    println!("---开始---:{}", ctime());

    let performers = [spawn_counted(sing), spawn_counted(dance)];

    thread::sleep(Duration::from_millis(600));
    let mut count = LIVE.count();
    loop {
        println!("当前运行的线程数为：{count}");
        if *count <= 1 {
            break;
        }
        let seen = *count;
        // Sleeps until a thread leaves; no lines, no busy loop.
        count = LIVE
            .changed
            .wait_while(count, |now| *now == seen)
            .unwrap_or_else(PoisonError::into_inner);
    }
    drop(count);

    for performer in performers {
        performer.join().expect("the performers do not panic");
    }
}
