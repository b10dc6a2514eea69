use std::error::Error;
use std::io::{self, Write};
use std::panic::{self, AssertUnwindSafe};
use std::thread;
use std::time::{Duration, Instant};

use nix::libc;
use nix::sys::wait::waitpid;
use nix::unistd::{ForkResult, Pid, fork, getpid, getppid};

/// Python's `Process` class, as far as a subclass sees it: a type provides
/// `run`, and `start` runs it in a new process.
trait Process {
    /// What the child does.
    fn run(&self);

    /// Forks a child that calls `run` and exits, and returns its pid.
    ///
    /// # Safety
    ///
    /// Call it only while the calling process has a single thread.
    unsafe fn start(&self) -> io::Result<Pid> {
        // Output still in stdout's buffer would be copied into the child and
        // printed twice: write it out first.
        io::stdout().flush()?;
        // SAFETY: the caller guarantees that this process has one thread.
        match unsafe { fork() }? {
            ForkResult::Parent { child } => Ok(child),
            ForkResult::Child => {
                // A panic must not unwind out of here into the parent's code.
                let ran = panic::catch_unwind(AssertUnwindSafe(|| self.run()));
                let flushed = io::stdout().flush();
                let code = if ran.is_ok() && flushed.is_ok() { 0 } else { 1 };
                // `_exit`, as Python's child ends with `os._exit`: the exit
                // handlers the parent registered are not the child's to run.
                // SAFETY: `_exit` only ends the process; stdout is flushed.
                unsafe { libc::_exit(code) }
            }
        }
    }
}

struct Sleeper {
    interval: Duration,
}

impl Process for Sleeper {
    fn run(&self) {
        println!("子进程({}) 开始执行，父进程为（{}）", getpid(), getppid());
        let started = Instant::now();
        thread::sleep(self.interval);
        let elapsed = started.elapsed().as_secs_f64();
        println!("({})执行结束，耗时{elapsed:.2}秒", getpid());
    }
}

fn main() -> Result<(), Box<dyn Error>> {
    let started = Instant::now();
    println!("当前程序进程({})", getpid());
    let sleeper = Sleeper {
        interval: Duration::from_secs(2),
    };
    // SAFETY: no thread has been started yet.
    let child = unsafe { sleeper.start() }?;
    waitpid(child, None)?;
    let elapsed = started.elapsed().as_secs_f64();
    println!("({})执行结束，耗时{elapsed:.2}", getpid());
    Ok(())
}
