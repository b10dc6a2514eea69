use std::error::Error;

use nix::sys::wait::waitpid;
use nix::unistd::{ForkResult, fork, getpid, getppid};

fn main() -> Result<(), Box<dyn Error>> {
    // SAFETY: this process has a single thread when it forks, so the child's
    // copy of memory holds no lock taken by a thread that the child lacks.
    let forked = unsafe { fork() }.map_err(|errno| format!("fork调用失败。({errno})"))?;
    match forked {
        ForkResult::Child => {
            println!("我是子进程（{}），我的父进程是（{}）", getpid(), getppid());
        }
        ForkResult::Parent { child } => {
            println!("我是父进程（{}），我的子进程是（{child}）", getpid());
        }
    }

    println!("父子进程都可以执行这里的代码");

    // Only the parent has a child to wait for. The child returns from
    // `main` and exits, as the parent does after the wait.
    if let ForkResult::Parent { child } = forked {
        waitpid(child, None)?;
    }
    Ok(())
}
