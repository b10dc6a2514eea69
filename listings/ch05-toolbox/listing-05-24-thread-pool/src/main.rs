use std::any::Any;
use std::error::Error;
use std::fmt;
use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc::{self, Receiver, RecvError, Sender};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

type Job = Box<dyn FnOnce() + Send>;

/// A fixed number of threads taking jobs from one queue, as
/// `ThreadPoolExecutor(max_workers=size)` does.
struct ThreadPool {
    jobs: Option<Sender<Job>>,
    workers: Vec<JoinHandle<()>>,
}

/// The result of a submitted task, once it is ready: a `Future` from
/// `submit`.
struct Pending<T>(Receiver<Result<T, Panicked>>);

impl<T> Pending<T> {
    /// Blocks until the task has run, as `Future.result()` does, and hands
    /// on its panic as `result()` raises the task's exception again.
    fn result(self) -> Result<T, Panicked> {
        self.0
            .recv()
            .expect("every job sends its outcome, panic or not")
    }
}

/// A task panicked, with this message.
#[derive(Debug)]
struct Panicked(String);

impl Panicked {
    fn from_payload(payload: Box<dyn Any + Send>) -> Panicked {
        let message = match payload.downcast::<String>() {
            Ok(message) => *message,
            Err(payload) => match payload.downcast::<&str>() {
                Ok(message) => message.to_string(),
                Err(_) => "a panic without a message".to_string(),
            },
        };
        Panicked(message)
    }
}

impl fmt::Display for Panicked {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Error for Panicked {}

impl ThreadPool {
    fn new(size: usize) -> ThreadPool {
        let (jobs, queue) = mpsc::channel::<Job>();
        let queue = Arc::new(Mutex::new(queue));
        let workers = (0..size)
            .map(|_| {
                let queue = Arc::clone(&queue);
                thread::Builder::new()
                    .name(WORKER.to_string())
                    .spawn(move || {
                        loop {
                            // The guard is dropped at the end of this statement,
                            // so no worker holds the queue while it runs a job.
                            let job = queue.lock().expect("no worker panics holding it").recv();
                            match job {
                                Ok(job) => job(),
                                Err(RecvError) => break, // the pool was dropped
                            }
                        }
                    })
                    .expect("the system can start a thread")
            })
            .collect();
        ThreadPool {
            jobs: Some(jobs),
            workers,
        }
    }

    /// Queues `task`; the worker that runs it then calls `on_done` with its
    /// outcome, as a callback given to `add_done_callback` is called.
    fn submit<T: Send + 'static>(
        &self,
        task: impl FnOnce() -> T + Send + 'static,
        on_done: impl FnOnce(&Result<T, Panicked>) + Send + 'static,
    ) -> Pending<T> {
        let (result, pending) = mpsc::channel();
        let job = Box::new(move || {
            // A panic stops here, in the job, so the worker lives on to run
            // the next one; the submitter gets it from `result()`.
            let outcome =
                panic::catch_unwind(AssertUnwindSafe(task)).map_err(Panicked::from_payload);
            // A panicking callback is caught too, by the same rule; Python
            // logs a callback's exception and goes on.
            let _ = panic::catch_unwind(AssertUnwindSafe(|| on_done(&outcome)));
            // Nobody may be waiting for the result any more; that is fine.
            let _ = result.send(outcome);
        });
        self.jobs
            .as_ref()
            .expect("jobs are only taken away on drop")
            .send(job)
            .expect("the workers live as long as the pool");
        Pending(pending)
    }
}

impl Drop for ThreadPool {
    /// `shutdown(wait=True)`: close the queue, let the workers finish it.
    fn drop(&mut self) {
        drop(self.jobs.take());
        for worker in self.workers.drain(..) {
            let _ = worker.join();
        }
    }
}

/// The name of the pool's threads, by which `main`'s panic hook knows them.
const WORKER: &str = "pool-worker";

const TASKS: u64 = 20;
const TASK_TIME: Duration = Duration::from_millis(200);

fn square_slowly(n: u64) -> u64 {
    thread::sleep(TASK_TIME);
    n * n
}

/// Runs every task on a pool of `size` and returns the wall time taken.
fn time_pool(size: usize) -> Result<Duration, Panicked> {
    let start = Instant::now();
    let pool = ThreadPool::new(size);
    let pending: Vec<_> = (0..TASKS)
        .map(|n| pool.submit(move || square_slowly(n), |_| {}))
        .collect();
    for task in pending {
        task.result()?;
    }
    Ok(start.elapsed())
}

fn main() -> Result<(), Box<dyn Error>> {
    let start = Instant::now();
    let pool = ThreadPool::new(4);
    let pending: Vec<_> = (0..TASKS)
        .map(|n| {
            pool.submit(
                move || square_slowly(n),
                |square| {
                    if let Ok(square) = square {
                        println!("结果是{square}");
                    }
                },
            )
        })
        .collect();
    println!("主线程");
    // In submission order: each `result` waits for its own task only.
    for task in pending {
        println!("{}", task.result()?);
    }
    drop(pool);
    println!(
        "{TASKS} tasks on 4 threads: {:.2} s",
        start.elapsed().as_secs_f64()
    );

    for size in [2, 5, 10, 20] {
        let took = time_pool(size)?;
        println!(
            "{TASKS} tasks on {size} threads: {:.2} s",
            took.as_secs_f64()
        );
    }

    // A task that panics: the worker survives, and the panic reaches the
    // caller of `result()`, as an exception reaches `Future.result()`.
    quiet_worker_panics();
    let pool = ThreadPool::new(1);
    let failing = pool.submit(|| -> u64 { panic!("no square for 21") }, |_| {});
    let next = pool.submit(|| square_slowly(22), |_| {});
    match failing.result() {
        Ok(square) => println!("task 21: {square}"),
        Err(panicked) => println!("task 21 failed: {panicked}"),
    }
    println!("task 22, on the same worker: {}", next.result()?);
    Ok(())
}

/// Python's executor prints nothing when a task raises: the exception waits
/// in its future. The default panic hook would print each worker's panic to
/// standard error as it happens; this keeps the workers' panics quiet, and
/// every other thread's as loud as before.
fn quiet_worker_panics() {
    let default_hook = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        if thread::current().name() != Some(WORKER) {
            default_hook(info);
        }
    }));
}
