//! Checks that the prose states no fact without its proof: every marked note
//! names its evidence, every figure quoted from a run is still in that run's
//! output, and every probe is shown to the reader.

use std::collections::BTreeSet;
use std::path::PathBuf;

use regex::Regex;

use crate::html::normalize;
use crate::listing::Listing;
use crate::probe::Probe;
use crate::python::runs_on_sentence;

/// How a marked note begins: a place where the note is wrong or outdated.
const NOTE: &str = "> **Note:**";

/// Every `> **Note:**` blockquote links its evidence: a listing
/// (`#listing-N-M`), a probe (`#probe-slug`), or, for a version this
/// machine does not have, a section of a document (`https://...#section`).
pub fn check_notes_have_evidence(chapters: &[(PathBuf, String)]) -> Vec<String> {
    let link = Regex::new(r"\]\(([^)\s]+)").expect("valid pattern");
    let mut problems = Vec::new();
    for (chapter, text) in chapters {
        for (line, note) in marked_notes(text) {
            let evidence = link
                .captures_iter(&note)
                .map(|caps| caps[1].to_string())
                .any(|target| is_evidence(&target));
            if !evidence {
                problems.push(format!(
                    "{}:{line}: this marked note names no evidence: link the listing \
                     (#listing-N-M) or probe (appendix-c-probes.md#probe-...) that shows it, \
                     or the exact section of a document (https://...#section)",
                    chapter.display()
                ));
            }
        }
    }
    problems
}

fn is_evidence(target: &str) -> bool {
    let (path, fragment) = target.split_once('#').unwrap_or((target, ""));
    !fragment.is_empty()
        && (fragment.starts_with("listing-")
            || fragment.starts_with("probe-")
            || path.starts_with("https://"))
}

/// Each marked note with the line (counted from 1) it starts on, as one
/// text: the blockquote's lines from `> **Note:**` to the first line that
/// is not quoted.
fn marked_notes(text: &str) -> Vec<(usize, String)> {
    let mut notes = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for (number, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        match current.as_mut() {
            Some((_, note)) if trimmed.starts_with('>') => {
                note.push('\n');
                note.push_str(trimmed);
            }
            _ => {
                notes.extend(current.take());
                if trimmed.starts_with(NOTE) {
                    current = Some((number + 1, trimmed.to_string()));
                }
            }
        }
    }
    notes.extend(current);
    notes
}

