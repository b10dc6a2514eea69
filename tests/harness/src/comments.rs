//! The comments in the book's Rust and Python code: found with a scanner
//! that knows each language's strings, grouped into the messages the
//! Chinese edition translates, and replaced by their translations on the
//! Chinese pages, the code around them unchanged byte for byte.
//!
//! A message is a run of consecutive comment lines, each alone on its line
//! with the same indentation and marker (`//`, `///`, `//!` or `#`), its
//! lines' texts joined by newlines; or one comment after code on its line.
//! The marker and indentation are not part of the message: each line of a
//! translation becomes a comment line with the first line's indentation and
//! marker, so a translation may have more or fewer lines than its English.
//!
//! Not messages, and kept as they are: mdBook's `ANCHOR:`/`ANCHOR_END:`
//! lines (which end a run, since mdBook drops them from an anchored
//! include), a Python tool directive at a comment's start (`noqa: E402`,
//! `type: ignore`; any text after it is the message), and the `#!` line
//! that starts a script. Rust block comments (`/* */`) are refused: the
//! book writes line comments. A Python docstring is a string literal, so it
//! is code, as is a `#` inside any string.

use std::collections::HashMap;
use std::fs;
use std::ops::Range;
use std::path::Path;
use std::sync::OnceLock;

use mdbook_preprocessor::book::{Book, BookItem};
use mdbook_preprocessor::errors::Error;
use mdbook_preprocessor::{Preprocessor, PreprocessorContext};
use polib::catalog::Catalog;
use regex::Regex;

use crate::html::normalize;
use crate::markdown::{Fence, fences};

/// A language whose comments the book translates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    Rust,
    Python,
}

impl Language {
    /// The language of a code block, by its info string's first word; None
    /// for a language whose comments stay as they are (console, text).
    pub fn of_block(word: &str) -> Option<Language> {
        match word {
            "rust" => Some(Language::Rust),
            "python" | "py" => Some(Language::Python),
            _ => None,
        }
    }
}

/// A Rust block comment (`/* */`), which the book's code does not use: the
/// Chinese edition translates line comments only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BlockComment {
    /// Its line in the code, counted from 0.
    pub line: usize,
}

impl std::fmt::Display for BlockComment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line + 1, BlockComment::WHY)
    }
}

impl BlockComment {
    const WHY: &str = "a block comment (`/* */`); write line comments, which the Chinese \
                       edition translates";
}

/// One comment, as a message: where it is in its code and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    /// Its first line, counted from 0, and how many lines it spans.
    pub line: usize,
    pub lines: usize,
    /// The message: each line's text after its marker (and after one space,
    /// and after a tool directive), joined by newlines.
    pub text: String,
}

/// Code split into lines, each with the prefix that hides it in a Rust
/// block (rustdoc's `# `, which mdBook's `rustdoc_include` puts before the
/// lines outside its anchor) apart from its code.
#[derive(Debug, Clone)]
pub struct Code {
    language: Language,
    lines: Vec<(String, String)>,
}

/// A line of translated code: one of the original's, or a comment line
/// written from a translation.
enum Line {
    Kept(usize),
    Written(String),
}

/// A run of comment lines that is one message, as the scanner found it.
#[derive(Debug)]
struct Run {
    line: usize,
    lines: usize,
    /// What stands before the marker on the first line: indentation for a
    /// comment alone on its line, the code and the space after it for one
    /// that follows code.
    before: String,
    marker: &'static str,
    /// A tool directive that the comment starts with, kept untranslated.
    directive: String,
    texts: Vec<String>,
    trailing: bool,
    /// An `ANCHOR:` line, or a comment of nothing but a directive: kept.
    kept: bool,
}

impl Run {
    fn text(&self) -> String {
        self.texts.join("\n")
    }
}

