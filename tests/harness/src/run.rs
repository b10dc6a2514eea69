//! Building listings and running programs under a time limit, each in its
//! own process group so that nothing it starts can outlive the check.

use std::fs::File;
use std::io::{self, Read};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::{Once, OnceLock};
use std::thread;
use std::time::{Duration, Instant};

use nix::errno::Errno;
use nix::sys::signal::{Signal, killpg};
use nix::sys::wait::{WaitPidFlag, WaitStatus, waitpid};
use nix::unistd::Pid;
use regex::Regex;

/// How often a running program is polled for its exit.
const POLL: Duration = Duration::from_millis(10);
/// How long processes a program started may take to end after it exits: a
/// helper on its way out is not left behind. Python's resource tracker, which
/// a spawned child starts, ends by itself once it reads the end of its pipe,
/// 10 to 25 ms after the program on an idle machine, but took over 500 ms on
/// this 2-core machine under a load average of 20. The wait ends as soon as
/// the group is empty, so the bound costs nothing when nothing is left.
const EXIT_GRACE: Duration = Duration::from_secs(5);
/// How long the output pipe may stay open after every process in the group
/// is gone: only a process that left the group can hold it longer.
const PIPE_GRACE: Duration = Duration::from_secs(2);

/// How many programs (listings, twins, probes) the tests and `cargo xtask
/// outputs` run at once: they mostly sleep or wait on their processes and
/// threads, so more of them than cores.
pub const CONCURRENT_RUNS: usize = 8;

/// What one run of a program printed and how it ended.
#[derive(Debug)]
pub struct Run {
    /// stdout and stderr, joined in the order they were written, as a
    /// terminal shows them.
    pub output: String,
    pub status: ExitStatus,
    /// From the start of the program to its exit: how long a reader waits
    /// for it, which decides whether the book offers it a Run button.
    pub elapsed: Duration,
}

#[derive(Debug)]
pub enum RunError {
    /// It ran past its limit and was killed with its process group.
    TimedOut {
        limit: Duration,
        output: String,
    },
    /// It exited but processes it started were still running.
    LeftProcessesBehind {
        output: String,
    },
    Io(io::Error),
}

impl std::fmt::Display for RunError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RunError::TimedOut { limit, output } => {
                write!(
                    f,
                    "still running after {limit:?}; killed. It had printed:\n{output}"
                )
            }
            RunError::LeftProcessesBehind { output } => write!(
                f,
                "exited but left processes running (killed now); reap every child. It printed:\n{output}"
            ),
            RunError::Io(e) => write!(f, "could not run: {e}"),
        }
    }
}

impl From<io::Error> for RunError {
    fn from(e: io::Error) -> Self {
        RunError::Io(e)
    }
}

impl From<Errno> for RunError {
    fn from(e: Errno) -> Self {
        RunError::Io(e.into())
    }
}

/// Runs `command` with the file `input` as its standard input (or none) and
/// its output captured, killing it and everything it started once `limit`
/// has passed.
pub fn run(mut command: Command, input: Option<&Path>, limit: Duration) -> Result<Run, RunError> {
    adopt_orphans();
    let stdin = match input {
        Some(path) => Stdio::from(File::open(path)?),
        None => Stdio::null(),
    };
    let (mut reader, writer) = io::pipe()?;
    command
        .stdin(stdin)
        .stdout(writer.try_clone()?)
        .stderr(writer)
        .process_group(0);
    let started = Instant::now();
    let mut child = command.spawn()?;
    // The parent's copies of the pipe's write end must close, or the reader
    // never sees the end of the output.
    drop(command);
    let group = Pid::from_raw(child.id() as i32);

    let (sender, output) = mpsc::channel();
    thread::spawn(move || {
        let mut bytes = Vec::new();
        let result = reader.read_to_end(&mut bytes).map(|_| bytes);
        let _ = sender.send(result);
    });
    let read_output = |output: &mpsc::Receiver<io::Result<Vec<u8>>>| -> Result<String, RunError> {
        let bytes = output.recv_timeout(PIPE_GRACE).map_err(|_| {
            io::Error::other("a process outside the listing's process group still holds its output")
        })??;
        Ok(strip_ansi(&String::from_utf8_lossy(&bytes)))
    };

    let deadline = Instant::now() + limit;
    let (status, elapsed) = loop {
        if let Some(status) = child.try_wait()? {
            break (status, started.elapsed());
        }
        if Instant::now() >= deadline {
            kill_group(group);
            child.wait()?;
            reap_group(group);
            return Err(RunError::TimedOut {
                limit,
                output: read_output(&output)?,
            });
        }
        thread::sleep(POLL);
    };
    if !group_ends_within(group, EXIT_GRACE) {
        kill_group(group);
        reap_group(group);
        return Err(RunError::LeftProcessesBehind {
            output: read_output(&output)?,
        });
    }
    Ok(Run {
        output: read_output(&output)?,
        status,
        elapsed,
    })
}

/// `text` without its ANSI escape sequences (colours, cursor moves): what a
/// terminal shows of them is colour, not characters, so neither output.txt
/// nor the comparison sees them.
fn strip_ansi(text: &str) -> String {
    static ESCAPE: OnceLock<Regex> = OnceLock::new();
    let escape =
        ESCAPE.get_or_init(|| Regex::new(r"\x1b\[[0-?]*[ -/]*[@-~]").expect("valid pattern"));
    escape.replace_all(text, "").into_owned()
}

/// Makes this process the reaper of orphaned descendants, so that a child a
/// listing forgot to wait for comes back here to be reaped and counted
/// rather than lingering as a zombie that looks alive.
fn adopt_orphans() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        nix::sys::prctl::set_child_subreaper(true).expect("prctl(PR_SET_CHILD_SUBREAPER)");
    });
}

