use std::collections::VecDeque;
use std::error::Error;
use std::fs;
use std::io::{self, ErrorKind, Write};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::thread;

use nix::libc;
use nix::sys::wait::waitpid;
use nix::unistd::{ForkResult, Pid, fork, getpid, getppid};
use process_pool::{Pool, Task};
use serde::{Deserialize, Serialize};

// ANCHOR: server
#[derive(Serialize, Deserialize)]
enum Request {
    Put(String),
    Get,
    Size,
    Shutdown,
}

#[derive(Serialize, Deserialize)]
enum Reply {
    Done,
    Item(String),
    Size(usize),
}

/// The items and the condition that a `Get` waits on while there are none.
type Items = (Mutex<VecDeque<String>>, Condvar);

/// A queue owned by a server process, as `Manager().Queue()` is.
///
/// Its address is a path, and a path is data: it can travel inside a task
/// to a worker, which connects to the queue itself.
struct QueueServer {
    address: PathBuf,
    server: Option<Pid>,
}

impl QueueServer {
    /// Forks the server process, with an empty queue.
    ///
    /// # Safety
    ///
    /// Call it only while the calling process has a single thread: the
    /// server is a forked child that allocates and starts threads.
    unsafe fn start() -> io::Result<QueueServer> {
        let address = std::env::temp_dir().join(format!("queue-{}.sock", getpid()));
        match fs::remove_file(&address) {
            Err(error) if error.kind() != ErrorKind::NotFound => return Err(error),
            _ => {}
        }
        let listener = UnixListener::bind(&address)?;
        // Output still in stdout's buffer would be copied into the server
        // and printed twice: write it out first.
        io::stdout().flush()?;
        // SAFETY: the caller guarantees that this process has one thread.
        match unsafe { fork() }? {
            ForkResult::Child => serve(listener),
            ForkResult::Parent { child } => Ok(QueueServer {
                address,
                server: Some(child),
            }),
        }
    }

    fn address(&self) -> &Path {
        &self.address
    }

    /// Stops the server, reaps it and removes its socket.
    fn shutdown(mut self) -> io::Result<()> {
        self.stop()
    }

    fn stop(&mut self) -> io::Result<()> {
        let Some(server) = self.server.take() else {
            return Ok(());
        };
        let asked = QueueProxy::connect(&self.address).and_then(|mut q| q.call(&Request::Shutdown));
        if asked.is_err() {
            // Make sure it goes anyway, or the wait would never return.
            let _ = nix::sys::signal::kill(server, nix::sys::signal::Signal::SIGKILL);
        }
        waitpid(server, None)?;
        fs::remove_file(&self.address)?;
        asked.map(drop)
    }
}

impl Drop for QueueServer {
    fn drop(&mut self) {
        // `drop` cannot report an error; call `shutdown` to see one.
        let _ = self.stop();
    }
}

// The server process's whole life: a thread per connection, so that a
// `Get` waiting for an item does not hold up a `Put` from someone else.
fn serve(listener: UnixListener) -> ! {
    let items: Arc<Items> = Arc::default();
    for stream in listener.incoming() {
        match stream {
            Ok(stream) => {
                let items = Arc::clone(&items);
                thread::spawn(move || {
                    if let Err(error) = serve_client(stream, &items) {
                        eprintln!("queue server: {error}");
                    }
                });
            }
            Err(error) => {
                eprintln!("queue server: cannot accept connections: {error}");
                exit_server(1);
            }
        }
    }
    exit_server(0);
}

/// Ends the server process, from whichever of its threads asks, with
/// `_exit`, as a Python child ends: the exit handlers the parent registered
/// are not the server's to run.
fn exit_server(code: i32) -> ! {
    let flushed = io::stdout().flush();
    // SAFETY: `_exit` only ends the process; stdout is flushed.
    unsafe { libc::_exit(if flushed.is_ok() { code } else { 1 }) }
}

