use std::sync::Barrier;
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
    rendezvous: &Barrier,
) -> Result<(), String> {
    let current = thread::current();
    let name = current.name().unwrap_or("unnamed");

    let _first = first.lock.lock();
    println!("{name}----{step}---up----");
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
    let rendezvous = Barrier::new(2);
    let reports = thread::scope(|scope| {
        let t1 = thread::Builder::new()
            .name("Thread-1".to_string())
            .spawn_scoped(scope, || work("do1", &MUTEX_A, &MUTEX_B, &rendezvous))?;
        // Thread-2 starts later, so that the two "up" lines keep their order.
        thread::sleep(Duration::from_millis(500));
        let t2 = thread::Builder::new()
            .name("Thread-2".to_string())
            .spawn_scoped(scope, || work("do2", &MUTEX_B, &MUTEX_A, &rendezvous))?;
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
