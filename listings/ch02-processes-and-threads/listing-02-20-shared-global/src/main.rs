use std::sync::atomic::{AtomicU32, Ordering};
use std::thread;

static G_NUM: AtomicU32 = AtomicU32::new(100);

fn work1() {
    for _ in 0..3 {
        G_NUM.fetch_add(1, Ordering::Relaxed);
    }
    println!(
        "----in work1, g_num is {}---",
        G_NUM.load(Ordering::Relaxed)
    );
}

fn work2() {
    println!(
        "----in work2, g_num is {}---",
        G_NUM.load(Ordering::Relaxed)
    );
}

fn main() {
    println!(
        "---线程创建之前g_num is {}---",
        G_NUM.load(Ordering::Relaxed)
    );

    let t1 = thread::spawn(work1);
    // Waiting for t1 itself, where the note sleeps a second and hopes.
    t1.join().expect("work1 does not panic");

    let t2 = thread::spawn(work2);
    t2.join().expect("work2 does not panic");
}