impl Code {
    /// The lines of a code block or a file. In Rust, a line that mdBook
    /// hides (`# `, or `#` alone, after any indentation) keeps its hiding
    /// prefix apart from its code.
    pub fn new<'a>(language: Language, lines: impl IntoIterator<Item = &'a str>) -> Code {
        let lines = lines
            .into_iter()
            .map(|line| match language {
                Language::Rust => {
                    let hidden = hidden_prefix().find(line).map_or(0, |m| m.end());
                    (line[..hidden].to_string(), line[hidden..].to_string())
                }
                Language::Python => (String::new(), line.to_string()),
            })
            .collect();
        Code { language, lines }
    }

    /// The comments that are messages, in order.
    pub fn comments(&self) -> Result<Vec<Comment>, BlockComment> {
        Ok(self
            .runs()?
            .into_iter()
            .filter(|run| !run.kept)
            .map(|run| Comment {
                line: run.line,
                lines: run.lines,
                text: run.text(),
            })
            .collect())
    }

    /// The code with every comment that `translation` translates replaced
    /// by its translation, line by line; every other line as it was.
    pub fn translated<'t>(
        &self,
        translation: impl Fn(&str) -> Option<&'t str>,
    ) -> Result<Vec<String>, BlockComment> {
        Ok(self
            .translated_lines(translation)?
            .into_iter()
            .map(|line| match line {
                Line::Kept(index) => self.original(index..index + 1).collect(),
                Line::Written(text) => text,
            })
            .collect())
    }

    /// As `translated`, each line either kept (by its index) or written.
    fn translated_lines<'t>(
        &self,
        translation: impl Fn(&str) -> Option<&'t str>,
    ) -> Result<Vec<Line>, BlockComment> {
        let mut out = Vec::with_capacity(self.lines.len());
        let mut next = 0;
        for run in self.runs()? {
            out.extend((next..run.line).map(Line::Kept));
            next = run.line + run.lines;
            let translated = (!run.kept)
                .then(|| translation(&run.text()))
                .flatten()
                .filter(|text| !text.trim().is_empty());
            let Some(translated) = translated else {
                out.extend((run.line..next).map(Line::Kept));
                continue;
            };
            let hidden = &self.lines[run.line].0;
            // Later lines of a comment after code line up under its marker.
            let indent = if run.trailing {
                " ".repeat(run.before.chars().count())
            } else {
                run.before.clone()
            };
            for (index, text) in translated.lines().enumerate() {
                let (before, directive) = if index == 0 {
                    (run.before.as_str(), run.directive.as_str())
                } else {
                    (indent.as_str(), "")
                };
                let space = if text.is_empty() && directive.is_empty() {
                    ""
                } else {
                    " "
                };
                out.push(Line::Written(format!(
                    "{hidden}{before}{}{space}{directive}{text}",
                    run.marker
                )));
            }
        }
        out.extend((next..self.lines.len()).map(Line::Kept));
        Ok(out)
    }

    /// The code without its comments: a line that is only a comment is
    /// left out, a comment after code is cut off with the spaces before it.
    pub fn without_comments(&self) -> Result<Vec<String>, BlockComment> {
        let starts = self.scan()?;
        Ok(self
            .lines
            .iter()
            .zip(starts)
            .filter_map(|((hidden, code), start)| match start {
                None => Some(format!("{hidden}{code}")),
                Some(start) if code[..start].trim().is_empty() => None,
                Some(start) => Some(format!("{hidden}{}", code[..start].trim_end())),
            })
            .collect())
    }

    /// The text of every comment line that a reader reads as words: the
    /// lines of every message, without `ANCHOR:` lines or tool directives,
    /// each with its line number (from 0).
    pub fn comment_lines(&self) -> Result<Vec<(usize, String)>, BlockComment> {
        Ok(self
            .runs()?
            .into_iter()
            .filter(|run| !run.kept)
            .flat_map(|run| {
                let first = run.line;
                run.texts
                    .into_iter()
                    .enumerate()
                    .map(move |(index, text)| (first + index, text))
            })
            .collect())
    }

    fn original(&self, range: Range<usize>) -> impl Iterator<Item = String> + '_ {
        self.lines[range]
            .iter()
            .map(|(hidden, code)| format!("{hidden}{code}"))
    }

    /// Where each line's comment starts (the byte offset of its marker in
    /// the line's code), if it has one.
    fn scan(&self) -> Result<Vec<Option<usize>>, BlockComment> {
        let codes = self.lines.iter().map(|(_, code)| code.as_str());
        match self.language {
            Language::Rust => scan_rust(codes),
            Language::Python => Ok(scan_python(codes)),
        }
    }

    fn runs(&self) -> Result<Vec<Run>, BlockComment> {
        let starts = self.scan()?;
        let mut runs: Vec<Run> = Vec::new();
        for (number, ((hidden, code), start)) in self.lines.iter().zip(starts).enumerate() {
            let Some(start) = start else { continue };
            if self.language == Language::Python && number == 0 && code.starts_with("#!") {
                continue;
            }
            let before = &code[..start];
            let (marker, rest) = split_marker(self.language, &code[start..]);
            let rest = rest.strip_prefix(' ').unwrap_or(rest).trim_end();
            let (directive, text) = match self.language {
                Language::Python => split_directive(rest),
                Language::Rust => ("", rest),
            };
            let trailing = !before.trim().is_empty();
            let kept = anchor().is_match(rest) || (!directive.is_empty() && text.is_empty());
            if let Some(last) = runs.last_mut()
                && !trailing
                && !kept
                && !last.trailing
                && !last.kept
                && last.line + last.lines == number
                && last.before == before
                && last.marker == marker
                && directive.is_empty()
                && self.lines[last.line].0 == *hidden
            {
                last.lines += 1;
                last.texts.push(text.to_string());
                continue;
            }
            runs.push(Run {
                line: number,
                lines: 1,
                before: before.to_string(),
                marker,
                directive: directive.to_string(),
                texts: vec![text.to_string()],
                trailing,
                kept,
            });
        }
        // A comment with no text (`//` alone) has nothing to translate.
        for run in &mut runs {
            run.kept |= run.texts.iter().all(|text| text.trim().is_empty());
        }
        Ok(runs)
    }
}

