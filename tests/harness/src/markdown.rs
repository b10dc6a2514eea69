//! Finding the fenced code blocks of a Markdown file.
//!
//! Dependency-free on purpose: `build.rs` includes this file with `#[path]`
//! to prepare the chapters for rustdoc, and the harness uses it to check
//! them, so both read the blocks the same way.

/// One fenced code block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fence {
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

/// Every fenced code block in `text`, in order.
pub fn fences(text: &str) -> Vec<Fence> {
    let mut fences = Vec::new();
    let mut open: Option<(String, Fence)> = None;
    for (number, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        let ticks = trimmed.len() - trimmed.trim_start_matches('`').len();
        match open.take() {
            None if ticks >= 3 => {
                let fence = Fence {
                    info: trimmed[ticks..].trim().to_string(),
                    open_line: number,
                    body: Vec::new(),
                };
                open = Some(("`".repeat(ticks), fence));
            }
            None => {}
            Some((marker, fence)) if trimmed.trim_end() == marker => fences.push(fence),
            Some((marker, mut fence)) => {
                fence.body.push(line.to_string());
                open = Some((marker, fence));
            }
        }
    }
    fences
}
