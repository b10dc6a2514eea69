//! The book's maintenance commands, run as `cargo xtask <command>`.
//!
//! - `outputs [--force] [NAME...]`: regenerate every listing's and probe's
//!   `output.txt` (or the named ones') from a real run, or a real failed
//!   compile. A probe runs with `python3`, then with every other CPython of
//!   the matrix found here that it runs on: where that version prints
//!   something `output.txt` does not allow, its run goes to
//!   `output-3.N.txt`, and an `output-3.N.txt` no longer needed is removed.
//!   A stored output that the new run still matches under its rules is
//!   kept as it is, unless `--force`.
//! - `serve`: build both editions and serve them at http://127.0.0.1:3000,
//!   rebuilding when a source changes.
//! - `build`: build the HTML of both editions into `book/` (Chinese under
//!   `book/zh-CN/`).
//! - `pdf`: build the site, then print each edition to a PDF beside its
//!   `print.html` with headless Chromium.
//! - `i18n update [LANGUAGE...]`: bring `po/<language>.po` up to date with
//!   the English source.
//! - `bench [--runs N] [--size full|tiny] [--out DIR] [--report-only]`:
//!   measure Appendix B's workloads, Rust against Python, and write the
//!   results, tables and charts into `src/benchmarks/` (see bench.rs).

mod bench;
mod book;

use std::fs;
use std::path::Path;
use std::process::ExitCode;

