use std::cell::RefCell;
use std::error::Error;
use std::sync::Barrier;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

thread_local! {
    // One global name, but each thread that uses it gets its own copy.
    static NAME: RefCell<String> = const { RefCell::new(String::new()) };
}

fn process() {
    NAME.with_borrow(|name| println!("{name}"));
}

/// What a thread waits for before it prints, and what it signals after.
struct Turn {
    wait_for: Option<Receiver<()>>,
    then_signal: Option<Sender<()>>,
}

fn run(name: &str, both_named: &Barrier, turn: Turn) {
    NAME.set(name.to_string());
    // Both threads have set their name before either prints: if they shared
    // one variable, the second write would have replaced the first.
    both_named.wait();
    if let Some(previous) = turn.wait_for {
        // An error means the other thread is gone, which it is only after
        // printing (or panicking, which its join reports).
        let _ = previous.recv();
    }
    process();
    if let Some(next) = turn.then_signal {
        // An error means the other thread is gone: nobody is waiting.
        let _ = next.send(());
    }
}

fn main() -> Result<(), Box<dyn Error>> {
    let both_named = Barrier::new(2);
    let (jack_printed, after_jack) = mpsc::channel();
    let jack = Turn {
        wait_for: None,
        then_signal: Some(jack_printed),
    };
    let jim = Turn {
        wait_for: Some(after_jack),
        then_signal: None,
    };
    thread::scope(|scope| {
        let t1 = scope.spawn(|| run("Jack", &both_named, jack));
        let t2 = scope.spawn(|| run("Jim", &both_named, jim));
        t1.join().map_err(|_| "t1 panicked")?;
        t2.join().map_err(|_| "t2 panicked")?;
        Ok(())
    })
}
