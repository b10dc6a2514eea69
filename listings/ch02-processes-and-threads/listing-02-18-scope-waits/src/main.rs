use std::thread;
use std::time::Duration;

use rehearsal::{ctime, dance, sing};

fn main() {
    println!("---开始---:{}", ctime());

    thread::scope(|scope| {
        scope.spawn(sing);
        scope.spawn(dance);

        thread::sleep(Duration::from_millis(600));
        println!("---结束---:{}", ctime());
    }); // The scope joins every thread it spawned before it returns.
}
