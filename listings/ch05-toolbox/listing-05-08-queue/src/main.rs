use std::error::Error;
use std::io::{self, ErrorKind};
use std::os::unix::net::UnixStream;

fn produce(queue: &mut UnixStream) -> io::Result<()> {
    framed::send(queue, "food")
}

fn consume(queue: &mut UnixStream) -> io::Result<()> {
    let food: String = framed::recv(queue)?
        .ok_or_else(|| io::Error::new(ErrorKind::UnexpectedEof, "the producer put nothing"))?;
    println!("consumer got {food}");
    Ok(())
}

fn main() -> Result<(), Box<dyn Error>> {
    let (mut producer_end, mut consumer_end) = UnixStream::pair()?;
    // SAFETY: this process has a single thread.
    let producer = unsafe { forked::start(|| produce(&mut producer_end)) }?;
    // SAFETY: as above.
    let consumer = unsafe { forked::start(|| consume(&mut consumer_end)) }?;
    forked::join(producer)?;
    forked::join(consumer)?;
    Ok(())
}
