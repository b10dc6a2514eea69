//! `multiprocessing.Process` for a forked child: `start` runs a closure in a
//! new process, `join` waits for it and reports how it ended.

use std::io::{self, Write};
use std::panic::{self, AssertUnwindSafe};
use std::process;

use nix::errno::Errno;
use nix::libc;
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
    // A line printed without its newline is still in stdout's buffer; the
    // child would get a copy and print it a second time. Flush it first, as
    // CPython flushes its streams before it forks. (Rust's stderr keeps no
    // buffer.)
    io::stdout()
        .flush()
        .map_err(|error| error.raw_os_error().map_or(Errno::EIO, Errno::from_raw))?;
    // SAFETY: the caller guarantees that this process has one thread.
    match unsafe { fork() }? {
        ForkResult::Parent { child } => Ok(child),
        ForkResult::Child => {
            // A panic must not unwind out of here into the parent's code,
            // which the child also holds a copy of.
            let ran = panic::catch_unwind(AssertUnwindSafe(target));
            // What the target printed is the child's: write it out, whether
            // the target succeeded or not.
            let flushed = io::stdout().flush();
            let code = match ran.map(|result| result.and(flushed)) {
                Ok(Ok(())) => 0,
                Ok(Err(error)) => {
                    eprintln!("child {}: {error}", process::id());
                    1
                }
                // The panic hook has already printed the message.
                Err(_) => 1,
            };
            // `_exit`, not `process::exit`, as CPython's child ends with
            // `os._exit`: the exit handlers the parent registered (libc's
            // `atexit`) are the parent's, and must not run here too.
            // SAFETY: `_exit` only ends the process; the one buffer this
            // child owns, stdout's, is flushed above.
            unsafe { libc::_exit(code) }
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
