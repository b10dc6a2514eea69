use std::error::Error;
use std::io::{self, Write};
use std::process;
use std::thread;
use std::time::Duration;

use nix::libc;
use nix::sys::wait::waitpid;
use nix::unistd::{ForkResult, fork, getpid, getppid};

/// The task the pool runs, in the worker process.
fn test() -> String {
    println!("---进程池中的进程---pid={},ppid={}--", getpid(), getppid());
    for i in 0..3 {
        println!("----{i}---");
        thread::sleep(Duration::from_secs(1));
    }
    "hahah".to_string()
}

/// The callback, run in the parent with the task's return value.
fn test2(args: &str) {
    println!("---callback func--pid={}", process::id());
    println!("---callback func--args={args}");
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
            let code = match framed::send(&mut writer, &test()) {
                Ok(()) => 0,
                Err(error) => {
                    eprintln!("worker: cannot send the result: {error}");
                    1
                }
            };
            let flushed = io::stdout().flush();
            // `_exit`, as Python's worker ends with `os._exit`: the exit
            // handlers the parent registered are not the worker's to run.
            // SAFETY: `_exit` only ends the process; stdout is flushed.
            unsafe { libc::_exit(if flushed.is_ok() { code } else { 1 }) }
        }
        ForkResult::Parent { child } => {
            drop(writer);
            // Python's Pool hands each result to a thread of the parent, its
            // result handler, and the callback runs there. So here too.
            let result_handler = thread::spawn(move || -> io::Result<()> {
                match framed::recv::<String>(&mut reader)? {
                    Some(result) => test2(&result),
                    None => eprintln!("the worker ended without a result"),
                }
                Ok(())
            });
            // The note sleeps 5 s and trusts the task to be done by then.
            result_handler
                .join()
                .map_err(|_| "the result handler panicked")??;
            waitpid(child, None)?;
            println!("----主进程-pid={}----", process::id());
        }
    }
    Ok(())
}
