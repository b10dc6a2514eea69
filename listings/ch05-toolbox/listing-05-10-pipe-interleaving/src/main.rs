use std::error::Error;
use std::io::{self, PipeWriter, Read, Write};

use nix::libc::PIPE_BUF;

const MESSAGES_PER_WRITER: usize = 100;
const WRITERS: [u8; 2] = [b'a', b'b'];

// Each message is one `write` call of `size` copies of the writer's letter.
fn write_messages(pipe: &PipeWriter, letter: u8, size: usize) -> io::Result<()> {
    let message = vec![letter; size];
    for _ in 0..MESSAGES_PER_WRITER {
        let written = (&*pipe).write(&message)?;
        if written != size {
            return Err(io::Error::other(format!(
                "short write: {written} of {size} bytes"
            )));
        }
    }
    Ok(())
}

// Two children write to one pipe at once; counts the messages that did not
// arrive whole, as `size` bytes from a single writer.
fn count_torn(size: usize) -> Result<usize, Box<dyn Error>> {
    let (mut reader, writer) = io::pipe()?;
    let mut children = Vec::new();
    for letter in WRITERS {
        // SAFETY: this process has a single thread.
        children.push(unsafe { forked::start(|| write_messages(&writer, letter, size)) }?);
    }
    // The reader sees the end of the stream only once every copy of the
    // write end is closed, the parent's included.
    drop(writer);
    let mut received = Vec::new();
    reader.read_to_end(&mut received)?;
    for child in children {
        forked::join(child)?;
    }
    let expected = size * MESSAGES_PER_WRITER * WRITERS.len();
    if received.len() != expected {
        return Err(format!("read {} bytes, expected {expected}", received.len()).into());
    }
    let torn = received
        .chunks(size)
        .filter(|message| message.iter().any(|&byte| byte != message[0]))
        .count();
    Ok(torn)
}

fn main() -> Result<(), Box<dyn Error>> {
    let total = MESSAGES_PER_WRITER * WRITERS.len();
    let small = 512;
    println!(
        "{total} messages of {small} bytes, at most PIPE_BUF ({PIPE_BUF}): {} torn",
        count_torn(small)?
    );
    let large = 100_000;
    println!(
        "{total} messages of {large} bytes, over PIPE_BUF: {} torn",
        count_torn(large)?
    );
    Ok(())
}
