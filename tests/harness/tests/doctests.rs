//! Every Rust block written inline in a chapter passes rustdoc.
//!
//! The blocks are the doc-tests of the `chapters` package (tests/markdown).
//! Stable rustdoc runs `compile_fail,E0XXX` blocks but ignores their error
//! code, so a block could fail for another reason than the one the text
//! explains. `RUSTC_BOOTSTRAP=1` makes rustdoc check the codes; it is set
//! only for this nested build, in a target directory of its own, so no other
//! build of the book sees it and nothing is rebuilt back and forth.

use std::process::Command;

use harness::{book_root, target_dir};

#[test]
fn every_inline_rust_block_passes_rustdoc_with_its_error_code() {
    let output = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
        .args(["test", "--doc", "--package", "chapters", "--target-dir"])
        .arg(target_dir().join("doctests"))
        .env("RUSTC_BOOTSTRAP", "1")
        .current_dir(book_root())
        .output()
        .expect("cargo runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let summary: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with("test result"))
        .collect();
    eprintln!("chapters' doc-tests: {}", summary.join("; "));
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        summary.iter().any(|line| !line.contains(" 0 passed")),
        "no doc-test ran:\n{stdout}"
    );
}
