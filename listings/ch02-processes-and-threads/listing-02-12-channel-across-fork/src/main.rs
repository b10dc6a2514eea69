use std::error::Error;
use std::process;

use crossbeam::channel::{self, TryRecvError};
use nix::sys::wait::waitpid;
use nix::unistd::{ForkResult, fork};

fn main() -> Result<(), Box<dyn Error>> {
    let (sender, receiver) = channel::unbounded();

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
            process::exit(code);
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
