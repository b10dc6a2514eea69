use std::error::Error;

use nix::sys::wait::waitpid;
use nix::unistd::{ForkResult, fork};

fn main() -> Result<(), Box<dyn Error>> {
    // SAFETY: this process has a single thread when it forks, so the child's
    // copy of memory holds no lock taken by a thread that the child lacks.
    match unsafe { fork() }? {
        ForkResult::Child => println!("哈哈1"),
        ForkResult::Parent { child } => {
            println!("哈哈2");
            // Collect the child's exit status, so that it does not stay in
            // the process table after it exits.
            waitpid(child, None)?;
        }
    }
    Ok(())
}
