use std::thread;
use std::time::Duration;

use rehearsal::{ctime, dance, sing};

fn main() {
    println!("---开始---:{}", ctime());

    thread::spawn(sing);
    thread::spawn(dance);

    // Long enough for both first lines, as in CPython's run of the note.
    thread::sleep(Duration::from_millis(600));
    println!("---结束---:{}", ctime());
}
