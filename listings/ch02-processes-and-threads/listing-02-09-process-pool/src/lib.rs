//! A pool of worker processes fed through pipes: the part of Python's
//! `multiprocessing.Pool` that this book uses.
//!
//! [`Pool::new`] forks the workers. Each worker reads tasks from its own
//! pipe, runs them, and writes each result back on a second pipe, one frame
//! per message (the `framed` library of Listing 1-6). In the parent, one
//! thread per worker takes the next task from a shared queue when its worker
//! is idle, so a slow task holds up only its own worker. One more thread,
//! the result handler, hands each result over and runs the callbacks, one
//! at a time, as Python's pool does.
//!
//! A task is data, never a closure. A closure has no form that can be
//! written into a pipe: its type has no name and implements no `Serialize`,
//! and what it captured may point at memory that the worker's copy does not
//! hold. What crosses is a value that serde can write as JSON; the worker, a
//! fork of the parent, already holds the code that [`Task::run`] names.
//! Python makes the same demand in its own way: `apply_async` pickles the
//! function by its module and name, which is why a lambda is refused.

use std::any::Any;
use std::io::{self, ErrorKind, PipeReader, PipeWriter, Read, Write};
use std::panic::{self, AssertUnwindSafe};
use std::thread::{self, JoinHandle};

use crossbeam::channel::{self, Receiver, Sender};
use nix::libc;
use nix::sys::wait::{WaitStatus, waitpid};
use nix::unistd::{ForkResult, Pid, fork, getpid};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

// ANCHOR: task
/// Work that a pool runs in one of its worker processes.
///
/// `run` executes in the worker, so what it prints comes from the worker,
/// and `nix::unistd::getpid()` inside it gives the worker's process id.
pub trait Task: Serialize + DeserializeOwned + Send + 'static {
    /// What the worker sends back; a callback gets it in the parent.
    type Output: Serialize + DeserializeOwned + Send + 'static;

    fn run(self) -> Self::Output;
}
// ANCHOR_END: task

type Callback<O> = Box<dyn FnOnce(&O) + Send>;

struct Job<T: Task> {
    task: T,
    callback: Option<Callback<T::Output>>,
    result: Sender<io::Result<T::Output>>,
}

/// A task's outcome on its way from a feeder to the result handler.
struct Finished<O> {
    outcome: io::Result<O>,
    callback: Option<Callback<O>>,
    result: Sender<io::Result<O>>,
}

/// What a worker writes back for each task.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
enum Reply<O> {
    Finished(O),
    Panicked(String),
}

/// The result of a task handed to [`Pool::apply_async`], once it is done.
pub struct AsyncResult<O> {
    result: Receiver<io::Result<O>>,
}

impl<O> AsyncResult<O> {
    /// Waits for the task and returns what it returned.
    ///
    /// Fails if the task panicked (the worker reports the panic and goes on
    /// to its next task), if its worker died, or if the pool stopped without
    /// running it.
    pub fn get(self) -> io::Result<O> {
        self.result.recv().unwrap_or_else(|_| {
            Err(io::Error::other(
                "the pool stopped before the task ran: every worker is gone",
            ))
        })
    }
}

/// The parent's ends of one worker's two pipes.
struct WorkerEnds {
    pid: Pid,
    tasks: PipeWriter,
    replies: PipeReader,
}

/// A fixed number of worker processes that run tasks of type `T`.
///
/// Dropping the pool does what [`Pool::join`] does, without reporting
/// errors: every worker finishes the queued tasks, exits, and is reaped.
pub struct Pool<T: Task> {
    jobs: Option<Sender<Job<T>>>,
    feeders: Vec<(Pid, JoinHandle<io::Result<()>>)>,
    result_handler: Option<JoinHandle<io::Result<()>>>,
}

