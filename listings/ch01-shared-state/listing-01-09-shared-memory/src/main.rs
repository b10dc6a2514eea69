use std::error::Error;
use std::io::{self, Write};
use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicI32, Ordering};

use nix::libc;
use nix::sys::mman::{MapFlags, ProtFlags, mmap_anonymous, munmap};
use nix::sys::wait::waitpid;
use nix::unistd::{ForkResult, Pid, fork};

const SLOTS: usize = 6;
const ADDS_PER_CHILD: usize = 1000;

// The memory both children write to: Python's `Value` and `Array`.
#[repr(C)]
struct Shared {
    counter: AtomicI32,
    squares: [AtomicI32; SLOTS],
}

// Child `parity` fills the slots whose index has that parity, and counts.
fn work(shared: &Shared, parity: usize) {
    for (index, slot) in shared.squares.iter().enumerate() {
        if index % 2 == parity {
            let index = i32::try_from(index).expect("six slots fit in an i32");
            slot.store(index * index, Ordering::Relaxed);
        }
    }
    // Each addition is one indivisible step, so no lock is needed for the
    // counter, where Python needs `get_lock()` held around `value += 1`.
    for _ in 0..ADDS_PER_CHILD {
        shared.counter.fetch_add(1, Ordering::Relaxed);
    }
}

fn spawn_worker(shared: &Shared, parity: usize) -> io::Result<Pid> {
    // Output still in stdout's buffer would be copied into the child and
    // printed twice: write it out first.
    io::stdout().flush()?;
    // SAFETY: this process has a single thread when it forks, so the child's
    // copy of memory holds no lock taken by a thread that the child lacks.
    match unsafe { fork() }? {
        ForkResult::Parent { child } => Ok(child),
        ForkResult::Child => {
            work(shared, parity);
            // Exit here so the child never goes on into the parent's code,
            // with `_exit`, as Python's child does: the exit handlers the
            // parent registered are not the child's to run. (It printed
            // nothing, so no buffered output is lost.)
            // SAFETY: `_exit` only ends the process.
            unsafe { libc::_exit(0) }
        }
    }
}

fn main() -> Result<(), Box<dyn Error>> {
    let length = NonZeroUsize::new(size_of::<Shared>()).expect("Shared is not zero-sized");
    // MAP_SHARED is the point: a forked child gets these very pages, not a
    // copy of them, so its writes are the parent's too.
    // SAFETY: a fresh mapping with no requested address cannot overlap any
    // memory that Rust code already uses.
    let region = unsafe {
        mmap_anonymous(
            None,
            length,
            ProtFlags::PROT_READ | ProtFlags::PROT_WRITE,
            MapFlags::MAP_SHARED,
        )
    }?;

    {
        // SAFETY: the mapping is page-aligned, large enough for `Shared` and
        // filled with zeros, and all-zero bytes are a valid `AtomicI32`. It
        // stays mapped until after this block, the last use of `shared`.
        let shared: &Shared = unsafe { region.cast::<Shared>().as_ref() };

        let workers = [spawn_worker(shared, 0)?, spawn_worker(shared, 1)?];
        // Rust's memory model speaks of threads, not processes; here the
        // kernel orders memory. The child's stores went to these very pages,
        // and between its exit and the return of `waitpid` both processes
        // pass through the kernel's locks and its wake-up of this one, which
        // imply memory barriers (Linux's Documentation/memory-barriers.txt,
        // "Sleep and wake-up functions"). So the loads below see them all.
        for worker in workers {
            waitpid(worker, None)?;
        }

        println!("{}", shared.counter.load(Ordering::Relaxed));
        let squares: Vec<i32> = shared
            .squares
            .iter()
            .map(|slot| slot.load(Ordering::Relaxed))
            .collect();
        println!("{squares:?}");
    }

    // SAFETY: `region` came from `mmap_anonymous` with this length, and no
    // reference into it outlives the block above.
    unsafe { munmap(region, length.get()) }?;
    Ok(())
}
