use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

fn work1(nums: &Mutex<Vec<i32>>) {
    let mut nums = nums.lock().expect("no thread panics holding nums");
    nums.push(44);
    println!("----in work1--- {nums:?}");
}

fn work2(nums: &Mutex<Vec<i32>>) {
    // Long enough for work1 to finish, as in the note.
    thread::sleep(Duration::from_secs(1));
    println!(
        "----in work2--- {:?}",
        nums.lock().expect("no thread panics holding nums")
    );
}

fn main() {
    let g_nums = Arc::new(Mutex::new(vec![11, 22, 33]));

    let for_t1 = Arc::clone(&g_nums);
    let t1 = thread::spawn(move || work1(&for_t1));
    let for_t2 = Arc::clone(&g_nums);
    let t2 = thread::spawn(move || work2(&for_t2));

    t1.join().expect("work1 does not panic");
    t2.join().expect("work2 does not panic");
}
