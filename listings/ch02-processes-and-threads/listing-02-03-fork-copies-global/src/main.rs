use std::error::Error;
use std::sync::atomic::{AtomicU32, Ordering};

use nix::sys::wait::waitpid;
use nix::unistd::{ForkResult, fork};

// A global that can change needs something inside that makes changing it
// safe, here an atomic (Chapter 1).
static NUM: AtomicU32 = AtomicU32::new(0);

fn increment() -> u32 {
    NUM.fetch_add(1, Ordering::Relaxed) + 1
}

fn main() -> Result<(), Box<dyn Error>> {
    // SAFETY: this process has a single thread when it forks, so the child's
    // copy of memory holds no lock taken by a thread that the child lacks.
    match unsafe { fork() }? {
        ForkResult::Child => println!("哈哈1---num={}", increment()),
        ForkResult::Parent { child } => {
            // Waiting for the child, not sleeping, is what puts its line
            // first, however slow the machine.
            waitpid(child, None)?;
            println!("哈哈2---num={}", increment());
        }
    }
    Ok(())
}
