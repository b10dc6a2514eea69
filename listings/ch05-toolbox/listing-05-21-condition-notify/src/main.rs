// ANCHOR: main
use std::error::Error;
use std::fmt;
use std::io::{self, BufRead, IsTerminal, Write};
use std::sync::{Arc, Condvar, Mutex, OnceLock};
use std::thread;

const THREADS: usize = 10;

#[derive(Default)]
struct Wakeups {
    /// How many wake-ups the main thread has handed out.
    granted: usize,
    /// The threads that have taken one, in the order they woke.
    woken: Vec<usize>,
}

#[derive(Default)]
struct Shared {
    wakeups: Mutex<Wakeups>,
    /// The waiting threads wait here for a wake-up to take.
    granted: Condvar,
    /// The main thread waits here for the woken threads to report.
    reported: Condvar,
    output: Output,
}

/// Standard output, until a write to it fails. `print!` would panic then,
/// in a waiting thread that holds the mutex, and the main thread would
/// wait forever for its report. Instead the first failure is kept, nothing
/// more is printed, and the main thread winds up.
#[derive(Default)]
struct Output {
    failure: OnceLock<io::Error>,
}

impl Output {
    fn print(&self, text: fmt::Arguments) {
        if self.failure.get().is_some() {
            return;
        }
        let mut stdout = io::stdout().lock();
        if let Err(error) = stdout.write_fmt(text).and_then(|()| stdout.flush()) {
            let _ = self.failure.set(error);
        }
    }

    fn is_open(&self) -> bool {
        self.failure.get().is_none()
    }

    /// The failure to report, if any: a reader that went away (`| head -1`)
    /// wanted no more, and that is no error.
    fn error(&self) -> Option<&io::Error> {
        self.failure
            .get()
            .filter(|error| error.kind() != io::ErrorKind::BrokenPipe)
    }
}

fn wait_for_turn(shared: &Shared, number: usize) {
    let wakeups = shared.wakeups.lock().expect("no thread panics holding it");
    // The predicate is what makes this safe: a wake-up granted before this
    // thread got here is not missed, and a spurious one is slept through.
    let mut wakeups = shared
        .granted
        .wait_while(wakeups, |w| w.woken.len() >= w.granted)
        .expect("no thread panics holding it");
    shared.output.print(format_args!("在第{number}个循环里\n"));
    wakeups.woken.push(number);
    shared.reported.notify_one();
}

/// Wakes `count` waiting threads, as `notify(count)` does, and returns once
/// each has printed its line.
fn wake(shared: &Shared, count: usize) {
    let mut wakeups = shared.wakeups.lock().expect("no thread panics holding it");
    wakeups.granted += count;
    for _ in 0..count {
        shared.granted.notify_one();
    }
    let _all_reported = shared
        .reported
        .wait_while(wakeups, |w| w.woken.len() < w.granted)
        .expect("no thread panics holding it");
}

#[derive(Debug, PartialEq)]
enum BadCount {
    Blank,
    NotANumber(String),
    Negative(String),
    MoreThanWaiting { asked: String, waiting: usize },
}

impl fmt::Display for BadCount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BadCount::Blank => write!(f, "please type a number"),
            BadCount::NotANumber(text) => {
                write!(f, "\"{}\" is not a whole number", shown(text))
            }
            BadCount::Negative(text) => write!(f, "\"{}\" is negative", shown(text)),
            BadCount::MoreThanWaiting { asked, waiting } => write!(
                f,
                "\"{}\" is more than the {waiting} threads still waiting",
                shown(asked)
            ),
        }
    }
}

/// `text`, or its start if it is long, so that a pasted page does not flood
/// the transcript.
fn shown(text: &str) -> String {
    const LONGEST: usize = 30;
    match text.char_indices().nth(LONGEST) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_string(),
    }
}

/// Whitespace as Python's `str.strip()` sees it: Rust's `trim()` keeps the
/// four information separators, U+001C to U+001F, which Python strips.
fn is_python_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// How many threads `line` asks to wake, when `waiting` are still waiting.
fn parse_count(line: &str, waiting: usize) -> Result<usize, BadCount> {
    let text = line.trim_matches(is_python_space);
    if text.is_empty() {
        return Err(BadCount::Blank);
    }
    let (negative, digits) = match text.strip_prefix('-') {
        Some(digits) => (true, digits),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(BadCount::NotANumber(text.to_string()));
    }
    if negative && digits.bytes().any(|b| b != b'0') {
        return Err(BadCount::Negative(text.to_string()));
    }
    // Only a number too large for a usize fails here, and any such number
    // is more than the threads still waiting.
    let count = digits.parse().unwrap_or(usize::MAX);
    if count > waiting {
        return Err(BadCount::MoreThanWaiting {
            asked: text.to_string(),
            waiting,
        });
    }
    Ok(count)
}

/// The next line of input, or `None` at its end. Bytes that are not UTF-8
/// become U+FFFD, so they read as "not a whole number" rather than failing.
fn read_line(input: &mut impl BufRead) -> io::Result<Option<String>> {
    let mut bytes = Vec::new();
    if input.read_until(b'\n', &mut bytes)? == 0 {
        return Ok(None);
    }
    let line = String::from_utf8_lossy(&bytes);
    Ok(Some(line.trim_end_matches(is_python_space).to_string()))
}

