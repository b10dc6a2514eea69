//! Workload 3: small messages (the integers 0..n) from one thread,
//! process or task to another, which adds them up; each case sends as many
//! as it takes to run for 0.3 s, so each prints its count.
//!
//! Timed: between threads and between tasks, from before the channel is
//! made and the producer started until the consumer has the last message
//! and the producer is joined; between processes, from the moment the
//! child, already started, is told to go until the parent has the last
//! message.

use std::fs::File;
use std::hint::black_box;
use std::io::{BufWriter, stdin, stdout};
use std::os::fd::AsFd;
use std::process::Stdio;
use std::sync::mpsc;
use std::thread;
use std::time::Instant;

use bench::line::{Line, Params, Size, Unit};
use serde_json::{Value, json};

use crate::{check, emit, params, this_program};

/// A message's size: one `u64`.
const MESSAGE_BYTES: usize = 8;

/// How much the copy reference copies at a time: two such buffers stay in
/// the first-level caches, so no copy waits for memory.
const BUFFER_BYTES: usize = 16 << 10;

/// The capacity of the bounded queues: one message, so the producer must
/// wait for the consumer to take each one before it sends the next.
const HANDOFF: usize = 1;

/// A case times itself and says how often its consumer waited, where it
/// counts that.
type Case = fn(u64) -> Result<(f64, Option<u64>), String>;

pub fn run(size: Size) -> Result<(), String> {
    let between = |what: &str, capacity: Option<usize>| {
        params(json!({ what: 2, "capacity": capacity.map_or(Value::Null, Value::from) }))
    };
    let cases: [(&str, Case, u64, Params); 7] = [
        (
            "copy",
            copying,
            size.pick(2_400_000_000, 20_000),
            params(json!({ "message_bytes": MESSAGE_BYTES, "buffer_bytes": BUFFER_BYTES })),
        ),
        (
            "threads-mpsc",
            |n| untallied(through_std_channel(n)),
            size.pick(16_000_000, 200),
            between("threads", None),
        ),
        (
            "threads-crossbeam",
            |n| untallied(through_crossbeam_channel(n)),
            size.pick(16_000_000, 200),
            between("threads", None),
        ),
        (
            "threads-handoff-mpsc",
            |n| untallied(through_bounded_std_channel(n)),
            size.pick(40_000, 200),
            between("threads", Some(HANDOFF)),
        ),
        (
            "processes-pipe",
            |n| untallied(through_pipe(n)),
            size.pick(550_000, 200),
            params(json!({ "processes": 2 })),
        ),
        (
            "tasks-mpsc",
            |n| between_tasks(n, Some(HANDOFF)),
            size.pick(2_400_000, 200),
            between("tasks", Some(HANDOFF)),
        ),
        (
            "tasks-burst-mpsc",
            |n| between_tasks(n, None),
            size.pick(11_000_000, 200),
            between("tasks", None),
        ),
    ];
    for (_, case, count, _) in &cases {
        case(count / 100)?;
    }
    for (name, case, count, ran_with) in cases {
        let (elapsed, waits) = case(count)?;
        if let Some(waits) = waits {
            Line::print(
                &format!("{name}-waits"),
                waits as f64,
                Unit::Count,
                None,
                ran_with.clone(),
            );
        }
        emit(name, elapsed, count, ran_with);
    }
    Ok(())
}

fn untallied(elapsed: Result<f64, String>) -> Result<(f64, Option<u64>), String> {
    elapsed.map(|elapsed| (elapsed, None))
}

