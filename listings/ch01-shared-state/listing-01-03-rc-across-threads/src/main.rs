use std::cell::RefCell;
use std::rc::Rc;
use std::thread;

struct Holder {
    value: String,
}

fn main() {
    let holder = Rc::new(RefCell::new(Holder {
        value: 1.to_string(),
    }));

    let for_t1 = Rc::clone(&holder);
    let t1 = thread::spawn(move || {
        println!("t1 {}", for_t1.borrow().value);
        for_t1.borrow_mut().value = "t1".to_string();
    });

    t1.join().expect("t1 does not panic");
    println!("main {}", holder.borrow().value);
}