fn main() -> Result<(), Box<dyn Error>> {
    let shared = Arc::new(Shared::default());
    let handles: Vec<_> = (0..THREADS)
        .map(|number| {
            let shared = Arc::clone(&shared);
            thread::spawn(move || wait_for_turn(&shared, number))
        })
        .collect();

    let output = &shared.output;
    let mut input = io::stdin().lock();
    // A terminal shows what was typed; a file or a pipe does not, so echo it
    // to keep the transcript readable.
    let echo = !io::stdin().is_terminal();
    let mut waiting = THREADS;
    while waiting > 0 && output.is_open() {
        output.print(format_args!(">>> "));
        let Some(line) = read_line(&mut input)? else {
            output.print(format_args!("(end of input)\n"));
            output.print(format_args!("waking the {waiting} threads still waiting\n"));
            break;
        };
        if echo {
            output.print(format_args!("{}\n", shown(&line)));
        }
        match parse_count(&line, waiting) {
            Ok(count) => {
                wake(&shared, count);
                waiting -= count;
            }
            Err(bad) => output.print(format_args!("{bad}\n")),
        }
    }
    // At the end of the input, or once nobody reads the output, no thread
    // may be left waiting, or the joins below would never return.
    wake(&shared, waiting);

    for handle in handles {
        handle.join().map_err(|_| "a waiting thread panicked")?;
    }
    let mut woken = shared.wakeups.lock().map_err(|_| "poisoned")?.woken.clone();
    woken.sort();
    output.print(format_args!("woken: {woken:?}\n"));
    match output.error() {
        Some(error) => Err(format!("cannot write to standard output: {error}").into()),
        None => Ok(()),
    }
}

// ANCHOR_END: main

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_up_to_the_waiting_threads_is_a_count() {
        assert_eq!(parse_count("3", 10), Ok(3));
        assert_eq!(parse_count("  7 ", 10), Ok(7));
        assert_eq!(parse_count("+2", 10), Ok(2));
        assert_eq!(parse_count("0", 10), Ok(0));
        assert_eq!(parse_count("-0", 10), Ok(0));
        assert_eq!(parse_count("10", 10), Ok(10));
    }

    #[test]
    fn a_blank_line_is_refused() {
        assert_eq!(parse_count("", 10), Err(BadCount::Blank));
        assert_eq!(parse_count(" \t", 10), Err(BadCount::Blank));
    }

    #[test]
    fn text_that_is_not_a_whole_number_is_refused() {
        for text in ["abc", "2.5", "1e3", "-", "+", "3 4", "\u{FFFD}"] {
            assert_eq!(
                parse_count(text, 10),
                Err(BadCount::NotANumber(text.to_string()))
            );
        }
    }

    #[test]
    fn a_negative_number_is_refused() {
        assert_eq!(
            parse_count("-1", 10),
            Err(BadCount::Negative("-1".to_string()))
        );
    }

    #[test]
    fn more_than_are_waiting_is_refused_even_past_usize() {
        assert_eq!(
            parse_count("11", 10),
            Err(BadCount::MoreThanWaiting {
                asked: "11".to_string(),
                waiting: 10
            })
        );
        let huge = "99999999999999999999999";
        assert_eq!(
            parse_count(huge, 8),
            Err(BadCount::MoreThanWaiting {
                asked: huge.to_string(),
                waiting: 8
            })
        );
    }

    #[test]
    fn whitespace_is_what_python_strips() {
        assert_eq!(parse_count("\u{1c}3\u{1f}", 10), Ok(3));
        assert_eq!(parse_count("\u{a0}3\u{3000}", 10), Ok(3));
        // Python's `int()` refuses more than 4,300 digits; the twin does not
        // call it on such a number, and neither refuses it as "not a number".
        let long = format!("1{}", "0".repeat(4300));
        assert_eq!(
            parse_count(&long, 10),
            Err(BadCount::MoreThanWaiting {
                asked: long.clone(),
                waiting: 10
            })
        );
        let padded = format!("{}3", "0".repeat(5000));
        assert_eq!(parse_count(&padded, 10), Ok(3));
    }

    #[test]
    fn a_long_line_is_shown_by_its_start() {
        assert_eq!(shown("12"), "12");
        let long = "9".repeat(4301);
        assert_eq!(shown(&long), format!("{}…", &long[..30]));
        assert_eq!(shown(&"é".repeat(31)), format!("{}…", "é".repeat(30)));
    }

    #[test]
    fn lines_end_at_a_newline_and_input_at_none() {
        let mut input: &[u8] = b"4\r\n\xff\nlast";
        assert_eq!(read_line(&mut input).unwrap(), Some("4".to_string()));
        assert_eq!(read_line(&mut input).unwrap(), Some("\u{FFFD}".to_string()));
        assert_eq!(read_line(&mut input).unwrap(), Some("last".to_string()));
        assert_eq!(read_line(&mut input).unwrap(), None);
    }
}
// ANCHOR_END: tests
