use std::time::Duration;

use event::Event;

// `print` shows a bool as `True` or `False`.
fn python_bool(value: bool) -> &'static str {
    if value { "True" } else { "False" }
}

fn main() {
    let event = Event::new();
    println!("{}", python_bool(event.is_set()));
    event.set();
    println!("{}", python_bool(event.is_set()));
    event.clear();
    println!("{}", python_bool(event.is_set()));
    // Nothing will set it, so this returns `false` after three seconds.
    event.wait_timeout(Duration::from_secs(3));
    println!("12345");
}