impl<T: Task> Pool<T> {
    /// Forks `size` worker processes, then starts, in the calling process,
    /// one thread per worker to feed it and one result handler.
    ///
    /// # Safety
    ///
    /// Call it only while the calling process has a single thread. Each
    /// worker is a forked child that prints: had another thread held a lock
    /// at the moment of a fork, such as the one on Rust's stdout, it would
    /// stay locked forever in the child. The pool starts threads of its own
    /// once the last worker is forked, so fork nothing afterwards either,
    /// except through `std::process::Command`, which is safe in a threaded
    /// process.
    // ANCHOR: new
    pub unsafe fn new(size: usize) -> io::Result<Pool<T>> {
        if size == 0 {
            return Err(io::Error::new(
                ErrorKind::InvalidInput,
                "a pool needs at least one worker",
            ));
        }
        let mut workers = Vec::with_capacity(size);
        for _ in 0..size {
            // SAFETY: the caller guarantees a single thread, and no thread
            // has been started since.
            match unsafe { start_worker::<T>(&mut workers) } {
                Ok(ends) => workers.push(ends),
                Err(error) => {
                    for ends in workers {
                        // Closing its task pipe makes a worker exit.
                        drop(ends.tasks);
                        waitpid(ends.pid, None)?;
                    }
                    return Err(error);
                }
            }
        }

        // Every fork is done: only now may this process start threads.
        let (jobs, queue) = channel::unbounded();
        let (finished, to_hand_over) = channel::unbounded();
        let feeders = workers
            .into_iter()
            .map(|ends| {
                let queue = queue.clone();
                let finished = finished.clone();
                (
                    ends.pid,
                    thread::spawn(move || feed_until_closed(ends, queue, finished)),
                )
            })
            .collect();
        // Only the feeders hold `finished`, so the handler ends after them.
        drop(finished);
        let result_handler = thread::spawn(move || hand_over(to_hand_over));
        Ok(Pool {
            jobs: Some(jobs),
            feeders,
            result_handler: Some(result_handler),
        })
    }
    // ANCHOR_END: new

    /// The process ids of the workers.
    pub fn worker_pids(&self) -> Vec<Pid> {
        self.feeders.iter().map(|(pid, _)| *pid).collect()
    }

    // ANCHOR: apply
    /// Runs `task` in a worker and waits for its result, as Python's
    /// `Pool.apply` does.
    pub fn apply(&self, task: T) -> io::Result<T::Output> {
        self.apply_async(task).get()
    }

    /// Queues `task` for the next idle worker and returns at once, as
    /// Python's `Pool.apply_async` does.
    pub fn apply_async(&self, task: T) -> AsyncResult<T::Output> {
        self.submit(task, None)
    }

    /// Like [`Pool::apply_async`], and when the task has finished, calls
    /// `callback` with its result in this process, the parent, as Python's
    /// `callback=` argument does.
    ///
    /// As in Python, every callback of the pool runs on one thread of the
    /// parent, the result handler, one at a time and before the task's
    /// [`AsyncResult::get`] returns. So it must be `Send`, and a slow
    /// callback delays the handing over of every other result, though not
    /// the workers. It runs only for a task that finished without panicking.
    pub fn apply_async_with_callback(
        &self,
        task: T,
        callback: impl FnOnce(&T::Output) + Send + 'static,
    ) -> AsyncResult<T::Output> {
        self.submit(task, Some(Box::new(callback)))
    }
    // ANCHOR_END: apply

    fn submit(&self, task: T, callback: Option<Callback<T::Output>>) -> AsyncResult<T::Output> {
        let (result, receiver) = channel::bounded(1);
        let job = Job {
            task,
            callback,
            result,
        };
        if let Some(jobs) = &self.jobs {
            // This fails only when every worker is gone. The job is dropped
            // then, and `get` reports that the task never ran.
            let _ = jobs.send(job);
        }
        AsyncResult { result: receiver }
    }

    /// Takes no more tasks, waits until every queued task is done, then
    /// lets the workers exit and reaps them: Python's `close()` and `join()`
    /// in one call.
    ///
    /// Fails if a worker died or exited with an error, or a callback
    /// panicked; even then every worker has been reaped.
    pub fn join(mut self) -> io::Result<()> {
        self.stop()
    }

