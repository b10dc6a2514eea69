//! Every probe prints its `output.txt`: what the text says CPython or Linux
//! does, where no listing shows it, is shown by a run on every `cargo test`,
//! on every CPython of the matrix found here that the probe runs on.

use std::time::Instant;

use harness::{
    CONCURRENT_RUNS, Interpreter, Probe, book_root, compare, for_each_concurrently, run,
};

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
    for line in harness::missing_interpreters() {
        eprintln!("{line}");
    }
    // Version by version, so that one probe's runs on the three versions
    // seldom overlap and load the machine alike.
    let runs: Vec<(&Probe, &Interpreter)> = harness::interpreters()
        .iter()
        .flat_map(|python| {
            probes
                .iter()
                .filter(|probe| probe.runs_on(python.version))
                .map(move |probe| (probe, python))
        })
        .collect();
    let started = Instant::now();
    let failures: Vec<String> =
        for_each_concurrently(&runs, CONCURRENT_RUNS, |&(probe, python)| {
            let on = format!("probe {} on CPython {}", probe.slug, python.version);
            let expected = probe
                .expected_output_on(python.version)
                .map_err(|e| format!("{on}: {e}"))?;
            let run = run(probe.command(&python.path), None, probe.timeout)
                .map_err(|e| format!("{on} {e}"))?;
            if !run.status.success() {
                return Err(format!(
                    "{on} exited with {}; it printed:\n{}",
                    run.status, run.output
                ));
            }
            compare(&expected, &run.output, &probe.rules).map_err(|diff| {
                format!(
                    "{on} no longer shows what the book claims ({}):\n{diff}",
                    probe.claim
                )
            })
        })
        .into_iter()
        .filter_map(Result::err)
        .collect();
    eprintln!(
        "{} runs of {} probes in {:.1} s of wall time",
        runs.len(),
        probes.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

/// Every output file is the one its name says and is needed, and every
/// `varies` pattern matches some line of them.
#[test]
fn every_probe_has_a_used_output_rule() {
    let probes = harness::discover_probes(&book_root())
        .unwrap_or_else(|problems| panic!("malformed probes:\n{}", problems.join("\n")));
    let problems: Vec<String> = probes.iter().flat_map(Probe::output_problems).collect();
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}
