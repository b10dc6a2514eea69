//! The results file (`src/benchmarks/results.json`): the machine, every
//! sample, and the medians, spreads and ratios the appendix shows. It is
//! self-describing, so the report is drawn from it alone.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::catalogue::{Language, Printed, WORKLOADS, placeholders};
use crate::line::{Params, Size, Unit};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Results {
    pub machine: Machine,
    pub size: Size,
    /// How many times each program ran.
    pub runs: usize,
    /// How long the whole `cargo xtask bench` took, build included.
    pub wall_seconds: f64,
    /// The CPython versions the twins ran on (`3.11`), one column each;
    /// the ratios against the first are the headline ones.
    pub pythons: Vec<String>,
    pub workloads: Vec<WorkloadResult>,
    /// The run before this one, where there was one, to show how far each
    /// headline ratio moved between the two.
    pub previous: Option<PreviousRun>,
}

/// What is kept of the run before: when it was, and its headline ratios by
/// workload id, then by CPython version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PreviousRun {
    pub date: String,
    pub ratios: BTreeMap<String, BTreeMap<String, f64>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Machine {
    pub cpu: String,
    pub cores: usize,
    pub os: String,
    pub rustc: String,
    /// What each CPython says it is (`Python 3.11.7`), in column order.
    pub pythons: Vec<String>,
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
    /// The row each row is set against: a limit (the core count) or a
    /// reference cost.
    pub reference: Option<RowRef>,
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
    /// The catalogue's label, `{name}` standing for the parameter `name`.
    pub label: String,
    pub unit: Unit,
    pub headline: bool,
    pub against_reference: bool,
    /// For a count taken during another row's runs, that row.
    pub counted_in: Option<String>,
    pub rust: Option<Measured>,
    /// What the twin measured, by CPython version.
    pub python: BTreeMap<String, Measured>,
    /// Rust's median over each CPython's, by version, per item where the
    /// sides count items, where both sides measured a time or a size:
    /// below 1, Rust took less.
    pub ratio: BTreeMap<String, f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Measured {
    /// What this side used, e.g. `` `threading.Lock` ``.
    pub how: String,
    /// How many items each sample covers, where the program counts them.
    pub items: Option<u64>,
    /// The parameters the program ran this case with, as it printed them.
    pub params: Params,
    /// One value per run, in the order the runs happened.
    pub samples: Vec<f64>,
    pub median: f64,
    pub min: f64,
    pub max: f64,
}

/// Who measured a figure: the Rust program, or the twin on one CPython.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Side<'a> {
    Rust,
    Python(&'a str),
}

impl Side<'_> {
    pub fn language(self) -> Language {
        match self {
            Side::Rust => Language::Rust,
            Side::Python(_) => Language::Python,
        }
    }

    /// `Rust`, `Python 3.11`.
    pub fn name(self) -> String {
        match self {
            Side::Rust => "Rust".to_string(),
            Side::Python(version) => format!("Python {version}"),
        }
    }
}

impl Measured {
    fn new(how: &str, items: Option<u64>, params: Params, samples: Vec<f64>) -> Measured {
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
            params,
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
    /// Rust, then the twin on each CPython, in column order.
    pub fn sides(&self) -> Vec<Side<'_>> {
        std::iter::once(Side::Rust)
            .chain(self.pythons.iter().map(|v| Side::Python(v)))
            .collect()
    }

    /// The CPython whose ratios are the headline ones.
    pub fn first_python(&self) -> Option<&str> {
        self.pythons.first().map(String::as_str)
    }

    /// Each workload's headline ratios, by workload id, then by CPython:
    /// what the next run keeps as its [`PreviousRun`].
    pub fn headline_ratios(&self) -> BTreeMap<String, BTreeMap<String, f64>> {
        self.workloads
            .iter()
            .filter_map(|w| {
                let row = w.rows.iter().find(|row| row.headline)?;
                Some((w.id.clone(), row.ratio.clone()))
            })
            .collect()
    }

    /// The row holding `workload`'s limit or reference, wherever it was
    /// measured.
    pub fn reference_of(&self, workload: &WorkloadResult) -> Option<&RowResult> {
        let reference = workload.reference.as_ref()?;
        self.workloads
            .iter()
            .find(|w| w.id == reference.workload)?
            .rows
            .iter()
            .find(|r| r.id == reference.row)
    }