/// The reference: each message's 8 bytes copied once, between buffers
/// that stay in the cache, as fast as this machine copies.
fn copying(words: u64) -> Result<(f64, Option<u64>), String> {
    const BUFFER_WORDS: usize = BUFFER_BYTES / MESSAGE_BYTES;
    let source: Vec<u64> = (0..BUFFER_WORDS as u64).collect();
    let mut target = vec![0u64; BUFFER_WORDS];
    // Touched once before the clock, so that no page fault is timed.
    target.copy_from_slice(&source);
    let start = Instant::now();
    let mut left = words as usize;
    while left > 0 {
        let chunk = left.min(BUFFER_WORDS);
        black_box(&mut target[..chunk]).copy_from_slice(black_box(&source[..chunk]));
        left -= chunk;
    }
    let elapsed = start.elapsed().as_secs_f64();
    check(
        "last word copied",
        target[BUFFER_WORDS - 1],
        BUFFER_WORDS as u64 - 1,
    )?;
    untallied(Ok(elapsed))
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

fn through_bounded_std_channel(count: u64) -> Result<f64, String> {
    through_channel(
        count,
        || mpsc::sync_channel(HANDOFF),
        |sender, number| sender.send(number).is_ok(),
    )
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

/// A producer task and a consumer task, both spawned on a one-thread
/// runtime, as asyncio runs its tasks, through a channel of `capacity`
/// messages, or an unbounded one. Returns the time and how often the
/// consumer found the channel empty and had to wait for the producer.
fn between_tasks(count: u64, capacity: Option<usize>) -> Result<(f64, Option<u64>), String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| format!("cannot build a runtime: {e}"))?;
    runtime.block_on(async move {
        let start = Instant::now();
        let (consumer, producer) = match capacity {
            Some(capacity) => {
                let (sender, receiver) = tokio::sync::mpsc::channel(capacity);
                let consumer = tokio::spawn(consume(count, receiver));
                let producer = tokio::spawn(async move {
                    for number in 0..count {
                        let sent = sender.send(number).await;
                        sent.expect("the receiver outlives the producer");
                    }
                });
                (consumer, producer)
            }
            None => {
                let (sender, receiver) = tokio::sync::mpsc::unbounded_channel();
                let consumer = tokio::spawn(consume(count, receiver));
                let producer = tokio::spawn(async move {
                    for number in 0..count {
                        let sent = sender.send(number);
                        sent.expect("the receiver outlives the producer");
                    }
                });
                (consumer, producer)
            }
        };
        let (total, waits) = consumer
            .await
            .map_err(|e| format!("the consumer failed: {e}"))??;
        producer
            .await
            .map_err(|e| format!("the producer failed: {e}"))?;
        let elapsed = start.elapsed().as_secs_f64();
        check("sum received", total, expected_sum(count))?;
        if capacity == Some(HANDOFF) {
            // The consumer, spawned first, runs first: it waits for the
            // first message, and for every one after it, since the
            // producer cannot send the next before the last is taken.
            check("messages the consumer waited for", waits, count)?;
        }
        Ok((elapsed, Some(waits)))
    })
}

/// What the consumer task needs of either kind of tokio receiver.
trait Receiver: Send + 'static {
    fn is_empty(&self) -> bool;
    fn recv(&mut self) -> impl Future<Output = Option<u64>> + Send;
}

impl Receiver for tokio::sync::mpsc::Receiver<u64> {
    fn is_empty(&self) -> bool {
        tokio::sync::mpsc::Receiver::is_empty(self)
    }

    fn recv(&mut self) -> impl Future<Output = Option<u64>> + Send {
        tokio::sync::mpsc::Receiver::recv(self)
    }
}

impl Receiver for tokio::sync::mpsc::UnboundedReceiver<u64> {
    fn is_empty(&self) -> bool {
        tokio::sync::mpsc::UnboundedReceiver::is_empty(self)
    }

    fn recv(&mut self) -> impl Future<Output = Option<u64>> + Send {
        tokio::sync::mpsc::UnboundedReceiver::recv(self)
    }
}

/// Receives `count` messages and adds them up, counting the times it
/// found the channel empty: each is a wait for the producer to run.
async fn consume(count: u64, mut receiver: impl Receiver) -> Result<(u64, u64), String> {
    let (mut total, mut waits) = (0, 0);
    for _ in 0..count {
        if receiver.is_empty() {
            waits += 1;
        }
        total += receiver.recv().await.ok_or("the producer stopped early")?;
    }
    Ok((total, waits))
}