/// rustdoc's and mdBook's hidden line in a Rust block: `#` followed by a
/// space or nothing, after any indentation.
fn hidden_prefix() -> &'static Regex {
    static HIDDEN: OnceLock<Regex> = OnceLock::new();
    HIDDEN.get_or_init(|| Regex::new(r"^\s*#(?: |$)").expect("valid pattern"))
}

/// mdBook's anchor lines, as its `links` preprocessor matches them.
fn anchor() -> &'static Regex {
    static ANCHOR: OnceLock<Regex> = OnceLock::new();
    ANCHOR.get_or_init(|| Regex::new(r"^ANCHOR(?:_END)?:\s*[\w_-]+\s*$").expect("valid pattern"))
}

/// A comment's marker and what follows it.
fn split_marker(language: Language, comment: &str) -> (&'static str, &str) {
    match language {
        Language::Python => ("#", &comment[1..]),
        Language::Rust => match comment.strip_prefix("///") {
            Some(rest) if !rest.starts_with('/') => ("///", rest),
            _ => match comment.strip_prefix("//!") {
                Some(rest) => ("//!", rest),
                None => ("//", &comment[2..]),
            },
        },
    }
}

/// A Python comment's tool directive (flake8's `noqa`, a type checker's
/// `type: ignore`, coverage's and Black's pragmas) with what separates it
/// from any text after it, and that text.
fn split_directive(text: &str) -> (&str, &str) {
    static DIRECTIVE: OnceLock<Regex> = OnceLock::new();
    let directive = DIRECTIVE.get_or_init(|| {
        Regex::new(
            r"^(?:noqa(?::\s*[A-Z]+[0-9]+(?:\s*,\s*[A-Z]+[0-9]+)*)?|type:\s*ignore(?:\[[^\]]*\])?|pragma:\s*no\s+cover|fmt:\s*(?:off|on|skip))(?:\s+--\s+|\s*;\s*|\s*$)",
        )
        .expect("valid pattern")
    });
    match directive.find(text) {
        Some(found) => text.split_at(found.end()),
        None => ("", text),
    }
}

/// Rust's lexical states that span lines.
enum RustState {
    Code,
    /// In a string literal, `"..."`, `b"..."` or `c"..."`.
    Str,
    /// In a raw string literal closed by `"` and this many `#`.
    RawStr(usize),
}

/// The start of each line's comment in Rust code, knowing string, raw
/// string, byte string, char and byte literals, and lifetimes, so that a
/// `//` inside a literal is not a comment. A block comment is an error.
fn scan_rust<'a>(lines: impl Iterator<Item = &'a str>) -> Result<Vec<Option<usize>>, BlockComment> {
    let mut state = RustState::Code;
    let mut starts = Vec::new();
    for (number, line) in lines.enumerate() {
        let bytes = line.as_bytes();
        let mut i = 0;
        let mut found = None;
        while i < bytes.len() {
            match state {
                RustState::Str => {
                    match bytes[i] {
                        b'\\' => i += 1,
                        b'"' => state = RustState::Code,
                        _ => {}
                    }
                    i += 1;
                }
                RustState::RawStr(hashes) => {
                    if bytes[i] == b'"'
                        && bytes[i + 1..].len() >= hashes
                        && bytes[i + 1..i + 1 + hashes].iter().all(|&b| b == b'#')
                    {
                        state = RustState::Code;
                        i += hashes;
                    }
                    i += 1;
                }
                RustState::Code => match bytes[i] {
                    b'/' if bytes.get(i + 1) == Some(&b'/') => {
                        found = Some(i);
                        break;
                    }
                    b'/' if bytes.get(i + 1) == Some(&b'*') => {
                        return Err(BlockComment { line: number });
                    }
                    b'"' => {
                        state = RustState::Str;
                        i += 1;
                    }
                    b'\'' => i = after_quote(bytes, i),
                    b if b.is_ascii_alphanumeric() || b == b'_' => {
                        let start = i;
                        while i < bytes.len()
                            && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_')
                        {
                            i += 1;
                        }
                        let word = &line[start..i];
                        let hashes = bytes[i..].iter().take_while(|&&b| b == b'#').count();
                        if matches!(word, "r" | "br" | "cr") && bytes.get(i + hashes) == Some(&b'"')
                        {
                            state = RustState::RawStr(hashes);
                            i += hashes + 1;
                        } else if matches!(word, "b" | "c") && bytes.get(i) == Some(&b'"') {
                            state = RustState::Str;
                            i += 1;
                        }
                    }
                    _ => i += 1,
                },
            }
        }
        starts.push(found);
    }
    Ok(starts)
}