    /// How `row` on one side compares with its workload's reference: for a
    /// speed-up, the share of the core count it reached; for a cost, how
    /// many times the reference's cost per item it took. Where the
    /// reference was measured by each side, each side is set against its
    /// own; else against the one side that measured it.
    pub fn against_reference(
        &self,
        workload: &WorkloadResult,
        row: &RowResult,
        side: Side,
    ) -> Option<Distance> {
        if !row.against_reference {
            return None;
        }
        let reference = self.reference_of(workload)?;
        let reference_side = reference.side(side).or_else(|| reference.any_side())?;
        if reference.unit == Unit::Count {
            Some(Distance::ShareOf(
                workload.speedup(row, side)? / reference_side.median,
            ))
        } else {
            let measured = row.side(side)?;
            Some(Distance::TimesThe(
                measured.each(measured.median) / reference_side.each(reference_side.median),
            ))
        }
    }
}

/// How a row compares with its workload's reference.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Distance {
    /// A speed-up as a share of the most there can be: 0.97 is 97 %.
    ShareOf(f64),
    /// A cost as a multiple of the reference: 12 is 12×.
    TimesThe(f64),
}

impl WorkloadResult {
    /// The speed-up of `row` on one side over the baseline row: how many
    /// times less its median costs per item than the baseline's.
    pub fn speedup(&self, row: &RowResult, side: Side) -> Option<f64> {
        let baseline = self
            .rows
            .iter()
            .find(|r| Some(&r.id) == self.speedup_baseline.as_ref())?;
        if row.unit != Unit::Seconds {
            return None;
        }
        let (base, this) = (baseline.side(side)?, row.side(side)?);
        Some(base.each(base.median) / this.each(this.median))
    }
}

impl RowResult {
    pub fn side(&self, side: Side) -> Option<&Measured> {
        match side {
            Side::Rust => self.rust.as_ref(),
            Side::Python(version) => self.python.get(version),
        }
    }

    /// The one side there is, for a row only one side measured.
    fn any_side(&self) -> Option<&Measured> {
        self.rust.as_ref().or_else(|| self.python.values().next())
    }

    /// The value of each parameter the label shows, by name: every side
    /// that measured the row ran with the same.
    pub fn label_params(&self) -> Result<BTreeMap<&str, &serde_json::Value>, String> {
        let sides: Vec<&Measured> = self.rust.iter().chain(self.python.values()).collect();
        placeholders(&self.label)
            .map(|name| {
                let mut values = sides.iter().map(|side| side.params.get(name));
                let first = values.next().flatten();
                match first {
                    Some(value) if values.all(|other| other == Some(value)) => Ok((name, value)),
                    _ => Err(format!(
                        "row {:?}: the sides ran with different {name:?}, or without it",
                        self.id
                    )),
                }
            })
            .collect()
    }
}

/// Every sample taken, by workload, row and side, with the items it
/// covers and the parameters it ran with.
#[derive(Debug, Default)]
pub struct Samples(BTreeMap<SampleKey, Vec<Printed>>);

