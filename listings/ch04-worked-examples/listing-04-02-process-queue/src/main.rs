use std::error::Error;
use std::io::{self, PipeReader, PipeWriter, Write};
use std::panic::{self, AssertUnwindSafe};
use std::process;
use std::thread;
use std::time::Duration;

use nix::libc;
use nix::sys::signal::{Signal, kill};
use nix::sys::wait::waitpid;
use nix::unistd::{ForkResult, fork};

// The note sleeps a random 1 or 2 seconds; a fixed half second keeps the run
// short and still leaves the reader ample time to print before the next put.
const PAUSE: Duration = Duration::from_millis(500);

fn write(mut queue: PipeWriter) -> io::Result<()> {
    println!("Process write pid={}", process::id());
    for number in 0..5 {
        // Announced before it is put, so the reader cannot report a number
        // that the writer has not reported yet.
        println!("Process write {number}");
        framed::send(&mut queue, &number)?;
        thread::sleep(PAUSE);
    }
    Ok(())
}

fn read(mut queue: PipeReader) -> io::Result<()> {
    let mut announced = false;
    // `recv` blocks until a number arrives. It returns `None` only once every
    // write end is closed, and the parent keeps one open: like the note's
    // reader, this one waits for ever, until it is killed.
    while let Some(number) = framed::recv::<u32>(&mut queue)? {
        if !announced {
            // With the first number, so after the writer's first line.
            println!("Process read pid={}", process::id());
            announced = true;
        }
        println!("Process read {number}");
    }
    Ok(())
}

/// Runs a child's work and ends the child, so that it never goes on into
/// the parent's code, not even by unwinding from a panic.
fn run_child(work: impl FnOnce() -> io::Result<()>) -> ! {
    let ran = panic::catch_unwind(AssertUnwindSafe(work));
    let flushed = io::stdout().flush();
    let code = match ran.map(|outcome| outcome.and(flushed)) {
        Ok(Ok(())) => 0,
        Ok(Err(error)) => {
            eprintln!("child {}: {error}", process::id());
            1
        }
        // The panic hook has already printed the message.
        Err(_) => 1,
    };
    // `_exit`, as Python's child ends with `os._exit`: the exit handlers the
    // parent registered are not the child's to run.
    // SAFETY: `_exit` only ends the process; stdout is flushed.
    unsafe { libc::_exit(code) }
}

fn main() -> Result<(), Box<dyn Error>> {
    println!("Main Processing pid={}", process::id());
    let (queue_out, queue_in) = io::pipe()?;

    // Output still in stdout's buffer would be copied into the child and
    // printed twice: write it out before each fork.
    io::stdout().flush()?;
    // SAFETY: this process has a single thread when it forks, so the child's
    // copy of memory holds no lock taken by a thread that the child lacks.
    let writer = match unsafe { fork() }? {
        ForkResult::Child => {
            drop(queue_out);
            run_child(|| write(queue_in))
        }
        ForkResult::Parent { child } => child,
    };
    io::stdout().flush()?;
    // SAFETY: as above; the parent still has a single thread.
    let reader = match unsafe { fork() }? {
        ForkResult::Child => {
            drop(queue_in);
            run_child(|| read(queue_out))
        }
        ForkResult::Parent { child } => child,
    };

    // Wait for the writer to finish.
    waitpid(writer, None)?;
    // Terminate the reader with SIGTERM, the signal Python's `terminate()`
    // sends, and wait for it so that it does not linger as a zombie.
    kill(reader, Signal::SIGTERM)?;
    waitpid(reader, None)?;
    println!("Process end..");
    Ok(())
}
