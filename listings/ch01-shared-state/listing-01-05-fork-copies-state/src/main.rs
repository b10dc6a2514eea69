use std::error::Error;
use std::io::{self, Write};
use std::sync::Mutex;
use std::thread;
use std::time::Duration;

use nix::libc;
use nix::sys::wait::waitpid;
use nix::unistd::{ForkResult, Pid, fork};

static A: Mutex<&str> = Mutex::new("a");

struct Holder {
    value: String,
}

// No `Arc` and no lock around the holder: after `fork` each child owns a
// copy that no other process can see.
fn run(holder: &mut Holder, name: &'static str, seconds: u64) {
    thread::sleep(Duration::from_secs(seconds));

    let mut global = A.lock().expect("nothing panics while holding A");
    println!("{name} {global} {}", holder.value);
    holder.value = name.to_string();
    *global = name;
}

fn spawn_child(holder: &mut Holder, name: &'static str, seconds: u64) -> io::Result<Pid> {
    // Output still in stdout's buffer would be copied into the child and
    // printed twice: write it out first.
    io::stdout().flush()?;
    // SAFETY: this process has a single thread when it forks, so the child's
    // copy of memory holds no lock taken by a thread that the child lacks.
    match unsafe { fork() }? {
        ForkResult::Parent { child } => Ok(child),
        ForkResult::Child => {
            run(holder, name, seconds);
            // `_exit` below does not flush stdout, so flush it here.
            let flushed = io::stdout().flush();
            // Exit here so the child never goes on into the parent's code,
            // with `_exit`, as Python's child does: the exit handlers the
            // parent registered are not the child's to run.
            // SAFETY: `_exit` only ends the process.
            unsafe { libc::_exit(if flushed.is_ok() { 0 } else { 1 }) }
        }
    }
}

fn main() -> Result<(), Box<dyn Error>> {
    let mut holder = Holder {
        value: 1.to_string(),
    };

    let children = [
        spawn_child(&mut holder, "t1", 0)?,
        spawn_child(&mut holder, "t2", 1)?,
    ];
    for child in children {
        waitpid(child, None)?;
    }
    Ok(())
}
