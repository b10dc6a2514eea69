//! Finding the book's Markdown files and their fenced code blocks.
//!
//! Dependency-free on purpose: the `chapters` build script includes this
//! file with `#[path]` to prepare the chapters for rustdoc, and the harness
//! uses it to check them, so both read the book the same way.

use std::fs;
use std::path::{Path, PathBuf};

/// One fenced code block, at the top level or inside a blockquote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fence {
    /// What stands before the backticks: indentation and blockquote markers.
    pub prefix: String,
    /// The words after the opening backticks, e.g. `rust,noplayground`.
    pub info: String,
    /// The line number, counted from 0, of the opening line.
    pub open_line: usize,
    /// The lines between the opening and the closing line.
    pub body: Vec<String>,
}

impl Fence {
    /// The first word of the info string: `rust` in `rust,ignore`.
    pub fn language(&self) -> &str {
        self.info.split([',', ' ']).next().unwrap_or_default()
    }

    /// Whether the info string carries `attribute`, e.g. `noplayground`.
    pub fn has(&self, attribute: &str) -> bool {
        self.info.split([',', ' ']).any(|word| word == attribute)
    }

    /// Whether the block only shows a file pulled in by mdBook.
    pub fn includes_a_file(&self) -> bool {
        self.body
            .iter()
            .any(|line| line.contains("{{#include") || line.contains("{{#rustdoc_include"))
    }
}

/// `line` split into its indentation and blockquote markers (`> > `) and
/// the rest.
fn unquote(line: &str) -> (&str, &str) {
    let mut rest = line.trim_start();
    while let Some(inner) = rest.strip_prefix('>') {
        rest = inner.strip_prefix(' ').unwrap_or(inner).trim_start();
    }
    line.split_at(line.len() - rest.len())
}

/// Every fenced code block in `text`, in order.
pub fn fences(text: &str) -> Vec<Fence> {
    let mut fences = Vec::new();
    let mut open: Option<(String, Fence)> = None;
    for (number, line) in text.lines().enumerate() {
        let (prefix, trimmed) = unquote(line);
        let ticks = trimmed.len() - trimmed.trim_start_matches('`').len();
        match open.take() {
            None if ticks >= 3 => {
                let fence = Fence {
                    prefix: prefix.to_string(),
                    info: trimmed[ticks..].trim().to_string(),
                    open_line: number,
                    body: Vec::new(),
                };
                open = Some(("`".repeat(ticks), fence));
            }
            None => {}
            Some((marker, fence)) if trimmed.trim_end() == marker => fences.push(fence),
            Some((marker, mut fence)) => {
                let body = line.strip_prefix(fence.prefix.as_str()).unwrap_or(line);
                fence.body.push(body.to_string());
                open = Some((marker, fence));
            }
        }
    }
    fences
}

/// Every file under `dir`, at any depth, whose name ends in `.{extension}`,
/// sorted.
pub fn files_with_extension(dir: &Path, extension: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == extension) {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}
