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
    /// The run before this one, where there was one, to show how far each
    /// headline ratio moved between the two.
    pub previous: Option<PreviousRun>,
}

/// What is kept of the run before: when it was, and its headline ratios by
/// workload id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PreviousRun {
    pub date: String,
    pub ratios: BTreeMap<String, f64>,
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
    /// What one item of the timed rows is, e.g. `increment`.
    pub item: Option<String>,
    pub speedup_baseline: Option<String>,
    /// The row with this machine's limit for the workload.
    pub limit: Option<RowRef>,
    pub rows: Vec<RowResult>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RowRef {
    pub workload: String,
    pub row: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RowResult {
    pub id: String,
    pub label: String,
    pub unit: Unit,
    pub headline: bool,
    pub against_limit: bool,
    /// For a count taken during another row's runs, that row.
    pub counted_in: Option<String>,
    pub rust: Option<Measured>,
    pub python: Option<Measured>,
    /// Rust's median over Python's, per item where the sides count items,
    /// where both sides measured a time or a size: below 1, Rust took less.
    pub ratio: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Measured {
    /// What this side used, e.g. `` `threading.Lock` ``.
    pub how: String,
    /// How many items each sample covers, where the program counts them.
    pub items: Option<u64>,
    /// One value per run, in the order the runs happened.
    pub samples: Vec<f64>,
    pub median: f64,
    pub min: f64,
    pub max: f64,
}

impl Measured {
    fn new(how: &str, items: Option<u64>, samples: Vec<f64>) -> Measured {
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
            items,
            median,
            min: sorted[0],
            max: sorted[sorted.len() - 1],
            samples,
        }
    }

    /// `value` divided by the items it covers, where it covers a count.
    pub fn each(&self, value: f64) -> f64 {
        value / self.items.unwrap_or(1) as f64
    }
}

impl Results {
    /// Each workload's headline ratio, by workload id: what the next run
    /// keeps as its [`PreviousRun`].
    pub fn headline_ratios(&self) -> BTreeMap<String, f64> {
        self.workloads
            .iter()
            .filter_map(|w| {
                let row = w.rows.iter().find(|row| row.headline)?;
                Some((w.id.clone(), row.ratio?))
            })
            .collect()
    }

    /// The row holding `workload`'s limit, wherever it was measured.
    pub fn limit_of(&self, workload: &WorkloadResult) -> Option<&RowResult> {
        let limit = workload.limit.as_ref()?;
        self.workloads
            .iter()
            .find(|w| w.id == limit.workload)?
            .rows
            .iter()
            .find(|r| r.id == limit.row)
    }

    /// How close `row` comes to its workload's limit on one side: for a
    /// speed-up, the share of the core count it reached; for a cost, how
    /// many times the limit's cost per item it took.
    pub fn against_limit(
        &self,
        workload: &WorkloadResult,
        row: &RowResult,
        language: Language,
    ) -> Option<Distance> {
        if !row.against_limit {
            return None;
        }
        let limit = self.limit_of(workload)?;
        let limit_side = limit.rust.as_ref().or(limit.python.as_ref())?;
        if limit.unit == Unit::Count {
            Some(Distance::ShareOf(
                workload.speedup(row, language)? / limit_side.median,
            ))
        } else {
            let measured = row.side(language)?;
            Some(Distance::TimesThe(
                measured.each(measured.median) / limit_side.each(limit_side.median),
            ))
        }
    }
}

/// How close a row comes to the machine's limit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Distance {
    /// A speed-up as a share of the most there can be: 0.97 is 97 %.
    ShareOf(f64),
    /// A cost as a multiple of the least there can be: 12 is 12×.
    TimesThe(f64),
}

