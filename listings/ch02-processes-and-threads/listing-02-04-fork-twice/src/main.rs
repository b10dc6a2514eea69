use std::error::Error;

use nix::sys::wait::waitpid;
use nix::unistd::{ForkResult, fork};

fn main() -> Result<(), Box<dyn Error>> {
    // SAFETY: this process has a single thread when it forks, so the child's
    // copy of memory holds no lock taken by a thread that the child lacks.
    let first = unsafe { fork() }?;
    match first {
        ForkResult::Child => println!("哈哈1"),
        ForkResult::Parent { .. } => println!("哈哈2"),
    }

    // Both processes go on from here, so both fork again.
    // SAFETY: as above; neither process has started a thread.
    let second = unsafe { fork() }?;
    match second {
        ForkResult::Child => println!("哈哈3"),
        ForkResult::Parent { .. } => println!("哈哈4"),
    }

    // Each process reaps the children it forked itself. The original
    // process's child from the second fork holds a copy of `first` that
    // says "parent", but the child it names is that process's sibling, not
    // its child: only a parent at the second fork can be a parent at the
    // first.
    if let ForkResult::Parent { child } = second {
        waitpid(child, None)?;
        if let ForkResult::Parent { child } = first {
            waitpid(child, None)?;
        }
    }
    Ok(())
}
