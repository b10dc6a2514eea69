use std::cell::RefCell;
use std::io;
use std::thread;

thread_local! {
    // One `String` per thread, each starting empty: the attribute
    // `student` of the note's `threading.local()` object.
    static STUDENT: RefCell<String> = const { RefCell::new(String::new()) };
}

fn process_student() {
    let current = thread::current();
    let thread_name = current.name().unwrap_or("unnamed");
    STUDENT.with_borrow(|student| println!("Hello, {student} (in {thread_name})"));
}

fn process_thread(name: &str) {
    STUDENT.set(name.to_string());
    process_student();
}

fn main() -> io::Result<()> {
    let t1 = thread::Builder::new()
        .name("Thread-A".to_string())
        .spawn(|| process_thread("dongGe"))?;
    let t2 = thread::Builder::new()
        .name("Thread-B".to_string())
        .spawn(|| process_thread("老王"))?;
    t1.join().expect("Thread-A does not panic");
    t2.join().expect("Thread-B does not panic");
    Ok(())
}
