use std::error::Error;
use std::io;
use std::time::Duration;

use shared_semaphore::SharedSemaphore;

const PERMITS: u32 = 4;
const PATIENCE: Duration = Duration::from_millis(500);

// The note's fifth `acquire`, made in a child and given up after a while
// instead of waiting forever.
fn try_fifth(semaphore: &SharedSemaphore) -> io::Result<()> {
    if semaphore.acquire_timeout(PATIENCE)? {
        println!("child: took the released permit");
    } else {
        println!("child: no permit within {} s", PATIENCE.as_secs_f64());
    }
    Ok(())
}

fn main() -> Result<(), Box<dyn Error>> {
    let semaphore = SharedSemaphore::new(PERMITS)?;
    for _ in 0..PERMITS {
        semaphore.acquire()?;
    }
    println!("parent: took {PERMITS} of {PERMITS} permits");

    // SAFETY: this process has a single thread.
    let child = unsafe { forked::start(|| try_fifth(&semaphore)) }?;
    forked::join(child)?;

    semaphore.release()?;
    println!("parent: released one permit");
    // SAFETY: as above.
    let child = unsafe { forked::start(|| try_fifth(&semaphore)) }?;
    forked::join(child)?;
    Ok(())
}
