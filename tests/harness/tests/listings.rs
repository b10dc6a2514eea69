//! Every listing builds, runs and prints its `output.txt`; every Python twin
//! prints the same, on every CPython of the matrix found here; every
//! compile-fail listing still fails as the book says.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use harness::{
    CONCURRENT_RUNS, Kind, Listing, PythonVersion, Rules, RunError, book_root, compare,
    for_each_concurrently, run, target_dir,
};

fn listings() -> Vec<Listing> {
    harness::discover(&book_root())
        .unwrap_or_else(|problems| panic!("malformed listings:\n{}", problems.join("\n")))
}

/// The listings whose name contains `BOOK_LISTINGS`, or all of them: while
/// writing a chapter, `BOOK_LISTINGS=listing-02- cargo test` runs just its
/// listings and twins.
fn chosen_listings() -> Vec<Listing> {
    let only = std::env::var("BOOK_LISTINGS").unwrap_or_default();
    listings()
        .into_iter()
        .filter(|listing| listing.name.contains(&only))
        .collect()
}

/// Its output rules and time limit, for a runnable listing.
fn runnable(listing: &Listing) -> Option<(&Rules, Duration)> {
    match &listing.kind {
        Kind::Runnable { rules, timeout, .. } => Some((rules, *timeout)),
        Kind::CompileFail { .. } => None,
    }
}

/// Runs `command` and compares what it prints with the listing's output;
/// how long the run took.
fn check(
    listing: &Listing,
    rules: &Rules,
    limit: Duration,
    command: Command,
    what: &str,
) -> Result<Duration, String> {
    let expected = listing.expected_output()?;
    let run = run(command, listing.stdin(), limit)
        .map_err(|e: RunError| format!("{} ({what}) {e}", listing.name))?;
    if !run.status.success() {
        return Err(format!(
            "{} ({what}) exited with {}; it printed:\n{}",
            listing.name, run.status, run.output
        ));
    }
    compare(&expected, &run.output, rules).map_err(|diff| {
        format!(
            "{} ({what}) printed something else than output.txt:\n{diff}",
            listing.name
        )
    })?;
    Ok(run.elapsed)
}

