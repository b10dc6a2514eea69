use std::sync::{Barrier, Mutex};
use std::thread;

const INCREMENTS: u64 = 1_000_000;

static G_NUM: Mutex<u64> = Mutex::new(0);

fn add_a_million(start: &Barrier) -> u64 {
    start.wait();
    for _ in 0..INCREMENTS {
        // Locked for the read, the add and the write; the guard is a
        // temporary, so the lock is released at the end of the statement.
        *G_NUM.lock().expect("no thread panics holding G_NUM") += 1;
    }
    *G_NUM.lock().expect("no thread panics holding G_NUM")
}

fn main() {
    let start = Barrier::new(3);
    thread::scope(|scope| {
        let test1 = scope.spawn(|| add_a_million(&start));
        let test2 = scope.spawn(|| add_a_million(&start));
        start.wait();
        println!("---g_num={}---", G_NUM.lock().expect("not poisoned"));

        let seen_by_test1 = test1.join().expect("test1 does not panic");
        let seen_by_test2 = test2.join().expect("test2 does not panic");
        println!("---test1---g_num={seen_by_test1}");
        println!("---test2---g_num={seen_by_test2}");
    });

    println!("---main---g_num={}", G_NUM.lock().expect("not poisoned"));
}
