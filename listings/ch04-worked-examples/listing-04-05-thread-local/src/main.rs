use std::cell::RefCell;
use std::error::Error;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

thread_local! {
    // One global name, but each thread that uses it gets its own copy.
    static NAME: RefCell<String> = const { RefCell::new(String::new()) };
}

fn process() {
    NAME.with_borrow(|name| println!("{name}"));
}

/// Whom a thread tells, and whom it waits for, around its print.
struct Turn {
    /// Told once this thread's name is stored.
    tell_named: Option<Sender<()>>,
    /// Waited for before this thread prints.
    wait_for: Option<Receiver<()>>,
    /// Told once this thread has printed.
    tell_printed: Option<Sender<()>>,
}

fn run(name: &str, turn: Turn) {
    NAME.set(name.to_string());
    if let Some(partner) = turn.tell_named {
        // An error means the other thread is gone: nobody is waiting.
        let _ = partner.send(());
    }
    if let Some(signal) = turn.wait_for {
        // An error means the other thread is gone without telling: it
        // panicked, which its join reports, or it was never started.
        let _ = signal.recv();
    }
    process();
    if let Some(partner) = turn.tell_printed {
        let _ = partner.send(());
    }
}

fn main() -> Result<(), Box<dyn Error>> {
    let (jim_named, jack_waits) = mpsc::channel();
    let (jack_printed, jim_waits) = mpsc::channel();
    // Jack prints once Jim's name is stored too: if the two threads shared
    // one variable, the second store would have replaced the first.
    let jack = Turn {
        tell_named: None,
        wait_for: Some(jack_waits),
        tell_printed: Some(jack_printed),
    };
    let jim = Turn {
        tell_named: Some(jim_named),
        wait_for: Some(jim_waits),
        tell_printed: None,
    };
    let t1 = thread::spawn(move || run("Jack", jack));
    let t2 = thread::spawn(move || run("Jim", jim));
    t1.join().map_err(|_| "t1 panicked")?;
    t2.join().map_err(|_| "t2 panicked")?;
    Ok(())
}
