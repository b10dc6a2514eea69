//! An event flag that threads wait on, as Python's `Event`.

use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::Duration;

/// A flag that starts cleared; `wait` blocks until it is set.
#[derive(Default)]
pub struct Event {
    flag: Mutex<bool>,
    // Signalled whenever the flag is set, so waiters look at it again.
    flag_set: Condvar,
}

impl Event {
    pub fn new() -> Event {
        Event::default()
    }

    pub fn is_set(&self) -> bool {
        *self.flag()
    }

    /// Sets the flag and wakes every thread waiting for it.
    pub fn set(&self) {
        *self.flag() = true;
        self.flag_set.notify_all();
    }

    pub fn clear(&self) {
        *self.flag() = false;
    }

    /// Blocks until the flag is set.
    pub fn wait(&self) {
        let _flag = self
            .flag_set
            .wait_while(self.flag(), |set| !*set)
            .expect("no thread panics while holding the flag");
    }

    /// Blocks until the flag is set or `timeout` has passed; returns the
    /// flag, as Python's `wait(timeout)` does.
    pub fn wait_timeout(&self, timeout: Duration) -> bool {
        let (flag, _) = self
            .flag_set
            .wait_timeout_while(self.flag(), timeout, |set| !*set)
            .expect("no thread panics while holding the flag");
        *flag
    }

    fn flag(&self) -> MutexGuard<'_, bool> {
        self.flag
            .lock()
            .expect("no thread panics while holding the flag")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::thread;

    #[test]
    fn set_wakes_a_waiting_thread() {
        let event = Arc::new(Event::new());
        let waiter = {
            let event = Arc::clone(&event);
            thread::spawn(move || event.wait())
        };
        event.set();
        waiter.join().expect("the waiter does not panic");
        assert!(event.wait_timeout(Duration::ZERO));
    }

    #[test]
    fn wait_timeout_gives_up_on_a_clear_flag() {
        let event = Event::new();
        assert!(!event.wait_timeout(Duration::from_millis(10)));
    }
}
