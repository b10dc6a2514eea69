use std::error::Error;
use std::panic::{self, AssertUnwindSafe};
use std::process;

use nix::sys::wait::waitpid;
use nix::unistd::{ForkResult, Pid, fork, getpid};

/// Runs `target` in a forked child and returns the child's pid, as
/// `Process(target=...).start()` does with the fork start method.
///
/// # Safety
///
/// Call it only while the calling process has a single thread.
unsafe fn start(target: impl FnOnce()) -> nix::Result<Pid> {
    // SAFETY: the caller guarantees that this process has one thread.
    match unsafe { fork() }? {
        ForkResult::Parent { child } => Ok(child),
        ForkResult::Child => {
            // A panic must not unwind out of here into the parent's code.
            // The panic message is already printed; exit with 1 as a Python
            // child does after an uncaught exception.
            let code = match panic::catch_unwind(AssertUnwindSafe(target)) {
                Ok(()) => 0,
                Err(_) => 1,
            };
            process::exit(code);
        }
    }
}

fn run_proc(name: &str) {
    println!("子进程运行中，name= {name} ,pid={}...", getpid());
}

fn main() -> Result<(), Box<dyn Error>> {
    println!("父进程 {}.", getpid());
    println!("子进程将要执行");
    // SAFETY: no thread has been started yet.
    let child = unsafe { start(|| run_proc("test")) }?;
    // `join()`: wait for the child to exit and collect its status.
    waitpid(child, None)?;
    println!("子进程已结束");
    Ok(())
}
