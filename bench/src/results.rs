//! The results file (`src/benchmarks/results.json`): the machine, every
//! sample, and the medians, spreads and ratios the appendix shows. It is
//! self-describing, so the report is drawn from it alone.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::catalogue::{Language, WORKLOADS};
use crate::line::{Size, Unit};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Results {
    pub machine: Machine,
    pub size: Size,
    /// How many times each program ran.
    pub runs: usize,
    /// How long the whole `cargo xtask bench` took, build included.
    pub wall_seconds: f64,
    pub workloads: Vec<WorkloadResult>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Machine {
    pub cpu: String,
    pub cores: usize,
    pub os: String,
    pub rustc: String,
    pub python: String,
    /// When the run began, UTC.
    pub date: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkloadResult {
    pub id: String,
    pub title: String,
    pub speedup_baseline: Option<String>,
    pub rows: Vec<RowResult>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RowResult {
    pub id: String,
    pub label: String,
    pub unit: Unit,
    pub headline: bool,
    pub rust: Option<Measured>,
    pub python: Option<Measured>,
    /// Rust's median over Python's, where both sides measured a time or a
    /// size: below 1, Rust took less.
    pub ratio: Option<f64>,
    /// How many items the time covers, where a cost per item means something.
    pub items: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Measured {
    /// What this side used, e.g. `` `threading.Lock` ``.
    pub how: String,
    /// One value per run, in the order the runs happened.
    pub samples: Vec<f64>,
    pub median: f64,
    pub min: f64,
    pub max: f64,
}

impl Measured {
    fn new(how: &str, samples: Vec<f64>) -> Measured {
        let mut sorted = samples.clone();
        sorted.sort_by(f64::total_cmp);
        let middle = sorted.len() / 2;
        let median = if sorted.len() % 2 == 1 {
            sorted[middle]
        } else {
            (sorted[middle - 1] + sorted[middle]) / 2.0
        };
        Measured {
            how: how.to_string(),
            median,
            min: sorted[0],
            max: sorted[sorted.len() - 1],
            samples,
        }
    }
}

impl WorkloadResult {
    /// The speed-up of `row` on one side over the baseline row: how many
    /// times faster than the baseline's median its median is.
    pub fn speedup(&self, row: &RowResult, language: Language) -> Option<f64> {
        let baseline = self
            .rows
            .iter()
            .find(|r| Some(&r.id) == self.speedup_baseline.as_ref())?;
        if row.unit != Unit::Seconds {
            return None;
        }
        Some(baseline.side(language)?.median / row.side(language)?.median)
    }
}

impl RowResult {
    pub fn side(&self, language: Language) -> Option<&Measured> {
        match language {
            Language::Rust => self.rust.as_ref(),
            Language::Python => self.python.as_ref(),
        }
    }
}

/// Every sample taken, by workload, row and language.
#[derive(Debug, Default)]
pub struct Samples(BTreeMap<(&'static str, &'static str, Language), Vec<f64>>);

impl Samples {
    pub fn add(
        &mut self,
        workload: &'static str,
        row: &'static str,
        language: Language,
        value: f64,
    ) {
        self.0
            .entry((workload, row, language))
            .or_default()
            .push(value);
    }

    /// The results of a finished run, laid out as the catalogue orders the
    /// workloads and rows. Fails where a case has no sample.
    pub fn into_results(
        self,
        machine: Machine,
        size: Size,
        runs: usize,
        wall_seconds: f64,
    ) -> Result<Results, String> {
        let mut workloads = Vec::new();
        for workload in WORKLOADS {
            let mut rows = Vec::new();
            for row in workload.programs.iter().flat_map(|p| p.rows) {
                let side = |language: Language| -> Result<Option<Measured>, String> {
                    let Some(case) = row.case(language) else {
                        return Ok(None);
                    };
                    match self.0.get(&(workload.id, row.id, language)) {
                        Some(samples) if !samples.is_empty() => {
                            Ok(Some(Measured::new(case.how, samples.clone())))
                        }
                        _ => Err(format!(
                            "no {} sample of {}/{}",
                            language.name(),
                            workload.id,
                            row.id
                        )),
                    }
                };
                let (rust, python) = (side(Language::Rust)?, side(Language::Python)?);
                let ratio = match (&rust, &python) {
                    (Some(r), Some(p)) if row.unit != Unit::Count && p.median > 0.0 => {
                        Some(r.median / p.median)
                    }
                    _ => None,
                };
                rows.push(RowResult {
                    id: row.id.to_string(),
                    label: row.label.to_string(),
                    unit: row.unit,
                    headline: row.headline,
                    rust,
                    python,
                    ratio,
                    items: row.items,
                });
            }
            workloads.push(WorkloadResult {
                id: workload.id.to_string(),
                title: workload.title.to_string(),
                speedup_baseline: workload.speedup_baseline.map(str::to_string),
                rows,
            });
        }
        Ok(Results {
            machine,
            size,
            runs,
            wall_seconds,
            workloads,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_and_spreads() {
        let odd = Measured::new("x", vec![3.0, 1.0, 2.0]);
        assert_eq!((odd.median, odd.min, odd.max), (2.0, 1.0, 3.0));
        assert_eq!(odd.samples, vec![3.0, 1.0, 2.0]);
        assert_eq!(Measured::new("x", vec![4.0, 1.0, 2.0, 3.0]).median, 2.5);
    }

    #[test]
    fn a_case_without_samples_is_an_error() {
        let machine = Machine {
            cpu: String::new(),
            cores: 1,
            os: String::new(),
            rustc: String::new(),
            python: String::new(),
            date: String::new(),
        };
        let error = Samples::default()
            .into_results(machine, Size::Tiny, 1, 0.0)
            .unwrap_err();
        assert!(error.starts_with("no rust sample of counter/"), "{error}");
    }
}