/// A workload's id, a row's id and the side that measured it.
type SampleKey = (&'static str, &'static str, Side<'static>);

impl Samples {
    pub fn add(
        &mut self,
        workload: &'static str,
        row: &'static str,
        side: Side<'static>,
        printed: Printed,
    ) {
        self.0
            .entry((workload, row, side))
            .or_default()
            .push(printed);
    }

    /// The results of a finished run, laid out as the catalogue orders the
    /// workloads and rows, with a Python column for each of `pythons`.
    /// Fails where a case has no sample, or its runs differ in items or
    /// parameters, or its sides in a parameter the label shows.
    pub fn into_results(
        self,
        machine: Machine,
        size: Size,
        runs: usize,
        wall_seconds: f64,
        pythons: &[&'static str],
        previous: Option<PreviousRun>,
    ) -> Result<Results, String> {
        let mut workloads = Vec::new();
        for workload in WORKLOADS {
            let mut rows = Vec::new();
            for row in workload.programs.iter().flat_map(|p| p.rows) {
                let side = |side: Side<'static>| -> Result<Option<Measured>, String> {
                    let Some(case) = row.case(side.language()) else {
                        return Ok(None);
                    };
                    let what = format!("{} {}/{}", side.name(), workload.id, row.id);
                    let Some(samples) = self.0.get(&(workload.id, row.id, side)) else {
                        return Err(format!("no sample of {what}"));
                    };
                    let (_, items, params) = &samples[0];
                    // A cost per item is only one figure if every run did
                    // the same number of items, with the same parameters.
                    if samples.iter().any(|(_, n, _)| n != items) {
                        return Err(format!("the runs of {what} covered different items"));
                    }
                    if samples.iter().any(|(_, _, p)| p != params) {
                        return Err(format!("the runs of {what} had different parameters"));
                    }
                    let values = samples.iter().map(|&(value, _, _)| value).collect();
                    Ok(Some(Measured::new(
                        case.how,
                        *items,
                        params.clone(),
                        values,
                    )))
                };
                let rust = side(Side::Rust)?;
                let mut python = BTreeMap::new();
                for &version in pythons {
                    if let Some(measured) = side(Side::Python(version))? {
                        python.insert(version.to_string(), measured);
                    }
                }
                let ratio = match &rust {
                    Some(r) if row.unit != Unit::Count => python
                        .iter()
                        .filter(|(_, p)| p.median > 0.0)
                        .map(|(version, p)| (version.clone(), r.each(r.median) / p.each(p.median)))
                        .collect(),
                    _ => BTreeMap::new(),
                };
                let result = RowResult {
                    id: row.id.to_string(),
                    label: row.label.to_string(),
                    unit: row.unit,
                    headline: row.headline,
                    against_reference: row.against_reference,
                    counted_in: row.counted_in.map(str::to_string),
                    rust,
                    python,
                    ratio,
                };
                result
                    .label_params()
                    .map_err(|e| format!("{}: {e}", workload.id))?;
                rows.push(result);
            }
            workloads.push(WorkloadResult {
                id: workload.id.to_string(),
                title: workload.title.to_string(),
                item: workload.item.map(str::to_string),
                speedup_baseline: workload.speedup_baseline.map(str::to_string),
                reference: workload.reference.map(|(workload, row)| RowRef {
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
            pythons: pythons.iter().map(|v| v.to_string()).collect(),
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
        let odd = Measured::new("x", Some(4), Params::new(), vec![3.0, 1.0, 2.0]);
        assert_eq!((odd.median, odd.min, odd.max), (2.0, 1.0, 3.0));
        assert_eq!(odd.samples, vec![3.0, 1.0, 2.0]);
        assert_eq!(odd.each(odd.median), 0.5);
        let even = Measured::new("x", None, Params::new(), vec![4.0, 1.0, 2.0, 3.0]);
        assert_eq!((even.median, even.each(even.median)), (2.5, 2.5));
    }

    fn machine() -> Machine {
        Machine {
            cpu: String::new(),
            cores: 1,
            os: String::new(),
            rustc: String::new(),
            pythons: Vec::new(),
            date: String::new(),
        }
    }

    #[test]
    fn a_case_without_samples_is_an_error() {
        let error = Samples::default()
            .into_results(machine(), Size::Tiny, 1, 0.0, &["3.11"], None)
            .unwrap_err();
        assert!(error.starts_with("no sample of Rust counter/"), "{error}");
    }

    #[test]
    fn sides_must_agree_on_what_a_label_shows() {
        let measured = |threads: u64| {
            let params = Params::from([("threads".to_string(), threads.into())]);
            Measured::new("x", Some(1), params, vec![1.0])
        };
        let mut row = RowResult {
            id: "r".into(),
            label: "{threads} threads".into(),
            unit: Unit::Seconds,
            headline: false,
            against_reference: false,
            counted_in: None,
            rust: Some(measured(2)),
            python: BTreeMap::from([("3.11".to_string(), measured(2))]),
            ratio: BTreeMap::new(),
        };
        assert_eq!(row.label_params().unwrap()["threads"], 2);
        row.python.insert("3.13".into(), measured(3));
        assert!(row.label_params().is_err());
    }
}
