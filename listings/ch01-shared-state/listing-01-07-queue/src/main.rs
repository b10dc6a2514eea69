use std::error::Error;
use std::io::{self, Write};
use std::os::unix::net::UnixStream;

use nix::libc;
use nix::sys::wait::waitpid;
use nix::unistd::{ForkResult, fork};

fn main() -> Result<(), Box<dyn Error>> {
    // Two connected sockets: what one end writes, the other end reads. The
    // framing from Listing 1-6 works unchanged, since it only asks for
    // `Read` and `Write`.
    let (mut parent_end, mut child_end) = UnixStream::pair()?;

    // Output still in stdout's buffer would be copied into the child and
    // printed twice: write it out first.
    io::stdout().flush()?;
    // SAFETY: this process has a single thread when it forks, so the child's
    // copy of memory holds no lock taken by a thread that the child lacks.
    match unsafe { fork() }? {
        ForkResult::Child => {
            drop(parent_end);
            let code = match framed::send(&mut child_end, "Hello from the child") {
                Ok(()) => 0,
                Err(error) => {
                    eprintln!("child: cannot put: {error}");
                    1
                }
            };
            // Exit here so the child never goes on into the parent's code,
            // with `_exit`, as Python's child does: the exit handlers the
            // parent registered are not the child's to run. (It printed
            // nothing, so no buffered output is lost.)
            // SAFETY: `_exit` only ends the process.
            unsafe { libc::_exit(code) }
        }
        ForkResult::Parent { child } => {
            drop(child_end);
            let greeting: String =
                framed::recv(&mut parent_end)?.ok_or("the child left without putting anything")?;
            println!("{greeting}");
            waitpid(child, None)?;
        }
    }
    Ok(())
}
