//! Workload 6: three tasks, or three threads, each sleeping 10 ms, waited
//! for together, a hundred times over; what is measured is the time beyond
//! the sleeps, per wait. A hundred waits average out where in the timer's
//! tick each one happens to begin.

use std::fs;
use std::thread;
use std::time::{Duration, Instant};

use bench::line::Size;

use crate::emit;

pub fn run(size: Size) -> Result<(), String> {
    let (duration, waits) = size.pick(
        (Duration::from_millis(10), 100),
        (Duration::from_millis(5), 2),
    );
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .map_err(|e| format!("cannot build a runtime: {e}"))?;
    let tasks = |duration: Duration| {
        runtime.block_on(async {
            let start = Instant::now();
            let nap = || tokio::time::sleep(duration);
            tokio::join!(nap(), nap(), nap());
            start.elapsed()
        })
    };
    let threads = |duration: Duration| {
        let start = Instant::now();
        let sleepers: Vec<_> = (0..3)
            .map(|_| thread::spawn(move || thread::sleep(duration)))
            .collect();
        for sleeper in sleepers {
            sleeper.join().expect("sleeping does not panic");
        }
        start.elapsed()
    };
    tasks(duration / 100);
    threads(duration / 100);
    let beyond = |wait: &dyn Fn(Duration) -> Duration| {
        let waited: Duration = (0..waits).map(|_| wait(duration)).sum();
        (waited - duration * waits).as_secs_f64()
    };
    emit("tasks", beyond(&tasks), waits.into());
    emit("threads", beyond(&threads), waits.into());
    // The limit: Linux may end a sleep this much after its deadline, to
    // fire several timers at once (prctl(2), PR_SET_TIMERSLACK).
    let slack = fs::read_to_string("/proc/self/timerslack_ns")
        .map_err(|e| format!("cannot read /proc/self/timerslack_ns: {e}"))?;
    let slack: f64 = slack
        .trim()
        .parse()
        .map_err(|e| format!("timerslack_ns: {slack:?} ({e})"))?;
    emit("timer-slack", slack * 1e-9, 1);
    Ok(())
}