    fn stop(&mut self) -> io::Result<()> {
        // With the sender gone, each feeder ends once the queue is empty.
        self.jobs = None;
        let mut outcome = Ok(());
        for (pid, feeder) in self.feeders.drain(..) {
            let stopped = feeder.join().unwrap_or_else(|_| {
                // Its ends of the pipes closed as it unwound, so its worker
                // is exiting; reap it.
                waitpid(pid, None)?;
                Err(io::Error::other(format!(
                    "the feeder of worker {pid} panicked"
                )))
            });
            if outcome.is_ok() {
                outcome = stopped;
            }
        }
        // The feeders are gone, and with them the handler's last senders.
        if let Some(handler) = self.result_handler.take() {
            let handed_over = handler
                .join()
                .unwrap_or_else(|_| Err(io::Error::other("the result handler panicked")));
            if outcome.is_ok() {
                outcome = handed_over;
            }
        }
        outcome
    }
}

impl<T: Task> Drop for Pool<T> {
    fn drop(&mut self) {
        // `drop` cannot report an error; call `join` to see one.
        let _ = self.stop();
    }
}

// ANCHOR: worker
/// Forks one worker, which never returns from here.
///
/// # Safety
///
/// As for [`Pool::new`]: the calling process has a single thread.
unsafe fn start_worker<T: Task>(earlier: &mut Vec<WorkerEnds>) -> io::Result<WorkerEnds> {
    let (task_reader, task_writer) = io::pipe()?;
    let (reply_reader, reply_writer) = io::pipe()?;
    // A line printed without its newline would otherwise be copied into the
    // worker and printed again when it exits.
    io::stdout().flush()?;
    // SAFETY: the caller guarantees that this process has one thread.
    match unsafe { fork() }? {
        ForkResult::Parent { child } => Ok(WorkerEnds {
            pid: child,
            tasks: task_writer,
            replies: reply_reader,
        }),
        ForkResult::Child => {
            // The parent's ends of the earlier workers' pipes came along in
            // the copy. Close them, or an earlier worker would never see its
            // task pipe close while this one lives.
            earlier.clear();
            drop(task_writer);
            drop(reply_reader);
            work::<T>(task_reader, reply_writer)
        }
    }
}

/// A worker's whole life: it never returns into the parent's code.
fn work<T: Task>(mut tasks: PipeReader, mut replies: PipeWriter) -> ! {
    let served = serve::<T>(&mut tasks, &mut replies);
    // What the tasks printed is the worker's: write it out in any case.
    let flushed = io::stdout().flush();
    let mut code = 0;
    if let Err(error) = served.and(flushed) {
        eprintln!("pool worker {}: {error}", getpid());
        code = 1;
    }
    // `_exit`, as CPython's worker ends with `os._exit`: the parent's exit
    // handlers (libc's `atexit`) are not the worker's to run.
    // SAFETY: `_exit` only ends the process; stdout is flushed above.
    unsafe { libc::_exit(code) }
}

/// Runs each task that arrives and writes back its reply, until the parent
/// closes the task pipe.
fn serve<T: Task>(tasks: &mut impl Read, replies: &mut impl Write) -> io::Result<()> {
    while let Some(task) = framed::recv::<T>(tasks)? {
        // A panic must not unwind out of the worker: past the fork, its
        // stack is the parent's code.
        let reply = match panic::catch_unwind(AssertUnwindSafe(|| task.run())) {
            Ok(output) => Reply::Finished(output),
            Err(payload) => Reply::Panicked(panic_message(payload.as_ref())),
        };
        framed::send(replies, &reply)?;
    }
    Ok(())
}
// ANCHOR_END: worker

