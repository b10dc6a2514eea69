use std::process;
use std::sync::atomic::{AtomicI32, Ordering};
use std::thread;

static G: AtomicI32 = AtomicI32::new(100);

fn reset() {
    G.store(0, Ordering::SeqCst);
    println!("{} {}", G.load(Ordering::SeqCst), process::id());
}

fn main() {
    let f = G.load(Ordering::SeqCst);
    let handles: Vec<_> = (0..10).map(|_| thread::spawn(reset)).collect();
    for handle in handles {
        handle.join().expect("a resetting thread does not panic");
    }
    let g = G.load(Ordering::SeqCst);
    println!("{g}");
    println!("{g} {f}");
}
