use std::error::Error;
use std::thread;
use std::time::{Duration, Instant};

use tokio::runtime;

/// The current thread as Python's `repr(threading.current_thread())` shows
/// it, `ident` included: the POSIX thread id, which is what CPython uses.
fn current_thread() -> String {
    // SAFETY: `pthread_self` takes nothing and cannot fail.
    let ident = unsafe { nix::libc::pthread_self() };
    match thread::current().name() {
        Some("main") => format!("<_MainThread(MainThread, started {ident})>"),
        name => format!("<Thread({}, started {ident})>", name.unwrap_or("?")),
    }
}

async fn func(number: u32) {
    println!("func{number} begin: {}", current_thread());
    tokio::time::sleep(Duration::from_secs(3)).await;
    println!("func{number} end: {}", current_thread());
}

fn main() -> Result<(), Box<dyn Error>> {
    let started = Instant::now();
    // One thread runs every task, as one asyncio event loop does.
    let event_loop = runtime::Builder::new_current_thread()
        .enable_time()
        .build()?;
    let tasks = [1, 2, 3].map(|number| event_loop.spawn(func(number)));
    event_loop.block_on(async {
        for task in tasks {
            task.await?;
        }
        Ok::<_, tokio::task::JoinError>(())
    })?;
    drop(event_loop);
    println!("耗时: {}", started.elapsed().as_secs_f64());
    Ok(())
}
