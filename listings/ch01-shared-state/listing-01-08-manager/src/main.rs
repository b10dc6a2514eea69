use std::error::Error;
use std::io::{self, ErrorKind, Write};
use std::thread;
use std::time::Duration;

use manager::{Client, Manager, Value};
use nix::libc;
use nix::sys::wait::waitpid;
use nix::unistd::{ForkResult, Pid, fork};

// What Python's `print` shows: a string without quotes, a number as digits.
// A missing key is an error, as `KeyError` is in Python.
fn get_text(shared: &mut Client, key: &str) -> io::Result<String> {
    match shared.get(key)? {
        Some(Value::String(text)) => Ok(text),
        Some(other) => Ok(other.to_string()),
        None => Err(io::Error::new(
            ErrorKind::NotFound,
            format!("no {key:?} in the managed dictionary"),
        )),
    }
}

// The global `a` and the instance's `value` both live in the manager now.
fn run(manager: &Manager, name: &str, seconds: u64) -> io::Result<()> {
    thread::sleep(Duration::from_secs(seconds));

    let mut shared = manager.connect()?;
    let a = get_text(&mut shared, "a")?;
    let value = get_text(&mut shared, "value")?;
    println!("{name} {a} {value}");
    shared.set("value", name)?;
    shared.set("a", name)?;
    Ok(())
}

fn spawn_child(manager: &Manager, name: &str, seconds: u64) -> io::Result<Pid> {
    // Nothing half-printed may be copied into the child.
    io::stdout().flush()?;
    // SAFETY: this process still has a single thread (the server's threads
    // run in the server's process), so the child's copy of memory holds no
    // lock taken by a thread that the child lacks.
    match unsafe { fork() }? {
        ForkResult::Parent { child } => Ok(child),
        ForkResult::Child => {
            let mut code = 0;
            if let Err(error) = run(manager, name, seconds).and_then(|()| io::stdout().flush()) {
                eprintln!("{name}: {error}");
                code = 1;
            }
            // Exit here so the child never goes on into the parent's code,
            // with `_exit`, as Python's child does: the parent's exit
            // handlers are not the child's to run.
            // SAFETY: `_exit` only ends the process; stdout is flushed.
            unsafe { libc::_exit(code) }
        }
    }
}

fn main() -> Result<(), Box<dyn Error>> {
    // SAFETY: no thread has been started yet.
    let manager = unsafe { Manager::start() }?;

    let mut shared = manager.connect()?;
    shared.set("a", "a")?;
    shared.set("value", 1)?;
    // Each child opens its own connection; this one stays the parent's.
    drop(shared);

    let children = [
        spawn_child(&manager, "t1", 0)?,
        spawn_child(&manager, "t2", 1)?,
    ];
    for child in children {
        waitpid(child, None)?;
    }
    manager.shutdown()?;
    Ok(())
}