impl WorkloadResult {
    /// The speed-up of `row` on one side over the baseline row: how many
    /// times less its median costs per item than the baseline's.
    pub fn speedup(&self, row: &RowResult, language: Language) -> Option<f64> {
        let baseline = self
            .rows
            .iter()
            .find(|r| Some(&r.id) == self.speedup_baseline.as_ref())?;
        if row.unit != Unit::Seconds {
            return None;
        }
        let (base, this) = (baseline.side(language)?, row.side(language)?);
        Some(base.each(base.median) / this.each(this.median))
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

/// Every sample taken, by workload, row and language, with the items it
/// covers.
#[derive(Debug, Default)]
pub struct Samples(BTreeMap<SampleKey, Vec<(f64, Option<u64>)>>);

/// A workload's id, a row's id and the side that measured it.
type SampleKey = (&'static str, &'static str, Language);

impl Samples {
    pub fn add(
        &mut self,
        workload: &'static str,
        row: &'static str,
        language: Language,
        (value, items): (f64, Option<u64>),
    ) {
        self.0
            .entry((workload, row, language))
            .or_default()
            .push((value, items));
    }

    /// The results of a finished run, laid out as the catalogue orders the
    /// workloads and rows. Fails where a case has no sample.
    pub fn into_results(
        self,
        machine: Machine,
        size: Size,
        runs: usize,
        wall_seconds: f64,
        previous: Option<PreviousRun>,
    ) -> Result<Results, String> {
        let mut workloads = Vec::new();
        for workload in WORKLOADS {
            let mut rows = Vec::new();
            for row in workload.programs.iter().flat_map(|p| p.rows) {
                let side = |language: Language| -> Result<Option<Measured>, String> {
                    let Some(case) = row.case(language) else {
                        return Ok(None);
                    };
                    let what = format!("{} {}/{}", language.name(), workload.id, row.id);
                    let Some(samples) = self.0.get(&(workload.id, row.id, language)) else {
                        return Err(format!("no sample of {what}"));
                    };
                    let items = samples[0].1;
                    // A cost per item is only one figure if every run did
                    // the same number of items.
                    if samples.iter().any(|&(_, n)| n != items) {
                        return Err(format!("the runs of {what} covered different items"));
                    }
                    let values = samples.iter().map(|&(value, _)| value).collect();
                    Ok(Some(Measured::new(case.how, items, values)))
                };
                let (rust, python) = (side(Language::Rust)?, side(Language::Python)?);
                let ratio = match (&rust, &python) {
                    (Some(r), Some(p)) if row.unit != Unit::Count && p.median > 0.0 => {
                        Some(r.each(r.median) / p.each(p.median))
                    }
                    _ => None,
                };
                rows.push(RowResult {
                    id: row.id.to_string(),
                    label: row.label.to_string(),
                    unit: row.unit,
                    headline: row.headline,
                    against_limit: row.against_limit,
                    counted_in: row.counted_in.map(str::to_string),
                    rust,
                    python,
                    ratio,
                });
            }
            workloads.push(WorkloadResult {
                id: workload.id.to_string(),
                title: workload.title.to_string(),
                item: workload.item.map(str::to_string),
                speedup_baseline: workload.speedup_baseline.map(str::to_string),
                limit: workload.limit.map(|(workload, row)| RowRef {
                    workload: workload.to_string(),
                    row: row.to_string(),
                }),
                rows,
            });
        }
        Ok(Results {
            machine,
            size,
            runs,
            wall_seconds,
            workloads,
            previous,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_and_spreads() {
        let odd = Measured::new("x", Some(4), vec![3.0, 1.0, 2.0]);
        assert_eq!((odd.median, odd.min, odd.max), (2.0, 1.0, 3.0));
        assert_eq!(odd.samples, vec![3.0, 1.0, 2.0]);
        assert_eq!(odd.each(odd.median), 0.5);
        let even = Measured::new("x", None, vec![4.0, 1.0, 2.0, 3.0]);
        assert_eq!((even.median, even.each(even.median)), (2.5, 2.5));
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
            .into_results(machine, Size::Tiny, 1, 0.0, None)
            .unwrap_err();
        assert!(error.starts_with("no sample of rust counter/"), "{error}");
    }
}
