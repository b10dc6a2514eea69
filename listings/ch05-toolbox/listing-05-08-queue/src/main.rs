use std::error::Error;
use std::io::{self, ErrorKind};
use std::os::unix::net::UnixStream;

fn produce(mut queue: UnixStream) -> io::Result<()> {
    framed::send(&mut queue, "food")
}

fn consume(mut queue: UnixStream) -> io::Result<()> {
    let food: String = framed::recv(&mut queue)?
        .ok_or_else(|| io::Error::new(ErrorKind::UnexpectedEof, "the producer put nothing"))?;
    println!("consumer got {food}");
    Ok(())
}

fn main() -> Result<(), Box<dyn Error>> {
    let (producer_end, consumer_end) = UnixStream::pair()?;
    // Each end moves into its child's closure, which `start` drops in the
    // parent: the consumer, forked after, holds no copy of the producer's
    // end, and if the producer exits without putting anything, the
    // consumer's `recv` sees the end of the stream.
    // SAFETY: this process has a single thread.
    let producer = unsafe { forked::start(move || produce(producer_end)) }?;
    // SAFETY: as above.
    let consumer = unsafe { forked::start(move || consume(consumer_end)) }?;
    forked::join(producer)?;
    forked::join(consumer)?;
    Ok(())
}
