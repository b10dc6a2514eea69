//! The Rust side of Appendix B's benchmarks: `workload NAME [--size
//! full|tiny]` runs one workload and prints one JSON line per result, as
//! its Python twin in `bench/python/` does (see `bench::line`).
//!
//! A few subcommands are not workloads but the children some workloads
//! start: `noop`, `cpu-child LIMIT`, `pipe-child COUNT`.

mod counter;
mod cpu;
mod memory;
mod messages;
mod pool;
mod sleep;
mod startup;

use std::process::ExitCode;
use std::time::Instant;

use bench::line::{Line, Params, Size, Unit};
use serde_json::Value;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((name, rest)) = args.split_first() else {
        eprintln!("usage: workload NAME [--size full|tiny]");
        return ExitCode::FAILURE;
    };
    let result = match name.as_str() {
        "noop" => Ok(()),
        "cpu-child" => cpu::child(rest),
        "pipe-child" => messages::pipe_child(rest),
        workload => Size::from_args(rest).and_then(|size| match workload {
            "counter" => counter::run(size),
            "cpu" => cpu::run(size),
            "messages" => messages::run(size),
            "startup" => startup::run(size),
            "task-memory" => memory::tasks(size),
            "thread-memory" => memory::threads(size),
            "pool" => pool::run(size),
            "sleep" => sleep::run(size),
            _ => Err(format!("no workload named {workload}")),
        }),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("workload {name}: {message}");
            ExitCode::FAILURE
        }
    }
}

/// How long `work` takes, by the monotonic clock, if it succeeds.
fn seconds<T>(work: impl FnOnce() -> Result<T, String>) -> Result<f64, String> {
    let start = Instant::now();
    work()?;
    Ok(start.elapsed().as_secs_f64())
}

/// Prints a time, the number of items it covers and the parameters the
/// case ran with.
fn emit(case: &str, seconds: f64, items: u64, params: Params) {
    Line::print(case, seconds, Unit::Seconds, Some(items), params);
}

/// A case's parameters from a JSON object: `params(json!({"threads": 2}))`.
fn params(object: Value) -> Params {
    match object {
        Value::Object(map) => map.into_iter().collect(),
        other => panic!("parameters are an object, not {other}"),
    }
}

/// Stops the run when a workload did not do the work it was timed on.
fn check<T: PartialEq + std::fmt::Debug>(what: &str, got: T, expected: T) -> Result<(), String> {
    if got == expected {
        Ok(())
    } else {
        Err(format!("{what}: got {got:?}, expected {expected:?}"))
    }
}

/// A program started from this one: the same binary, as `workload ARGS`.
fn this_program() -> Result<std::process::Command, String> {
    let path = std::env::current_exe().map_err(|e| format!("cannot find this program: {e}"))?;
    Ok(std::process::Command::new(path))
}
