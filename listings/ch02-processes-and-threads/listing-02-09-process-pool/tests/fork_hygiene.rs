//! The workers behave as CPython's: a line the parent left unfinished
//! before `Pool::new` is printed once, what a task prints is not lost, and
//! an exit handler the parent registered runs in the parent only, not in
//! the workers.
//!
//! The test runs this same program again with its standard output a pipe,
//! and reads everything it and its workers wrote. libtest runs each test on
//! a thread of its own, and a process with threads must not fork, so this
//! file has its own single-threaded `main` (`harness = false`).

use std::env;
use std::io::{self, Read};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use nix::libc;
use process_pool::{Pool, Task};
use serde::{Deserialize, Serialize};

/// Set in the run under test.
const SCENARIO: &str = "POOL_FORK_HYGIENE_SCENARIO";

/// More than enough for two forks and a task; the test fails, not hangs,
/// if a worker never closes the pipe.
const LIMIT: Duration = Duration::from_secs(60);

/// Prints its text, without a newline, in the worker.
#[derive(Serialize, Deserialize)]
struct Say(String);

impl Task for Say {
    type Output = ();

    fn run(self) {
        print!("{}", self.0);
    }
}

extern "C" fn note_exit() {
    // At exit, straight to the file descriptor, past Rust's stdout.
    let _ = nix::unistd::write(io::stdout(), b"exit handler ran\n");
}

fn scenario() -> io::Result<()> {
    // SAFETY: `note_exit` is a plain function that only writes to fd 1.
    assert_eq!(unsafe { libc::atexit(note_exit) }, 0, "atexit registers");
    print!("partial ");
    // SAFETY: this process has a single thread: the test's own `main`.
    let pool = unsafe { Pool::new(2) }?;
    // Only the worker's flush before it exits writes this.
    pool.apply(Say("task; ".into()))?;
    // Waits for both workers to exit.
    pool.join()?;
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
    // The pipe reaches its end when the scenario and its workers have all
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
    assert_eq!(text, "partial task; parent\nexit handler ran\n");
    println!("process pool: fork hygiene checks passed");
    Ok(())
}