/// Every `<span class="figure" data-from="NAME">TEXT</span>` quotes a figure
/// that the output of listing or probe NAME still shows (for a probe, one of
/// its output files). Commas between digits are ignored, so the prose may
/// write `134,916` for `134916`.
pub fn check_figures(
    chapters: &[(PathBuf, String)],
    listings: &[Listing],
    probes: &[Probe],
) -> Vec<String> {
    let span = Regex::new(r#"<span class="figure"([^>]*)>([^<]*)</span>"#).expect("valid pattern");
    let from = Regex::new(r#"^\s+data-from="([^"]+)"\s*$"#).expect("valid pattern");
    let mut problems = Vec::new();
    for (chapter, text) in chapters {
        let spans = span.captures_iter(text).count();
        if text.matches("data-from=").count() != spans {
            problems.push(format!(
                "{}: a figure is written `<span class=\"figure\" data-from=\"NAME\">TEXT</span>`, \
                 with nothing else in the tag",
                chapter.display()
            ));
        }
        for caps in span.captures_iter(text) {
            let at = format!("{}: figure `{}`", chapter.display(), &caps[2]);
            let Some(name) = from.captures(&caps[1]).map(|c| c[1].to_string()) else {
                problems.push(format!(
                    "{at} must say which run it comes from: data-from=\"listing-... or probe slug\""
                ));
                continue;
            };
            let output = match output_of(&name, listings, probes) {
                Some(Ok(output)) => output,
                Some(Err(e)) => {
                    problems.push(e);
                    continue;
                }
                None => {
                    problems.push(format!("{at} names `{name}`, no listing or probe"));
                    continue;
                }
            };
            if !ungrouped(&output).contains(&ungrouped(&caps[2])) {
                problems.push(format!(
                    "{at} is not in {name}'s output.txt any more: quote what its run printed"
                ));
            }
        }
    }
    problems
}

fn output_of(name: &str, listings: &[Listing], probes: &[Probe]) -> Option<Result<String, String>> {
    let listing = listings.iter().find(|l| l.name == name);
    let probe = probes.iter().find(|p| p.slug == name);
    listing.map(Listing::expected_output).or_else(|| {
        probe.map(|probe| {
            let mut all = probe.expected_output()?;
            for version in probe.versions() {
                if probe.version_output_path(version).is_file() {
                    all += &probe.expected_output_on(version)?;
                }
            }
            Ok(all)
        })
    })
}

/// `text` without the commas that group digits.
fn ungrouped(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    chars
        .iter()
        .enumerate()
        .filter(|&(i, &c)| {
            let between_digits = i > 0
                && chars[i - 1].is_ascii_digit()
                && chars.get(i + 1).is_some_and(char::is_ascii_digit);
            !(c == ',' && between_digits)
        })
        .map(|(_, &c)| c)
        .collect()
}

/// Every probe's program and every output file are shown by some page,
/// under a heading with its anchor, so that a chapter's link to the probe
/// lands on it; the section under that heading says, in a line of its own,
/// which versions the probe runs on (`Runs on CPython 3.11, 3.12 and 3.13.`).
pub fn check_probes_shown(
    probes: &[Probe],
    included: &BTreeSet<PathBuf>,
    chapters: &[(PathBuf, String)],
) -> Vec<String> {
    let mut problems = Vec::new();
    for probe in probes {
        let shown = std::iter::once(probe.script_path()).chain(probe.output_files());
        for path in shown {
            if !included.contains(&normalize(&path)) {
                problems.push(format!(
                    "probe {}: no page shows its {}",
                    probe.slug,
                    path.file_name().unwrap_or_default().to_string_lossy()
                ));
            }
        }
        let anchor = format!("{{#{}}}", probe.anchor());
        let sections: Vec<&str> = chapters
            .iter()
            .filter_map(|(_, text)| section_under(text, &anchor))
            .collect();
        let versions = runs_on_sentence(&probe.versions());
        match sections.as_slice() {
            [] => problems.push(format!(
                "probe {}: no heading carries `{anchor}` for the chapters to link to",
                probe.slug
            )),
            [section] if !section.lines().any(|line| line.trim() == versions) => {
                problems.push(format!(
                    "probe {}: its section must say the versions it runs on, in a line of \
                     its own: `{versions}`",
                    probe.slug
                ))
            }
            [_] => {}
            _ => problems.push(format!(
                "probe {}: more than one heading carries `{anchor}`",
                probe.slug
            )),
        }
    }
    problems
}

/// The text from the heading line that contains `anchor` to the next
/// heading (or the end), outside fenced code blocks, if there is one.
fn section_under<'a>(text: &'a str, anchor: &str) -> Option<&'a str> {
    let mut offset = 0;
    let mut start = None;
    let mut fenced = false;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") {
            fenced = !fenced;
        } else if !fenced && trimmed.starts_with('#') {
            if let Some(start) = start {
                return Some(&text[start..offset]);
            }
            if line.contains(anchor) {
                start = Some(offset);
            }
        }
        offset += line.len();
    }
    start.map(|start| &text[start..])
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;

    fn chapter(text: &str) -> Vec<(PathBuf, String)> {
        vec![(PathBuf::from("ch.md"), text.to_string())]
    }

    #[test]
    fn a_marked_note_needs_a_listing_a_probe_or_a_document_section() {
        let without = "Text.\n\n> **Note:** CPython does this.\n> Trust us.\n\nMore.\n";
        assert_eq!(check_notes_have_evidence(&chapter(without)).len(), 1);
        for evidence in [
            "[Listing 2-23](ch02.md#listing-2-23)",
            "[a probe](appendix-c-probes.md#probe-pool-reuses-workers)",
            "[What's New](https://docs.python.org/3.14/whatsnew/3.14.html#pep-779)",
        ] {
            let with = format!("> **Note:** CPython does this.\n> See {evidence}.\n");
            assert!(
                check_notes_have_evidence(&chapter(&with)).is_empty(),
                "{evidence}"
            );
        }
        let page_only = "> **Note:** See [the docs](https://docs.python.org/3/).\n";
        assert_eq!(check_notes_have_evidence(&chapter(page_only)).len(), 1);
    }

    #[test]
    fn a_note_ends_where_the_blockquote_ends() {
        let text = "> **Note:** one\n> two\n\n[Listing](#listing-1-1)\n> **Note:** three\n";
        let notes = marked_notes(text);
        assert_eq!(
            notes,
            vec![
                (1, "> **Note:** one\n> two".into()),
                (5, "> **Note:** three".into())
            ]
        );
    }

    #[test]
    fn a_probe_s_section_runs_to_the_next_heading_not_to_a_comment_in_code() {
        let text = "# C\n\n### claim {#probe-a}\n\nRuns on CPython 3.13.\n\n```python\n# not a heading\n```\n\n### other {#probe-b}\nlast\n";
        let section = section_under(text, "{#probe-a}").unwrap();
        assert!(section.starts_with("### claim {#probe-a}\n"));
        assert!(section.contains("# not a heading") && !section.contains("probe-b"));
        assert_eq!(
            section_under(text, "{#probe-b}"),
            Some("### other {#probe-b}\nlast\n")
        );
        assert_eq!(section_under(text, "{#probe-c}"), None);
    }

    #[test]
    fn a_probe_s_section_shows_every_output_file_and_says_its_versions() {
        let root = std::env::temp_dir().join(format!("harness-claims-{}", std::process::id()));
        let dir = root.join("probes").join("old-only");
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("probe.py"), "print(1)\n").unwrap();
        fs::write(
            dir.join("probe.toml"),
            "claim = \"x\"\norder = \"exact\"\nvaries = []\npython = \"<3.13\"\n",
        )
        .unwrap();
        fs::write(dir.join("output.txt"), "").unwrap();
        fs::write(dir.join("output-3.12.txt"), "").unwrap();
        let probes = crate::discover_probes(&root).unwrap();
        let mut included: BTreeSet<PathBuf> = [dir.join("probe.py"), dir.join("output.txt")].into();
        let section = |runs_on: &str| {
            chapter(&format!(
                "## Chapter\n\n### claim {{#probe-old-only}}\n\nText.\n\n{runs_on}\n\n## Next\n"
            ))
        };
        let problems = check_probes_shown(&probes, &included, &section("")).join("\n");
        assert!(
            problems.contains("no page shows its output-3.12.txt"),
            "{problems}"
        );
        assert!(
            problems.contains("`Runs on CPython 3.11 and 3.12.`"),
            "{problems}"
        );
        included.insert(dir.join("output-3.12.txt"));
        let wrong = section("Runs on CPython 3.11, 3.12 and 3.13.");
        assert_eq!(check_probes_shown(&probes, &included, &wrong).len(), 1);
        let right = section("Runs on CPython 3.11 and 3.12.");
        assert!(check_probes_shown(&probes, &included, &right).is_empty());
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn commas_between_digits_are_ignored_and_no_others() {
        assert_eq!(
            ungrouped("lost 134,916 of 2,000,000, then"),
            "lost 134916 of 2000000, then"
        );
        assert_eq!(ungrouped("a, 1, b"), "a, 1, b");
    }
}
