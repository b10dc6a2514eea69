use std::error::Error;

use nix::unistd::Pid;

// Python's `Process` is a class to subclass; in Rust the shared behaviour
// is a trait whose `start` is written once, in terms of `run`.
trait Process {
    fn run(&mut self);

    /// Runs `run` in a forked child.
    ///
    /// # Safety
    ///
    /// As for `forked::start`: the calling process has a single thread.
    unsafe fn start(&mut self) -> nix::Result<Pid> {
        // SAFETY: passed on to the caller.
        unsafe {
            forked::start(|| {
                self.run();
                Ok(())
            })
        }
    }
}

struct ProcessDemo;

impl Process for ProcessDemo {
    fn run(&mut self) {
        println!("12345");
    }
}

fn main() -> Result<(), Box<dyn Error>> {
    // SAFETY: no thread has been started yet.
    let child = unsafe { ProcessDemo.start() }?;
    forked::join(child)?;
    Ok(())
}
