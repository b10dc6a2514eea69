use std::error::Error;
use std::io::{self, Write};

use crossbeam::channel::{self, TryRecvError};
use nix::libc;
use nix::sys::wait::waitpid;
use nix::unistd::{ForkResult, fork};

fn main() -> Result<(), Box<dyn Error>> {
    let (sender, receiver) = channel::unbounded();

    // Output still in stdout's buffer would be copied into the child and
    // printed twice: write it out first.
    io::stdout().flush()?;
    // SAFETY: this process has a single thread when it forks, so the child's
    // copy of memory holds no lock taken by a thread that the child lacks.
    match unsafe { fork() }? {
        ForkResult::Child => {
            // This sends into the child's copy of the channel.
            let code = match sender.send("A") {
                Ok(()) => {
                    println!("child: sent A");
                    0
                }
                Err(error) => {
                    eprintln!("child: cannot send: {error}");
                    1
                }
            };
            let flushed = io::stdout().flush();
            // The child ends here: the rest of `main` is the parent's, and
            // so are the exit handlers it registered, which `_exit` skips.
            // (The twin's child, from a bare `os.fork()`, leaves through
            // the interpreter's normal exit; it has no handlers to skip.)
            // SAFETY: `_exit` only ends the process; stdout is flushed.
            unsafe { libc::_exit(if flushed.is_ok() { code } else { 1 }) }
        }
        ForkResult::Parent { child } => {
            waitpid(child, None)?;
            match receiver.try_recv() {
                Ok(value) => println!("parent: got {value}"),
                Err(TryRecvError::Empty) => println!("parent: the channel is empty"),
                Err(TryRecvError::Disconnected) => println!("parent: the channel is closed"),
            }
        }
    }
    Ok(())
}
