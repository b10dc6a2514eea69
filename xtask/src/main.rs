//! The book's maintenance commands, run as `cargo xtask <command>`.
//!
//! - `outputs [NAME...]`: regenerate every listing's and probe's
//!   `output.txt` (or the named ones') from a real run, or a real failed
//!   compile.
//! - `serve`: build the book and serve it at http://localhost:3000 with
//!   the pinned mdBook, installing it first when missing.
//! - `build`: build the HTML into `book/` with the pinned mdBook.
//! - `bench [--runs N] [--size full|tiny] [--out DIR] [--report-only]`:
//!   measure Appendix B's workloads, Rust against Python, and write the
//!   results, tables and charts into `src/benchmarks/` (see bench.rs).

mod bench;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use harness::{Kind, Listing, Probe, SYSTEM_PYTHON, book_root, target_dir};

/// The mdBook the book is written for; the tests build it with the
/// `mdbook-driver` library of the same version (root Cargo.toml).
const MDBOOK_VERSION: &str = "0.5.4";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("outputs") => outputs(&args[1..]),
        Some("serve") => mdbook("serve"),
        Some("build") => mdbook("build"),
        Some("bench") => bench::bench(&args[1..]),
        _ => Err(
            "usage: cargo xtask outputs [LISTING...] | serve | build | bench [OPTIONS]".to_string(),
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

/// Runs `mdbook <command>` in the book's root with the pinned version,
/// installing it under `target/tools` when the one on PATH differs.
fn mdbook(command: &str) -> Result<(), String> {
    let root = book_root();
    let tools = target_dir().join("tools");
    let installed = tools.join("bin").join("mdbook");
    let program = [PathBuf::from("mdbook"), installed.clone()]
        .into_iter()
        .find(|program| is_pinned_version(program));
    let program = match program {
        Some(program) => program,
        None => {
            eprintln!(
                "installing mdBook {MDBOOK_VERSION} into {}",
                tools.display()
            );
            let status = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
                .args(["install", "mdbook", "--locked", "--version"])
                .arg(format!("={MDBOOK_VERSION}"))
                .arg("--root")
                .arg(&tools)
                .status()
                .map_err(|e| format!("cannot run cargo install: {e}"))?;
            if !status.success() {
                return Err("cargo install mdbook failed".into());
            }
            installed
        }
    };
    let status = Command::new(&program)
        .arg(command)
        .current_dir(&root)
        .status()
        .map_err(|e| format!("cannot run {}: {e}", program.display()))?;
    status
        .success()
        .then_some(())
        .ok_or_else(|| format!("mdbook {command} failed"))
}

fn is_pinned_version(program: &Path) -> bool {
    Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|out| {
            String::from_utf8_lossy(&out.stdout).trim() == format!("mdbook v{MDBOOK_VERSION}")
        })
}
