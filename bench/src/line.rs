//! What a workload program is told and what it prints: it takes
//! `[--size full|tiny]` and prints one result per line as JSON,
//! `{"case": "two-threads-locked", "value": 0.451, "unit": "s", "items": 4000000,
//! "params": {"threads": 2}}`,
//! where `items` (present where a cost per item means something) is how many
//! items the value covers, and `params` the parameters the case ran with
//! (threads, tasks, queue capacity, sleep durations in seconds...), written
//! by the program that ran it. The two sides may do different numbers of
//! items, each sized to run long enough to time, so they are compared per
//! item. The Rust workloads and the Python twins print the same shape, so
//! one parser reads both.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A case's parameters by name: a number, a list of numbers, or `null`
/// (no bound, the library's default).
pub type Params = BTreeMap<String, Value>;

/// How big a run is: `Full` for the appendix, `Tiny` for the tests, which
/// only check that every program runs and prints well-formed results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Size {
    Full,
    Tiny,
}

impl Size {
    pub fn name(self) -> &'static str {
        match self {
            Size::Full => "full",
            Size::Tiny => "tiny",
        }
    }

    /// Reads `[--size full|tiny]` (the default is `full`).
    pub fn from_args(args: &[String]) -> Result<Size, String> {
        match args {
            [] => Ok(Size::Full),
            [flag, name] if flag == "--size" && name == "full" => Ok(Size::Full),
            [flag, name] if flag == "--size" && name == "tiny" => Ok(Size::Tiny),
            _ => Err(format!("expected [--size full|tiny], got {args:?}")),
        }
    }

    /// `full` or `tiny`, whichever this size is.
    pub fn pick<T>(self, full: T, tiny: T) -> T {
        match self {
            Size::Full => full,
            Size::Tiny => tiny,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Unit {
    #[serde(rename = "s")]
    Seconds,
    #[serde(rename = "bytes")]
    Bytes,
    #[serde(rename = "count")]
    Count,
}

/// One result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Line {
    pub case: String,
    pub value: f64,
    pub unit: Unit,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<u64>,
    pub params: Params,
}

impl Line {
    pub fn print(case: &str, value: f64, unit: Unit, items: Option<u64>, params: Params) {
        let line = Line {
            case: case.to_string(),
            value,
            unit,
            items,
            params,
        };
        println!(
            "{}",
            serde_json::to_string(&line).expect("a result serializes")
        );
    }
}

/// Every line of a program's standard output as a result: each must be
/// one JSON object of the shape above, with a finite, non-negative value
/// and its parameters.
pub fn parse(stdout: &str) -> Result<Vec<Line>, String> {
    stdout
        .lines()
        .map(|text| {
            let line: Line = serde_json::from_str(text)
                .map_err(|e| format!("not a result line ({e}): {text:?}"))?;
            if !(line.value.is_finite() && line.value >= 0.0) {
                Err(format!("not a finite, non-negative value: {text:?}"))
            } else if line.items == Some(0) {
                Err(format!("a value over no items: {text:?}"))
            } else if let Some((name, _)) = line.params.iter().find(|(_, v)| !is_param(v)) {
                Err(format!(
                    "parameter {name:?} is not a number, a list of numbers or null: {text:?}"
                ))
            } else {
                Ok(line)
            }
        })
        .collect()
}

fn is_param(value: &Value) -> bool {
    match value {
        Value::Null | Value::Number(_) => true,
        Value::Array(items) => items.iter().all(Value::is_number),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_and_rust_lines_parse_alike() {
        let python = r#"{"case": "threads", "value": 0.25, "unit": "s", "params": {"threads": 2}}"#;
        let rust = r#"{"case":"threads","value":0.25,"unit":"s","params":{"threads":2}}"#;
        assert_eq!(parse(python), parse(rust));
        assert_eq!(parse(rust).unwrap()[0].unit, Unit::Seconds);
        assert_eq!(parse(rust).unwrap()[0].params["threads"], 2);
        let counted =
            r#"{"case": "threads", "value": 0.25, "unit": "s", "items": 1000, "params": {}}"#;
        assert_eq!(parse(counted).unwrap()[0].items, Some(1000));
        let listed = r#"{"case": "s", "value": 1, "unit": "s", "params": {"sleep_seconds": [0.0101, 0.0103], "capacity": null}}"#;
        assert!(parse(listed).is_ok());
    }

    #[test]
    fn malformed_lines_are_refused() {
        for bad in [
            "threads 0.25",
            r#"{"case": "threads", "value": -1, "unit": "s", "params": {}}"#,
            r#"{"case": "threads", "value": 1, "unit": "ms", "params": {}}"#,
            r#"{"case": "threads", "value": 1, "unit": "s", "params": {}, "extra": 0}"#,
            r#"{"case": "threads", "value": 1, "unit": "s", "items": 0, "params": {}}"#,
            r#"{"case": "threads", "value": 1, "unit": "s"}"#,
            r#"{"case": "threads", "value": 1, "unit": "s", "params": {"kind": "os"}}"#,
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn sizes_come_from_the_arguments() {
        let args = |words: &[&str]| words.iter().map(|w| w.to_string()).collect::<Vec<_>>();
        assert_eq!(Size::from_args(&[]), Ok(Size::Full));
        assert_eq!(Size::from_args(&args(&["--size", "tiny"])), Ok(Size::Tiny));
        assert!(Size::from_args(&args(&["--size", "huge"])).is_err());
    }
}