/// Runs each job (a runnable listing, with what runs it) with `command`,
/// several at a time, and fails with every mismatch at once, each naming
/// its listing and `what` ran it; how long each listing's run took.
fn check_all<W: Sync>(
    jobs: &[(&Listing, W)],
    what: impl Fn(&W) -> String + Sync,
    command: impl Fn(&Listing, &W) -> Command + Sync,
) -> BTreeMap<String, Duration> {
    let started = Instant::now();
    let results = for_each_concurrently(jobs, CONCURRENT_RUNS, |(listing, with)| {
        let (rules, limit) = runnable(listing).expect("only runnable listings are run");
        check(listing, rules, limit, command(listing, with), &what(with))
    });
    let mut times = BTreeMap::new();
    let mut failures = Vec::new();
    for ((listing, _), result) in jobs.iter().zip(results) {
        match result {
            Ok(took) => {
                times.insert(listing.name.clone(), took);
            }
            Err(failure) => failures.push(failure),
        }
    }
    eprintln!(
        "{} runs in {:.1} s of wall time",
        jobs.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
    times
}

#[test]
fn every_listing_prints_its_output_txt() {
    // Building only the chosen listings keeps a broken listing elsewhere
    // from failing a run filtered with BOOK_LISTINGS.
    let chosen = chosen_listings();
    let packages: Vec<&str> = if std::env::var_os("BOOK_LISTINGS").is_some() {
        chosen
            .iter()
            .filter(|listing| !listing.is_compile_fail())
            .map(|listing| listing.name.as_str())
            .collect()
    } else {
        Vec::new()
    };
    harness::build_bins(&book_root(), &packages).unwrap_or_else(|e| panic!("{e}"));
    let jobs: Vec<(&Listing, ())> = chosen
        .iter()
        .filter(|listing| runnable(listing).is_some())
        .map(|listing| (listing, ()))
        .collect();
    let times = check_all(
        &jobs,
        |()| "cargo run".into(),
        |listing, ()| listing.command(),
    );

    // A Run button is only offered where the program ends quickly enough
    // for the playground: these runs are the measure.
    let chapters = harness::html::chapters(&book_root().join("src"));
    let (_, buttons) = harness::html::check_code_blocks(&chapters, &listings());
    let slow = harness::html::check_run_times(&buttons, &times);
    eprintln!(
        "{} Run buttons; the slowest listing with one took {:.2} s",
        buttons.len(),
        buttons
            .iter()
            .filter_map(|b| times.get(&b.listing))
            .max()
            .map_or(0.0, Duration::as_secs_f64)
    );
    assert!(slow.is_empty(), "\n{}", slow.join("\n"));
}

#[test]
fn every_twin_prints_what_its_listing_prints() {
    let chosen = chosen_listings();
    for line in harness::missing_interpreters() {
        eprintln!("{line}");
    }
    let requirements: BTreeSet<String> = chosen
        .iter()
        .flat_map(|listing| listing.twin_requires().iter().cloned())
        .collect();
    // Version by version, as the probes run; each twin runs on every
    // version it admits, with that version's virtual environment where it
    // imports packages from PyPI.
    let mut jobs: Vec<(&Listing, (PythonVersion, PathBuf))> = Vec::new();
    for python in harness::interpreters() {
        let environment = if requirements.is_empty() {
            None
        } else {
            let name = format!("twin-venv-{}", python.version);
            match harness::python_with(&python.path, &name, &requirements) {
                Ok(venv) => Some(venv),
                Err(why) => {
                    // Where PyPI cannot be reached (or has no wheel for this
                    // version), those twins cannot run; the others still are.
                    for listing in chosen.iter().filter(|l| !l.twin_requires().is_empty()) {
                        eprintln!(
                            "SKIPPED the twin of {} on CPython {}: it needs {} and {why}",
                            listing.name,
                            python.version,
                            listing.twin_requires().join(" ")
                        );
                    }
                    None
                }
            }
        };
        for listing in &chosen {
            if runnable(listing).is_none() || !listing.twin_versions().contains(&python.version) {
                continue;
            }
            let path = match &environment {
                _ if listing.twin_requires().is_empty() => python.path.clone(),
                Some(venv) => venv.clone(),
                None => continue,
            };
            jobs.push((listing, (python.version, path)));
        }
    }
    check_all(
        &jobs,
        |(version, _)| format!("python{version} twin.py"),
        |listing, (_, python)| listing.twin_command(python),
    );
}

#[test]
fn every_compile_fail_listing_fails_with_its_error_code() {
    let target = target_dir().join("compile-fail");
    let mut failures = Vec::new();
    for listing in chosen_listings() {
        let Kind::CompileFail { code } = &listing.kind else {
            continue;
        };
        let (built, said) = harness::build_compile_fail(&listing.dir, &target).expect("cargo runs");
        if built {
            failures.push(format!(
                "{} compiles, but the book says it fails with {code}",
                listing.name
            ));
            continue;
        }
        if !said.contains(&format!("error[{code}]")) {
            failures.push(format!(
                "{} fails, but not with {code}:\n{said}",
                listing.name
            ));
            continue;
        }
        // The book shows output.txt; its error lines must be today's.
        let error_lines = |text: &str| -> Vec<String> {
            text.lines()
                .filter(|line| line.starts_with("error"))
                .map(str::to_string)
                .collect()
        };
        match listing.expected_output() {
            Ok(shown) if error_lines(&shown) == error_lines(&said) => {}
            Ok(_) => failures.push(format!(
                "{}: output.txt shows other errors than the compiler gives now:\n{said}",
                listing.name
            )),
            Err(e) => failures.push(e),
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

#[test]
fn every_listing_has_what_its_kind_needs() {
    let root = book_root();
    let listings = listings();
    let mut problems = Vec::new();
    for listing in &listings {
        let has = |file: &str| listing.dir.join(file).is_file();
        if !has("output.txt") {
            problems.push(format!(
                "{}: no output.txt; run `cargo xtask outputs`",
                listing.name
            ));
        }
        match &listing.kind {
            Kind::Runnable { rules, .. } => {
                if !has("twin.py") {
                    problems.push(format!("{}: no twin.py", listing.name));
                }
                if let Ok(expected) = listing.expected_output() {
                    for pattern in rules.unused_patterns(&expected) {
                        problems.push(format!(
                            "{}: varies pattern `{pattern}` matches nothing",
                            listing.name
                        ));
                    }
                }
            }
            Kind::CompileFail { .. } if has("twin.py") => {
                problems.push(format!(
                    "{}: a compile-fail listing has no twin",
                    listing.name
                ));
            }
            Kind::CompileFail { .. } => {}
        }
    }
    // Compile-fail listings stay out of the workspace build, and only they.
    let relative = |listing: &Listing| -> String {
        let path = listing.dir.strip_prefix(&root).unwrap_or(Path::new(""));
        path.to_string_lossy().into_owned()
    };
    let mut compile_fail: Vec<String> = listings
        .iter()
        .filter(|l| l.is_compile_fail())
        .map(relative)
        .collect();
    let mut excluded = harness::excluded_from_workspace(&root).expect("the root Cargo.toml parses");
    compile_fail.sort();
    excluded.sort();
    if compile_fail != excluded {
        problems.push(format!(
            "the workspace's `exclude` must list exactly the compile-fail listings:\n  {compile_fail:?}\nbut it lists\n  {excluded:?}"
        ));
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

/// A listing says `note-never-ends = true` exactly when a program it
/// translates never ends in the catalogue's run, so the book marks it so.
/// The catalogue lives beside the repository (`../shared/seeds`), where the
/// authors and CI have it.
#[test]
fn every_listing_of_a_program_that_never_ends_says_so() {
    let catalogue = book_root().join("../shared/seeds/catalogue.json");
    let Ok(text) = std::fs::read_to_string(&catalogue) else {
        eprintln!("SKIPPED: no catalogue at {}", catalogue.display());
        return;
    };
    let catalogue: serde_json::Value = serde_json::from_str(&text).expect("the catalogue is JSON");
    let never_ends: BTreeSet<&str> = catalogue["programs"]
        .as_array()
        .expect("the catalogue lists programs")
        .iter()
        .filter(|program| program["terminates"] == "no")
        .filter_map(|program| program["id"].as_str())
        .collect();
    let wrong: Vec<String> = listings()
        .iter()
        .filter(|listing| !listing.is_compile_fail())
        .filter_map(|listing| {
            let should = listing
                .translates
                .iter()
                .any(|id| never_ends.contains(id.as_str()));
            (should != listing.note_never_ends).then(|| {
                format!(
                    "{}: note-never-ends should be {should}, as the catalogue says of {:?}",
                    listing.name, listing.translates
                )
            })
        })
        .collect();
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}
