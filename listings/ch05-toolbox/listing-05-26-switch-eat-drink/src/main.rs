use std::error::Error;

use tokio::sync::mpsc::{self, Receiver, Sender};

const ROUNDS: usize = 5;

/// One side of an explicit hand-off between two tasks: at any moment only
/// the side that holds the turn runs, as only one greenlet runs.
struct Turn {
    to_other: Sender<()>,
    mine: Receiver<()>,
}

impl Turn {
    fn pair() -> (Turn, Turn) {
        let (to_second, for_second) = mpsc::channel(1);
        let (to_first, for_first) = mpsc::channel(1);
        let first = Turn {
            to_other: to_second,
            mine: for_first,
        };
        let second = Turn {
            to_other: to_first,
            mine: for_second,
        };
        (first, second)
    }

    /// Waits until the other side hands the turn over; `false` once the
    /// other side has finished and never will.
    async fn wait(&mut self) -> bool {
        self.mine.recv().await.is_some()
    }

    /// `other.switch()`: hands the turn over and waits for it to come back.
    async fn switch(&mut self) -> bool {
        self.to_other.send(()).await.is_ok() && self.wait().await
    }
}

async fn eat(mut turn: Turn) {
    for _ in 0..ROUNDS {
        println!("eat");
        if !turn.switch().await {
            break;
        }
    }
}

async fn drink(mut turn: Turn) {
    let mut has_turn = turn.wait().await;
    while has_turn {
        println!("drink");
        has_turn = turn.switch().await;
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn Error>> {
    let (eat_turn, drink_turn) = Turn::pair();
    let drinker = tokio::spawn(drink(drink_turn));
    // Like the first `switch()` into a greenlet: eat starts here, and main
    // goes on once eat has returned.
    eat(eat_turn).await;
    println!("back in main");
    drinker.await?;
    Ok(())
}
