//! Workload 6: three tasks, or three threads, each sleeping the same
//! duration and waited for together, over and over; what is measured is
//! the time beyond the sleep, per wait. The durations are not whole
//! milliseconds and are spread over one ([`DURATIONS_US`]), taken in turn,
//! since both runtimes round to whole milliseconds (Appendix B says how);
//! the tasks' time is also printed for each duration.
//!
//! Timed, per wait: for tasks, from before the three are spawned until
//! the last is awaited; for threads, started beforehand and blocked on a
//! barrier, from before the barrier releases them until each has slept
//! and reached a second barrier. The reference: one thread sleeping alone.

use std::fs;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Barrier};
use std::thread;
use std::time::{Duration, Instant};

use bench::line::{Params, Size};
use serde_json::json;

use crate::{emit, params};

/// The durations, in microseconds: a tenth of a millisecond past a whole
/// one, then every two tenths, so that the time to the next whole
/// millisecond is spread evenly over one.
const DURATIONS_US: [u64; 5] = [10_100, 10_300, 10_500, 10_700, 10_900];

const SLEEPERS: usize = 3;

pub fn run(size: Size) -> Result<(), String> {
    // At least 0.3 s of sleeping in each case: 30 waits of each duration
    // for tasks, which have a case per duration; 6 for the others.
    let (waits, fewer) = size.pick((30, 6), (1, 1));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .map_err(|e| format!("cannot build a runtime: {e}"))?;
    let tasks = |duration: Duration| {
        runtime.block_on(async {
            let start = Instant::now();
            let sleepers: Vec<_> = (0..SLEEPERS)
                .map(|_| tokio::spawn(tokio::time::sleep(duration)))
                .collect();
            for sleeper in sleepers {
                sleeper.await.expect("sleeping does not panic");
            }
            start.elapsed()
        })
    };
    let threads = Sleepers::start(SLEEPERS);
    let one_sleep = |duration: Duration| {
        let start = Instant::now();
        thread::sleep(duration);
        start.elapsed()
    };
    let warm_up = Duration::from_micros(DURATIONS_US[0] / 100);
    tasks(warm_up);
    threads.sleep(warm_up);

    // How late Linux may end a sleep, to fire several timers at once
    // (prctl(2), PR_SET_TIMERSLACK): part of what the reference measures.
    let slack = fs::read_to_string("/proc/self/timerslack_ns")
        .map_err(|e| format!("cannot read /proc/self/timerslack_ns: {e}"))?;
    let slack: f64 = slack
        .trim()
        .parse()
        .map_err(|e| format!("timerslack_ns: {slack:?} ({e})"))?;
    let slack = params(json!({ "timer_slack_seconds": slack * 1e-9 }));
    let reference = beyond(&one_sleep, fewer);
    emit_cases("one-sleep", 1, &reference, fewer, slack, false);
    let tasks_beyond = beyond(&tasks, waits);
    emit_cases("tasks", SLEEPERS, &tasks_beyond, waits, Params::new(), true);
    let threads_beyond = beyond(&|d| threads.sleep(d), fewer);
    emit_cases(
        "threads",
        SLEEPERS,
        &threads_beyond,
        fewer,
        Params::new(),
        false,
    );
    threads.stop()
}

/// For each duration, the time beyond it summed over `waits` waits, the
/// durations taken in turn so that anything slow drifting on the machine
/// falls on each alike.
fn beyond(wait: &dyn Fn(Duration) -> Duration, waits: u64) -> [Duration; 5] {
    let mut beyond = [Duration::ZERO; 5];
    for _ in 0..waits {
        for (total, &micros) in beyond.iter_mut().zip(&DURATIONS_US) {
            let duration = Duration::from_micros(micros);
            *total += wait(duration) - duration;
        }
    }
    beyond
}

/// Prints `case` over all durations (`waits` of each), with `more`
/// parameters, and, where `each_duration`, one case per duration
/// (`tasks-10100us`).
fn emit_cases(
    case: &str,
    sleepers: usize,
    beyond: &[Duration; 5],
    waits: u64,
    more: Params,
    each_duration: bool,
) {
    let seconds = |micros: u64| micros as f64 / 1e6;
    let all: Vec<f64> = DURATIONS_US.iter().map(|&us| seconds(us)).collect();
    let total: Duration = beyond.iter().sum();
    let mut ran_with = params(json!({ "sleepers": sleepers, "sleep_seconds": all }));
    ran_with.extend(more);
    emit(
        case,
        total.as_secs_f64(),
        waits * DURATIONS_US.len() as u64,
        ran_with,
    );
    if each_duration {
        for (beyond, &micros) in beyond.iter().zip(&DURATIONS_US) {
            emit(
                &format!("{case}-{micros}us"),
                beyond.as_secs_f64(),
                waits,
                params(json!({ "sleepers": sleepers, "sleep_seconds": seconds(micros) })),
            );
        }
    }
}

/// Threads started once, each sleeping when a barrier releases it, then
/// waiting at a second barrier for the others and the main thread.
struct Sleepers {
    duration_nanos: Arc<AtomicU64>,
    stopping: Arc<AtomicBool>,
    go: Arc<Barrier>,
    done: Arc<Barrier>,
    threads: Vec<thread::JoinHandle<()>>,
}

impl Sleepers {
    fn start(count: usize) -> Sleepers {
        let duration_nanos = Arc::new(AtomicU64::new(0));
        let stopping = Arc::new(AtomicBool::new(false));
        let go = Arc::new(Barrier::new(count + 1));
        let done = Arc::new(Barrier::new(count + 1));
        let threads = (0..count)
            .map(|_| {
                let (duration_nanos, stopping) = (duration_nanos.clone(), stopping.clone());
                let (go, done) = (go.clone(), done.clone());
                thread::spawn(move || {
                    loop {
                        go.wait();
                        // The barrier orders the main thread's stores
                        // before these loads.
                        if stopping.load(Ordering::Relaxed) {
                            break;
                        }
                        let nanos = duration_nanos.load(Ordering::Relaxed);
                        thread::sleep(Duration::from_nanos(nanos));
                        done.wait();
                    }
                })
            })
            .collect();
        Sleepers {
            duration_nanos,
            stopping,
            go,
            done,
            threads,
        }
    }

    /// One wait: the clock runs from before the sleepers are released
    /// until the last has slept and reached the second barrier.
    fn sleep(&self, duration: Duration) -> Duration {
        let nanos = u64::try_from(duration.as_nanos()).expect("a short sleep");
        self.duration_nanos.store(nanos, Ordering::Relaxed);
        let start = Instant::now();
        self.go.wait();
        self.done.wait();
        start.elapsed()
    }

    fn stop(self) -> Result<(), String> {
        self.stopping.store(true, Ordering::Relaxed);
        self.go.wait();
        for thread in self.threads {
            thread.join().map_err(|_| "a sleeper panicked")?;
        }
        Ok(())
    }
}
