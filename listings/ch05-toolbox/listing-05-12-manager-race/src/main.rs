use std::error::Error;
use std::io::{self, ErrorKind};

use manager::{Client, Manager};
use shared_semaphore::SharedSemaphore;

const CHILDREN: i64 = 2;
const DECREMENTS_PER_CHILD: i64 = 500;
const START: i64 = CHILDREN * DECREMENTS_PER_CHILD;

// `dic['count'] -= 1`: a get, then a set. Another child's set can land in
// between, and then one of the two decrements is lost.
fn decrement(shared: &mut Client) -> io::Result<()> {
    let count = shared
        .get("count")?
        .and_then(|value| value.as_i64())
        .ok_or_else(|| io::Error::new(ErrorKind::NotFound, "no number under \"count\""))?;
    shared.set("count", count - 1)
}

// Two children decrement `count` at once, each inside the lock if there is
// one; returns where the count ends.
fn race(manager: &Manager, lock: Option<&SharedSemaphore>) -> Result<i64, Box<dyn Error>> {
    let mut shared = manager.connect()?;
    shared.set("count", START)?;
    let mut children = Vec::new();
    for _ in 0..CHILDREN {
        // SAFETY: this process has a single thread.
        let child = unsafe {
            forked::start(|| {
                let mut shared = manager.connect()?;
                for _ in 0..DECREMENTS_PER_CHILD {
                    if let Some(lock) = lock {
                        lock.acquire()?;
                    }
                    let decremented = decrement(&mut shared);
                    if let Some(lock) = lock {
                        lock.release()?;
                    }
                    decremented?;
                }
                Ok(())
            })
        }?;
        children.push(child);
    }
    for child in children {
        forked::join(child)?;
    }
    let count = shared.get("count")?.and_then(|value| value.as_i64());
    Ok(count.ok_or("the count is gone")?)
}

fn main() -> Result<(), Box<dyn Error>> {
    // SAFETY: no thread has been started yet.
    let manager = unsafe { Manager::start() }?;
    let count = race(&manager, None)?;
    println!("without a lock: {count} of {START} decrements lost, count ends at {count}");
    // A semaphore with one permit is a lock: `multiprocessing.Lock` is one.
    let lock = SharedSemaphore::new(1)?;
    let count = race(&manager, Some(&lock))?;
    println!("with a lock: {count} of {START} decrements lost, count ends at {count}");
    manager.shutdown()?;
    Ok(())
}