/// Past a `'` in Rust code: past a char or byte literal (`'x'`, `'\n'`,
/// `'\u{1F600}'`, `'"'`), or past the quote of a lifetime or label (`'a`),
/// as rustc's lexer tells them apart.
fn after_quote(bytes: &[u8], quote: usize) -> usize {
    let next = quote + 1;
    match bytes.get(next) {
        Some(b'\\') => {
            let mut i = next + 2;
            while i < bytes.len() && bytes[i] != b'\'' {
                i += 1;
            }
            i + 1
        }
        Some(_) => {
            // One character, which may be several bytes, then the quote.
            let width = std::str::from_utf8(&bytes[next..])
                .ok()
                .and_then(|rest| rest.chars().next())
                .map_or(1, char::len_utf8);
            if bytes.get(next + width) == Some(&b'\'') {
                next + width + 1
            } else {
                next
            }
        }
        None => next,
    }
}

/// The start of each line's comment in Python code, knowing single- and
/// triple-quoted strings, whatever their prefix. An f-string is scanned as a string: before Python 3.12 its
/// expressions can hold neither its own quote nor a `#`, and every twin
/// and probe runs on 3.11.
fn scan_python<'a>(lines: impl Iterator<Item = &'a str>) -> Vec<Option<usize>> {
    // The open string's quote and whether it is triple-quoted.
    let mut open: Option<(u8, bool)> = None;
    let mut starts = Vec::new();
    for line in lines {
        let bytes = line.as_bytes();
        let mut i = 0;
        let mut found = None;
        while i < bytes.len() {
            if let Some((quote, triple)) = open {
                if bytes[i] == b'\\' {
                    i += 2;
                } else if bytes[i] == quote
                    && (!triple || bytes[i..].starts_with(&[quote, quote, quote]))
                {
                    open = None;
                    i += if triple { 3 } else { 1 };
                } else {
                    i += 1;
                }
                continue;
            }
            match bytes[i] {
                b'#' => {
                    found = Some(i);
                    break;
                }
                // A prefix (`r`, `b`, `f`, `rb`...) changes nothing here:
                // a backslash keeps even a raw string's quote from closing
                // it, so every string is scanned alike from its quote.
                quote @ (b'"' | b'\'') => {
                    let triple = bytes[i..].starts_with(&[quote, quote, quote]);
                    open = Some((quote, triple));
                    i += if triple { 3 } else { 1 };
                }
                _ => i += 1,
            }
        }
        // A single-quoted string ends with its line (a backslash at the end
        // continues it).
        if let Some((_, false)) = open
            && !line.ends_with('\\')
        {
            open = None;
        }
        starts.push(found);
    }
    starts
}

/// The step of a translated edition's build that writes its translated
/// comments into its code blocks. The `gettext` preprocessor runs before
/// `links` and so never sees an included listing; this one runs after
/// `links` (`i18n::build_edition` adds it last), on every Rust and Python
/// block, included or inline, with the PO file's translations of comments
/// (those translated and not fuzzy, as `gettext` uses them). A comment
/// without one stays in English, which the book test reports.
pub struct TranslateComments {
    translations: HashMap<String, String>,
}

impl TranslateComments {
    pub const NAME: &str = "translate-comments";

    pub fn new(po: &Catalog) -> TranslateComments {
        let translations = po
            .messages()
            .filter(|m| m.is_translated() && !m.is_fuzzy())
            .map(|m| {
                let msgstr = m.msgstr().unwrap_or_default();
                (m.msgid().to_string(), msgstr.to_string())
            })
            .collect();
        TranslateComments { translations }
    }

    /// A chapter's Markdown with the comments in its code blocks translated;
    /// every other line as it was.
    pub fn chapter(&self, text: &str) -> Result<String, BlockComment> {
        let lines: Vec<&str> = text.split('\n').collect();
        let mut out: Vec<String> = Vec::with_capacity(lines.len());
        let mut next = 0;
        for fence in fences(text) {
            let Some(language) = Language::of_block(fence.language()) else {
                continue;
            };
            let first = fence.open_line + 1;
            out.extend(lines[next..first].iter().map(|line| line.to_string()));
            next = first + fence.body.len();
            let code = Code::new(language, fence.body.iter().map(String::as_str));
            let translated = code
                .translated_lines(|english| self.translations.get(english).map(String::as_str))?;
            out.extend(translated.into_iter().map(|line| match line {
                Line::Kept(index) => lines[first + index].to_string(),
                Line::Written(text) => format!("{}{text}", fence.prefix),
            }));
        }
        out.extend(lines[next..].iter().map(|line| line.to_string()));
        Ok(out.join("\n"))
    }
}

impl Preprocessor for TranslateComments {
    fn name(&self) -> &str {
        TranslateComments::NAME
    }

    fn run(&self, _: &PreprocessorContext, mut book: Book) -> Result<Book, Error> {
        let mut failed = None;
        book.for_each_mut(|item| {
            if let BookItem::Chapter(chapter) = item {
                match self.chapter(&chapter.content) {
                    Ok(text) => chapter.content = text,
                    Err(e) => {
                        let path = chapter.source_path.clone().unwrap_or_default();
                        failed.get_or_insert(format!("{}: {e}", path.display()));
                    }
                }
            }
        });
        match failed {
            Some(why) => Err(Error::msg(why)),
            None => Ok(book),
        }
    }
}

