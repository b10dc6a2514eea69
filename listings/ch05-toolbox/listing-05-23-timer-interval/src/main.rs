// ANCHOR: main
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
// ANCHOR_END: main

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use tokio::time::MissedTickBehavior;

    use super::*;

    // On a paused clock, time moves only while every task waits, so a tick
    // is exactly as late as the test makes it.
    #[tokio::test(start_paused = true)]
    async fn delay_moves_the_schedule_only_for_a_tick_over_5_ms_late() {
        let start = Instant::now();
        let mut ticks = time::interval_at(start + PERIOD, PERIOD);
        ticks.set_missed_tick_behavior(MissedTickBehavior::Delay);

        // 4 ms late: the next tick stays due two periods after the start.
        time::sleep_until(start + PERIOD + Duration::from_millis(4)).await;
        ticks.tick().await;
        assert_eq!(ticks.tick().await, start + PERIOD * 2);

        // 6 ms late: the next is due a period after this tick was taken,
        // and every later one follows from there.
        time::sleep_until(start + PERIOD * 3 + Duration::from_millis(6)).await;
        let taken = Instant::now();
        ticks.tick().await;
        assert_eq!(ticks.tick().await, taken + PERIOD);
        assert_eq!(ticks.tick().await, taken + PERIOD * 2);
    }
}
// ANCHOR_END: tests
