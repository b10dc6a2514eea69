//! Whole messages over a byte stream.
//!
//! A pipe or a socket carries bytes, not messages: one `write` may arrive in
//! pieces, and two may arrive as one. So each message goes out as a frame, a
//! 4-byte big-endian length and then that many bytes of JSON, and the reader
//! reads exactly one frame per message.
//!
//! JSON plays the part that pickle plays for Python's `multiprocessing`: it
//! turns a value into bytes on one side and back into a value on the other.
//! Any type that serde can serialize can be sent.

use std::io::{self, ErrorKind, Read, Write};

use serde::Serialize;
use serde::de::DeserializeOwned;

/// Writes `msg` as one frame and flushes `w`.
///
/// Fails with [`ErrorKind::InvalidInput`] for a message whose JSON does not
/// fit the 4-byte length.
pub fn send<T: Serialize + ?Sized>(w: &mut impl Write, msg: &T) -> io::Result<()> {
    let body = serde_json::to_vec(msg)?;
    let length = u32::try_from(body.len())
        .map_err(|_| io::Error::new(ErrorKind::InvalidInput, "message longer than 4 GiB"))?;
    w.write_all(&length.to_be_bytes())?;
    w.write_all(&body)?;
    w.flush()
}

/// Reads one frame and decodes it.
///
/// Returns `Ok(None)` when the stream ends cleanly between frames: the other
/// side closed its end after its last message. A stream that ends inside a
/// frame is an [`ErrorKind::UnexpectedEof`] error, and a body that is not
/// JSON for `T` is an [`ErrorKind::InvalidData`] error.
pub fn recv<T: DeserializeOwned>(r: &mut impl Read) -> io::Result<Option<T>> {
    let mut prefix = [0; 4];
    let mut filled = 0;
    while filled < prefix.len() {
        match r.read(&mut prefix[filled..]) {
            Ok(0) if filled == 0 => return Ok(None),
            Ok(0) => {
                return Err(io::Error::new(
                    ErrorKind::UnexpectedEof,
                    "stream ended inside a length prefix",
                ));
            }
            Ok(read) => filled += read,
            Err(error) if error.kind() == ErrorKind::Interrupted => {}
            Err(error) => return Err(error),
        }
    }

    let length = u32::from_be_bytes(prefix);
    let mut body = vec![0; length as usize];
    r.read_exact(&mut body)?;
    Ok(Some(serde_json::from_slice(&body)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_round_trip_one_after_another() -> io::Result<()> {
        let mut stream = Vec::new();
        send(&mut stream, &["Hello", "from", "the", "child"])?;
        send(&mut stream, "Hello from the child")?;

        let mut reader = stream.as_slice();
        let words: Option<Vec<String>> = recv(&mut reader)?;
        let expected = ["Hello", "from", "the", "child"].map(String::from).to_vec();
        assert_eq!(words, Some(expected));
        let text: Option<String> = recv(&mut reader)?;
        assert_eq!(text.as_deref(), Some("Hello from the child"));
        Ok(())
    }

    #[test]
    fn clean_end_of_stream_is_none() -> io::Result<()> {
        let mut empty: &[u8] = &[];
        assert_eq!(recv::<String>(&mut empty)?, None);
        Ok(())
    }

    #[test]
    fn truncated_frames_are_errors() -> io::Result<()> {
        let mut stream = Vec::new();
        send(&mut stream, "Hello")?;
        for cut in 1..stream.len() {
            let mut truncated = &stream[..cut];
            let error = recv::<String>(&mut truncated).expect_err("a cut frame is an error");
            assert_eq!(error.kind(), ErrorKind::UnexpectedEof, "cut at {cut}");
        }
        Ok(())
    }
}