/// Whether a comment line on a translated page is still English: it has
/// no Chinese character (an ideograph, CJK punctuation or a full-width
/// form) and, once code spans and URLs are left out, it has a word of
/// English: two or more letters that are not part of code. A word is code
/// when it touches code on either side: after `_ . : # $ @ / \ & * ' " ( [`
/// or a letter or digit, or before `_ ( [ < { ! = ::`, a digit, or a `.`
/// that another letter follows (`acquire()`, `threading.Lock`,
/// `Process(target=...)`, `'static`). A comment that is only code, such as
/// `// acquire(False)`, may so stay as it is; one word of prose may not.
/// Nor is a line English that quotes, whole, what rustc or Python prints
/// (`error[E0382]: use of moved value`, `ZeroDivisionError: division by
/// zero`): compiler messages and output stay as printed.
pub fn reads_as_english(line: &str) -> bool {
    static SPANS: OnceLock<Regex> = OnceLock::new();
    static WORD: OnceLock<Regex> = OnceLock::new();
    static PRINTED: OnceLock<Regex> = OnceLock::new();
    let printed = PRINTED.get_or_init(|| {
        Regex::new(
            r"^(?:(?:error|warning)(?:\[E[0-9]{4}\])?|[A-Za-z.]*(?:Error|Exception|Warning)): ",
        )
        .expect("valid pattern")
    });
    if line.chars().any(is_chinese) || printed.is_match(line) {
        return false;
    }
    let spans = SPANS.get_or_init(|| Regex::new(r"`[^`]*`|\w+://\S+").expect("valid pattern"));
    let word =
        WORD.get_or_init(|| Regex::new(r"[A-Za-z][A-Za-z'-]*[A-Za-z]").expect("valid pattern"));
    let prose = spans.replace_all(line, " ");
    word.find_iter(&prose).any(|found| {
        let before = prose[..found.start()].chars().next_back();
        let after = &prose[found.end()..];
        let code_before =
            before.is_some_and(|c| c.is_alphanumeric() || "_.:#$@/\\&*'\"([".contains(c));
        let mut rest = after.chars();
        let code_after = match rest.next() {
            Some(c) if c.is_ascii_digit() || "_([<{!=".contains(c) => true,
            Some(':') => rest.next() == Some(':'),
            Some('.') => rest.next().is_some_and(char::is_alphanumeric),
            _ => false,
        };
        !code_before && !code_after
    })
}

/// An ideograph, CJK punctuation (`，`, `。`, `「`) or a full-width form.
fn is_chinese(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303F}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FF00}'..='\u{FFEF}')
}

/// A comment that the book shows, with where it is written: the message
/// and its reference in the PO file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub text: String,
    /// `path:line`, the path from the book's root.
    pub source: String,
}

/// Every comment that `chapters` show in their Rust and Python blocks, in
/// the order shown: each block as mdBook's `links` preprocessor expands it
/// (so that a comment cut by an anchor is the comment a reader sees), each
/// comment referred to the file and line it is written on, a listing's,
/// a probe's or the chapter's. `chapters` are the chapters' paths from the
/// book's root and their Markdown.
pub fn shown_in(root: &Path, chapters: &[(&Path, &str)]) -> Result<Vec<Shown>, String> {
    let mut shown = Vec::new();
    for &(chapter, text) in chapters {
        for fence in fences(text) {
            let Some(language) = Language::of_block(fence.language()) else {
                continue;
            };
            let lines = expanded(root, chapter, &fence)?;
            let code = Code::new(language, lines.iter().map(|(line, _)| line.as_str()));
            let comments = code
                .comments()
                .map_err(|e| format!("{}: {}", lines[e.line].1, BlockComment::WHY))?;
            shown.extend(comments.into_iter().map(|comment| Shown {
                source: lines[comment.line].1.clone(),
                text: comment.text,
            }));
        }
    }
    Ok(shown)
}

/// The lines of a fenced block as mdBook's `links` preprocessor expands a
/// directive alone on its line (`{{#include}}` and `{{#rustdoc_include}}`,
/// a whole file, a range of lines or an anchor), each with its `path:line`.
fn expanded(root: &Path, chapter: &Path, fence: &Fence) -> Result<Vec<(String, String)>, String> {
    static DIRECTIVE: OnceLock<Regex> = OnceLock::new();
    let directive = DIRECTIVE.get_or_init(|| {
        Regex::new(r"^\{\{\s*#(include|rustdoc_include)\s+([^}\s]+)[^}]*\}\}$")
            .expect("valid pattern")
    });
    let mut lines = Vec::new();
    for (index, line) in fence.body.iter().enumerate() {
        let Some(caps) = directive.captures(line.trim()) else {
            let number = fence.open_line + 2 + index;
            lines.push((line.clone(), format!("{}:{number}", chapter.display())));
            continue;
        };
        let (path, spec) = caps[2].split_once(':').unwrap_or((&caps[2], ""));
        let file = normalize(&chapter.parent().unwrap_or(Path::new("")).join(path));
        let text = fs::read_to_string(root.join(&file))
            .map_err(|e| format!("{}: cannot read {}: {e}", chapter.display(), file.display()))?;
        let included = include(&text, &caps[1] == "rustdoc_include", spec);
        lines.extend(
            included
                .into_iter()
                .map(|(number, line)| (line, format!("{}:{}", file.display(), number + 1))),
        );
    }
    Ok(lines)
}

