//! Whole messages over a byte stream.
//!
//! A pipe or a socket carries bytes, not messages: one `write` may arrive in
//! pieces, and two may arrive as one. So each message goes out as a frame, a
//! length and then that many bytes of JSON, and the reader reads exactly one
//! frame per message. The length is written as Python's `Connection` writes
//! it: a signed 4-byte big-endian number, or, for a body of 2 GiB or more,
//! -1 in those 4 bytes and the length in the 8 bytes that follow.
//!
//! JSON plays the part that pickle plays for Python's `multiprocessing`: it
//! turns a value into bytes on one side and back into a value on the other.
//! Any type that serde can serialize can be sent.

use std::io::{self, ErrorKind, Read, Write};

use serde::Serialize;
use serde::de::DeserializeOwned;

/// The 4-byte length that announces an 8-byte one, for a body too long for
/// a positive `i32`.
const LONG_BODY: i32 = -1;

/// Writes `msg` as one frame and flushes `w`.
pub fn send<T: Serialize + ?Sized>(w: &mut impl Write, msg: &T) -> io::Result<()> {
    let body = serde_json::to_vec(msg)?;
    write_length(w, body.len())?;
    w.write_all(&body)?;
    w.flush()
}

fn write_length(w: &mut impl Write, length: usize) -> io::Result<()> {
    match i32::try_from(length) {
        Ok(short) => w.write_all(&short.to_be_bytes()),
        Err(_) => {
            w.write_all(&LONG_BODY.to_be_bytes())?;
            // A `usize` always fits in a `u64` on the targets Rust supports.
            w.write_all(&(length as u64).to_be_bytes())
        }
    }
}

/// Reads one frame and decodes it.
///
/// Returns `Ok(None)` when the stream ends cleanly between frames: the other
/// side closed its end after its last message. A stream that ends inside a
/// frame is an [`ErrorKind::UnexpectedEof`] error, and a length or a body
/// that is not a valid frame for `T` is an [`ErrorKind::InvalidData`] error.
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

    let length = match i32::from_be_bytes(prefix) {
        LONG_BODY => {
            let mut long = [0; 8];
            r.read_exact(&mut long)?;
            u64::from_be_bytes(long)
        }
        short => u64::try_from(short)
            .map_err(|_| io::Error::new(ErrorKind::InvalidData, "negative message length"))?,
    };
    // The body grows as its bytes arrive, rather than being allocated at
    // the announced length first: a corrupt length must not ask for more
    // memory than the stream really carries.
    let mut body = Vec::new();
    r.take(length).read_to_end(&mut body)?;
    if body.len() as u64 != length {
        return Err(io::Error::new(
            ErrorKind::UnexpectedEof,
            "stream ended inside a message",
        ));
    }
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

    #[test]
    fn lengths_are_written_as_python_writes_them() -> io::Result<()> {
        // struct.pack("!i", 5), struct.pack("!i", 2**31 - 1), and for 2**31
        // struct.pack("!i", -1) + struct.pack("!Q", 2**31).
        let cases: [(usize, &[u8]); 3] = [
            (5, &[0, 0, 0, 5]),
            (0x7fff_ffff, &[0x7f, 0xff, 0xff, 0xff]),
            (
                0x8000_0000,
                &[0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0x80, 0, 0, 0],
            ),
        ];
        for (length, expected) in cases {
            let mut header = Vec::new();
            write_length(&mut header, length)?;
            assert_eq!(header, expected, "length {length}");
        }
        Ok(())
    }

    #[test]
    fn the_long_form_is_read_for_any_length() -> io::Result<()> {
        // Python's reader takes -1 and an 8-byte length for any body, so
        // ours does too: a short body with the long header round-trips.
        let body = br#""Hello""#;
        let mut stream = LONG_BODY.to_be_bytes().to_vec();
        stream.extend_from_slice(&(body.len() as u64).to_be_bytes());
        stream.extend_from_slice(body);
        let text: Option<String> = recv(&mut stream.as_slice())?;
        assert_eq!(text.as_deref(), Some("Hello"));
        Ok(())
    }

    #[test]
    fn a_huge_length_over_a_short_stream_is_an_error_not_an_allocation() {
        // -1, then 2**62 in 8 bytes, then 5 bytes: no such body follows.
        let mut stream = LONG_BODY.to_be_bytes().to_vec();
        stream.extend_from_slice(&(1u64 << 62).to_be_bytes());
        stream.extend_from_slice(b"Hello");
        let error = recv::<String>(&mut stream.as_slice()).expect_err("the body is cut short");
        assert_eq!(error.kind(), ErrorKind::UnexpectedEof);
    }

    #[test]
    fn a_negative_length_is_invalid() {
        let mut stream: &[u8] = &(-2i32).to_be_bytes();
        let error = recv::<String>(&mut stream).expect_err("no frame has a length of -2");
        assert_eq!(error.kind(), ErrorKind::InvalidData);
    }
}
