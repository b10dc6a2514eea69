use std::process;
use std::thread;
use std::time::Duration;

fn report(n: u32) {
    thread::sleep(Duration::from_secs(1));
    println!("{n} {}", process::id());
}

fn main() {
    let handles: Vec<_> = (0..10).map(|n| thread::spawn(move || report(n))).collect();
    for handle in handles {
        handle.join().expect("a reporting thread does not panic");
    }
}
