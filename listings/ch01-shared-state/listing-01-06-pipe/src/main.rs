use std::error::Error;
use std::io::{self, Write};

use nix::libc;
use nix::sys::wait::waitpid;
use nix::unistd::{ForkResult, fork};

// Formats the list as Python's `print` does. Python quotes a string with
// single quotes unless it contains one, which none of these words do.
fn python_list(words: &[String]) -> String {
    let quoted: Vec<String> = words.iter().map(|word| format!("'{word}'")).collect();
    format!("[{}]", quoted.join(", "))
}

fn main() -> Result<(), Box<dyn Error>> {
    let (mut reader, mut writer) = io::pipe()?;

    // Output still in stdout's buffer would be copied into the child and
    // printed twice: write it out first.
    io::stdout().flush()?;
    // SAFETY: this process has a single thread when it forks, so the child's
    // copy of memory holds no lock taken by a thread that the child lacks.
    match unsafe { fork() }? {
        ForkResult::Child => {
            drop(reader);
            let code = match framed::send(&mut writer, &["Hello", "from", "the", "child"]) {
                Ok(()) => 0,
                Err(error) => {
                    eprintln!("child: cannot send: {error}");
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
            // Close the parent's copy of the write end, so that a child that
            // dies without sending gives end of stream instead of a hang.
            drop(writer);
            let words: Vec<String> =
                framed::recv(&mut reader)?.ok_or("the child closed the pipe without sending")?;
            println!("{}", python_list(&words));
            waitpid(child, None)?;
        }
    }
    Ok(())
}
