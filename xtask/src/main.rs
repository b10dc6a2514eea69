//! The book's maintenance commands, run as `cargo xtask <command>`.
//!
//! - `outputs [NAME...]`: regenerate every listing's and probe's
//!   `output.txt` (or the named ones') from a real run, or a real failed
//!   compile.
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
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use harness::{Kind, Listing, Probe, SYSTEM_PYTHON, book_root, target_dir};

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
            "usage: cargo xtask outputs [NAME...] | serve | build | pdf | i18n update | bench [OPTIONS]"
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

fn outputs(names: &[String]) -> Result<(), String> {
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
    let report = |path: PathBuf, name: &str, result: Result<(), String>| {
        match &result {
            Ok(()) => eprintln!("wrote {}", path.display()),
            Err(e) => eprintln!("FAILED {name}: {e}"),
        }
        result.err()
    };
    let mut failures: Vec<String> = harness::for_each_concurrently(&chosen, 8, |listing| {
        report(listing.output_path(), &listing.name, regenerate(listing))
    })
    .into_iter()
    .flatten()
    .collect();
    failures.extend(
        harness::for_each_concurrently(&chosen_probes, 8, |probe| {
            report(probe.output_path(), &probe.slug, regenerate_probe(probe))
        })
        .into_iter()
        .flatten(),
    );
    if failures.is_empty() {
        Ok(())
    } else {
        Err(format!("{} output(s) left unchanged", failures.len()))
    }
}

fn regenerate_probe(probe: &Probe) -> Result<(), String> {
    let run = harness::run(probe.command(Path::new(SYSTEM_PYTHON)), None, probe.timeout)
        .map_err(|e| e.to_string())?;
    if !run.status.success() {
        return Err(format!("exited with {}:\n{}", run.status, run.output));
    }
    let text = format!("{}\n{}", probe.command_line(), run.output);
    fs::write(probe.output_path(), text).map_err(|e| e.to_string())
}

fn regenerate(listing: &Listing) -> Result<(), String> {
    let printed = match &listing.kind {
        Kind::Runnable { timeout, .. } => {
            let run = harness::run(listing.command(), listing.stdin(), *timeout)
                .map_err(|e| e.to_string())?;
            if !run.status.success() {
                return Err(format!("exited with {}:\n{}", run.status, run.output));
            }
            run.output
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
            said
        }
    };
    let text = format!("{}\n{printed}", listing.command_line());
    fs::write(listing.output_path(), text).map_err(|e| e.to_string())
}
