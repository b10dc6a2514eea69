use std::error::Error;
use std::io::{self, ErrorKind};
use std::os::unix::net::UnixStream;
use std::thread;
use std::time::Duration;

// The producer puts all five at once and the consumer takes 0.3 s over
// each, so every "produced" line comes before the first "ate" line.
const ITEMS: u32 = 5;
const EATING: Duration = Duration::from_millis(300);

// The producer's side of a joinable queue: items go one way over the
// socket, and a `task_done` comes back for each.
struct Producer {
    stream: UnixStream,
    unfinished: u32,
}

impl Producer {
    fn put(&mut self, item: &str) -> io::Result<()> {
        framed::send(&mut self.stream, item)?;
        self.unfinished += 1;
        Ok(())
    }

    // Returns once a `task_done` has come back for every item put.
    fn join(&mut self) -> io::Result<()> {
        while self.unfinished > 0 {
            let () = framed::recv(&mut self.stream)?.ok_or_else(|| {
                io::Error::new(ErrorKind::UnexpectedEof, "the consumer left early")
            })?;
            self.unfinished -= 1;
        }
        Ok(())
    }
}

struct Consumer {
    stream: UnixStream,
}

impl Consumer {
    // `None` once the producer has closed its end: nothing more will come.
    fn get(&mut self) -> io::Result<Option<String>> {
        framed::recv(&mut self.stream)
    }

    fn task_done(&mut self) -> io::Result<()> {
        framed::send(&mut self.stream, &())
    }
}

fn produce(mut queue: Producer, name: &str, food: &str) -> io::Result<()> {
    for number in 1..=ITEMS {
        println!("{name}生产了一个{food}");
        queue.put(&format!("{food}{number}"))?;
    }
    queue.join()?;
    println!("{name}: join returned, all {ITEMS} eaten");
    Ok(())
}

fn consume(mut queue: Consumer, name: &str) -> io::Result<()> {
    while let Some(food) = queue.get()? {
        thread::sleep(EATING);
        println!("{name}吃了{food}");
        queue.task_done()?;
    }
    Ok(())
}

fn main() -> Result<(), Box<dyn Error>> {
    let (producer_end, consumer_end) = UnixStream::pair()?;
    let queue = Producer {
        stream: producer_end,
        unfinished: 0,
    };
    let mut consumer_end = Some(consumer_end);
    // The closure owns the producer's end, so once it is forked the
    // parent's copy closes with it. The consumer, forked next, never holds
    // that end, and sees the stream end when the producer exits. The
    // producer, in turn, closes the copy of the consumer's end that the fork
    // gave it, so that its `join` sees the stream end if the consumer dies.
    // SAFETY: this process has a single thread.
    let producer = unsafe {
        forked::start(|| {
            drop(consumer_end.take());
            produce(queue, "喜洋洋", "包子")
        })
    }?;
    let queue = Consumer {
        stream: consumer_end
            .take()
            .expect("only the producer's copy was closed"),
    };
    // SAFETY: as above.
    let consumer = unsafe { forked::start(move || consume(queue, "灰太狼")) }?;
    forked::join(producer)?;
    forked::join(consumer)?;
    Ok(())
}
