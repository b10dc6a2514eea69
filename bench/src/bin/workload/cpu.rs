//! Workload 2: one CPU-bound function four times, serially, on four
//! threads, in four processes and with rayon. The items are Collatz steps:
//! the twin takes far fewer, so the two sides are compared per step.
//!
//! Timed, for every case: from before the first call (and before its
//! threads or processes are started) until the last result is in hand,
//! the threads joined or the processes waited for.

use std::hint::black_box;
use std::process::Stdio;
use std::thread;

use bench::line::{Line, Size, Unit};
use rayon::prelude::*;
use serde_json::json;

use crate::{check, emit, params, seconds, this_program};

const CALLS: usize = 4;

/// Total Collatz steps from every start in 1..=limit down to 1: integer
/// work whose loop a compiler cannot fold away. The same function as the
/// twin's, so both sides do the same work.
///
/// Never inlined: every case then calls one compiled copy, and differs
/// from the others only in how it spreads the calls. (Inlined into rayon's
/// closure, the loop compiled to code a third slower than the serial one.)
#[inline(never)]
fn collatz_steps(limit: u64) -> u64 {
    let mut total = 0;
    for start in 1..=limit {
        let mut n = start;
        while n != 1 {
            n = if n % 2 == 0 { n / 2 } else { 3 * n + 1 };
            total += 1;
        }
    }
    total
}

type Case = fn(u64) -> Result<Vec<u64>, String>;

pub fn run(size: Size) -> Result<(), String> {
    // Large enough that a parallel run lasts 0.3 s on two cores, so that
    // starting threads or processes is a small part of it.
    let limit = size.pick(1_200_000, 100);
    let cores = thread::available_parallelism().map_or(1, |n| n.get());
    Line::print("cores", cores as f64, Unit::Count, None, params(json!({})));
    let common = json!({ "calls": CALLS, "collatz_limit": limit });
    let with = |name: &str, workers: usize| {
        let mut ran_with = params(common.clone());
        ran_with.insert(name.into(), workers.into());
        ran_with
    };
    let cases: [(&str, Case, _); 4] = [
        ("serial", serially, params(common.clone())),
        ("threads", on_threads, with("threads", CALLS)),
        ("processes", in_processes, with("processes", CALLS)),
        (
            "rayon",
            with_rayon,
            with("threads", rayon::current_num_threads()),
        ),
    ];
    let expected = vec![collatz_steps(limit); CALLS];
    let steps = expected.iter().sum();
    for (_, case, _) in &cases {
        case(limit / 100)?;
    }
    for (name, case, ran_with) in cases {
        let mut results = Vec::new();
        let elapsed = seconds(|| case(limit).map(|done| results = done))?;
        check(name, results, expected.clone())?;
        emit(name, elapsed, steps, ran_with);
    }
    Ok(())
}

// `black_box` keeps the compiler from computing one call and reusing it
// for the other three: every call must do the work.
fn serially(limit: u64) -> Result<Vec<u64>, String> {
    Ok((0..CALLS)
        .map(|_| collatz_steps(black_box(limit)))
        .collect())
}

fn on_threads(limit: u64) -> Result<Vec<u64>, String> {
    thread::scope(|scope| {
        let workers: Vec<_> = (0..CALLS)
            .map(|_| scope.spawn(move || collatz_steps(black_box(limit))))
            .collect();
        workers
            .into_iter()
            .map(|worker| worker.join().map_err(|_| "a worker panicked".to_string()))
            .collect()
    })
}

fn in_processes(limit: u64) -> Result<Vec<u64>, String> {
    let children = (0..CALLS)
        .map(|_| {
            this_program()?
                .args(["cpu-child", &limit.to_string()])
                .stdout(Stdio::piped())
                .spawn()
                .map_err(|e| format!("cannot start a child: {e}"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    children
        .into_iter()
        .map(|child| {
            let output = child
                .wait_with_output()
                .map_err(|e| format!("cannot wait for a child: {e}"))?;
            let text = String::from_utf8_lossy(&output.stdout);
            match text.trim().parse() {
                Ok(steps) if output.status.success() => Ok(steps),
                _ => Err(format!("a child ({}) printed {text:?}", output.status)),
            }
        })
        .collect()
}

fn with_rayon(limit: u64) -> Result<Vec<u64>, String> {
    Ok((0..CALLS)
        .into_par_iter()
        .map(|_| collatz_steps(black_box(limit)))
        .collect())
}

/// `workload cpu-child LIMIT`: one call, its result on standard output.
pub fn child(args: &[String]) -> Result<(), String> {
    let [limit] = args else {
        return Err("usage: workload cpu-child LIMIT".into());
    };
    let limit = limit
        .parse()
        .map_err(|e| format!("not a limit: {limit:?} ({e})"))?;
    println!("{}", collatz_steps(limit));
    Ok(())
}
