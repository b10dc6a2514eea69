use std::error::Error;

async fn greet(name: &'static str) -> String {
    println!("  greet({name}) runs");
    format!("hello, {name}")
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn Error>> {
    println!("call greet(a)");
    let greeting = greet("a");
    println!("greet(a) has returned, and printed nothing");
    println!("await it");
    println!("got: {}", greeting.await);

    println!("call greet(b) and drop what it returns");
    drop(greet("b"));

    println!("spawn greet(c)");
    let task = tokio::spawn(greet("c"));
    println!("spawned; main has not yielded yet");
    tokio::task::yield_now().await;
    println!("main yielded once");
    println!("got: {}", task.await?);
    Ok(())
}
