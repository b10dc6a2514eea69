use std::sync::Barrier;
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;

const INCREMENTS: u64 = 1_000_000;

static G_NUM: AtomicU64 = AtomicU64::new(0);

/// `g_num += 1` in the three steps CPython takes: read, add, write back.
/// Each step is atomic; the three together are not.
fn add_a_million(start: &Barrier) -> u64 {
    start.wait();
    for _ in 0..INCREMENTS {
        let read = G_NUM.load(Ordering::Relaxed);
        G_NUM.store(read + 1, Ordering::Relaxed);
    }
    G_NUM.load(Ordering::Relaxed)
}

fn main() {
    // Both threads and main start counting together, so that the two
    // loops really overlap rather than one finishing before the other runs.
    let start = Barrier::new(3);
    thread::scope(|scope| {
        let test1 = scope.spawn(|| add_a_million(&start));
        let test2 = scope.spawn(|| add_a_million(&start));
        start.wait();
        println!("---g_num={}---", G_NUM.load(Ordering::Relaxed));

        let seen_by_test1 = test1.join().expect("test1 does not panic");
        let seen_by_test2 = test2.join().expect("test2 does not panic");
        println!("---test1---g_num={seen_by_test1}");
        println!("---test2---g_num={seen_by_test2}");
    });

    let total = G_NUM.load(Ordering::Relaxed);
    println!(
        "---main---g_num={total}, lost {} of {}",
        2 * INCREMENTS - total,
        2 * INCREMENTS
    );
}
