use std::thread;
use std::time::{Duration, Instant};

fn say_sorry() {
    println!("亲爱的，我错了，我能吃饭了吗？");
    thread::sleep(Duration::from_secs(1));
}

fn main() {
    let start = Instant::now();
    for _ in 0..5 {
        say_sorry();
    }
    println!("elapsed: {:.2} s", start.elapsed().as_secs_f64());
}
