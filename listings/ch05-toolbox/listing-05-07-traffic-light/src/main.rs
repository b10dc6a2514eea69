use std::thread;
use std::time::{Duration, Instant};

use event::Event;

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
fn light(green: &Event, start: Instant) {
    for phase in 1..=3 {
        sleep_until(start + PHASE * phase);
        if green.is_set() {
            green.clear();
            println!("{RED}红灯亮了{RESET}");
        } else {
            // Announce first, then let the cars go, so the announcement
            // always comes before the cars that it releases.
            println!("{GREEN}绿灯亮了{RESET}");
            green.set();
        }
    }
}

fn car(green: &Event, number: u32) {
    if !green.is_set() {
        println!("car{number}在等待");
        green.wait();
    }
    println!("{GREEN_ON_BLACK}car{number}通过{RESET}");
}

fn main() {
    let green = Event::new();
    let start = Instant::now();
    thread::scope(|scope| {
        scope.spawn(|| light(&green, start));
        for number in 0..CARS {
            sleep_until(start + PHASE / 2 + PHASE * number);
            let green = &green;
            scope.spawn(move || car(green, number));
        }
    });
}
