use std::error::Error;
use std::io::{self, ErrorKind};

use manager::{Client, Dict, Manager, Value};

// What Python's `print` shows for a dict: `{'count': 99}`.
fn python_dict(dict: &Dict) -> String {
    let entries: Vec<String> = dict
        .iter()
        .map(|(key, value)| match value {
            Value::String(text) => format!("'{key}': '{text}'"),
            other => format!("'{key}': {other}"),
        })
        .collect();
    format!("{{{}}}", entries.join(", "))
}

// `dic['count'] -= 1`: a get, then a set, two requests to the server.
fn decrement(shared: &mut Client, key: &str) -> io::Result<()> {
    let count = shared
        .get(key)?
        .and_then(|value| value.as_i64())
        .ok_or_else(|| io::Error::new(ErrorKind::NotFound, format!("no number under {key:?}")))?;
    shared.set(key, count - 1)
}

fn main() -> Result<(), Box<dyn Error>> {
    // SAFETY: no thread has been started yet.
    let manager = unsafe { Manager::start() }?;
    manager.connect()?.set("count", 100)?;

    // SAFETY: this process still has a single thread; the server's threads
    // run in the server's process.
    let child = unsafe {
        forked::start(|| {
            let mut shared = manager.connect()?;
            decrement(&mut shared, "count")?;
            println!("{}", python_dict(&shared.snapshot()?));
            Ok(())
        })
    }?;
    forked::join(child)?;

    println!("主进程 {}", python_dict(&manager.connect()?.snapshot()?));
    manager.shutdown()?;
    Ok(())
}
