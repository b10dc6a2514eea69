//! `multiprocessing.Process` for a forked child: `start` runs a closure in a
//! new process, `join` waits for it and reports how it ended.

use std::io::{self, Write};
use std::panic::{self, AssertUnwindSafe};
use std::process;

use nix::sys::wait::{WaitStatus, waitpid};
use nix::unistd::{ForkResult, Pid, fork};

/// Forks a child that runs `target` and exits; returns the child's pid.
///
/// The child exits with status 1 if `target` fails or panics, so that
/// [`join`] can tell. It never returns into the caller's code.
///
/// # Safety
///
/// Call it only while the calling process has a single thread: the child
/// gets a copy of memory in which a lock held by another thread at the
/// moment of the fork would stay locked forever.
pub unsafe fn start(target: impl FnOnce() -> io::Result<()>) -> nix::Result<Pid> {
    // SAFETY: the caller guarantees that this process has one thread.
    match unsafe { fork() }? {
        ForkResult::Parent { child } => Ok(child),
        ForkResult::Child => {
            // A panic must not unwind out of here into the parent's code,
            // which the child also holds a copy of.
            let ran = panic::catch_unwind(AssertUnwindSafe(target));
            let code = match ran.map(|result| result.and_then(|()| io::stdout().flush())) {
                Ok(Ok(())) => 0,
                Ok(Err(error)) => {
                    eprintln!("child {}: {error}", process::id());
                    1
                }
                Err(_) => 1,
            };
            process::exit(code);
        }
    }
}

/// Waits for `child` to end, as `Process.join()` does, and fails unless it
/// exited with status 0.
pub fn join(child: Pid) -> io::Result<()> {
    match waitpid(child, None)? {
        WaitStatus::Exited(_, 0) => Ok(()),
        ended => Err(io::Error::other(format!(
            "child {child} did not finish cleanly: {ended:?}"
        ))),
    }
}
