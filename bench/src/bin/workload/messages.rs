//! Workload 3: small messages (the integers 0..n) from one thread,
//! process or task to another, which adds them up; each case sends as many
//! as it takes to run for 0.3 s, so each prints its count.

use std::fs::File;
use std::hint::black_box;
use std::io::{BufWriter, stdin, stdout};
use std::os::fd::AsFd;
use std::process::Stdio;
use std::sync::mpsc;
use std::thread;
use std::time::Instant;

use bench::line::Size;

use crate::{check, emit, this_program};

type Case = fn(u64) -> Result<f64, String>;

pub fn run(size: Size) -> Result<(), String> {
    let cases: [(&str, Case, u64); 5] = [
        ("copy", copying, size.pick(420_000_000, 20_000)),
        (
            "threads-mpsc",
            through_std_channel,
            size.pick(8_000_000, 200),
        ),
        (
            "threads-crossbeam",
            through_crossbeam_channel,
            size.pick(8_000_000, 200),
        ),
        ("processes-pipe", through_pipe, size.pick(550_000, 200)),
        ("tasks-mpsc", between_tasks, size.pick(7_500_000, 200)),
    ];
    for (_, case, count) in cases {
        case(count / 100)?;
    }
    for (name, case, count) in cases {
        emit(name, case(count)?, count);
    }
    Ok(())
}

/// The limit no message can beat: its 8 bytes copied once, at the speed
/// memory copies in bulk. The buffers, 64 MiB each, are far larger than
/// any cache, so this is the memory's bandwidth, not a cache's.
fn copying(words: u64) -> Result<f64, String> {
    const BUFFER_WORDS: usize = 8 << 20;
    let source: Vec<u64> = (0..BUFFER_WORDS as u64).collect();
    let mut target = vec![0u64; BUFFER_WORDS];
    // Touched once before the clock, so that no page fault is timed.
    target.copy_from_slice(&source);
    let start = Instant::now();
    let mut left = words as usize;
    while left > 0 {
        let chunk = left.min(BUFFER_WORDS);
        black_box(&mut target[..chunk]).copy_from_slice(&source[..chunk]);
        left -= chunk;
    }
    let elapsed = start.elapsed().as_secs_f64();
    check(
        "last word copied",
        target[BUFFER_WORDS - 1],
        BUFFER_WORDS as u64 - 1,
    )?;
    Ok(elapsed)
}

fn expected_sum(count: u64) -> u64 {
    count * count.saturating_sub(1) / 2
}

fn through_std_channel(count: u64) -> Result<f64, String> {
    through_channel(count, mpsc::channel, |sender, number| {
        sender.send(number).is_ok()
    })
}

fn through_crossbeam_channel(count: u64) -> Result<f64, String> {
    through_channel(count, crossbeam::channel::unbounded, |sender, number| {
        sender.send(number).is_ok()
    })
}

/// Times `count` numbers sent by a producer thread through the channel
/// `make` creates; generic, so each channel's `send` is called directly.
fn through_channel<S, R>(
    count: u64,
    make: impl FnOnce() -> (S, R),
    send: impl Fn(&S, u64) -> bool + Send + 'static,
) -> Result<f64, String>
where
    S: Send + 'static,
    R: IntoIterator<Item = u64>,
{
    let start = Instant::now();
    let (sender, receiver) = make();
    let producer = thread::spawn(move || {
        for number in 0..count {
            assert!(send(&sender, number), "the receiver outlives the producer");
        }
    });
    let total: u64 = receiver.into_iter().take(count as usize).sum();
    producer.join().map_err(|_| "the producer panicked")?;
    let elapsed = start.elapsed().as_secs_f64();
    check("sum received", total, expected_sum(count))?;
    Ok(elapsed)
}

/// A child process (this program, as `pipe-child`) writes the messages to
/// its standard output as `framed` JSON frames, one `write` each, as
/// `multiprocessing.Connection.send` does; the parent reads each frame
/// with two reads, a length then a body, as `recv` does.
fn through_pipe(count: u64) -> Result<f64, String> {
    let mut child = this_program()?
        .args(["pipe-child", &count.to_string()])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start the child: {e}"))?;
    let mut to_child = child.stdin.take().expect("stdin is piped");
    let mut from_child = child.stdout.take().expect("stdout is piped");
    let io = |e: std::io::Error| format!("pipe: {e}");
    let ready: Option<String> = framed::recv(&mut from_child).map_err(io)?;
    check("first frame", ready.as_deref(), Some("ready"))?;
    // The clock starts once the child is up: starting it is workload 4's.
    let start = Instant::now();
    framed::send(&mut to_child, "go").map_err(io)?;
    let mut total = 0;
    for _ in 0..count {
        let number: u64 = framed::recv(&mut from_child)
            .map_err(io)?
            .ok_or("the child stopped early")?;
        total += number;
    }
    let elapsed = start.elapsed().as_secs_f64();
    let status = child.wait().map_err(io)?;
    check("child's exit", status.success(), true)?;
    check("sum received", total, expected_sum(count))?;
    Ok(elapsed)
}

/// `workload pipe-child COUNT`: the producer end of `through_pipe`.
pub fn pipe_child(args: &[String]) -> Result<(), String> {
    let [count] = args else {
        return Err("usage: workload pipe-child COUNT".into());
    };
    let count: u64 = count
        .parse()
        .map_err(|e| format!("not a count: {count:?} ({e})"))?;
    let io = |e: std::io::Error| format!("pipe: {e}");
    // Straight to the file descriptor: `Stdout` would add its own line
    // buffering. The BufWriter only joins a frame's two writes into one;
    // `framed::send` flushes it after every frame.
    let fd = stdout().as_fd().try_clone_to_owned().map_err(io)?;
    let mut to_parent = BufWriter::new(File::from(fd));
    framed::send(&mut to_parent, "ready").map_err(io)?;
    let go: Option<String> = framed::recv(&mut stdin().lock()).map_err(io)?;
    check("go frame", go.as_deref(), Some("go"))?;
    for number in 0..count {
        framed::send(&mut to_parent, &number).map_err(io)?;
    }
    Ok(())
}

/// Two tasks on a one-thread runtime, as asyncio runs them.
fn between_tasks(count: u64) -> Result<f64, String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| format!("cannot build a runtime: {e}"))?;
    runtime.block_on(async move {
        let start = Instant::now();
        let (sender, mut receiver) = tokio::sync::mpsc::unbounded_channel();
        let producer = tokio::spawn(async move {
            for number in 0..count {
                sender
                    .send(number)
                    .expect("the receiver outlives the producer");
            }
        });
        let mut total = 0;
        for _ in 0..count {
            total += receiver.recv().await.ok_or("the producer stopped early")?;
        }
        producer
            .await
            .map_err(|e| format!("the producer failed: {e}"))?;
        let elapsed = start.elapsed().as_secs_f64();
        check("sum received", total, expected_sum(count))?;
        Ok(elapsed)
    })
}
