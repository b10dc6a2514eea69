//! The listing and its twin end, without a panic or a traceback, when their
//! standard input is closed (`<&-`) or their reader goes away (`| head -1`).

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

const LISTING: &str = env!("CARGO_BIN_EXE_listing-05-21-condition-notify");
const TWIN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/twin.py");
const PATIENCE: Duration = Duration::from_secs(20);

/// The listing, and the twin both unbuffered (as the book's tests run it)
/// and buffered (as a reader runs it).
const PROGRAMS: [(&str, &[&str]); 3] = [
    ("listing", &[LISTING]),
    ("twin, unbuffered", &["python3", "-u", TWIN]),
    ("twin, buffered", &["python3", TWIN]),
];

fn command(argv: &[&str]) -> Command {
    let mut command = Command::new(argv[0]);
    command.args(&argv[1..]).env_remove("PYTHONUNBUFFERED");
    command
}

/// What a finished run left: its exit status, and what it printed to any
/// of its standard output and error that were piped.
struct Run {
    status: ExitStatus,
    stdout: String,
    stderr: String,
}

/// Waits for `child` to exit, and kills it and fails if it takes longer
/// than `PATIENCE`: a hang is the bug these tests look for. Its pipes are
/// read meanwhile, so that a full pipe cannot stall it.
fn finish(name: &str, mut child: Child) -> Run {
    fn drain(pipe: Option<impl Read + Send + 'static>) -> thread::JoinHandle<String> {
        thread::spawn(move || {
            let mut text = String::new();
            if let Some(mut pipe) = pipe {
                pipe.read_to_string(&mut text)
                    .expect("the pipe is readable");
            }
            text
        })
    }
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("the child can be waited for") {
            break status;
        }
        if start.elapsed() > PATIENCE {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{name}: still running after {PATIENCE:?}");
        }
        thread::sleep(Duration::from_millis(10));
    };
    Run {
        status,
        stdout: stdout.join().expect("stdout was read"),
        stderr: stderr.join().expect("stderr was read"),
    }
}

#[test]
fn a_closed_standard_input_is_the_end_of_input() {
    for (name, argv) in PROGRAMS {
        // `sh` closes descriptor 0 and then runs the program in its place.
        let mut command = command(&[&["sh", "-c", r#"exec "$@" <&-"#, "sh"], argv].concat());
        command.stdout(Stdio::piped()).stderr(Stdio::piped());
        let run = finish(name, command.spawn().expect("sh runs"));
        assert_eq!(run.stderr, "", "{name}");
        assert!(run.status.success(), "{name}: {}", run.status);
        assert!(
            run.stdout.contains("(end of input)"),
            "{name}: {}",
            run.stdout
        );
        assert!(
            run.stdout
                .ends_with("woken: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]\n"),
            "{name}: {}",
            run.stdout
        );
    }
}

// ANCHOR: closed_output
#[test]
fn a_closed_output_pipe_ends_the_run_quietly() {
    for (name, argv) in PROGRAMS {
        let mut child = command(argv)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the program starts");
        let mut stdin = child.stdin.take().expect("stdin is piped");
        stdin.write_all(b"2\n").expect("the program reads");
        let mut first = String::new();
        BufReader::new(child.stdout.take().expect("stdout is piped"))
            .read_line(&mut first)
            .expect("stdout is readable");
        assert_eq!(first, ">>> 2\n", "{name}");
        // The reader is gone (dropped above); everything printed from here
        // on meets a closed pipe, as after `| head -1`.
        let _ = stdin.write_all(b"abc\n3\n1\n");
        drop(stdin);
        let run = finish(name, child);
        assert_eq!(run.stderr, "", "{name}");
        assert!(run.status.success(), "{name}: {}", run.status);
    }
}
// ANCHOR_END: closed_output
