use std::env;
use std::error::Error;
use std::process::{self, Command};

/// The argument that tells a run of this program that it is the child.
const RUN_PROC: &str = "--run-proc";

fn run_proc(name: &str) {
    println!("子进程运行中，name= {name} ,pid={}...", process::id());
}

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = env::args().skip(1).collect();
    match args.as_slice() {
        [] => {}
        [flag, name] if flag == RUN_PROC => {
            run_proc(name);
            return Ok(());
        }
        _ => return Err(format!("usage: run without arguments, or with {RUN_PROC} NAME").into()),
    }

    println!("父进程 {}.", process::id());
    println!("子进程将要执行");
    // A fresh run of this same program, told by its arguments to be the
    // child: the idea of Python's spawn start method, which tells its fresh
    // interpreter what to run through a pipe instead.
    let mut child = Command::new(env::current_exe()?)
        .args([RUN_PROC, "test"])
        .spawn()?;
    let status = child.wait()?;
    if !status.success() {
        return Err(format!("the child failed: {status}").into());
    }
    println!("子进程已结束");
    Ok(())
}
