use std::error::Error;
use std::hash::{BuildHasher, RandomState};
use std::io::{self, PipeReader, PipeWriter, Write};
use std::thread;
use std::time::{Duration, Instant};

use nix::libc;
use nix::sys::wait::waitpid;
use nix::unistd::{ForkResult, Pid, fork, getpid};

fn write(queue: &mut PipeWriter) -> io::Result<()> {
    for value in ["A", "B", "C"] {
        println!("Put {value} to queue...");
        framed::send(queue, value)?;
        thread::sleep(Duration::from_secs_f64(random_fraction()));
    }
    Ok(())
}

fn read(queue: &mut PipeReader) -> io::Result<()> {
    // `None` means the end of the stream: every process that could write
    // has closed its end, so the queue is drained for good.
    while let Some(value) = framed::recv::<String>(queue)? {
        println!("Get {value} from queue.");
        thread::sleep(Duration::from_secs_f64(random_fraction()));
    }
    Ok(())
}

/// Runs `target` in a forked child and returns the child's pid.
///
/// # Safety
///
/// Call it only while the calling process has a single thread.
unsafe fn start(target: impl FnOnce() -> io::Result<()>) -> io::Result<Pid> {
    // Output still in stdout's buffer would be copied into the child and
    // printed twice: write it out first.
    io::stdout().flush()?;
    // SAFETY: the caller guarantees that this process has one thread.
    match unsafe { fork() }? {
        ForkResult::Parent { child } => Ok(child),
        ForkResult::Child => {
            let ran = target();
            let flushed = io::stdout().flush();
            let mut code = 0;
            if let Err(error) = ran.and(flushed) {
                eprintln!("child {}: {error}", getpid());
                code = 1;
            }
            // Exit here so the child never goes on into the parent's code,
            // with `_exit`, as Python's child does: the exit handlers the
            // parent registered are not the child's to run.
            // SAFETY: `_exit` only ends the process; stdout is flushed.
            unsafe { libc::_exit(code) }
        }
    }
}

// A number in [0, 1), different in every process and every call, as
// Python's `random.random()`: a hasher with fresh random keys, fed the pid
// and the clock, since a forked child starts with a copy of the keys.
fn random_fraction() -> f64 {
    let bits = RandomState::new().hash_one((getpid(), Instant::now()));
    (bits >> 11) as f64 / (1u64 << 53) as f64
}

fn main() -> Result<(), Box<dyn Error>> {
    // The queue: a pipe that the children inherit, with one frame per item.
    let (mut reader, mut writer) = io::pipe()?;

    // SAFETY: no thread has been started yet.
    let pw = unsafe { start(|| write(&mut writer)) }?;
    waitpid(pw, None)?;

    // The parent writes nothing. Closing its write end before the reader
    // starts leaves no writer at all, so the reader sees the end of the
    // stream once it has read everything the writer put.
    drop(writer);
    // SAFETY: still no thread.
    let pr = unsafe { start(|| read(&mut reader)) }?;
    waitpid(pr, None)?;

    println!();
    println!("所有数据都写入并且读完");
    Ok(())
}
