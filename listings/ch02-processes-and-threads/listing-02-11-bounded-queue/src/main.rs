use std::error::Error;
use std::time::Duration;

use crossbeam::channel::{self, SendTimeoutError, TrySendError};

// How Python prints a bool.
fn python_bool(value: bool) -> &'static str {
    if value { "True" } else { "False" }
}

fn main() -> Result<(), Box<dyn Error>> {
    // Room for three messages; a fourth waits (or fails) until one is taken.
    let (sender, receiver) = channel::bounded(3);
    sender.send("消息1")?;
    sender.send("消息2")?;
    println!("{}", python_bool(sender.is_full()));
    sender.send("消息3")?;
    println!("{}", python_bool(sender.is_full()));

    // The queue is full, so both attempts fail: the first after waiting
    // 2 seconds for room, the second at once.
    match sender.send_timeout("消息4", Duration::from_secs(2)) {
        Err(SendTimeoutError::Timeout(_)) => {
            println!("消息列队已满，现有消息数量:{}", sender.len());
        }
        Err(SendTimeoutError::Disconnected(_)) => return Err("the receiver is gone".into()),
        Ok(()) => {}
    }
    match sender.try_send("消息4") {
        Err(TrySendError::Full(_)) => println!("消息列队已满，现有消息数量:{}", sender.len()),
        Err(TrySendError::Disconnected(_)) => return Err("the receiver is gone".into()),
        Ok(()) => {}
    }

    // Ask before writing, as the note recommends: here there is no room.
    if !sender.is_full() {
        sender.try_send("消息4")?;
    }

    if !receiver.is_empty() {
        for _ in 0..receiver.len() {
            println!("{}", receiver.try_recv()?);
        }
    }
    Ok(())
}
