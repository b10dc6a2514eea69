//! `cargo xtask bench`: Appendix B's measurements, start to finish.
//!
//! Builds the `workload` binary in release mode, runs every workload's Rust
//! program and its Python twin on each CPython of `bench::catalogue::PYTHONS`
//! in turn, round after round (the order rotating, so that none always
//! runs on a machine another just warmed or heated), and writes the
//! results file, the tables, the quoted figures
//! and the charts into the book (`src/benchmarks/`, the Chinese edition's
//! tables under `src/benchmarks/zh-CN/`). The headline ratios of the
//! results file it replaces are kept in the new one, so that the appendix
//! can show how far each moved from one run to the next. See DESIGN.md.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use bench::catalogue::{PYTHONS, WORKLOADS};
use bench::line::Size;
use bench::report;
use bench::results::{Machine, PreviousRun, Results, Samples, Side};
use bench::runner;
use harness::{book_root, target_dir};

const USAGE: &str = "cargo xtask bench [--runs N] [--size full|tiny] [--out DIR] [--report-only]";
/// Enough for every full-size program on a busy machine, several times over.
const PROGRAM_LIMIT: Duration = Duration::from_secs(180);

struct Options {
    runs: usize,
    size: Size,
    out: PathBuf,
    report_only: bool,
}

pub fn bench(args: &[String]) -> Result<(), String> {
    let options = options(args)?;
    let results_path = options.out.join("results.json");
    if options.report_only {
        let text = fs::read_to_string(&results_path)
            .map_err(|e| format!("cannot read {}: {e}", results_path.display()))?;
        let results: Results =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", results_path.display()))?;
        return write_report(&results, &options.out);
    }

    let previous = previous_run(&results_path, options.size);
    let began = Instant::now();
    let date = utc_now();
    eprintln!("building the workloads (release)");
    let status = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
        .args([
            "build",
            "--release",
            "--package",
            "bench",
            "--bin",
            "workload",
        ])
        .current_dir(book_root())
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !status.success() {
        return Err("cargo build --release failed".into());
    }
    let binary = target_dir().join("release").join("workload");
    let pythons = pythons()?;
    let machine = machine(date, &pythons)?;
    eprintln!(
        "{} ({} cores), {}, {}, {}",
        machine.cpu,
        machine.cores,
        machine.os,
        machine.rustc,
        machine.pythons.join(", ")
    );
    // Rust, then the twin on each CPython, each with what runs it.
    let sides: Vec<(Side<'static>, &Path)> = std::iter::once((Side::Rust, binary.as_path()))
        .chain(
            pythons
                .iter()
                .map(|(version, path)| (Side::Python(version), path.as_path())),
        )
        .collect();

    let mut samples = Samples::default();
    for round in 0..options.runs {
        eprintln!("round {}/{}", round + 1, options.runs);
        let programs = WORKLOADS
            .iter()
            .flat_map(|w| w.programs.iter().map(move |p| (w, p)));
        for (turn, (workload, program)) in programs.enumerate() {
            let mut order = sides.clone();
            order.rotate_left((round + turn) % sides.len());
            let mut progress = format!("  {:<14}", program.name());
            for (side, executable) in order {
                let what = format!("{} {}", side.name(), program.name());
                let command = program.command(side.language(), executable, options.size);
                let finished = runner::run(&what, command, PROGRAM_LIMIT)?;
                if !finished.stderr.is_empty() {
                    eprintln!("{what} wrote to stderr:\n{}", finished.stderr);
                }
                let values = program
                    .read(side.language(), &finished.stdout)
                    .map_err(|e| format!("{what}: {e}"))?;
                for (row, printed) in values {
                    samples.add(workload.id, row, side, printed);
                }
                progress += &format!(
                    "  {} {:>5.1} s",
                    side.name(),
                    finished.elapsed.as_secs_f64()
                );
            }
            eprintln!("{progress}");
        }
    }

    let wall_seconds = began.elapsed().as_secs_f64();
    let results = samples.into_results(
        machine,
        options.size,
        options.runs,
        wall_seconds,
        PYTHONS,
        previous,
    )?;
    let json = serde_json::to_string_pretty(&results).expect("results serialize") + "\n";
    fs::create_dir_all(&options.out)
        .map_err(|e| format!("cannot create {}: {e}", options.out.display()))?;
    fs::write(&results_path, json)
        .map_err(|e| format!("cannot write {}: {e}", results_path.display()))?;
    eprintln!("wrote {}", results_path.display());
    write_report(&results, &options.out)?;
    eprintln!(
        "Rust / Python per item, medians of {} runs, against CPython {}:",
        results.runs,
        results.pythons.join(" and ")
    );
    for workload in &results.workloads {
        for row in workload.rows.iter().filter(|row| !row.ratio.is_empty()) {
            let ratios: Vec<String> = row.ratio.values().map(|r| format!("{r:>8.3}")).collect();
            let mark = if row.headline { "  (headline)" } else { "" };
            eprintln!(
                "  {:<34} {}{mark}",
                format!("{}/{}", workload.id, row.id),
                ratios.join(" ")
            );
        }
    }
    if let Some(previous) = &results.previous {
        eprintln!("headline ratios against the run of {}:", previous.date);
        for (workload, now) in results.headline_ratios() {
            for (version, now) in now {
                if let Some(before) = previous.ratios.get(&workload).and_then(|r| r.get(&version)) {
                    let change = (now / before - 1.0) * 100.0;
                    eprintln!(
                        "  {workload:<10} {version:<5} {before:>8.3} -> {now:>8.3}  {change:+.1} %"
                    );
                }
            }
        }
    }
    eprintln!("finished in {:.0} s", wall_seconds);
    Ok(())
}

/// The headline ratios of the results file a run of `size` is about to
/// replace, if there is one of that size that this version can read.
fn previous_run(results_path: &Path, size: Size) -> Option<PreviousRun> {
    let text = fs::read_to_string(results_path).ok()?;
    let results: Results = serde_json::from_str(&text).ok()?;
    (results.size == size).then(|| PreviousRun {
        date: results.machine.date.clone(),
        ratios: results.headline_ratios(),
    })
}

fn write_report(results: &Results, out: &Path) -> Result<(), String> {
    for path in report::write_book_files(results, out)? {
        eprintln!("wrote {}", path.display());
    }
    Ok(())
}

fn options(args: &[String]) -> Result<Options, String> {
    // Five rounds keep the whole run under five minutes on two cores, now
    // that every sample lasts at least 0.3 s and each twin runs on two
    // CPythons.
    let mut runs = 5;
    let mut size = Size::Full;
    let mut out = None;
    let mut report_only = false;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next()
                .ok_or_else(|| format!("{arg} needs a value; {USAGE}"))
        };
        match arg.as_str() {
            "--runs" => {
                runs = value()?
                    .parse()
                    .ok()
                    .filter(|&n| n > 0)
                    .ok_or(format!("--runs needs a positive number; {USAGE}"))?;
            }
            "--size" => size = Size::from_args(&["--size".into(), value()?.clone()])?,
            "--out" => out = Some(PathBuf::from(value()?)),
            "--report-only" => report_only = true,
            _ => return Err(format!("unknown option {arg}; {USAGE}")),
        }
    }
    // A tiny run is a smoke test: it stays out of the book unless asked.
    let out = out.unwrap_or_else(|| match size {
        Size::Full => book_root().join("src").join("benchmarks"),
        Size::Tiny => target_dir().join("bench-tiny"),
    });
    Ok(Options {
        runs,
        size,
        out,
        report_only,
    })
}

