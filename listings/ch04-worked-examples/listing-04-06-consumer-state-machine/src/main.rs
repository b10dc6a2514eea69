use std::error::Error;
use std::fmt;

/// The note's `consumer()` generator, written out as the state machine a
/// generator is: one state per place where it can be paused.
enum Consumer {
    /// Created but not yet run, like a just-started generator.
    Created,
    /// Paused at `n = yield r`, waiting for the next `send`.
    Paused,
    /// Returned or closed: there is nothing left to run.
    Finished,
}

#[derive(Debug)]
enum SendError {
    /// A value sent before the first `send(None)`: Python's `TypeError`.
    NotStarted,
    /// The consumer has returned: Python's `StopIteration`.
    Finished,
}

impl fmt::Display for SendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SendError::NotStarted => write!(f, "a value was sent before the first send(None)"),
            SendError::Finished => write!(f, "the consumer has finished"),
        }
    }
}

impl Error for SendError {}

impl Consumer {
    /// Runs the consumer from where it is paused to where it pauses next,
    /// and returns what it yields there.
    fn send(&mut self, n: Option<u32>) -> Result<&'static str, SendError> {
        match (&self, n) {
            // From the top of the function to the first `yield r`.
            (Consumer::Created, None) => {
                *self = Consumer::Paused;
                Ok("")
            }
            (Consumer::Created, Some(_)) => Err(SendError::NotStarted),
            // `if not n: return`, and `not n` holds for 0 as for None.
            (Consumer::Paused, None | Some(0)) => {
                *self = Consumer::Finished;
                Err(SendError::Finished)
            }
            // The rest of the loop body, round to the `yield r` again.
            (Consumer::Paused, Some(n)) => {
                println!("[CONSUMER] Consuming {n}...");
                Ok("200 OK")
            }
            (Consumer::Finished, _) => Err(SendError::Finished),
        }
    }

    /// Python's `close()`: the consumer will not run again.
    fn close(&mut self) {
        *self = Consumer::Finished;
    }
}

fn produce(consumer: &mut Consumer) -> Result<(), SendError> {
    // Run the consumer to its first `yield`, as `c.send(None)` does.
    consumer.send(None)?;
    for n in 1..=5 {
        println!("[PRODUCER] Producing {n}...");
        let r = consumer.send(Some(n))?;
        println!("[PRODUCER] Consumer return: {r}");
    }
    consumer.close();
    Ok(())
}

fn main() -> Result<(), SendError> {
    produce(&mut Consumer::Created)
}
