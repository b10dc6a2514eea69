use std::thread;
use std::time::{Duration, Instant};

fn say_sorry() {
    println!("亲爱的，我错了，我能吃饭了吗？");
    thread::sleep(Duration::from_secs(1));
}

fn main() {
    let start = Instant::now();
    let apologies: Vec<_> = (0..5).map(|_| thread::spawn(say_sorry)).collect();
    for apology in apologies {
        apology.join().expect("say_sorry does not panic");
    }
    println!("elapsed: {:.2} s", start.elapsed().as_secs_f64());
}
