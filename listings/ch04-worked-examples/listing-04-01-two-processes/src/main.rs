use std::error::Error;
use std::io::{self, PipeReader, PipeWriter, Read, Write};
use std::panic::{self, AssertUnwindSafe};
use std::process;

use nix::libc;
use nix::sys::wait::waitpid;
use nix::unistd::{ForkResult, Pid, fork};

fn process(name: &str) {
    println!("Processing {name} pid={}", process::id());
}

/// What a child waits for before it prints, and what it signals after.
struct Turn {
    wait_for: Option<PipeReader>,
    then_signal: Option<PipeWriter>,
}

/// Forks a child that takes its turn and exits; returns the child's pid.
///
/// # Safety
///
/// Call it only while the calling process has a single thread: the child
/// gets a copy of memory in which a lock held by another thread at the
/// moment of the fork would stay locked for ever.
unsafe fn start(name: &str, turn: Turn) -> Result<Pid, Box<dyn Error>> {
    // Output still in stdout's buffer would be copied into the child and
    // printed twice: write it out first.
    io::stdout().flush()?;
    // SAFETY: the caller guarantees that this process has one thread.
    match unsafe { fork() }? {
        ForkResult::Parent { child } => Ok(child),
        ForkResult::Child => {
            // A panic must not unwind out of here into `main`, which the
            // child holds a copy of.
            let code = match panic::catch_unwind(AssertUnwindSafe(|| take_turn(name, turn))) {
                Ok(Ok(())) => 0,
                Ok(Err(error)) => {
                    eprintln!("{name}: {error}");
                    1
                }
                // The panic hook has already printed the message.
                Err(_) => 1,
            };
            // `_exit`, as Python's child ends with `os._exit`: the exit
            // handlers the parent registered are not the child's to run.
            // SAFETY: `_exit` only ends the process; `take_turn` flushes
            // what the child printed.
            unsafe { libc::_exit(code) }
        }
    }
}

fn take_turn(name: &str, turn: Turn) -> io::Result<()> {
    if let Some(mut previous) = turn.wait_for {
        // Reading to the end returns once every write end is closed, which
        // the previous child does after printing (or by exiting).
        previous.read_to_end(&mut Vec::new())?;
    }
    process(name);
    io::stdout().flush()?;
    // Closing the write end is the signal.
    drop(turn.then_signal);
    Ok(())
}

fn main() -> Result<(), Box<dyn Error>> {
    println!("Main Processing pid={}", process::id());
    let (proc1_done, proc1_signals) = io::pipe()?;
    // SAFETY: this program starts no thread, so it has one at each fork.
    let p1 = unsafe {
        start(
            "proc1",
            Turn {
                wait_for: None,
                then_signal: Some(proc1_signals),
            },
        )
    }?;
    // `start` took the parent's write end and dropped it after forking, so
    // only proc1 holds one now.
    // SAFETY: as above.
    let p2 = unsafe {
        start(
            "proc2",
            Turn {
                wait_for: Some(proc1_done),
                then_signal: None,
            },
        )
    }?;
    waitpid(p1, None)?;
    waitpid(p2, None)?;
    println!("Process end..");
    Ok(())
}
