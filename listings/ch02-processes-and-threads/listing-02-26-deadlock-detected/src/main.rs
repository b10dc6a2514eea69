use std::sync::Barrier;
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::Duration;

use parking_lot::Mutex;

/// How long a thread waits for its second lock before it calls it a deadlock.
const PATIENCE: Duration = Duration::from_secs(1);

struct NamedLock {
    name: &'static str,
    lock: Mutex<()>,
}

static MUTEX_A: NamedLock = NamedLock {
    name: "mutexA",
    lock: Mutex::new(()),
};
static MUTEX_B: NamedLock = NamedLock {
    name: "mutexB",
    lock: Mutex::new(()),
};

fn work(
    step: &str,
    first: &NamedLock,
    second: &NamedLock,
    partner_started: Option<Receiver<()>>,
    rendezvous: &Barrier,
) -> Result<(), String> {
    let current = thread::current();
    let name = current.name().unwrap_or("unnamed");

    let _first = first.lock.lock();
    println!("{name}----{step}---up----");
    // A barrier cannot be called off: a thread that waits there for a
    // partner that was never started waits forever. So the thread started
    // first waits for word that its partner was started; a channel closed
    // without a word says it never will be.
    if let Some(partner_started) = partner_started {
        partner_started
            .recv()
            .map_err(|_| format!("{name}'s partner was never started"))?;
    }
    // Both threads now hold their first lock: the note sleeps a second to
    // make that likely, the barrier makes it certain.
    rendezvous.wait();

    let outcome = match second.lock.try_lock_for(PATIENCE) {
        Some(_second) => {
            println!("{name}----{step}---down----");
            Ok(())
        }
        None => Err(format!(
            "{name} holds {} and has waited {PATIENCE:?} for {}",
            first.name, second.name
        )),
    };
    // Neither lets go of its first lock until both have given up, so that
    // neither gets through on the other's release.
    rendezvous.wait();
    outcome
}

fn main() -> std::io::Result<()> {
    let rendezvous = &Barrier::new(2);
    let reports = thread::scope(|scope| {
        let (thread_2_started, thread_1_hears) = mpsc::channel();
        let t1 = thread::Builder::new()
            .name("Thread-1".to_string())
            .spawn_scoped(scope, move || {
                work("do1", &MUTEX_A, &MUTEX_B, Some(thread_1_hears), rendezvous)
            })?;
        // Thread-2 starts later, so that the two "up" lines keep their order.
        thread::sleep(Duration::from_millis(500));
        // If this spawn fails, `?` returns from the closure, which drops
        // `thread_2_started` unsent before the scope waits for Thread-1:
        // Thread-1 gives up instead of waiting for a partner that does not
        // exist.
        let t2 = thread::Builder::new()
            .name("Thread-2".to_string())
            .spawn_scoped(scope, move || {
                work("do2", &MUTEX_B, &MUTEX_A, None, rendezvous)
            })?;
        // An error here means Thread-1 has already ended, as its join reports.
        thread_2_started.send(()).ok();
        std::io::Result::Ok([t1.join(), t2.join()])
    })?;

    for report in reports {
        match report {
            Ok(Ok(())) => {}
            Ok(Err(deadlock)) => println!("deadlock: {deadlock}"),
            Err(_) => println!("a thread panicked"),
        }
    }
    Ok(())
}
