use std::error::Error;
use std::io::{self, PipeReader, PipeWriter, Read, Write};
use std::process;

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

fn start(name: &str, turn: Turn) -> Result<Pid, Box<dyn Error>> {
    // SAFETY: this process has a single thread when it forks, so the child's
    // copy of memory holds no lock taken by a thread that the child lacks.
    match unsafe { fork() }? {
        ForkResult::Parent { child } => Ok(child),
        ForkResult::Child => {
            let code = match take_turn(name, turn) {
                Ok(()) => 0,
                Err(error) => {
                    eprintln!("{name}: {error}");
                    1
                }
            };
            // Exit here so the child never goes on into the parent's code.
            process::exit(code);
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
    let p1 = start(
        "proc1",
        Turn {
            wait_for: None,
            then_signal: Some(proc1_signals),
        },
    )?;
    // `start` took the parent's write end and dropped it after forking, so
    // only proc1 holds one now.
    let p2 = start(
        "proc2",
        Turn {
            wait_for: Some(proc1_done),
            then_signal: None,
        },
    )?;
    waitpid(p1, None)?;
    waitpid(p2, None)?;
    println!("Process end..");
    Ok(())
}
