//! Prepares the chapters for rustdoc (see lib.rs).
//!
//! Every Markdown file under the book's `src/` becomes a module documented by that file.
//! A ```` ```rust ```` block that only pulls a listing in with mdBook's
//! `{{#include}}` is not Rust to rustdoc; the listing harness proves those
//! listings, so such blocks are retagged `text` here, on the same lines, so
//! that a failing doc-test still points at the right line of the chapter.

use std::fs;
use std::path::{Path, PathBuf};

// Shared with the harness, which uses more of it than this script does.
#[allow(dead_code)]
#[path = "../harness/src/markdown.rs"]
mod markdown;

fn main() {
    let chapters_dir = Path::new("../../src");
    println!("cargo::rerun-if-changed={}", chapters_dir.display());
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let chapters = markdown::files_with_extension(chapters_dir, "md")
        .into_iter()
        .filter(|path| !path.ends_with("SUMMARY.md"));
    let mut modules = String::new();
    for chapter in chapters {
        let text = fs::read_to_string(&chapter).expect("chapters are UTF-8 text");
        // From the path below src/, since generated files in its folders
        // (benchmarks/machine.md, benchmarks/zh-CN/machine.md) share names.
        let relative = chapter
            .strip_prefix(chapters_dir)
            .expect("under src/")
            .to_string_lossy()
            .into_owned();
        let module = relative
            .trim_end_matches(".md")
            .replace(['-', '.', '/'], "_")
            .to_lowercase();
        let copy = out_dir.join(format!("{module}.md"));
        fs::write(&copy, without_listing_blocks(&text)).expect("OUT_DIR is writable");
        modules.push_str(&format!(
            "#[doc = include_str!({copy:?})]\npub mod {module} {{}}\n"
        ));
    }
    fs::write(out_dir.join("chapters.rs"), modules).expect("OUT_DIR is writable");
}

fn without_listing_blocks(text: &str) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    for fence in markdown::fences(text) {
        if fence.language() == "rust" && fence.includes_a_file() {
            let line = &mut lines[fence.open_line];
            let ticks = line[fence.prefix.len()..]
                .chars()
                .take_while(|&c| c == '`')
                .count();
            *line = format!("{}{}text", fence.prefix, "`".repeat(ticks));
        }
    }
    lines.join("\n") + "\n"
}
