use std::env;
use std::error::Error;
use std::process::Command;

// The argument that tells a fresh copy of this program that it is the
// child. Checking for it is what `if __name__ == "__main__"` does in Python.
const CHILD: &str = "--run-process-demo";

fn run() {
    println!("12345");
}

fn main() -> Result<(), Box<dyn Error>> {
    let is_child = env::args().nth(1).as_deref() == Some(CHILD);
    println!(
        "program starts: {}",
        if is_child { "child" } else { "parent" }
    );
    if is_child {
        run();
        return Ok(());
    }

    // A new process running this same program from the top of `main`, as
    // Python's spawn start method runs the main module again.
    let status = Command::new(env::current_exe()?).arg(CHILD).status()?;
    if !status.success() {
        return Err(format!("the child failed: {status}").into());
    }
    Ok(())
}
