//! The report is drawn from a results file alone: from the committed
//! sample, and, for the book, from the committed `src/benchmarks/results.json`,
//! whose tables, figures and charts must be exactly what it renders to.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use bench::report::write_book_files;
use bench::results::Results;

fn load(path: &Path) -> Results {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
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
        for row in workload
            .rows
            .iter()
            .filter(|row| row.unit != bench::line::Unit::Count)
        {
            assert!(
                chart.contains(&row.label),
                "{} lacks {}",
                workload.id,
                row.label
            );
        }
        let table = fs::read_to_string(dir.join(format!("table-{}.md", workload.id))).unwrap();
        assert_eq!(table.lines().count(), workload.rows.len() + 2, "{table}");
    }
    let figures = fs::read_to_string(dir.join("figures.txt")).unwrap();
    assert!(figures.contains("ANCHOR: counter-two-threads-locked-ratio\n"));
    assert!(written.iter().any(|path| path.ends_with("cpu-speedup.svg")));
}

#[test]
fn the_books_tables_figures_and_charts_are_rendered_from_its_results() {
    let book = Path::new(env!("CARGO_MANIFEST_DIR")).join("../src/benchmarks");
    let results = load(&book.join("results.json"));
    let dir = scratch("book-report");
    let written = write_book_files(&results, &dir).expect("the book's results render");
    let names = |paths: &mut dyn Iterator<Item = PathBuf>| -> BTreeSet<String> {
        paths
            .filter_map(|path| Some(path.file_name()?.to_str()?.to_string()))
            .filter(|name| name != "results.json")
            .collect()
    };
    let in_book = names(
        &mut fs::read_dir(&book)
            .unwrap()
            .map(|entry| entry.unwrap().path()),
    );
    let rendered = names(&mut written.into_iter());
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
