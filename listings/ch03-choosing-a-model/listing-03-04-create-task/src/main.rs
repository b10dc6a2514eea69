use std::error::Error;
use std::time::{Duration, Instant};

async fn say_after() {
    tokio::time::sleep(Duration::from_secs(2)).await;
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn Error>> {
    let started = Instant::now();
    // Both tasks are running from here on; `main` goes on without waiting.
    let task1 = tokio::spawn(say_after());
    let task2 = tokio::spawn(say_after());

    task1.await?;
    task2.await?;
    // Two 2-second sleeps in about 2 seconds: they overlapped.
    println!("took {:.2} s", started.elapsed().as_secs_f64());
    Ok(())
}
