//! Every probe prints its `output.txt`: what the text says CPython or Linux
//! does, where no listing shows it, is shown by a run on every `cargo test`.

use std::path::PathBuf;
use std::time::Instant;

use harness::{SYSTEM_PYTHON, book_root, compare, for_each_concurrently, run};

/// Probes mostly wait on processes and threads, as listings do.
const CONCURRENT_RUNS: usize = 8;

#[test]
fn every_probe_prints_its_output_txt() {
    let mut probes = harness::discover_probes(&book_root())
        .unwrap_or_else(|problems| panic!("malformed probes:\n{}", problems.join("\n")));
    probes.retain(|probe| {
        let missing = probe.missing_programs();
        if !missing.is_empty() {
            eprintln!(
                "SKIPPED probe {}: it runs {}, which this machine lacks",
                probe.slug,
                missing.join(", ")
            );
        }
        missing.is_empty()
    });
    let python = PathBuf::from(SYSTEM_PYTHON);
    let started = Instant::now();
    let failures: Vec<String> = for_each_concurrently(&probes, CONCURRENT_RUNS, |probe| {
        let expected = probe.expected_output()?;
        let run = run(probe.command(&python), None, probe.timeout)
            .map_err(|e| format!("probe {} {e}", probe.slug))?;
        if !run.status.success() {
            return Err(format!(
                "probe {} exited with {}; it printed:\n{}",
                probe.slug, run.status, run.output
            ));
        }
        compare(&expected, &run.output, &probe.rules).map_err(|diff| {
            format!(
                "probe {} no longer shows what the book claims ({}):\n{diff}",
                probe.slug, probe.claim
            )
        })
    })
    .into_iter()
    .filter_map(Result::err)
    .collect();
    eprintln!(
        "{} probes in {:.1} s of wall time",
        probes.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

#[test]
fn every_probe_has_a_used_output_rule() {
    let probes = harness::discover_probes(&book_root())
        .unwrap_or_else(|problems| panic!("malformed probes:\n{}", problems.join("\n")));
    let mut problems = Vec::new();
    for probe in &probes {
        match probe.expected_output() {
            Ok(expected) => {
                problems.extend(
                    probe.rules.unused_patterns(&expected).into_iter().map(|p| {
                        format!("probe {}: varies pattern `{p}` matches nothing", probe.slug)
                    }),
                )
            }
            Err(e) => problems.push(e),
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}
