//! The server process behaves as a CPython child: a line the parent left
//! unfinished before `Manager::start` is printed once, and an exit handler
//! the parent registered runs in the parent only, not in the server.
//!
//! The test runs this same program again with its standard output a pipe,
//! and reads everything it and the server wrote. libtest runs each test on
//! a thread of its own, and a process with threads must not fork, so this
//! file has its own single-threaded `main` (`harness = false`).

use std::env;
use std::io::{self, Read};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use manager::{Manager, Value};
use nix::libc;

/// Set in the run under test.
const SCENARIO: &str = "MANAGER_FORK_HYGIENE_SCENARIO";

/// More than enough for a fork and a few requests; the test fails, not
/// hangs, if the server never closes the pipe.
const LIMIT: Duration = Duration::from_secs(60);

extern "C" fn note_exit() {
    // At exit, straight to the file descriptor, past Rust's stdout.
    let _ = nix::unistd::write(io::stdout(), b"exit handler ran\n");
}

fn scenario() -> io::Result<()> {
    // SAFETY: `note_exit` is a plain function that only writes to fd 1.
    assert_eq!(unsafe { libc::atexit(note_exit) }, 0, "atexit registers");
    print!("partial ");
    // SAFETY: this process has a single thread: the test's own `main`.
    let manager = unsafe { Manager::start() }?;
    let mut client = manager.connect()?;
    client.set("key", "value")?;
    assert_eq!(client.get("key")?, Some(Value::from("value")));
    drop(client);
    // Waits for the server to exit.
    manager.shutdown()?;
    println!("parent");
    Ok(())
}

fn main() -> io::Result<()> {
    if env::var_os(SCENARIO).is_some() {
        return scenario();
    }
    let mut run = Command::new(env::current_exe()?)
        .env(SCENARIO, "1")
        .stdout(Stdio::piped())
        .spawn()?;
    let mut stdout = run.stdout.take().expect("stdout is piped");
    let (sender, printed) = mpsc::channel();
    // The pipe reaches its end when the scenario and the server have both
    // closed it, by exiting.
    thread::spawn(move || {
        let mut text = String::new();
        let _ = sender.send(stdout.read_to_string(&mut text).map(|_| text));
    });
    let Ok(text) = printed.recv_timeout(LIMIT) else {
        let _ = run.kill();
        panic!("the scenario did not finish within {LIMIT:?}");
    };
    let text = text?;
    assert!(run.wait()?.success(), "the scenario succeeds");
    assert_eq!(text.matches("partial").count(), 1, "{text:?}");
    assert_eq!(text.matches("exit handler ran").count(), 1, "{text:?}");
    assert_eq!(text, "partial parent\nexit handler ran\n");
    println!("manager: fork hygiene checks passed");
    Ok(())
}
