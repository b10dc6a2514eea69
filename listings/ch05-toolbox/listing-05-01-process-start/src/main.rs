use std::error::Error;

use nix::unistd::{getpid, getppid};

// The note's target takes two arguments and prints the first.
fn show_first(first: &str, _second: i32) {
    println!("{first}");
}

fn main() -> Result<(), Box<dyn Error>> {
    // SAFETY: no thread has been started yet.
    let child = unsafe {
        forked::start(|| {
            show_first("lm", 12);
            Ok(())
        })
    }?;
    println!("{}", getpid());
    println!("{}", getppid());
    // Python joins a child at interpreter exit; Rust's `main` does not.
    forked::join(child)?;
    Ok(())
}
