//! A small stand-in for Python's `multiprocessing.Manager`.
//!
//! One server process owns a dictionary. Other processes read and change it
//! by sending requests over a Unix domain socket, each message framed as in
//! Listing 1-6. No memory is shared: the dictionary exists once, in the
//! server, and every access is a round trip to it.
//!
//! A connection does not survive `fork` usefully: the child would share the
//! parent's socket, and the two processes' requests and replies would
//! interleave. So a [`Manager`] holds only the server's address, and each
//! process opens its own [`Client`] with [`Manager::connect`], as each Python
//! process opens its own connection behind a proxy.

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, ErrorKind, Write};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;

use nix::libc;
use nix::sys::signal::{Signal, kill};
use nix::sys::wait::waitpid;
use nix::unistd::{ForkResult, Pid, fork, getpid};
use serde::{Deserialize, Serialize};

pub use serde_json::Value;

/// The managed dictionary.
pub type Dict = BTreeMap<String, Value>;

// ANCHOR: requests
#[derive(Debug, Serialize, Deserialize)]
enum Request {
    Get { key: String },
    Set { key: String, value: Value },
    Snapshot,
    Shutdown,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
enum Reply {
    Value(Option<Value>),
    Done,
    Snapshot(Dict),
}
// ANCHOR_END: requests

// ANCHOR: manager
/// The handle on a running server, owned by the process that started it.
///
/// Dropping it shuts the server down, as [`Manager::shutdown`] does but
/// without reporting errors. A forked child inherits a copy of the handle;
/// the copy neither stops the server nor fails when it is dropped.
pub struct Manager {
    address: PathBuf,
    owner: Pid,
    server: Option<Pid>,
}

impl Manager {
    /// Forks the server process, with an empty dictionary.
    ///
    /// The socket is bound before the fork, so clients may connect as soon
    /// as this returns.
    ///
    /// # Safety
    ///
    /// Call it only while the calling process has a single thread. The
    /// server is a forked child that allocates and starts threads; a lock
    /// that another thread held at the moment of the fork would stay locked
    /// forever in the child.
    pub unsafe fn start() -> io::Result<Manager> {
        static STARTED: AtomicUsize = AtomicUsize::new(0);
        let owner = getpid();
        let serial = STARTED.fetch_add(1, Ordering::Relaxed);
        let address = std::env::temp_dir().join(format!("manager-{owner}-{serial}.sock"));
        // A process that died earlier with the same pid may have left one.
        remove_if_present(&address)?;
        let listener = UnixListener::bind(&address)?;

        // A line printed without its newline would otherwise be copied into
        // the server and printed a second time when it exits.
        io::stdout().flush()?;
        // SAFETY: the caller guarantees that this process has one thread.
        match unsafe { fork() }? {
            ForkResult::Child => serve(listener),
            ForkResult::Parent { child } => Ok(Manager {
                address,
                owner,
                server: Some(child),
            }),
        }
    }

    /// Opens a connection for the calling process.
    pub fn connect(&self) -> io::Result<Client> {
        UnixStream::connect(&self.address).map(Client::over)
    }

    /// Stops the server, waits for it to exit and removes its socket.
    pub fn shutdown(mut self) -> io::Result<()> {
        self.stop()
    }

    fn stop(&mut self) -> io::Result<()> {
        if getpid() != self.owner {
            return Err(io::Error::other(
                "only the process that started the manager can stop it",
            ));
        }
        let Some(server) = self.server.take() else {
            return Ok(());
        };
        let asked = self
            .connect()
            .and_then(|mut client| client.call(&Request::Shutdown));
        if asked.is_err() {
            // The server did not take the request. Make sure it goes anyway,
            // or the wait below would never return.
            kill(server, Signal::SIGKILL)?;
        }
        waitpid(server, None)?;
        fs::remove_file(&self.address)?;
        asked.map(drop)
    }
}

impl Drop for Manager {
    fn drop(&mut self) {
        // `drop` cannot report an error; call `shutdown` to see one.
        let _ = self.stop();
    }
}
// ANCHOR_END: manager

// ANCHOR: client
/// One process's connection to the managed dictionary.
///
/// A client refuses to work in any process but the one that opened it: after
/// a fork, connect anew from the child.
pub struct Client {
    stream: UnixStream,
    owner: Pid,
}

impl Client {
    fn over(stream: UnixStream) -> Client {
        Client {
            stream,
            owner: getpid(),
        }
    }

    /// The value under `key`, or `None` where there is none.
    pub fn get(&mut self, key: &str) -> io::Result<Option<Value>> {
        match self.call(&Request::Get { key: key.into() })? {
            Reply::Value(value) => Ok(value),
            other => Err(unexpected(other)),
        }
    }

