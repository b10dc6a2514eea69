use std::thread;
use std::time::{Duration, Instant};

const PERIOD: Duration = Duration::from_millis(500);
const FIRES: u32 = 6;

fn main() {
    let start = Instant::now();
    let mut timers = Vec::new();
    for fire in 1..=FIRES {
        // Like `Timer(PERIOD, func).start()`: a thread that waits, then acts.
        timers.push(thread::spawn(move || {
            thread::sleep(PERIOD);
            let at = start.elapsed();
            let late = at.saturating_sub(PERIOD * fire);
            println!(
                "时间同步 at {:.3} s, {:.1} ms late",
                at.as_secs_f64(),
                late.as_secs_f64() * 1000.0
            );
        }));
        thread::sleep(PERIOD);
    }
    for timer in timers {
        timer.join().expect("a timer thread does not panic");
    }
}