use harness::{
    CONCURRENT_RUNS, Interpreter, Kind, Listing, Probe, Rules, book_root, compare, target_dir,
};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("outputs") => outputs(&args[1..]),
        Some("serve") => book::serve(),
        Some("build") => book::build(),
        Some("pdf") => book::pdf(),
        Some("i18n") => book::i18n(&args[1..]),
        Some("bench") => bench::bench(&args[1..]),
        _ => Err(
            "usage: cargo xtask outputs [--force] [NAME...] | serve | build | pdf | i18n update | bench [OPTIONS]"
                .to_string(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// One thing `outputs` did to an output file (`Ok`, a line to print), or
/// why it could not (`Err`).
type Step = Result<String, String>;

fn outputs(args: &[String]) -> Result<(), String> {
    let force = args.iter().any(|arg| arg == "--force");
    let names: Vec<String> = args
        .iter()
        .filter(|arg| *arg != "--force")
        .cloned()
        .collect();
    let root = book_root();
    let listings = harness::discover(&root).map_err(|problems| problems.join("\n"))?;
    let probes = harness::discover_probes(&root).map_err(|problems| problems.join("\n"))?;
    let chosen: Vec<&Listing> = listings
        .iter()
        .filter(|l| names.is_empty() || names.contains(&l.name))
        .collect();
    let chosen_probes: Vec<&Probe> = probes
        .iter()
        .filter(|p| names.is_empty() || names.contains(&p.slug))
        .collect();
    if let Some(unknown) = names
        .iter()
        .find(|n| !listings.iter().any(|l| &&l.name == n) && !probes.iter().any(|p| &&p.slug == n))
    {
        return Err(format!("no listing or probe named {unknown}"));
    }
    // Compile-fail listings are outside the workspace; they build one by one.
    let packages: Vec<&str> = chosen
        .iter()
        .filter(|listing| !listing.is_compile_fail())
        .map(|listing| listing.name.as_str())
        .collect();
    if names.is_empty() || !packages.is_empty() {
        eprintln!("building the listings");
        harness::build_bins(&root, if names.is_empty() { &[] } else { &packages })?;
    }
    if !chosen_probes.is_empty() {
        for line in harness::missing_interpreters() {
            eprintln!("{line}");
        }
    }
    // Each step is printed as it is done; what comes back is the failures.
    let report = |name: &str, steps: Vec<Step>| -> usize {
        steps
            .into_iter()
            .filter(|step| match step {
                Ok(done) => {
                    eprintln!("{done}");
                    false
                }
                Err(e) => {
                    eprintln!("FAILED {name}: {e}");
                    true
                }
            })
            .count()
    };
    let failures: usize = harness::for_each_concurrently(&chosen, CONCURRENT_RUNS, |listing| {
        report(&listing.name, vec![regenerate(listing, force)])
    })
    .into_iter()
    .chain(harness::for_each_concurrently(
        &chosen_probes,
        CONCURRENT_RUNS,
        |probe| report(&probe.slug, regenerate_probe(probe, force)),
    ))
    .sum();
    if failures == 0 {
        Ok(())
    } else {
        Err(format!("{failures} output(s) left unchanged"))
    }
}

/// Writes `text` to `path`, unless `keep` (the stored file matches the new
/// run under its rules, so rewriting it would only churn) or it is already
/// exactly that.
fn store(path: &Path, text: &str, keep: bool) -> Step {
    let shown = shown(path);
    if keep {
        return Ok(format!(
            "kept {shown} (the new run matches it under its rules; --force rewrites it)"
        ));
    }
    if fs::read_to_string(path).is_ok_and(|stored| stored == text) {
        return Ok(format!("unchanged {shown}"));
    }
    fs::write(path, text).map_err(|e| format!("{shown}: {e}"))?;
    Ok(format!("wrote {shown}"))
}

/// `path` as from the book's root, where the reader types the commands.
fn shown(path: &Path) -> String {
    let root = book_root();
    path.strip_prefix(&root)
        .unwrap_or(path)
        .display()
        .to_string()
}

/// Whether the stored output `stored` (without its command line) still
/// holds for `printed` under `rules`.
fn still_matches(stored: Result<String, String>, printed: &str, rules: &Rules) -> bool {
    stored.is_ok_and(|stored| compare(&stored, printed, rules).is_ok())
}

/// Runs the probe on each CPython found that it runs on and stores the
/// outputs: `output.txt` from `python3` (or, for a probe that does not run
/// on `python3`'s version, from the oldest version it runs on), and
/// `output-3.N.txt` for a version whose run `output.txt` does not allow.
/// A version's file that is no longer needed is removed; one for a version
/// missing here is left as it is.
fn regenerate_probe(probe: &Probe, force: bool) -> Vec<Step> {
    let found: Vec<&Interpreter> = harness::interpreters()
        .iter()
        .filter(|python| probe.runs_on(python.version))
        .collect();
    let Some(&base) = found
        .iter()
        .min_by_key(|python| (!python.is_system(), python.version))
    else {
        return vec![Err(
            "none of the CPythons it runs on is installed here".into()
        )];
    };
    let run_on = |python: &Interpreter| -> Result<String, String> {
        let run = harness::run(probe.command(&python.path), None, probe.timeout)
            .map_err(|e| format!("on CPython {}: {e}", python.version))?;
        if !run.status.success() {
            return Err(format!(
                "on CPython {} it exited with {}:\n{}",
                python.version, run.status, run.output
            ));
        }
        Ok(run.output)
    };
    let mut steps = Vec::new();
    let general = match run_on(base) {
        Ok(printed) => {
            let keep = !force && still_matches(probe.expected_output(), &printed, &probe.rules);
            let text = format!("{}\n{printed}", probe.command_line());
            steps.push(store(&probe.output_path(), &text, keep));
            probe.expected_output()
        }
        Err(e) => Err(e),
    };
    let general = match general {
        Ok(general) => general,
        Err(e) => {
            steps.push(Err(e));
            return steps;
        }
    };
    for &python in &found {
        let own = probe.version_output_path(python.version);
        if python == base {
            steps.extend(remove(&own, "output.txt is its run"));
            continue;
        }
        let printed = match run_on(python) {
            Ok(printed) => printed,
            Err(e) => {
                steps.push(Err(e));
                continue;
            }
        };
        if compare(&general, &printed, &probe.rules).is_ok() {
            steps.extend(remove(&own, "output.txt allows its run"));
            continue;
        }
        let keep = !force
            && own.is_file()
            && still_matches(
                probe.expected_output_on(python.version),
                &printed,
                &probe.rules,
            );
        let text = format!("{}\n{printed}", probe.version_command_line(python.version));
        steps.push(store(&own, &text, keep));
    }
    let admitted: Vec<_> = probe
        .versions()
        .into_iter()
        .map(|version| probe.version_output_path(version))
        .collect();
    for stray in probe.output_files().into_iter().skip(1) {
        if !admitted.contains(&stray) {
            steps.extend(remove(&stray, "the probe does not run on that version"));
        }
    }
    steps
}

/// Removes `path` if it is there, saying `why`.
fn remove(path: &Path, why: &str) -> Option<Step> {
    path.is_file().then(|| {
        fs::remove_file(path).map_err(|e| format!("{}: {e}", shown(path)))?;
        Ok(format!("removed {} ({why})", shown(path)))
    })
}

fn regenerate(listing: &Listing, force: bool) -> Step {
    let (printed, keep) = match &listing.kind {
        Kind::Runnable { timeout, rules, .. } => {
            let run = harness::run(listing.command(), listing.stdin(), *timeout)
                .map_err(|e| e.to_string())?;
            if !run.status.success() {
                return Err(format!("exited with {}:\n{}", run.status, run.output));
            }
            let keep = !force && still_matches(listing.expected_output(), &run.output, rules);
            (run.output, keep)
        }
        Kind::CompileFail { code } => {
            let (built, said) =
                harness::build_compile_fail(&listing.dir, &target_dir().join("compile-fail"))
                    .map_err(|e| e.to_string())?;
            if built || !said.contains(&format!("error[{code}]")) {
                return Err(format!(
                    "should fail with {code}, but the compiler said:\n{said}"
                ));
            }
            // No rules: the compiler's words are the output.
            (said, false)
        }
    };
    let text = format!("{}\n{printed}", listing.command_line());
    store(&listing.output_path(), &text, keep)
}
