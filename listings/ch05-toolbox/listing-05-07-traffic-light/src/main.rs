use std::error::Error;
use std::io;
use std::thread;
use std::time::{Duration, Instant};

use shared_event::SharedEvent;

// Green and red last a second each. Cars arrive half-way through a phase,
// half a second away from any change of the light, so which ones wait does
// not depend on how fast the machine is.
const PHASE: Duration = Duration::from_secs(1);
const CARS: u32 = 4;

const GREEN: &str = "\x1b[32m";
const RED: &str = "\x1b[31m";
const GREEN_ON_BLACK: &str = "\x1b[0;32;40m";
const RESET: &str = "\x1b[0m";

fn sleep_until(deadline: Instant) {
    thread::sleep(deadline.saturating_duration_since(Instant::now()));
}

// Red, green, red, green, and then the light stays green, so that no car
// can be left waiting when it stops.
fn light(green: &SharedEvent, start: Instant) -> io::Result<()> {
    for phase in 1..=3 {
        sleep_until(start + PHASE * phase);
        if green.is_set()? {
            green.clear()?;
            println!("{RED}红灯亮了{RESET}");
        } else {
            // Announce first, then let the cars go, so the announcement
            // always comes before the cars that it releases.
            println!("{GREEN}绿灯亮了{RESET}");
            green.set()?;
        }
    }
    Ok(())
}

fn car(green: &SharedEvent, number: u32) -> io::Result<()> {
    if !green.is_set()? {
        println!("car{number}在等待");
        green.wait(None)?;
    }
    println!("{GREEN_ON_BLACK}car{number}通过{RESET}");
    Ok(())
}

fn main() -> Result<(), Box<dyn Error>> {
    // Made before the first fork, so that every child maps the same
    // semaphores.
    let green = SharedEvent::new()?;
    // `Instant` reads the monotonic clock, which a forked child shares.
    let start = Instant::now();
    // SAFETY: this process has a single thread, at this fork and each one
    // below.
    let light_child = unsafe { forked::start(|| light(&green, start)) }?;
    let mut cars = Vec::new();
    for number in 0..CARS {
        sleep_until(start + PHASE / 2 + PHASE * number);
        // SAFETY: as above.
        cars.push(unsafe { forked::start(|| car(&green, number)) }?);
    }
    let light_ended = forked::join(light_child);
    // A light that failed before its last green would leave a waiting car
    // waiting forever, still there after this process had exited: let every
    // car go, whatever became of the light.
    green.set()?;
    for car_child in cars {
        forked::join(car_child)?;
    }
    Ok(light_ended?)
}
