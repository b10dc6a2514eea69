use std::cell::Cell;
use std::error::Error;
use std::pin::{Pin, pin};
use std::task::{Context, Poll, Waker};

/// Where the producer and the consumer pass values: `send` leaves `n` here,
/// and the consumer's `yield` leaves `r`.
#[derive(Default)]
struct Exchange {
    sent: Cell<Option<u32>>,
    yielded: Cell<Option<&'static str>>,
}

impl Exchange {
    /// `n = yield r`: hands `r` out, pauses, and gives back what was sent.
    fn yield_value(&self, r: &'static str) -> Yield<'_> {
        Yield {
            exchange: self,
            r: Some(r),
        }
    }
}

struct Yield<'a> {
    exchange: &'a Exchange,
    r: Option<&'static str>,
}

impl Future for Yield<'_> {
    type Output = Option<u32>;

    fn poll(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<u32>> {
        match self.r.take() {
            // Polled the first time: hand `r` out and pause the whole
            // `async fn` that awaits this.
            Some(r) => {
                self.exchange.yielded.set(Some(r));
                Poll::Pending
            }
            // Polled again: the producer has sent the next value.
            None => Poll::Ready(self.exchange.sent.take()),
        }
    }
}

async fn consumer(exchange: &Exchange) {
    let mut r = "";
    loop {
        let n = exchange.yield_value(r).await;
        // `if not n: return`, and `not n` holds for 0 as for None.
        let Some(n) = n.filter(|&n| n != 0) else {
            return;
        };
        println!("[CONSUMER] Consuming {n}...");
        r = "200 OK";
    }
}

/// Python's `send`: runs the consumer on to its next pause and returns what
/// it yields there, or `None` if it returned instead (`StopIteration`).
fn send(
    consumer: Pin<&mut impl Future<Output = ()>>,
    exchange: &Exchange,
    n: Option<u32>,
) -> Option<&'static str> {
    exchange.sent.set(n);
    // Nothing in the consumer waits for I/O or a timer, so nothing will
    // need to wake it: the producer polls it again when it has a value.
    match consumer.poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Pending => exchange.yielded.take(),
        Poll::Ready(()) => None,
    }
}

fn produce(consumer: impl Future<Output = ()>, exchange: &Exchange) -> Result<(), &'static str> {
    let mut consumer = pin!(consumer);
    // Runs the consumer to its first `yield`, as `c.send(None)` does.
    send(consumer.as_mut(), exchange, None).ok_or("the consumer returned at once")?;
    for n in 1..=5 {
        println!("[PRODUCER] Producing {n}...");
        let r = send(consumer.as_mut(), exchange, Some(n)).ok_or("the consumer returned")?;
        println!("[PRODUCER] Consumer return: {r}");
    }
    Ok(())
} // The paused consumer is dropped here, never to run again: `c.close()`.

fn main() -> Result<(), Box<dyn Error>> {
    let exchange = Exchange::default();
    produce(consumer(&exchange), &exchange)?;
    Ok(())
}