/// What an include of `text` shows, as mdBook 0.5 computes it
/// (`links/take_lines.rs`), each line with its number in the file (from 0):
/// `spec` is what follows the path's colon (`anchor`, `3:10`, `3:`, `:10`,
/// `3`, or nothing); `rustdoc` keeps the lines outside the part named,
/// hidden behind `# `, and anchor lines are left out of an anchored part.
fn include(text: &str, rustdoc: bool, spec: &str) -> Vec<(usize, String)> {
    static START: OnceLock<Regex> = OnceLock::new();
    static END: OnceLock<Regex> = OnceLock::new();
    let start = START.get_or_init(|| Regex::new(r"ANCHOR:\s*([\w_-]+)").expect("valid pattern"));
    let end = END.get_or_init(|| Regex::new(r"ANCHOR_END:\s*([\w_-]+)").expect("valid pattern"));
    let lines = text.lines().enumerate();
    let mut parts = spec.splitn(2, ':');
    let first = parts.next().unwrap_or_default();
    let range: Option<Range<usize>> = match first.parse::<usize>() {
        Ok(from) => {
            let from = from.saturating_sub(1);
            Some(match parts.next().map(str::parse::<usize>) {
                Some(Ok(to)) => from..to,
                Some(Err(_)) => from..usize::MAX,
                None => from..from + 1,
            })
        }
        Err(_) if first.is_empty() => {
            let to = parts.next().and_then(|to| to.parse::<usize>().ok());
            Some(0..to.unwrap_or(usize::MAX))
        }
        Err(_) => None,
    };
    let hide = |line: &str| format!("# {line}");
    if let Some(range) = range {
        return lines
            .filter_map(|(number, line)| match (range.contains(&number), rustdoc) {
                (true, _) => Some((number, line.to_string())),
                (false, true) => Some((number, hide(line))),
                (false, false) => None,
            })
            .collect();
    }
    let anchor = first;
    let named = |caps: Option<regex::Captures>| caps.is_some_and(|caps| &caps[1] == anchor);
    let mut within = false;
    let mut shown = Vec::new();
    for (number, line) in lines {
        if within {
            if end.is_match(line) {
                if named(end.captures(line)) {
                    within = false;
                    if !rustdoc {
                        break;
                    }
                }
            } else if !start.is_match(line) {
                shown.push((number, line.to_string()));
            }
        } else if start.is_match(line) {
            within = named(start.captures(line));
        } else if rustdoc && !end.is_match(line) {
            shown.push((number, hide(line)));
        }
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(language: Language, text: &str) -> Code {
        Code::new(language, text.lines())
    }

    fn texts(language: Language, text: &str) -> Vec<String> {
        code(language, text)
            .comments()
            .unwrap()
            .into_iter()
            .map(|c| c.text)
            .collect()
    }

    #[test]
    fn rust_comments_are_runs_of_lines_or_one_after_code() {
        let source = "\
//! A crate.

/// Adds one.
/// Twice, really.
fn f(x: u8) -> u8 {
    // First the one
    // and then the other.
    x + 1 // here
}
";
        let comments = code(Language::Rust, source).comments().unwrap();
        let found: Vec<(usize, usize, &str)> = comments
            .iter()
            .map(|c| (c.line, c.lines, c.text.as_str()))
            .collect();
        assert_eq!(
            found,
            vec![
                (0, 1, "A crate."),
                (2, 2, "Adds one.\nTwice, really."),
                (5, 2, "First the one\nand then the other."),
                (7, 1, "here"),
            ]
        );
    }

    #[test]
    fn a_run_ends_where_its_indentation_or_marker_changes() {
        let source = "// a\n    // b\n/// c\n// d\n\n// e\nf();\n//\ng();\n";
        assert_eq!(texts(Language::Rust, source), ["a", "b", "c", "d", "e"]);
    }

    #[test]
    fn rust_literals_hide_their_slashes() {
        let source = r####"let url = "http://example.com"; // a link
let raw = r#"a "// quoted" one"#; // raw
let bytes = b"//"; let c = '"'; let d = '\''; // chars
fn f<'a>(x: &'a str) -> &'a str { x } // a lifetime, not a char
let s = "multi
// not a comment
line"; // after
let t = r##"one
"# // still inside
"##;
let u = '\u{1F600}'; let v = b'/'; // escapes
let w = "\"//"; // an escaped quote
"####;
        assert_eq!(
            texts(Language::Rust, source),
            [
                "a link",
                "raw",
                "chars",
                "a lifetime, not a char",
                "after",
                "escapes",
                "an escaped quote"
            ]
        );
    }

    #[test]
    fn rust_block_comments_are_refused() {
        let error = code(Language::Rust, "let x = 1;\nf(/* why */ x);\n")
            .comments()
            .unwrap_err();
        assert_eq!(error, BlockComment { line: 1 });
        assert!(error.to_string().starts_with("line 2: a block comment"));
        assert!(
            code(Language::Rust, "let s = \"/* no */\";")
                .comments()
                .is_ok()
        );
    }

    #[test]
    fn python_strings_hide_their_hashes() {
        let source = r#"#!/usr/bin/env python3
# A comment.
url = "http://x/#top"  # trailing
s = 'it''s # not'  # two strings
doc = """
# inside a docstring
"""  # after
raw = r"\" # still"  # raw
f = f"{d['#']}"  # an f-string
b = rb'#'  # bytes
"#;
        assert_eq!(
            texts(Language::Python, source),
            [
                "A comment.",
                "trailing",
                "two strings",
                "after",
                "raw",
                "an f-string",
                "bytes"
            ]
        );
    }

    #[test]
    fn python_directives_stay_and_the_text_after_them_is_the_message() {
        let source = "import a  # noqa: E402\nx += 1  # noqa: F821 -- the note's mistake\n";
        let code = code(Language::Python, source);
        assert_eq!(
            code.comments()
                .unwrap()
                .iter()
                .map(|c| c.text.as_str())
                .collect::<Vec<_>>(),
            ["the note's mistake"]
        );
        let translated = code
            .translated(|text| (text == "the note's mistake").then_some("笔记的错误"))
            .unwrap();
        assert_eq!(
            translated,
            [
                "import a  # noqa: E402",
                "x += 1  # noqa: F821 -- 笔记的错误"
            ]
        );
    }

    #[test]
    fn anchors_are_kept_and_end_a_run() {
        let source = "// a\n// ANCHOR: main\n// b\nfn main() {}\n// ANCHOR_END: main\n";
        let code = code(Language::Rust, source);
        assert_eq!(
            code.comments()
                .unwrap()
                .iter()
                .map(|c| c.text.as_str())
                .collect::<Vec<_>>(),
            ["a", "b"]
        );
        let translated = code
            .translated(|text| Some(if text == "a" { "甲" } else { "乙" }))
            .unwrap();
        assert_eq!(
            translated,
            [
                "// 甲",
                "// ANCHOR: main",
                "// 乙",
                "fn main() {}",
                "// ANCHOR_END: main"
            ]
        );
    }

    #[test]
    fn a_translation_keeps_code_indentation_and_markers_and_may_change_line_count() {
        let source = "\
fn main() {
    // One line in English
    // becomes one in Chinese.
    let x = 1; // and this
    /// doc
    //! inner
}
";
        let code = code(Language::Rust, source);
        let translated = code
            .translated(|text| match text {
                "One line in English\nbecomes one in Chinese." => Some("中文一行。"),
                "and this" => Some("这个\n换行"),
                "doc" => Some("文档"),
                _ => None,
            })
            .unwrap();
        assert_eq!(
            translated,
            [
                "fn main() {",
                "    // 中文一行。",
                "    let x = 1; // 这个",
                "               // 换行",
                "    /// 文档",
                "    //! inner",
                "}",
            ]
        );
        let again = Code::new(Language::Rust, translated.iter().map(String::as_str));
        assert_eq!(
            again.without_comments().unwrap(),
            code.without_comments().unwrap()
        );
    }

    #[test]
    fn hidden_rust_lines_keep_their_prefix_and_start_their_own_run() {
        let block = "# // hidden\n# fn helper() {}\n// shown\nfn main() {}\n";
        let code = code(Language::Rust, block);
        assert_eq!(
            code.comments()
                .unwrap()
                .iter()
                .map(|c| c.text.as_str())
                .collect::<Vec<_>>(),
            ["hidden", "shown"]
        );
        let translated = code
            .translated(|text| Some(if text == "hidden" { "隐藏" } else { "显示" }))
            .unwrap();
        assert_eq!(
            translated,
            ["# // 隐藏", "# fn helper() {}", "// 显示", "fn main() {}"]
        );
        // `#[derive]` and `#!` are code, in Rust and not hidden.
        let attributes = Code::new(Language::Rust, ["#[derive(Debug)]", "#![allow(x)]"]);
        assert_eq!(
            attributes.without_comments().unwrap(),
            ["#[derive(Debug)]", "#![allow(x)]"]
        );
    }

    #[test]
    fn without_comments_drops_comment_lines_and_trailing_comments() {
        let code = code(Language::Python, "# a\nx = 1  # b\n\ny = '#'\n");
        assert_eq!(code.without_comments().unwrap(), ["x = 1", "", "y = '#'"]);
        assert_eq!(
            code.comment_lines().unwrap(),
            [(0, "a".to_string()), (1, "b".to_string())]
        );
    }

    #[test]
    fn english_is_a_line_with_a_word_of_prose_and_no_chinese() {
        for english in [
            "Wait for the thread.",
            "yields",
            "# Safety",
            "SAFETY: `_exit` only ends the process",
            "threading.Lock(), with the data inside",
        ] {
            assert!(reads_as_english(english), "{english}");
        }
        for not_english in [
            "",
            "等待线程。",
            "SAFETY: `_exit` 只结束进程",
            "`is_alive()`",
            "acquire(False)",
            "p1.join()",
            "Process(target=...).start()",
            "`Sat Nov 21 22:58:45 2026`.",
            "'static",
            "error[E0382]: use of moved value",
            "RuntimeError: threads can only be started once",
        ] {
            assert!(!reads_as_english(not_english), "{not_english}");
        }
    }

    #[test]
    fn the_book_shows_comments_where_they_are_written_as_mdbook_includes_them() {
        let root = std::env::temp_dir().join(format!("harness-comments-{}", std::process::id()));
        fs::create_dir_all(root.join("src")).unwrap();
        fs::create_dir_all(root.join("listings/a")).unwrap();
        fs::write(
            root.join("listings/a/main.rs"),
            "// Before.\n// ANCHOR: main\nfn main() {\n    // Inside.\n}\n// ANCHOR_END: main\n",
        )
        .unwrap();
        fs::write(root.join("listings/a/twin.py"), "x = 1  # One.\n").unwrap();
        let chapter = "\
```rust
{{#rustdoc_include ../listings/a/main.rs:main}}
```

```rust,ignore
{{#include ../listings/a/main.rs:main}}
```

```python
{{#include ../listings/a/twin.py}}
```

```rust
// Inline.
let s = \"// not a comment\";
```

```console
$ run # not code
```
";
        let shown = shown_in(&root, &[(Path::new("src/ch.md"), chapter)]).unwrap();
        fs::remove_dir_all(&root).unwrap();
        let found: Vec<(&str, &str)> = shown
            .iter()
            .map(|s| (s.text.as_str(), s.source.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("Before.", "listings/a/main.rs:1"),
                ("Inside.", "listings/a/main.rs:4"),
                ("Inside.", "listings/a/main.rs:4"),
                ("One.", "listings/a/twin.py:1"),
                ("Inline.", "src/ch.md:14"),
            ]
        );
    }

    #[test]
    fn an_include_shows_what_mdbook_shows() {
        let text = "a\n// ANCHOR: x\nb\n// ANCHOR: y\nc\n// ANCHOR_END: y\n// ANCHOR_END: x\nd";
        let shown = |rustdoc, spec| -> Vec<String> {
            include(text, rustdoc, spec)
                .into_iter()
                .map(|(number, line)| format!("{number}:{line}"))
                .collect()
        };
        assert_eq!(shown(false, "x"), ["2:b", "4:c"]);
        assert_eq!(shown(true, "y"), ["0:# a", "2:# b", "4:c", "7:# d"]);
        assert_eq!(shown(false, "3:5"), ["2:b", "3:// ANCHOR: y", "4:c"]);
        assert_eq!(shown(false, "8"), ["7:d"]);
        assert_eq!(
            shown(true, "8:"),
            [
                "0:# a",
                "1:# // ANCHOR: x",
                "2:# b",
                "3:# // ANCHOR: y",
                "4:# c",
                "5:# // ANCHOR_END: y",
                "6:# // ANCHOR_END: x",
                "7:d"
            ]
        );
        assert_eq!(shown(false, "").len(), 8);
    }

    #[test]
    fn a_translated_chapter_has_translated_comments_in_its_rust_and_python_blocks() {
        let mut po = Catalog::new(polib::metadata::CatalogMetadata::new());
        for (msgid, msgstr, fuzzy) in [
            ("Spawn it.", "启动它。", false),
            ("Count.", "计数。\n两行。", false),
            ("Changed.", "改过的。", true),
        ] {
            let mut flags = polib::message::MessageFlags::new();
            if fuzzy {
                flags.add_flag("fuzzy");
            }
            po.append_or_update(
                polib::message::Message::build_singular()
                    .with_msgid(msgid.into())
                    .with_msgstr(msgstr.into())
                    .with_flags(flags)
                    .done(),
            );
        }
        let chapter = "\
Text.

> ```rust
> // Spawn it.
> thread::spawn(f);
> ```

- item

  ```python
  n += 1  # Count.
  # Changed.
  ```

```console
$ x # Spawn it.
```
";
        let translated = TranslateComments::new(&po).chapter(chapter).unwrap();
        assert_eq!(
            translated,
            "\
Text.

> ```rust
> // 启动它。
> thread::spawn(f);
> ```

- item

  ```python
  n += 1  # 计数。
          # 两行。
  # Changed.
  ```

```console
$ x # Spawn it.
```
"
        );
    }
}