fn panic_message(payload: &(dyn Any + Send)) -> String {
    match (
        payload.downcast_ref::<&str>(),
        payload.downcast_ref::<String>(),
    ) {
        (Some(text), _) => text.to_string(),
        (_, Some(text)) => text.clone(),
        _ => "a panic without a message".to_string(),
    }
}

// ANCHOR: feeder
/// One feeder thread: hands its worker a task whenever the worker is idle,
/// passes each outcome to the result handler, then, once the queue is
/// closed and empty, lets the worker exit and reaps it.
fn feed_until_closed<T: Task>(
    ends: WorkerEnds,
    queue: Receiver<Job<T>>,
    finished: Sender<Finished<T::Output>>,
) -> io::Result<()> {
    let WorkerEnds {
        pid,
        mut tasks,
        mut replies,
    } = ends;
    let fed = feed(&mut tasks, &mut replies, pid, &queue, &finished);
    drop(tasks);
    let status = waitpid(pid, None)?;
    fed?;
    match status {
        WaitStatus::Exited(_, 0) => Ok(()),
        other => Err(io::Error::other(format!(
            "worker {pid} ended with {other:?}"
        ))),
    }
}

fn feed<T: Task>(
    tasks: &mut impl Write,
    replies: &mut impl Read,
    pid: Pid,
    queue: &Receiver<Job<T>>,
    finished: &Sender<Finished<T::Output>>,
) -> io::Result<()> {
    for job in queue {
        let reply = framed::send(tasks, &job.task).and_then(|()| {
            framed::recv::<Reply<T::Output>>(replies)?.ok_or_else(|| {
                io::Error::new(
                    ErrorKind::UnexpectedEof,
                    format!("worker {pid} died before it replied"),
                )
            })
        });
        let (outcome, worker_died) = match reply {
            Ok(Reply::Finished(output)) => (Ok(output), None),
            Ok(Reply::Panicked(message)) => (
                Err(io::Error::other(format!(
                    "the task panicked in worker {pid}: {message}"
                ))),
                None,
            ),
            Err(error) => {
                let report = io::Error::new(error.kind(), error.to_string());
                (Err(error), Some(report))
            }
        };
        // The handler lives until every feeder has returned, so this send
        // fails only if it panicked; `join` reports that.
        let _ = finished.send(Finished {
            outcome,
            callback: job.callback,
            result: job.result,
        });
        if let Some(report) = worker_died {
            // The worker is gone; leave the queue to the others.
            return Err(report);
        }
    }
    Ok(())
}
// ANCHOR_END: feeder

// ANCHOR: handler
/// The result handler: runs each finished task's callback, then hands the
/// outcome to whoever waits in [`AsyncResult::get`], one task at a time, on
/// this one thread, as Python's pool does on its result-handler thread.
fn hand_over<O>(finished: Receiver<Finished<O>>) -> io::Result<()> {
    let mut outcome = Ok(());
    for done in finished {
        if let (Ok(output), Some(callback)) = (&done.outcome, done.callback) {
            // A panicking callback must not stop the results of other
            // tasks; `join` reports it.
            if panic::catch_unwind(AssertUnwindSafe(|| callback(output))).is_err() {
                outcome = Err(io::Error::other("a callback panicked"));
            }
        }
        // The caller may have dropped its `AsyncResult`; nobody is waiting
        // then, so a failed send is not an error.
        let _ = done.result.send(done.outcome);
    }
    outcome
}
// ANCHOR_END: handler

#[cfg(test)]
mod tests {
    use super::*;

    use std::os::unix::net::UnixStream;
    use std::sync::{Arc, Mutex};

    #[derive(Serialize, Deserialize)]
    struct Square(i64);

    impl Task for Square {
        type Output = i64;

        fn run(self) -> i64 {
            assert!(self.0 >= 0, "negative input");
            self.0 * self.0
        }
    }

