//! Running one benchmark program under a time limit and reading its
//! results.

use std::io::Read;
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use nix::sys::signal::{Signal, killpg};
use nix::unistd::Pid;

/// How often a running program is checked for its exit.
const POLL: Duration = Duration::from_millis(20);

pub struct Finished {
    pub stdout: String,
    pub stderr: String,
    pub elapsed: Duration,
}

/// Runs `command` with no input, in its own process group, and returns
/// what it printed. A program that fails, or that is still running after
/// `limit`, is an error naming `what`; either way nothing it started is
/// left running.
pub fn run(what: &str, mut command: Command, limit: Duration) -> Result<Finished, String> {
    let started = Instant::now();
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0)
        .spawn()
        .map_err(|e| format!("{what}: cannot start: {e}"))?;
    let group = Pid::from_raw(child.id() as i32);
    let read_all = |mut pipe: Box<dyn Read + Send>| {
        thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = pipe.read_to_end(&mut bytes);
            String::from_utf8_lossy(&bytes).into_owned()
        })
    };
    let stdout = read_all(Box::new(child.stdout.take().expect("stdout is piped")));
    let stderr = read_all(Box::new(child.stderr.take().expect("stderr is piped")));
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Ok(status),
            Ok(None) if started.elapsed() < limit => thread::sleep(POLL),
            Ok(None) => break Err(format!("{what}: still running after {limit:?}; killed")),
            Err(e) => break Err(format!("{what}: cannot wait: {e}")),
        }
    };
    // Whatever the program left behind goes with it (ESRCH: nothing did).
    let _ = killpg(group, Signal::SIGKILL);
    let _ = child.wait();
    let elapsed = started.elapsed();
    let stdout = stdout.join().unwrap_or_default();
    let stderr = stderr.join().unwrap_or_default();
    match status {
        Ok(status) if status.success() => Ok(Finished {
            stdout,
            stderr,
            elapsed,
        }),
        Ok(status) => Err(format!("{what}: exited with {status}:\n{stdout}{stderr}")),
        Err(message) => Err(format!("{message}:\n{stdout}{stderr}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sh(script: &str) -> Command {
        let mut command = Command::new("sh");
        command.args(["-c", script]);
        command
    }

    #[test]
    fn output_of_a_program_that_succeeds() {
        let done = run(
            "echo",
            sh("echo out; echo err >&2"),
            Duration::from_secs(10),
        )
        .unwrap();
        assert_eq!(
            (done.stdout.as_str(), done.stderr.as_str()),
            ("out\n", "err\n")
        );
    }

    #[test]
    fn failures_and_overruns_are_errors() {
        let failed = run("false", sh("echo why >&2; exit 3"), Duration::from_secs(10));
        assert!(failed.is_err_and(|e| e.contains("why")));
        let started = Instant::now();
        let hung = run(
            "sleeper",
            sh("sleep 30 & sleep 30"),
            Duration::from_millis(200),
        );
        assert!(hung.is_err_and(|e| e.contains("still running")));
        assert!(started.elapsed() < Duration::from_secs(5));
    }
}
