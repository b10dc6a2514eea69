//! Comparing what a program printed with what `output.txt` says it prints.

use regex::Regex;
use serde::Deserialize;
use similar::TextDiff;

/// What stands in for a span that may differ between runs.
const VARIES: &str = "<varies>";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Order {
    /// Line for line.
    Exact,
    /// The same lines, in any order (threads or processes racing to print).
    Any,
}

/// How one listing's output is checked.
#[derive(Debug)]
pub struct Rules {
    order: Order,
    varies: Vec<Regex>,
}

impl Rules {
    pub fn new(order: Order, varies: &[String]) -> Result<Rules, String> {
        let varies = varies
            .iter()
            .map(|pattern| {
                Regex::new(pattern).map_err(|e| format!("varies pattern `{pattern}`: {e}"))
            })
            .collect::<Result<_, _>>()?;
        Ok(Rules { order, varies })
    }

    /// The `varies` patterns that match no line of `expected`: slack that a
    /// listing declares but never needs. Lines, as in masking, so `^` and `$`
    /// mean a line's ends.
    pub fn unused_patterns(&self, expected: &str) -> Vec<String> {
        self.varies
            .iter()
            .filter(|re| !expected.lines().any(|line| re.is_match(line)))
            .map(|re| re.as_str().to_string())
            .collect()
    }

    /// The text with every varying span replaced, lines sorted when their
    /// order does not matter.
    fn normalize(&self, text: &str) -> String {
        let mut lines: Vec<String> = text.lines().map(|line| self.mask(line)).collect();
        if self.order == Order::Any {
            lines.sort();
        }
        lines.iter().map(|line| format!("{line}\n")).collect()
    }

    fn mask(&self, line: &str) -> String {
        self.varies.iter().fold(line.to_string(), |line, re| {
            re.replace_all(&line, |caps: &regex::Captures| {
                let whole = caps.get(0).expect("group 0 always matches");
                match caps.get(1) {
                    Some(group) => format!(
                        "{}{VARIES}{}",
                        &line[whole.start()..group.start()],
                        &line[group.end()..whole.end()]
                    ),
                    None => VARIES.to_string(),
                }
            })
            .into_owned()
        })
    }
}

/// `Ok` when `actual` is `expected` but for the spans the rules let vary;
/// otherwise a unified diff of the two, normalized.
pub fn compare(expected: &str, actual: &str, rules: &Rules) -> Result<(), String> {
    let (expected, actual) = (rules.normalize(expected), rules.normalize(actual));
    if expected == actual {
        return Ok(());
    }
    let diff = TextDiff::from_lines(&expected, &actual)
        .unified_diff()
        .header("output.txt", "this run")
        .to_string();
    Err(diff)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(order: Order, varies: &[&str]) -> Rules {
        let varies: Vec<String> = varies.iter().map(|s| s.to_string()).collect();
        Rules::new(order, &varies).unwrap()
    }

    #[test]
    fn only_the_declared_group_may_differ() {
        let rules = rules(Order::Exact, &[r"pid=(\d+)"]);
        assert!(compare("a pid=12\n", "a pid=345\n", &rules).is_ok());
        assert!(compare("a pid=12\n", "b pid=12\n", &rules).is_err());
        assert!(compare("a pid=12\n", "a pid=12 and more\n", &rules).is_err());
    }

    #[test]
    fn a_pattern_without_a_group_masks_the_whole_match() {
        let rules = rules(Order::Exact, &[r"\d+\.\d+ s"]);
        assert!(compare("took 1.00 s\n", "took 1.03 s\n", &rules).is_ok());
        assert!(compare("took 1.00 s\n", "took 1.03 ms\n", &rules).is_err());
    }

    #[test]
    fn any_order_allows_reordering_but_not_different_lines() {
        let rules = rules(Order::Any, &[]);
        assert!(compare("a\nb\n", "b\na\n", &rules).is_ok());
        assert!(compare("a\nb\n", "a\na\n", &rules).is_err());
        assert!(compare("a\nb\n", "a\nb\nb\n", &rules).is_err());
    }

    #[test]
    fn exact_order_rejects_reordering_and_a_diff_names_both_sides() {
        let rules = rules(Order::Exact, &[]);
        let diff = compare("a\nb\n", "b\na\n", &rules).unwrap_err();
        assert!(
            diff.contains("--- output.txt") && diff.contains("+++ this run"),
            "{diff}"
        );
    }

    #[test]
    fn unused_patterns_are_reported() {
        let rules = rules(Order::Exact, &[r"pid=(\d+)", r"tid=(\d+)"]);
        assert_eq!(
            rules.unused_patterns("pid=1\n"),
            vec![r"tid=(\d+)".to_string()]
        );
    }

    #[test]
    fn anchors_in_a_pattern_mean_a_line_s_ends_as_in_masking() {
        let rules = rules(Order::Exact, &[r"^took (\d+) ms$"]);
        assert!(rules.unused_patterns("start\ntook 12 ms\nend\n").is_empty());
        assert!(compare("start\ntook 12 ms\n", "start\ntook 9 ms\n", &rules).is_ok());
    }
}
