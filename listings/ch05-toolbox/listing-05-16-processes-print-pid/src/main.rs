use std::error::Error;
use std::process;
use std::thread;
use std::time::Duration;

fn main() -> Result<(), Box<dyn Error>> {
    let mut children = Vec::new();
    for n in 0..10 {
        // SAFETY: this process has a single thread when it forks.
        let child = unsafe {
            forked::start(|| {
                thread::sleep(Duration::from_secs(1));
                println!("{n} {}", process::id());
                Ok(())
            })
        }?;
        children.push(child);
    }
    for child in children {
        forked::join(child)?;
    }
    Ok(())
}
