//! The machinery behind `cargo test` and `cargo xtask outputs`: it finds the
//! book's listings from their metadata, runs them and their Python twins,
//! and compares what they print with `output.txt`. DESIGN.md describes the
//! rules this code enforces.

pub mod claims;
pub mod comments;
mod compare;
pub mod html;
pub mod i18n;
mod listing;
pub mod markdown;
mod probe;
mod python;
mod run;
pub mod site;

pub use compare::{Rules, compare};
pub use listing::{Kind, Listing, TwinBuffering, discover, excluded_from_workspace};
pub use probe::{Probe, discover_probes};
pub use python::{
    Interpreter, PythonSpecifier, PythonVersion, SYSTEM_PYTHON, interpreters, missing_interpreters,
    python_with,
};
pub use run::{
    CONCURRENT_RUNS, Run, RunError, build_bins, build_compile_fail, for_each_concurrently, run,
};

use std::path::PathBuf;

/// The workspace root: the folder that holds `book.toml`.
pub fn book_root() -> PathBuf {
    let harness = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    harness
        .ancestors()
        .find(|dir| dir.join("book.toml").is_file())
        .expect("the harness lives inside the book's workspace")
        .to_path_buf()
}

/// Where cargo puts the workspace's binaries.
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| book_root().join("target"))
}