fn kill_group(group: Pid) {
    // ESRCH only means the group is already gone.
    let _ = killpg(group, Signal::SIGKILL);
}

/// Reaps `group`'s members as they exit; whether none is left by `grace`.
fn group_ends_within(group: Pid, grace: Duration) -> bool {
    let deadline = Instant::now() + grace;
    loop {
        reap_group(group);
        if killpg(group, None).is_err() {
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        thread::sleep(POLL);
    }
}

/// Waits for every process of `group` that has already exited and was
/// handed to us as an orphan.
fn reap_group(group: Pid) {
    let members = Pid::from_raw(-group.as_raw());
    while let Ok(status) = waitpid(members, Some(WaitPidFlag::WNOHANG)) {
        if status == WaitStatus::StillAlive {
            break;
        }
    }
}

fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// Builds the binaries of the named packages, or every binary in the
/// workspace (each runnable listing) when none is named.
pub fn build_bins(root: &Path, packages: &[&str]) -> Result<(), String> {
    let mut command = cargo();
    command
        .args(["build", "--bins", "--quiet"])
        .current_dir(root);
    if packages.is_empty() {
        command.arg("--workspace");
    }
    for package in packages {
        command.args(["--package", package]);
    }
    let output = command
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "cargo build failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}

/// Builds a compile-fail listing (a crate outside the workspace) and returns
/// whether it built and what the compiler said, without cargo's progress
/// lines, which change from run to run.
pub fn build_compile_fail(dir: &Path, target_dir: &Path) -> io::Result<(bool, String)> {
    let output = cargo()
        .arg("build")
        .arg("--target-dir")
        .arg(target_dir)
        .env("CARGO_TERM_COLOR", "never")
        .current_dir(dir)
        .output()?;
    let progress = [
        "Compiling ",
        "Finished ",
        "Blocking ",
        "Locking ",
        "Updating ",
        "Adding ",
    ];
    let stderr = String::from_utf8_lossy(&output.stderr);
    let said: String = stderr
        .lines()
        .filter(|line| !progress.iter().any(|p| line.trim_start().starts_with(p)))
        .map(|line| format!("{line}\n"))
        .collect();
    Ok((output.status.success(), said))
}

/// Calls `f` on every item, `workers` at a time, and returns the results in
/// the items' order.
pub fn for_each_concurrently<T: Sync, R: Send>(
    items: &[T],
    workers: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let next = AtomicUsize::new(0);
    let mut results: Vec<(usize, R)> = thread::scope(|scope| {
        let handles: Vec<_> = (0..workers.max(1))
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break done };
                        done.push((i, f(item)));
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("worker panicked"))
            .collect()
    });
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
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
    fn stdout_and_stderr_are_joined_in_order() {
        let run = run(
            sh("echo one; echo two >&2; echo three"),
            None,
            Duration::from_secs(5),
        )
        .unwrap();
        assert_eq!(run.output, "one\ntwo\nthree\n");
        assert!(run.status.success());
    }

    #[test]
    fn a_program_past_its_limit_is_killed_with_its_children() {
        let started = Instant::now();
        let err = run(
            sh("echo begun; sleep 30 & sleep 30"),
            None,
            Duration::from_millis(300),
        )
        .unwrap_err();
        assert!(
            matches!(err, RunError::TimedOut { ref output, .. } if output == "begun\n"),
            "{err}"
        );
        assert!(started.elapsed() < Duration::from_secs(5));
    }

    #[test]
    fn a_program_that_leaves_a_child_running_fails() {
        let err = run(
            sh("sleep 30 & echo parent done"),
            None,
            Duration::from_secs(5),
        )
        .unwrap_err();
        assert!(matches!(err, RunError::LeftProcessesBehind { .. }), "{err}");
    }

    #[test]
    fn a_child_that_ends_just_after_its_parent_is_not_left_behind() {
        let run = run(
            sh("sleep 0.1 & echo parent done"),
            None,
            Duration::from_secs(5),
        )
        .unwrap();
        assert_eq!(run.output, "parent done\n");
    }

    #[test]
    fn a_child_that_finished_unreaped_is_not_counted_as_running() {
        // The shell exits without waiting for its already finished child.
        let run = run(
            sh("true & sleep 0.2; echo done"),
            None,
            Duration::from_secs(5),
        )
        .unwrap();
        assert_eq!(run.output, "done\n");
    }

    #[test]
    fn input_is_fed_from_a_file() {
        let input = std::env::temp_dir().join(format!("harness-input-{}", std::process::id()));
        std::fs::write(&input, "3\nnot a number\n").unwrap();
        let run = run(
            sh("while read line; do echo \"got $line\"; done"),
            Some(&input),
            Duration::from_secs(5),
        )
        .unwrap();
        std::fs::remove_file(&input).unwrap();
        assert_eq!(run.output, "got 3\ngot not a number\n");
    }

    #[test]
    fn colours_are_stripped_from_the_output() {
        let run = run(
            sh(r"printf '\033[31mred\033[0m and \033[1;32mgreen\033[0m\n'"),
            None,
            Duration::from_secs(5),
        )
        .unwrap();
        assert_eq!(run.output, "red and green\n");
    }

    #[test]
    fn results_come_back_in_order() {
        let items: Vec<u64> = (0..20).collect();
        let squares = for_each_concurrently(&items, 4, |n| n * n);
        assert_eq!(squares, items.iter().map(|n| n * n).collect::<Vec<_>>());
    }
}
