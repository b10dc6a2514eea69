//! An event that forked processes share, built as CPython builds
//! `multiprocessing.Event` (in `multiprocessing/synchronize.py`): a flag
//! that is a semaphore, and a condition variable made of four more. Every
//! one is Listing 5-5's semaphore, in memory that the children share.

use std::io;
use std::time::Duration;

use shared_semaphore::SharedSemaphore;

// ANCHOR: event
/// `multiprocessing.Event`: set, clear and wait, across processes.
pub struct SharedEvent {
    condition: SharedCondition,
    /// Holds one permit while the event is set, none while it is clear.
    flag: SharedSemaphore,
}

impl SharedEvent {
    /// A cleared event, for this process and every child forked after.
    pub fn new() -> io::Result<SharedEvent> {
        Ok(SharedEvent {
            condition: SharedCondition::new()?,
            flag: SharedSemaphore::new(0)?,
        })
    }

    pub fn is_set(&self) -> io::Result<bool> {
        let _locked = self.condition.lock()?;
        self.flag_is_up()
    }

    /// Sets the flag and wakes every process waiting for it.
    pub fn set(&self) -> io::Result<()> {
        let locked = self.condition.lock()?;
        // At most one permit: take the one that may be there, give one back.
        self.flag.try_acquire()?;
        self.flag.release()?;
        locked.notify_all()
    }

    pub fn clear(&self) -> io::Result<()> {
        let _locked = self.condition.lock()?;
        self.flag.try_acquire()?;
        Ok(())
    }

    /// Waits until the flag is set, or `timeout` has passed. Returns the
    /// flag as it is on waking: a `set` that a `clear` undid before this
    /// process woke ends the wait, but returns `false`, as in CPython.
    pub fn wait(&self, timeout: Option<Duration>) -> io::Result<bool> {
        let locked = self.condition.lock()?;
        if !self.flag_is_up()? {
            locked.wait(timeout)?;
        }
        self.flag_is_up()
    }

    // As CPython's `Event` reads its flag: take the permit and give it
    // back, under the lock, so no one sees it gone. (Listing 5-5's
    // semaphore has no method that reads its count.)
    fn flag_is_up(&self) -> io::Result<bool> {
        let up = self.flag.try_acquire()?;
        if up {
            self.flag.release()?;
        }
        Ok(up)
    }
}
// ANCHOR_END: event

// ANCHOR: condition
/// `multiprocessing.Condition` over a `multiprocessing.Lock`: semaphores,
/// the one primitive here that works across processes, keep the count of
/// sleepers that a `Condvar` keeps in one process's memory.
struct SharedCondition {
    lock: SharedSemaphore,
    /// Released by each waiter as it goes to sleep.
    sleeping_count: SharedSemaphore,
    /// Released by each waiter as it wakes, notified or timed out.
    woken_count: SharedSemaphore,
    /// Released by a notifier once for every sleeper it wakes.
    wait_semaphore: SharedSemaphore,
}

/// The condition's lock, held until this is dropped.
struct Locked<'a> {
    condition: &'a SharedCondition,
}

impl SharedCondition {
    fn new() -> io::Result<SharedCondition> {
        Ok(SharedCondition {
            lock: SharedSemaphore::new(1)?,
            sleeping_count: SharedSemaphore::new(0)?,
            woken_count: SharedSemaphore::new(0)?,
            wait_semaphore: SharedSemaphore::new(0)?,
        })
    }

    fn lock(&self) -> io::Result<Locked<'_>> {
        self.lock.acquire()?;
        Ok(Locked { condition: self })
    }
}

