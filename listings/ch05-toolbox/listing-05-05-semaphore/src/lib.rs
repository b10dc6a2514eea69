//! A POSIX semaphore that forked children share: what
//! `multiprocessing.Semaphore` is underneath on Linux.
//!
//! The semaphore lives in a page mapped `MAP_SHARED` before the fork, so
//! every child uses the very same counter, and `sem_init` is told so
//! (`pshared = 1`), which makes the kernel's wait queue work across
//! processes.

use std::io;
use std::num::NonZeroUsize;
use std::ptr::NonNull;
use std::time::Duration;

use nix::errno::Errno;
use nix::libc::{self, c_int, clockid_t, sem_t, timespec};
use nix::sys::mman::{MapFlags, ProtFlags, mmap_anonymous, munmap};
use nix::sys::time::TimeSpec;
use nix::time::{ClockId, clock_gettime};
use nix::unistd::{Pid, getpid};

// glibc has had `sem_clockwait` since 2.30 (2019), but the `libc` crate
// declares it only for Redox, so it is declared here as glibc's
// <semaphore.h> does where `time_t` is as wide as `long`, as on 64-bit
// Linux. (A 32-bit build with a 64-bit `time_t` must link
// `__sem_clockwait64` instead, as the header redirects it there and as the
// `libc` crate does for its own `sem_timedwait`.)
unsafe extern "C" {
    fn sem_clockwait(sem: *mut sem_t, clock: clockid_t, deadline: *const timespec) -> c_int;
}

/// A counting semaphore shared with every child forked after it is made.
pub struct SharedSemaphore {
    semaphore: NonNull<sem_t>,
    owner: Pid,
}

// SAFETY: POSIX allows the `sem_*` calls on one semaphore from any number
// of threads at once, which is what a semaphore is for; besides the
// pointer to it, the value holds only a pid.
unsafe impl Send for SharedSemaphore {}
unsafe impl Sync for SharedSemaphore {}

impl SharedSemaphore {
    /// A semaphore holding `permits` permits.
    pub fn new(permits: u32) -> io::Result<SharedSemaphore> {
        let length = NonZeroUsize::new(size_of::<sem_t>()).expect("sem_t is not zero-sized");
        // SAFETY: a fresh mapping with no requested address cannot overlap
        // any memory that Rust code already uses.
        let region = unsafe {
            mmap_anonymous(
                None,
                length,
                ProtFlags::PROT_READ | ProtFlags::PROT_WRITE,
                MapFlags::MAP_SHARED,
            )
        }?;
        let semaphore = region.cast::<sem_t>();
        // SAFETY: the mapping is page-aligned and large enough for a sem_t.
        if unsafe { libc::sem_init(semaphore.as_ptr(), 1, permits) } != 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(SharedSemaphore {
            semaphore,
            owner: getpid(),
        })
    }

    /// Takes a permit, waiting as long as it takes.
    pub fn acquire(&self) -> io::Result<()> {
        // SAFETY: `semaphore` was initialised in `new` and is still mapped.
        retry_interrupted(|| unsafe { libc::sem_wait(self.semaphore.as_ptr()) })
    }

    /// Takes a permit if one is free, without waiting: `false` if none was.
    pub fn try_acquire(&self) -> io::Result<bool> {
        // SAFETY: as in `acquire`.
        let tried = retry_interrupted(|| unsafe { libc::sem_trywait(self.semaphore.as_ptr()) });
        match tried {
            Ok(()) => Ok(true),
            Err(error) if error.raw_os_error() == Some(libc::EAGAIN) => Ok(false),
            Err(error) => Err(error),
        }
    }

    /// Takes a permit, or gives up after `timeout`: `false` if none came.
    pub fn acquire_timeout(&self, timeout: Duration) -> io::Result<bool> {
        // The deadline is on the monotonic clock, which nobody can set:
        // `sem_timedwait` would take one on the wall clock, and a wait would
        // then stretch or shrink with every change of the system's time.
        let deadline = clock_gettime(ClockId::CLOCK_MONOTONIC)? + TimeSpec::from_duration(timeout);
        // SAFETY: as in `acquire`; `deadline` outlives the call.
        let waited = retry_interrupted(|| unsafe {
            sem_clockwait(
                self.semaphore.as_ptr(),
                libc::CLOCK_MONOTONIC,
                deadline.as_ref(),
            )
        });
        match waited {
            Ok(()) => Ok(true),
            Err(error) if error.raw_os_error() == Some(libc::ETIMEDOUT) => Ok(false),
            Err(error) => Err(error),
        }
    }

    /// Gives a permit back, waking one waiter if there is any.
    pub fn release(&self) -> io::Result<()> {
        // SAFETY: as in `acquire`.
        if unsafe { libc::sem_post(self.semaphore.as_ptr()) } != 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(())
    }
}

impl Drop for SharedSemaphore {
    fn drop(&mut self) {
        // Only the process that made the semaphore destroys it; a child's
        // copy merely unmaps its view of the page.
        if getpid() == self.owner {
            // SAFETY: initialised in `new`; no method can run after drop.
            unsafe { libc::sem_destroy(self.semaphore.as_ptr()) };
        }
        // SAFETY: the mapping came from `new` with this length, and no
        // reference into it outlives `self`.
        let _ = unsafe { munmap(self.semaphore.cast(), size_of::<sem_t>()) };
    }
}

// A signal can interrupt a wait before it is done; then it is simply
// tried again.
fn retry_interrupted(mut call: impl FnMut() -> libc::c_int) -> io::Result<()> {
    loop {
        if call() == 0 {
            return Ok(());
        }
        let error = io::Error::last_os_error();
        if error.raw_os_error() != Some(Errno::EINTR as i32) {
            return Err(error);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permits_run_out_and_come_back() -> io::Result<()> {
        let semaphore = SharedSemaphore::new(2)?;
        semaphore.acquire()?;
        assert!(semaphore.try_acquire()?);
        assert!(!semaphore.try_acquire()?);
        semaphore.release()?;
        assert!(semaphore.acquire_timeout(Duration::ZERO)?);
        Ok(())
    }

    #[test]
    fn a_timed_acquire_waits_its_whole_timeout() -> io::Result<()> {
        let semaphore = SharedSemaphore::new(0)?;
        let began = std::time::Instant::now();
        assert!(!semaphore.acquire_timeout(Duration::from_millis(50))?);
        assert!(began.elapsed() >= Duration::from_millis(50));
        Ok(())
    }
}
