//! Every benchmark program, Rust and Python (on each CPython the appendix
//! compares, as the harness finds them), runs once at a tiny size and
//! prints exactly its cases, well formed. Nothing here is about speed.

use std::path::Path;
use std::thread;
use std::time::Duration;

use bench::catalogue::{Language, PYTHONS, WORKLOADS};
use bench::line::Size;
use bench::runner;

fn every_program_prints_its_cases(language: Language, executable: &Path, side: &str) {
    let programs: Vec<_> = WORKLOADS.iter().flat_map(|w| w.programs).collect();
    let failures: Vec<String> = thread::scope(|scope| {
        let runs: Vec<_> = programs
            .iter()
            .map(|program| {
                scope.spawn(move || {
                    let what = format!("{side} {}", program.name());
                    let command = program.command(language, executable, Size::Tiny);
                    let finished = runner::run(&what, command, Duration::from_secs(60))?;
                    if !finished.stderr.is_empty() {
                        return Err(format!("{what} wrote to stderr:\n{}", finished.stderr));
                    }
                    program
                        .read(language, &finished.stdout)
                        .map(|_| ())
                        .map_err(|e| format!("{what}: {e}\n{}", finished.stdout))
                })
            })
            .collect();
        runs.into_iter()
            .filter_map(|run| run.join().expect("the runner does not panic").err())
            .collect()
    });
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_rust_program_prints_well_formed_results() {
    let binary = Path::new(env!("CARGO_BIN_EXE_workload"));
    every_program_prints_its_cases(Language::Rust, binary, "Rust");
}

#[test]
fn every_python_twin_prints_well_formed_results_on_each_cpython() {
    let found = harness::interpreters();
    for version in PYTHONS {
        match found.iter().find(|i| i.version.to_string() == *version) {
            Some(python) => {
                let side = format!("Python {version}");
                every_program_prints_its_cases(Language::Python, &python.path, &side);
            }
            // As the harness does for every twin: a version this machine
            // lacks is skipped, and said to be.
            None => eprintln!("SKIPPED CPython {version}: not on this machine"),
        }
    }
}