/// Each CPython of [`PYTHONS`], as the harness finds it, or an error
/// naming the first this machine lacks: every column must be measured.
fn pythons() -> Result<Vec<(&'static str, PathBuf)>, String> {
    PYTHONS
        .iter()
        .map(|&version| {
            harness::interpreters()
                .iter()
                .find(|found| found.version.to_string() == version)
                .map(|found| (version, found.path.clone()))
                .ok_or_else(|| {
                    format!("no CPython {version} here (python3, or pyenv's versions folder)")
                })
        })
        .collect()
}

fn machine(date: String, pythons: &[(&str, PathBuf)]) -> Result<Machine, String> {
    let cpuinfo = fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu = cpuinfo
        .lines()
        .find_map(|line| line.strip_prefix("model name")?.split_once(':'))
        .map_or("unknown CPU".to_string(), |(_, name)| {
            name.trim().to_string()
        });
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let release = fs::read_to_string("/etc/os-release").unwrap_or_default();
    let distribution = release
        .lines()
        .find_map(|line| line.strip_prefix("PRETTY_NAME="))
        .map_or("Linux".to_string(), |name| {
            name.trim_matches('"').to_string()
        });
    let kernel = fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default();
    Ok(Machine {
        cpu,
        cores,
        os: format!("{distribution}, kernel {}", kernel.trim()),
        rustc: version_of(Command::new(
            std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into()),
        ))?,
        pythons: pythons
            .iter()
            .map(|(_, path)| version_of(Command::new(path)))
            .collect::<Result<_, _>>()?,
        date,
    })
}

fn version_of(mut program: Command) -> Result<String, String> {
    let output = program
        .arg("--version")
        .output()
        .map_err(|e| format!("cannot run {:?}: {e}", program.get_program()))?;
    Ok(String::from_utf8_lossy(&output.stdout).trim().to_string())
}

/// Now, as `2026-05-01 14:03 UTC`.
fn utc_now() -> String {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (year, month, day) = civil_date(seconds / 86_400);
    let minutes = seconds % 86_400 / 60;
    format!(
        "{year}-{month:02}-{day:02} {:02}:{:02} UTC",
        minutes / 60,
        minutes % 60
    )
}

/// The Gregorian date `days` after 1970-01-01 (Howard Hinnant's
/// `civil_from_days`).
fn civil_date(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let day_of_era = z % 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_from_days_since_the_epoch() {
        assert_eq!(civil_date(0), (1970, 1, 1));
        assert_eq!(civil_date(11_016), (2000, 2, 29));
        assert_eq!(civil_date(20_000), (2024, 10, 4));
    }
}
