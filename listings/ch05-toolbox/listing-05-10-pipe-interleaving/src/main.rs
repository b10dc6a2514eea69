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
// arrive whole, with bytes of the other writer between their first byte and
// their last.
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
    Ok(WRITERS
        .iter()
        .map(|&letter| torn_messages_of(letter, &received, size))
        .sum())
}

// Each writer's bytes arrive in order, so its `n`th message is its bytes
// `n * size` to `(n + 1) * size`, wherever they land. The stream is a
// series of runs of one letter; a run of this writer that ends inside one
// of its messages means the other writer cut in there.
fn torn_messages_of(letter: u8, received: &[u8], size: usize) -> usize {
    let mut bytes_so_far = 0;
    let mut torn = 0;
    let mut last_torn = None;
    for run in received.chunk_by(|a, b| a == b) {
        if run[0] != letter {
            continue;
        }
        bytes_so_far += run.len();
        let message = bytes_so_far / size;
        if bytes_so_far % size != 0 && last_torn != Some(message) {
            torn += 1;
            last_torn = Some(message);
        }
    }
    torn
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_is_torn_where_the_other_writer_cuts_in() {
        // a's first message (4 bytes) is cut by b's first; a's second and
        // both of b's arrive whole.
        let received = b"aabbbbaaaaaabbbb";
        assert_eq!(torn_messages_of(b'a', received, 4), 1);
        assert_eq!(torn_messages_of(b'b', received, 4), 0);
        // Cut twice, counted once.
        assert_eq!(torn_messages_of(b'a', b"abaabaaaaa", 4), 1);
    }
}
