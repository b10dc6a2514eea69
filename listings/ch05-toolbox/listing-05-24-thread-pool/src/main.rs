use std::error::Error;
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
struct Pending<T>(Receiver<T>);

impl<T> Pending<T> {
    /// Blocks until the task has run, as `Future.result()` does. A task that
    /// panicked never sends its value, and this returns the error.
    fn result(self) -> Result<T, RecvError> {
        self.0.recv()
    }
}

impl ThreadPool {
    fn new(size: usize) -> ThreadPool {
        let (jobs, queue) = mpsc::channel::<Job>();
        let queue = Arc::new(Mutex::new(queue));
        let workers = (0..size)
            .map(|_| {
                let queue = Arc::clone(&queue);
                thread::spawn(move || {
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
            })
            .collect();
        ThreadPool {
            jobs: Some(jobs),
            workers,
        }
    }

    /// Queues `task`; the worker that runs it then calls `on_done` with its
    /// result, as a callback given to `add_done_callback` is called.
    fn submit<T: Send + 'static>(
        &self,
        task: impl FnOnce() -> T + Send + 'static,
        on_done: impl FnOnce(&T) + Send + 'static,
    ) -> Pending<T> {
        let (result, pending) = mpsc::channel();
        let job = Box::new(move || {
            let value = task();
            on_done(&value);
            // Nobody may be waiting for the result any more; that is fine.
            let _ = result.send(value);
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

const TASKS: u64 = 20;
const TASK_TIME: Duration = Duration::from_millis(200);

fn square_slowly(n: u64) -> u64 {
    thread::sleep(TASK_TIME);
    n * n
}

/// Runs every task on a pool of `size` and returns the wall time taken.
fn time_pool(size: usize) -> Result<Duration, RecvError> {
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
                |square| println!("结果是{square}"),
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
    Ok(())
}