fn serve_client(mut stream: UnixStream, (items, ready): &Items) -> io::Result<()> {
    while let Some(request) = framed::recv(&mut stream)? {
        let mut queue = items.lock().expect("no request panics holding the queue");
        let reply = match request {
            Request::Put(item) => {
                queue.push_back(item);
                ready.notify_one();
                Reply::Done
            }
            Request::Get => loop {
                match queue.pop_front() {
                    Some(item) => break Reply::Item(item),
                    None => queue = ready.wait(queue).expect("not poisoned"),
                }
            },
            Request::Size => Reply::Size(queue.len()),
            Request::Shutdown => {
                framed::send(&mut stream, &Reply::Done)?;
                exit_server(0);
            }
        };
        drop(queue);
        framed::send(&mut stream, &reply)?;
    }
    Ok(())
}

/// One process's connection to the queue, as a Python proxy is.
struct QueueProxy {
    stream: UnixStream,
}

impl QueueProxy {
    fn connect(address: &Path) -> io::Result<QueueProxy> {
        UnixStream::connect(address).map(|stream| QueueProxy { stream })
    }

    fn put(&mut self, item: impl Into<String>) -> io::Result<()> {
        match self.call(&Request::Put(item.into()))? {
            Reply::Done => Ok(()),
            _ => Err(unexpected()),
        }
    }

    /// Takes the first item, waiting while the queue is empty.
    fn get(&mut self) -> io::Result<String> {
        match self.call(&Request::Get)? {
            Reply::Item(item) => Ok(item),
            _ => Err(unexpected()),
        }
    }

    fn qsize(&mut self) -> io::Result<usize> {
        match self.call(&Request::Size)? {
            Reply::Size(size) => Ok(size),
            _ => Err(unexpected()),
        }
    }

    fn call(&mut self, request: &Request) -> io::Result<Reply> {
        framed::send(&mut self.stream, request)?;
        framed::recv(&mut self.stream)?
            .ok_or_else(|| io::Error::new(ErrorKind::UnexpectedEof, "the queue server hung up"))
    }
}

fn unexpected() -> io::Error {
    io::Error::new(
        ErrorKind::InvalidData,
        "the queue server gave the wrong reply",
    )
}
// ANCHOR_END: server

// ANCHOR: tasks
/// The two functions the note hands to the pool, as data: which one to
/// run, and where the queue is.
#[derive(Serialize, Deserialize)]
enum QueueTask {
    Writer { queue: PathBuf },
    Reader { queue: PathBuf },
}

impl Task for QueueTask {
    // An `io::Error` cannot be serialized; its message can.
    type Output = Result<(), String>;

    fn run(self) -> Result<(), String> {
        match self {
            QueueTask::Writer { queue } => writer(&queue),
            QueueTask::Reader { queue } => reader(&queue),
        }
        .map_err(|error| error.to_string())
    }
}

fn writer(address: &Path) -> io::Result<()> {
    println!("writer启动({}),父进程为({})", getpid(), getppid());
    let mut queue = QueueProxy::connect(address)?;
    for letter in "dongGe".chars() {
        queue.put(letter)?;
    }
    Ok(())
}

fn reader(address: &Path) -> io::Result<()> {
    println!("reader启动({}),父进程为({})", getpid(), getppid());
    let mut queue = QueueProxy::connect(address)?;
    for _ in 0..queue.qsize()? {
        println!("reader从Queue获取到消息：{}", queue.get()?);
    }
    Ok(())
}

fn main() -> Result<(), Box<dyn Error>> {
    println!("({}) start", getpid());
    // SAFETY: no thread has been started yet.
    let queue = unsafe { QueueServer::start() }?;
    // As many workers as CPUs this process may use, as `Pool()` has from
    // Python 3.13 on (before, it counted every CPU of the machine).
    let workers = thread::available_parallelism()?.get();
    // SAFETY: still no thread in this process; the server's threads are in
    // the server's process.
    let pool = unsafe { Pool::new(workers) }?;

    // `apply` blocks, so the writer has put every letter before the reader
    // asks how many there are.
    let address = queue.address().to_path_buf();
    pool.apply(QueueTask::Writer {
        queue: address.clone(),
    })??;
    pool.apply(QueueTask::Reader { queue: address })??;
    pool.join()?;
    queue.shutdown()?;
    println!("({}) End", getpid());
    Ok(())
}
// ANCHOR_END: tasks
