use std::thread;
use std::time::Duration;

const PAUSE: Duration = Duration::from_millis(500);
const ROUNDS: usize = 3;

/// Where a generator stopped: Python keeps this for you in the generator
/// object; here it is a value we can see.
enum State {
    NotStarted,
    AfterYield,
}

/// `def repeat(word): while True: print(word); yield; time.sleep(0.5)`,
/// written out as the state machine Python builds from it.
struct Repeat {
    word: &'static str,
    state: State,
}

impl Repeat {
    fn new(word: &'static str) -> Repeat {
        Repeat {
            word,
            state: State::NotStarted,
        }
    }
}

impl Iterator for Repeat {
    type Item = ();

    fn next(&mut self) -> Option<()> {
        // Resuming after the `yield` runs the sleep, then loops to the print.
        if let State::AfterYield = self.state {
            thread::sleep(PAUSE);
        }
        println!("{}", self.word);
        self.state = State::AfterYield;
        Some(())
    }
}

fn main() {
    let mut eat = Repeat::new("eat");
    let mut drink = Repeat::new("drink");
    for _ in 0..ROUNDS {
        eat.next();
        drink.next();
    }
}
