//! An event flag that threads wait on, as Python's `threading.Event`.

use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::Duration;

// ANCHOR: event
/// A flag that starts cleared; `wait` blocks until it is set.
#[derive(Default)]
pub struct Event {
    state: Mutex<State>,
    // Signalled whenever the flag is set, so waiters look at the state again.
    flag_set: Condvar,
}

#[derive(Default)]
struct State {
    flag: bool,
    /// How many times `set` has raised the flag. A waiter compares it with
    /// the count it saw when it began, so a `set` that a `clear` undid
    /// before the waiter woke still ends its wait.
    raised: u64,
}

impl Event {
    pub fn new() -> Event {
        Event::default()
    }

    pub fn is_set(&self) -> bool {
        self.state().flag
    }

    /// Sets the flag and wakes every thread waiting for it.
    pub fn set(&self) {
        let mut state = self.state();
        if !state.flag {
            state.flag = true;
            state.raised += 1;
        }
        self.flag_set.notify_all();
    }

    pub fn clear(&self) {
        self.state().flag = false;
    }

    /// Blocks until the flag is set.
    pub fn wait(&self) {
        let state = self.state();
        let began = state.raised;
        let _state = self
            .flag_set
            .wait_while(state, |state| !state.flag && state.raised == began)
            .expect("no thread panics while holding the state");
    }

    /// Blocks until the flag is set or `timeout` has passed. Returns `true`
    /// if the flag was set at some moment of the wait, even if a `clear`
    /// came before this thread woke, as Python's `threading.Event.wait`
    /// does; `false` means the time ran out.
    pub fn wait_timeout(&self, timeout: Duration) -> bool {
        self.wait_timeout_locked(self.state(), timeout)
    }

    // Apart from `wait_timeout` so that a test can hold the mutex from
    // before the wait begins, and know when the waiter is asleep.
    fn wait_timeout_locked(&self, state: MutexGuard<'_, State>, timeout: Duration) -> bool {
        let began = state.raised;
        let (state, _) = self
            .flag_set
            .wait_timeout_while(state, timeout, |state| !state.flag && state.raised == began)
            .expect("no thread panics while holding the state");
        state.flag || state.raised != began
    }
    // ANCHOR_END: event

    fn state(&self) -> MutexGuard<'_, State> {
        self.state
            .lock()
            .expect("no thread panics while holding the state")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Barrier;
    use std::thread;
    use std::time::Instant;

    #[test]
    fn set_wakes_a_waiting_thread() {
        let event = Event::new();
        thread::scope(|scope| {
            let waiter = scope.spawn(|| event.wait());
            event.set();
            waiter.join().expect("the waiter does not panic");
        });
        assert!(event.wait_timeout(Duration::ZERO));
    }

    #[test]
    fn wait_timeout_gives_up_on_a_clear_flag() {
        let event = Event::new();
        assert!(!event.wait_timeout(Duration::from_millis(10)));
    }

    #[test]
    fn a_set_undone_by_a_clear_still_ends_a_wait_that_began_before_it() {
        let event = Event::new();
        let locked = Barrier::new(2);
        let patience = Duration::from_secs(10);
        thread::scope(|scope| {
            let waiter = scope.spawn(|| {
                let state = event.state();
                locked.wait();
                let start = Instant::now();
                (event.wait_timeout_locked(state, patience), start.elapsed())
            });
            locked.wait();
            // The waiter holds the mutex until its wait releases it, so this
            // `set` comes after the wait began.
            event.set();
            event.clear();
            let (woke, after) = waiter.join().expect("the waiter does not panic");
            assert!(woke, "the wait saw the set");
            assert!(
                after < patience,
                "the wait ended at the set, not at its timeout"
            );
        });
        assert!(!event.is_set());
    }
}
