//! Workload 6: three tasks, or three threads, each sleeping one second,
//! waited for together; what is measured is the time beyond one second.

use std::thread;
use std::time::{Duration, Instant};

use bench::line::Size;

use crate::emit;

pub fn run(size: Size) -> Result<(), String> {
    let duration = size.pick(Duration::from_secs(1), Duration::from_millis(50));
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
    emit("tasks", (tasks(duration) - duration).as_secs_f64());
    emit("threads", (threads(duration) - duration).as_secs_f64());
    Ok(())
}
