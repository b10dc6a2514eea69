use std::time::Duration;

use tokio::time::{self, Instant};

const PERIOD: Duration = Duration::from_millis(500);
const FIRES: u32 = 6;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let start = Instant::now();
    // `interval` would tick at once; the first sync is due after one period.
    let mut ticks = time::interval_at(start + PERIOD, PERIOD);
    for fire in 1..=FIRES {
        ticks.tick().await;
        let at = start.elapsed();
        let late = at.saturating_sub(PERIOD * fire);
        println!(
            "时间同步 at {:.3} s, {:.1} ms late",
            at.as_secs_f64(),
            late.as_secs_f64() * 1000.0
        );
    }
}
