//! The report is drawn from a results file alone: from the committed
//! sample, and, for the book, from the committed `src/benchmarks/results.json`,
//! whose tables, figures and charts, the Chinese edition's under `zh-CN/`
//! included, must be exactly what it renders to.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use bench::report::write_book_files;
use bench::results::Results;

fn load(path: &Path) -> Results {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every file under `dir`, in its subfolders too.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(files_under(&path));
        } else {
            files.push(path);
        }
    }
    files
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = fs::remove_dir_all(&dir);
    dir
}

#[test]
fn the_sample_renders_to_tables_figures_and_charts() {
    let sample = load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sample-results.json"));
    let dir = scratch("sample-report");
    let written = write_book_files(&sample, &dir).expect("the sample renders");
    for workload in &sample.workloads {
        let chart = fs::read_to_string(dir.join(format!("{}.svg", workload.id))).unwrap();
        assert!(chart.starts_with("<svg"), "{}", workload.id);
        // Each row's label, up to its first parameter, which the chart
        // shows filled in.
        for row in workload
            .rows
            .iter()
            .filter(|row| row.unit != bench::line::Unit::Count)
        {
            let words = row.label.split('{').next().unwrap_or_default();
            let words = words.replace('\'', "&apos;");
            assert!(
                chart.contains(&words),
                "{} lacks {}",
                workload.id,
                row.label
            );
        }
        let table = fs::read_to_string(dir.join(format!("table-{}.md", workload.id))).unwrap();
        // The rows, a header and its rule, and a reference measured
        // elsewhere.
        let borrowed_reference = sample
            .reference_of(workload)
            .is_some_and(|reference| !workload.rows.iter().any(|row| std::ptr::eq(reference, row)));
        let lines = workload.rows.len() + 2 + usize::from(borrowed_reference);
        assert_eq!(table.lines().count(), lines, "{table}");
        let chinese =
            fs::read_to_string(dir.join("zh-CN").join(format!("table-{}.md", workload.id)))
                .unwrap();
        assert_eq!(chinese.lines().count(), lines, "{chinese}");
    }
    let figures = fs::read_to_string(dir.join("figures.txt")).unwrap();
    assert!(figures.contains("ANCHOR: counter-two-threads-locked-ratio\n"));
    assert!(figures.contains("ANCHOR: sleep-tasks-rust-over-reference\n"));
    assert!(figures.contains("ANCHOR: messages-tasks-capacity\n1\n"));
    let chinese_figures = fs::read_to_string(dir.join("zh-CN/figures.txt")).unwrap();
    let anchors = |text: &str| {
        text.lines()
            .filter(|l| l.starts_with("ANCHOR"))
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    assert_eq!(anchors(&figures), anchors(&chinese_figures));
    assert!(written.iter().any(|path| path.ends_with("cpu-speedup.svg")));
}

#[test]
fn the_books_tables_figures_and_charts_are_rendered_from_its_results() {
    let book = Path::new(env!("CARGO_MANIFEST_DIR")).join("../src/benchmarks");
    let results = load(&book.join("results.json"));
    let dir = scratch("book-report");
    let written = write_book_files(&results, &dir).expect("the book's results render");
    // Paths relative to the folder, so the Chinese edition's `zh-CN/`
    // files are compared too.
    let names = |root: &Path, paths: &mut dyn Iterator<Item = PathBuf>| -> BTreeSet<String> {
        paths
            .filter_map(|path| Some(path.strip_prefix(root).ok()?.to_str()?.to_string()))
            .filter(|name| name != "results.json")
            .collect()
    };
    let in_book = names(&book, &mut files_under(&book).into_iter());
    let rendered = names(&dir, &mut written.into_iter());
    assert_eq!(
        in_book, rendered,
        "src/benchmarks holds other files than the results render to"
    );
    for name in rendered {
        let expected = fs::read_to_string(dir.join(&name)).unwrap();
        let committed = fs::read_to_string(book.join(&name)).unwrap();
        assert!(
            committed == expected,
            "src/benchmarks/{name} is not what results.json renders to: run `cargo xtask bench --report-only`"
        );
    }
}

#[test]
fn every_chinese_label_passes_the_editions_glossary_and_typography() {
    let root = harness::book_root();
    let terms = harness::i18n::checked_terms(&root).expect("po/GLOSSARY.md reads");
    // A `{name}` placeholder is filled with a parameter, the same in both
    // languages: checked as code, not as an English word.
    let placeholder = regex::Regex::new(r"\{(\w*)\}").expect("the pattern compiles");
    let as_code = |text: &str| placeholder.replace_all(text, "`{$1}`").into_owned();
    let labels: Vec<(String, String)> = bench::report::LABELS
        .iter()
        .map(|&(english, chinese)| (as_code(english), as_code(chinese)))
        .collect();
    let labels: Vec<(&str, &str, &str)> = labels
        .iter()
        .map(|(english, chinese)| {
            (
                "bench/src/report.rs LABELS",
                english.as_str(),
                chinese.as_str(),
            )
        })
        .collect();
    let problems = harness::i18n::check_strings(&labels, &terms);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