    #[test]
    fn a_worker_replies_to_each_task_and_reports_panics() -> io::Result<()> {
        let mut tasks = Vec::new();
        for n in [3, -1, 4] {
            framed::send(&mut tasks, &Square(n))?;
        }
        let mut replies = Vec::new();
        serve::<Square>(&mut tasks.as_slice(), &mut replies)?;

        let mut replies = replies.as_slice();
        let mut next = || framed::recv::<Reply<i64>>(&mut replies);
        assert_eq!(next()?, Some(Reply::Finished(9)));
        assert_eq!(next()?, Some(Reply::Panicked("negative input".into())));
        assert_eq!(next()?, Some(Reply::Finished(16)));
        assert_eq!(next()?, None);
        Ok(())
    }

    // The parent's side against a worker loop on a thread instead of in a
    // forked process, and the result handler on this test's thread.
    #[test]
    fn the_feeder_and_the_handler_deliver_results_and_run_callbacks() -> io::Result<()> {
        let (mut parent_end, mut worker_end) = UnixStream::pair()?;
        let worker = thread::spawn(move || {
            let mut replies = worker_end.try_clone()?;
            serve::<Square>(&mut worker_end, &mut replies)
        });

        let (jobs, queue) = channel::unbounded();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let mut results = Vec::new();
        for n in [2, -5, 7] {
            let (result, receiver) = channel::bounded(1);
            let seen = Arc::clone(&seen);
            let callback: Callback<i64> =
                Box::new(move |square| seen.lock().expect("not poisoned").push(*square));
            let job = Job {
                task: Square(n),
                callback: Some(callback),
                result,
            };
            jobs.send(job).expect("the queue is open");
            results.push(AsyncResult { result: receiver });
        }
        drop(jobs);

        let (finished, to_hand_over) = channel::unbounded();
        let mut replies = parent_end.try_clone()?;
        feed(
            &mut parent_end,
            &mut replies,
            Pid::this(),
            &queue,
            &finished,
        )?;
        drop(finished);
        // Nothing is handed over before the handler runs.
        assert!(seen.lock().expect("not poisoned").is_empty());
        hand_over(to_hand_over)?;

        let outcomes: Vec<String> = results
            .into_iter()
            .map(|result| match result.get() {
                Ok(square) => square.to_string(),
                Err(error) => error.to_string(),
            })
            .collect();
        assert_eq!(outcomes[0], "4");
        assert!(outcomes[1].contains("panicked"), "{}", outcomes[1]);
        assert_eq!(outcomes[2], "49");
        // Callbacks run only for tasks that finished.
        assert_eq!(*seen.lock().expect("not poisoned"), [4, 49]);

        // Closing the parent's end ends the worker loop cleanly.
        parent_end.shutdown(std::net::Shutdown::Both)?;
        worker.join().expect("the worker loop does not panic")
    }

    #[test]
    fn a_panicking_callback_is_reported_and_the_other_results_arrive() {
        let (finished, to_hand_over) = channel::unbounded();
        let mut results = Vec::new();
        for square in [1, 4] {
            let (result, receiver) = channel::bounded(1);
            let callback: Callback<i64> = Box::new(move |&output| {
                assert_ne!(output, 1, "the callback refuses 1");
            });
            finished
                .send(Finished {
                    outcome: Ok(square),
                    callback: Some(callback),
                    result,
                })
                .expect("the handler's channel is open");
            results.push(AsyncResult { result: receiver });
        }
        drop(finished);
        let error = hand_over(to_hand_over).expect_err("one callback panicked");
        assert!(error.to_string().contains("callback panicked"), "{error}");
        let squares: Vec<i64> = results
            .into_iter()
            .map(|result| result.get().expect("each result arrives"))
            .collect();
        assert_eq!(squares, [1, 4]);
    }

    #[test]
    fn a_result_whose_job_was_dropped_is_an_error() {
        let (result, receiver) = channel::bounded::<io::Result<i64>>(1);
        drop(result);
        let error = AsyncResult { result: receiver }
            .get()
            .expect_err("nothing will ever arrive");
        assert!(error.to_string().contains("before the task ran"), "{error}");
    }
}
