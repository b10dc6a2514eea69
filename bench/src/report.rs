//! What the appendix includes, drawn from a results file alone: a table
//! per workload, the machine, the figures its prose quotes, and the charts.
//!
//! Every file is rewritten from the results on every run, so a figure in
//! the book can only ever be the one in `results.json`.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use crate::catalogue::Language;
use crate::chart::{self, Bar, Spread};
use crate::line::Unit;
use crate::results::{Measured, Results, RowResult, WorkloadResult};

/// Writes the tables (`table-<workload>.md`, `machine.md`, `summary.md`), the quoted
/// figures (`figures.txt`, one mdBook anchor per figure) and the charts
/// (`<workload>.svg`, `cpu-speedup.svg`) into `dir`, and returns their paths.
pub fn write_book_files(results: &Results, dir: &Path) -> Result<Vec<PathBuf>, String> {
    fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let mut written = Vec::new();
    let mut write = |name: &str, text: String| -> Result<(), String> {
        let path = dir.join(name);
        fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        written.push(path);
        Ok(())
    };
    write("machine.md", machine_table(results))?;
    write("summary.md", summary_table(results))?;
    write("figures.txt", figures(results))?;
    for workload in &results.workloads {
        write(&format!("table-{}.md", workload.id), table(workload))?;
    }
    for workload in &results.workloads {
        let path = dir.join(format!("{}.svg", workload.id));
        chart::bars(&path, &workload.title, &bars(workload))?;
        written.push(path);
    }
    if let Some(cpu) = results
        .workloads
        .iter()
        .find(|w| w.speedup_baseline.is_some())
    {
        let path = dir.join(format!("{}-speedup.svg", cpu.id));
        chart::speedups(&path, &speedups(cpu), results.machine.cores)?;
        written.push(path);
    }
    Ok(written)
}

fn machine_table(results: &Results) -> String {
    let machine = &results.machine;
    let plural = if machine.cores == 1 { "" } else { "s" };
    let rows = [
        (
            "CPU",
            format!("{}, {} core{plural}", machine.cpu, machine.cores),
        ),
        ("OS", machine.os.clone()),
        ("Rust", machine.rustc.clone()),
        ("Python", machine.python.clone()),
        ("Date", machine.date.clone()),
        (
            "Runs",
            format!(
                "each program {} times, interleaved with its twin; the tables give the median and (min–max)",
                results.runs
            ),
        ),
        (
            "Wall time",
            format!(
                "{} for the whole `cargo xtask bench`, build included",
                minutes(results.wall_seconds)
            ),
        ),
    ];
    let mut text = String::from("| Machine | |\n|---|---|\n");
    for (name, value) in rows {
        writeln!(text, "| {name} | {value} |").expect("writing to a String");
    }
    text
}

/// Each workload's headline row: the ratio that stands for it.
fn summary_table(results: &Results) -> String {
    let mut text = String::from(
        "| Workload | Work | Rust | Python | Rust / Python |\n|---|---|---|---|---|\n",
    );
    for workload in &results.workloads {
        for row in workload.rows.iter().filter(|row| row.headline) {
            let median = |language| {
                row.side(language)
                    .map_or("—".to_string(), |m| value(m.median, row.unit))
            };
            writeln!(
                text,
                "| {} | {} | {} | {} | {} |",
                workload.title,
                row.label,
                median(Language::Rust),
                median(Language::Python),
                row.ratio.map_or("—".to_string(), ratio_text)
            )
            .expect("writing to a String");
        }
    }
    text
}

fn table(workload: &WorkloadResult) -> String {
    let mut text = String::from("| Work | Rust | Python | Rust / Python |\n|---|---|---|---|\n");
    for row in &workload.rows {
        let cell = |language| match row.side(language) {
            None => "—".to_string(),
            Some(measured) => {
                let mut cell = format!("{}: {}", measured.how, with_spread(measured, row.unit));
                if let Some(speedup) = workload.speedup(row, language)
                    && Some(&row.id) != workload.speedup_baseline.as_ref()
                {
                    write!(cell, ", speed-up {}", times(speedup)).expect("to a String");
                }
                cell
            }
        };
        let ratio = match (row.ratio, row.headline) {
            (Some(ratio), true) => format!("**{}**", ratio_text(ratio)),
            (Some(ratio), false) => ratio_text(ratio),
            (None, _) => "—".to_string(),
        };
        writeln!(
            text,
            "| {} | {} | {} | {ratio} |",
            row.label,
            cell(Language::Rust),
            cell(Language::Python)
        )
        .expect("writing to a String");
    }
    text
}

/// `figures.txt`: each figure the prose quotes, between `ANCHOR:` lines, so
/// that `{{#include benchmarks/figures.txt:NAME}}` puts it in a sentence.
fn figures(results: &Results) -> String {
    let machine = &results.machine;
    let mut figures: Vec<(String, String)> = vec![
        ("cores".into(), machine.cores.to_string()),
        ("runs".into(), results.runs.to_string()),
        ("wall".into(), minutes(results.wall_seconds)),
    ];
    for workload in &results.workloads {
        for row in &workload.rows {
            let name = format!("{}-{}", workload.id, row.id);
            for language in Language::BOTH {
                if let Some(measured) = row.side(language) {
                    let side = format!("{name}-{}", language.name());
                    figures.push((side.clone(), value(measured.median, row.unit)));
                    if let Some(items) = row.items {
                        let each = value(measured.median / items as f64, row.unit);
                        figures.push((format!("{side}-each"), each));
                    }
                }
                if let Some(speedup) = workload.speedup(row, language) {
                    figures.push((
                        format!("{name}-{}-speedup", language.name()),
                        times(speedup),
                    ));
                }
            }
            if let Some(ratio) = row.ratio {
                if row.headline {
                    figures.push((format!("{}-ratio", workload.id), ratio_text(ratio)));
                }
                figures.push((format!("{name}-ratio"), ratio_text(ratio)));
                figures.push((format!("{name}-times"), times(1.0 / ratio)));
            }
        }
    }
    let mut text = String::new();
    for (name, figure) in figures {
        writeln!(text, "ANCHOR: {name}\n{figure}\nANCHOR_END: {name}")
            .expect("writing to a String");
    }
    text
}

