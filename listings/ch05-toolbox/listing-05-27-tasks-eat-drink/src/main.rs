use std::error::Error;
use std::thread;
use std::time::Duration;

use tokio::time::{self, Instant};

const PAUSE: Duration = Duration::from_millis(600);
const ROUNDS: usize = 3;

async fn repeat(word: &str, start: Instant) {
    for _ in 0..ROUNDS {
        let thread = thread::current();
        let name = thread.name().unwrap_or("<unnamed>");
        let after = start.elapsed().as_secs_f64();
        println!("{word} on thread {name} after {after:.1} s");
        // Gives the thread to the other task while this one waits.
        time::sleep(PAUSE).await;
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn Error>> {
    let start = Instant::now();
    let eater = tokio::spawn(repeat("eat", start));
    let drinker = tokio::spawn(async move {
        // Half a pause out of step, so that the two never wake at the same
        // moment and leave their order to chance.
        time::sleep(PAUSE / 2).await;
        repeat("drink", start).await;
    });
    eater.await?;
    drinker.await?;
    Ok(())
}