    /// Stores `value` under `key`, replacing what was there.
    pub fn set(&mut self, key: &str, value: impl Into<Value>) -> io::Result<()> {
        let request = Request::Set {
            key: key.into(),
            value: value.into(),
        };
        match self.call(&request)? {
            Reply::Done => Ok(()),
            other => Err(unexpected(other)),
        }
    }

    /// A copy of the whole dictionary, taken in one request.
    pub fn snapshot(&mut self) -> io::Result<Dict> {
        match self.call(&Request::Snapshot)? {
            Reply::Snapshot(dict) => Ok(dict),
            other => Err(unexpected(other)),
        }
    }

    fn call(&mut self, request: &Request) -> io::Result<Reply> {
        if getpid() != self.owner {
            return Err(io::Error::other(
                "this connection belongs to another process; connect anew after a fork",
            ));
        }
        framed::send(&mut self.stream, request)?;
        framed::recv(&mut self.stream)?.ok_or_else(|| {
            io::Error::new(
                ErrorKind::UnexpectedEof,
                "the manager closed the connection",
            )
        })
    }
}
// ANCHOR_END: client

fn unexpected(reply: Reply) -> io::Error {
    io::Error::new(
        ErrorKind::InvalidData,
        format!("unexpected reply {reply:?}"),
    )
}

fn remove_if_present(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(error) if error.kind() == ErrorKind::NotFound => Ok(()),
        removed => removed,
    }
}

// The server process's whole life: it never returns into the caller's code.
fn serve(listener: UnixListener) -> ! {
    let dict = Arc::new(Mutex::new(Dict::new()));
    loop {
        match listener.accept() {
            Ok((stream, _)) => {
                let dict = Arc::clone(&dict);
                // A thread per connection, as Python's manager server has, so
                // that one client waiting does not hold up the others.
                thread::spawn(move || {
                    if let Err(error) = serve_client(stream, &dict) {
                        eprintln!("manager: {error}");
                    }
                });
            }
            Err(error) => {
                eprintln!("manager: cannot accept connections: {error}");
                exit_server(1);
            }
        }
    }
}

/// Ends the server process, from whichever of its threads asks.
///
/// `_exit`, not `process::exit`, as CPython ends a child with `os._exit`:
/// the exit handlers that the parent registered (libc's `atexit`) belong to
/// the parent, and must not run in the server as well.
fn exit_server(code: i32) -> ! {
    // The server prints only errors, to stderr, which keeps no buffer;
    // flushing stdout all the same means nothing printed there is lost.
    let flushed = io::stdout().flush();
    // SAFETY: `_exit` only ends the process, and stdout is flushed.
    unsafe { libc::_exit(if flushed.is_ok() { code } else { 1 }) }
}

fn serve_client(mut stream: UnixStream, dict: &Mutex<Dict>) -> io::Result<()> {
    while let Some(request) = framed::recv(&mut stream)? {
        let stopping = matches!(request, Request::Shutdown);
        let reply = answer(
            &mut dict
                .lock()
                .expect("no request panics while holding the dictionary"),
            request,
        );
        framed::send(&mut stream, &reply)?;
        if stopping {
            exit_server(0);
        }
    }
    Ok(())
}

fn answer(dict: &mut Dict, request: Request) -> Reply {
    match request {
        Request::Get { key } => Reply::Value(dict.get(&key).cloned()),
        Request::Set { key, value } => {
            dict.insert(key, value);
            Reply::Done
        }
        Request::Snapshot => Reply::Snapshot(dict.clone()),
        Request::Shutdown => Reply::Done,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_get_set_and_snapshot() {
        let mut dict = Dict::new();
        let get = |key: &str| Request::Get { key: key.into() };
        assert_eq!(answer(&mut dict, get("count")), Reply::Value(None));

        let set = Request::Set {
            key: "count".into(),
            value: Value::from(100),
        };
        assert_eq!(answer(&mut dict, set), Reply::Done);
        assert_eq!(
            answer(&mut dict, get("count")),
            Reply::Value(Some(Value::from(100)))
        );
        assert_eq!(
            answer(&mut dict, Request::Snapshot),
            Reply::Snapshot(Dict::from([("count".into(), Value::from(100))]))
        );
    }

    // The protocol end to end, with the server's connection handler on a
    // thread instead of in a forked process.
    #[test]
    fn client_talks_to_a_connection_handler() -> io::Result<()> {
        let (client_end, server_end) = UnixStream::pair()?;
        let handler = thread::spawn(move || serve_client(server_end, &Mutex::new(Dict::new())));

        let mut client = Client::over(client_end);
        client.set("a", "a")?;
        client.set("count", 100)?;
        assert_eq!(client.get("a")?, Some(Value::from("a")));
        assert_eq!(client.get("missing")?, None);
        assert_eq!(client.snapshot()?.len(), 2);

        // Closing the connection ends the handler cleanly.
        drop(client);
        handler.join().expect("the handler does not panic")
    }
}
