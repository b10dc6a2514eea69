use std::thread;

// A global that any thread may write, like the note's `g_num`.
static mut G_NUM: u64 = 0;

fn add_a_million() {
    for _ in 0..1_000_000 {
        G_NUM += 1;
    }
}

fn main() {
    let t1 = thread::spawn(add_a_million);
    let t2 = thread::spawn(add_a_million);
    t1.join().expect("t1 does not panic");
    t2.join().expect("t2 does not panic");
}