fn bars(workload: &WorkloadResult) -> Vec<Bar> {
    workload
        .rows
        .iter()
        .filter(|row| row.unit != Unit::Count)
        .map(|row| {
            let spread = |language| {
                row.side(language).map(|m: &Measured| Spread {
                    median: m.median,
                    min: m.min,
                    max: m.max,
                })
            };
            Bar {
                label: row.label.clone(),
                unit: row.unit,
                rust: spread(Language::Rust),
                python: spread(Language::Python),
            }
        })
        .collect()
}

fn speedups(workload: &WorkloadResult) -> Vec<(String, Option<f64>, Option<f64>)> {
    workload
        .rows
        .iter()
        .filter(|row: &&RowResult| row.unit == Unit::Seconds)
        .map(|row| {
            (
                row.label.clone(),
                workload.speedup(row, Language::Rust),
                workload.speedup(row, Language::Python),
            )
        })
        .collect()
}

/// A value in its unit, to three significant figures: `45.1 ms`, `978 B`.
pub fn value(value: f64, unit: Unit) -> String {
    let (scaled, suffix) = scale(value, unit);
    format!("{} {suffix}", three_figures(scaled, scaled))
}

/// A median with its spread, all in the median's unit: `45.1 ms (41.0–52.3)`.
fn with_spread(measured: &Measured, unit: Unit) -> String {
    if unit == Unit::Count {
        return format!("{}", measured.median);
    }
    let (median, suffix) = scale(measured.median, unit);
    let factor = median / measured.median;
    let in_scale = |v: f64| three_figures(v * factor, median);
    format!(
        "{} {suffix} ({}–{})",
        in_scale(measured.median),
        in_scale(measured.min),
        in_scale(measured.max)
    )
}

/// A short label for an axis tick: `10 ms`, `1 s`, `500 µs`; sizes, whose
/// decades are not round in KiB, as [`value`] writes them.
pub fn tick(value: f64, unit: Unit) -> String {
    if unit == Unit::Bytes {
        return self::value(value, unit);
    }
    let (scaled, suffix) = scale(value, unit);
    let rounded: f64 = format!("{scaled:.3}").parse().unwrap_or(scaled);
    format!("{rounded} {suffix}")
}

fn scale(value: f64, unit: Unit) -> (f64, &'static str) {
    let steps: &[(f64, &str)] = match unit {
        Unit::Seconds => &[(1.0, "s"), (1e-3, "ms"), (1e-6, "µs"), (1e-9, "ns")],
        Unit::Bytes => &[(1024.0 * 1024.0, "MiB"), (1024.0, "KiB"), (1.0, "B")],
        Unit::Count => &[(1.0, "")],
    };
    let &(size, suffix) = steps
        .iter()
        .find(|(size, _)| value.abs() >= *size)
        .unwrap_or(&steps[steps.len() - 1]);
    (value / size, suffix)
}

/// `v` with as many decimals as `reference` needs for three significant
/// figures (so a range prints like its median).
fn three_figures(v: f64, reference: f64) -> String {
    let decimals = match reference.abs() {
        r if r >= 100.0 => 0,
        r if r >= 10.0 => 1,
        _ => 2,
    };
    format!("{v:.decimals$}")
}

/// Two significant figures: `0.031`, `0.11`, `1.0`, `12`.
fn ratio_text(ratio: f64) -> String {
    let magnitude = ratio.abs().log10().floor() as i32;
    let decimals = (1 - magnitude).max(0) as usize;
    format!("{ratio:.decimals$}")
}

fn times(factor: f64) -> String {
    format!("{}×", ratio_text(factor))
}

fn minutes(seconds: f64) -> String {
    let whole = seconds.round() as u64;
    match whole / 60 {
        0 => format!("{whole} s"),
        m => format!("{m} min {} s", whole % 60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_in_the_right_unit() {
        assert_eq!(value(0.0451, Unit::Seconds), "45.1 ms");
        assert_eq!(value(1.5, Unit::Seconds), "1.50 s");
        assert_eq!(value(0.000_812, Unit::Seconds), "812 µs");
        assert_eq!(value(978.1, Unit::Bytes), "978 B");
        assert_eq!(value(16_527.0, Unit::Bytes), "16.1 KiB");
        assert_eq!(tick(0.01, Unit::Seconds), "10 ms");
        assert_eq!(tick(1.0, Unit::Seconds), "1 s");
        assert_eq!(tick(10_000.0, Unit::Bytes), "9.77 KiB");
    }

    #[test]
    fn a_spread_uses_the_medians_unit() {
        let measured = Measured {
            how: String::new(),
            samples: vec![],
            median: 0.0451,
            min: 0.0095,
            max: 0.1523,
        };
        assert_eq!(with_spread(&measured, Unit::Seconds), "45.1 ms (9.5–152.3)");
    }

    #[test]
    fn ratios_keep_two_significant_figures() {
        assert_eq!(ratio_text(0.03123), "0.031");
        assert_eq!(ratio_text(0.114), "0.11");
        assert_eq!(ratio_text(1.04), "1.0");
        assert_eq!(ratio_text(12.3), "12");
        assert_eq!(times(31.9), "32×");
        assert_eq!(minutes(192.4), "3 min 12 s");
    }
}
