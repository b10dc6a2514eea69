use std::error::Error;

fn main() -> Result<(), Box<dyn Error>> {
    let mut children = Vec::new();
    for stars in 1..=10 {
        // SAFETY: this process has a single thread.
        let child = unsafe {
            forked::start(|| {
                println!("{}", "*".repeat(stars));
                Ok(())
            })
        }?;
        children.push(child);
    }
    for child in children {
        forked::join(child)?;
    }
    println!("over");
    Ok(())
}
