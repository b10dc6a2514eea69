use std::error::Error;
use std::io::{self, Write};
use std::panic::{self, AssertUnwindSafe};

use nix::libc;
use nix::sys::wait::waitpid;
use nix::unistd::{ForkResult, Pid, fork, getpid};

/// Runs `target` in a forked child and returns the child's pid, as
/// `Process(target=...).start()` does with the fork start method.
///
/// # Safety
///
/// Call it only while the calling process has a single thread.
unsafe fn start(target: impl FnOnce()) -> io::Result<Pid> {
    // Output still in stdout's buffer would be copied into the child and
    // printed twice: write it out first.
    io::stdout().flush()?;
    // SAFETY: the caller guarantees that this process has one thread.
    match unsafe { fork() }? {
        ForkResult::Parent { child } => Ok(child),
        ForkResult::Child => {
            // A panic must not unwind out of here into the parent's code.
            // The panic message is already printed; exit with 1 as a Python
            // child does after an uncaught exception.
            let ran = panic::catch_unwind(AssertUnwindSafe(target));
            let flushed = io::stdout().flush();
            let code = if ran.is_ok() && flushed.is_ok() { 0 } else { 1 };
            // `_exit`, as Python's child ends with `os._exit`: the exit
            // handlers the parent registered are not the child's to run.
            // SAFETY: `_exit` only ends the process; stdout is flushed.
            unsafe { libc::_exit(code) }
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