impl Locked<'_> {
    /// Releases the lock, sleeps until notified or until `timeout` has
    /// passed, and takes the lock again. `true` if it was notified.
    fn wait(&self, timeout: Option<Duration>) -> io::Result<bool> {
        let condition = self.condition;
        condition.sleeping_count.release()?;
        condition.lock.release()?;
        let notified = match timeout {
            Some(timeout) => condition.wait_semaphore.acquire_timeout(timeout),
            None => condition.wait_semaphore.acquire().map(|()| true),
        };
        // Notified or not, report waking and take the lock back, as
        // CPython's `finally:` does: a notifier is counting on both.
        let reported = condition.woken_count.release();
        let relocked = condition.lock.acquire();
        reported.and(relocked).and(notified)
    }

    /// Wakes every process asleep in `wait`, and returns once each has
    /// woken.
    fn notify_all(&self) -> io::Result<()> {
        let condition = self.condition;
        // Waiters whose time ran out since the last notify went to sleep
        // and woke by themselves: they are no longer asleep.
        while condition.woken_count.try_acquire()? {
            condition.sleeping_count.try_acquire()?;
        }
        let mut woken = 0;
        while condition.sleeping_count.try_acquire()? {
            condition.wait_semaphore.release()?;
            woken += 1;
        }
        for _ in 0..woken {
            condition.woken_count.acquire()?;
        }
        // A waiter whose time ran out just as its permit came left the
        // permit unused; take it back, so no later wait finds it.
        while condition.wait_semaphore.try_acquire()? {}
        Ok(())
    }
}

impl Drop for Locked<'_> {
    fn drop(&mut self) {
        // `sem_post` fails only on a semaphore that is invalid or at its
        // maximum count; a held lock is neither.
        let _ = self.condition.lock.release();
    }
}
// ANCHOR_END: condition

#[cfg(test)]
mod tests {
    use std::thread;
    use std::time::Instant;

    use super::*;

    // The semaphores work between threads too, which lets the tests do
    // without forking.

    #[test]
    fn set_clear_and_is_set() -> io::Result<()> {
        let event = SharedEvent::new()?;
        assert!(!event.is_set()?);
        event.set()?;
        event.set()?;
        assert!(event.is_set()?);
        assert!(event.wait(Some(Duration::ZERO))?);
        event.clear()?;
        assert!(!event.is_set()?);
        Ok(())
    }

    #[test]
    fn a_wait_on_a_clear_event_times_out() -> io::Result<()> {
        let event = SharedEvent::new()?;
        let began = Instant::now();
        assert!(!event.wait(Some(Duration::from_millis(50)))?);
        assert!(began.elapsed() >= Duration::from_millis(50));
        Ok(())
    }

    #[test]
    fn set_wakes_every_waiter() -> io::Result<()> {
        let event = SharedEvent::new()?;
        thread::scope(|scope| {
            let waiters: Vec<_> = (0..3)
                .map(|_| scope.spawn(|| event.wait(Some(Duration::from_secs(10)))))
                .collect();
            while waiters_asleep(&event)? < 3 {
                thread::yield_now();
            }
            event.set()?;
            for waiter in waiters {
                assert!(waiter.join().expect("a waiter panicked")?);
            }
            Ok(())
        })
    }

    #[test]
    fn set_after_a_timed_out_wait_still_wakes_the_next_waiter() -> io::Result<()> {
        let event = SharedEvent::new()?;
        assert!(!event.wait(Some(Duration::from_millis(10)))?);
        thread::scope(|scope| {
            let waiter = scope.spawn(|| event.wait(Some(Duration::from_secs(10))));
            while waiters_asleep(&event)? < 2 {
                thread::yield_now();
            }
            let began = Instant::now();
            event.set()?;
            assert!(waiter.join().expect("the waiter panicked")?);
            assert!(began.elapsed() < Duration::from_secs(5));
            Ok(())
        })
    }

    // How many waits have gone to sleep so far, counting any that timed
    // out and have not yet been subtracted by a notify.
    fn waiters_asleep(event: &SharedEvent) -> io::Result<u32> {
        let sleeping = &event.condition.sleeping_count;
        let mut count = 0;
        while sleeping.try_acquire()? {
            count += 1;
        }
        for _ in 0..count {
            sleeping.release()?;
        }
        Ok(count)
    }
}
