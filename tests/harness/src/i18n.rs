//! The Chinese edition: the English Markdown is the source, `po/zh-CN.po`
//! its translation, in the gettext workflow of mdbook-i18n-helpers.
//!
//! The `gettext` preprocessor runs before mdBook's `links` (book.toml), so
//! it translates the chapters as written: an `{{#include}}` is part of a
//! message and stays as it is, and no included listing or output reaches
//! the translation. Messages are extracted the same way, from the chapters
//! as written, with `mdbook-xgettext`'s own code; the string literals and
//! comments it would take from inline code blocks are left out, so that
//! every code block of the Chinese edition is the English one.

use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

use mdbook_driver::MDBook;
use mdbook_i18n_helpers::preprocessors::Gettext;
use mdbook_renderer::RenderContext;
use polib::catalog::Catalog;
use polib::message::{Message, MessageFlags, MessageMutView, MessageView};
use polib::metadata::CatalogMetadata;
use polib::po_file;
use regex::Regex;
use similar::TextDiff;

use crate::comments;
use crate::markdown::fences;

/// The editions besides English, by their `book.language`; each has
/// `po/<language>.po` and is built under `<language>/` beside the English.
pub const TRANSLATIONS: &[&str] = &["zh-CN"];

/// A changed message takes the translation of the old one it resembles
/// this much (0 to 1), marked fuzzy for the translator to check.
const FUZZY_SIMILARITY: f32 = 0.6;

/// The command that brings a PO file up to date with the English source.
pub const UPDATE_COMMAND: &str = "cargo xtask i18n update";

pub fn po_path(root: &Path, language: &str) -> PathBuf {
    root.join("po").join(format!("{language}.po"))
}

/// Every message of the English source, as `mdbook-xgettext` extracts it
/// from the chapters as written, less those found inside code blocks.
pub fn template(root: &Path) -> Result<Catalog, String> {
    let book = MDBook::load(root).map_err(|e| format!("mdBook cannot load the book: {e:#}"))?;
    let context = RenderContext::new(
        root,
        book.book.clone(),
        book.config.clone(),
        root.join("po"),
    );
    let catalogs = mdbook_i18n_helpers::xgettext::create_catalogs(&context, fs::read_to_string)
        .map_err(|e| format!("extracting the messages failed: {e:#}"))?;
    let mut template = Catalog::new(CatalogMetadata::new());
    let mut code_lines = CodeLines::new(root);
    for catalog in catalogs.values() {
        for message in catalog.messages() {
            if message.msgid().is_empty() || code_lines.holds_every_source_of(message.source()) {
                continue;
            }
            template.append_or_update(
                Message::build_singular()
                    .with_msgid(message.msgid().to_string())
                    .with_source(message.source().to_string())
                    .with_msgstr(String::new())
                    .done(),
            );
        }
    }
    add_code_comments(root, &book, &mut template)?;
    Ok(template)
}

/// The extracted comment (`#.`) that marks a message as a comment in code.
pub const CODE_COMMENT: &str = "A comment in code: translate its text; each line of the \
     translation becomes a comment line with the English one's marker and indentation.";

/// Adds every comment that the chapters' Rust and Python blocks show (the
/// listings', twins' and probes' included) as a message, one per comment,
/// with every place it is written as its reference (`comments::shown_in`).
fn add_code_comments(root: &Path, book: &MDBook, template: &mut Catalog) -> Result<(), String> {
    let src = book.config.book.src.clone();
    let chapters: Vec<(PathBuf, String)> = book
        .book
        .chapters()
        .filter_map(|chapter| {
            let path = src.join(chapter.source_path.as_ref()?);
            Some((path, chapter.content.clone()))
        })
        .collect();
    let chapters: Vec<(&Path, &str)> = chapters
        .iter()
        .map(|(path, text)| (path.as_path(), text.as_str()))
        .collect();
    for shown in comments::shown_in(root, &chapters)? {
        if let Some(mut found) = template.find_message_mut(None, &shown.text, None) {
            let sources = found.source_mut();
            if !sources.split_whitespace().any(|s| s == shown.source) {
                sources.push(' ');
                sources.push_str(&shown.source);
            }
            continue;
        }
        template.append_or_update(
            Message::build_singular()
                .with_comments(CODE_COMMENT.to_string())
                .with_msgid(shown.text)
                .with_source(shown.source)
                .with_msgstr(String::new())
                .done(),
        );
    }
    Ok(())
}

/// Whether `message` is a comment in code (`add_code_comments`).
pub fn is_code_comment(message: &dyn MessageView) -> bool {
    // However a PO editor rewraps the line.
    message
        .comments()
        .split_whitespace()
        .eq(CODE_COMMENT.split_whitespace())
}

/// The lines of each Markdown file that a fenced code block spans.
struct CodeLines {
    root: PathBuf,
    by_file: std::collections::BTreeMap<String, BTreeSet<usize>>,
}

impl CodeLines {
    fn new(root: &Path) -> CodeLines {
        CodeLines {
            root: root.to_path_buf(),
            by_file: Default::default(),
        }
    }

    /// Whether every `file:line` in `sources` is inside a code block.
    fn holds_every_source_of(&mut self, sources: &str) -> bool {
        let mut any = false;
        for source in sources.split_whitespace() {
            let Some((file, line)) = source.rsplit_once(':') else {
                return false;
            };
            let Ok(line) = line.parse::<usize>() else {
                return false;
            };
            if !self.lines_of(file).contains(&line) {
                return false;
            }
            any = true;
        }
        any
    }

    fn lines_of(&mut self, file: &str) -> &BTreeSet<usize> {
        let root = &self.root;
        self.by_file.entry(file.to_string()).or_insert_with(|| {
            let text = fs::read_to_string(root.join(file)).unwrap_or_default();
            fences(&text)
                .iter()
                // From the opening line to the closing one, counted from 1
                // as the sources count.
                .flat_map(|fence| fence.open_line + 1..=fence.open_line + fence.body.len() + 2)
                .collect()
        })
    }
}

/// What a PO file lacks against the English source.
#[derive(Debug, Default)]
pub struct Audit {
    pub messages: usize,
    /// Messages of the source with no translation (or not in the file).
    pub untranslated: Vec<String>,
    /// Messages whose translation is marked fuzzy: it was made for an
    /// older text and waits for a translator's check.
    pub fuzzy: Vec<String>,
    /// Translations of messages the source no longer has.
    pub obsolete: Vec<String>,
    /// As `untranslated` and `fuzzy`, for the comments in code
    /// (`is_code_comment`), listed apart.
    pub untranslated_comments: Vec<String>,
    pub fuzzy_comments: Vec<String>,
}

impl Audit {
    pub fn is_current(&self) -> bool {
        self.untranslated.is_empty()
            && self.fuzzy.is_empty()
            && self.obsolete.is_empty()
            && self.untranslated_comments.is_empty()
            && self.fuzzy_comments.is_empty()
    }

    /// A report naming the entries and the command that updates the file.
    pub fn report(&self, po: &Path) -> String {
        let mut out = format!(
            "{} is behind the English source ({} messages):\n",
            po.display(),
            self.messages
        );
        for (what, entries) in [
            ("untranslated", &self.untranslated),
            ("fuzzy", &self.fuzzy),
            ("obsolete", &self.obsolete),
            (
                "untranslated comments in code (listings, twins, probes, inline blocks)",
                &self.untranslated_comments,
            ),
            ("fuzzy comments in code", &self.fuzzy_comments),
        ] {
            if entries.is_empty() {
                continue;
            }
            out.push_str(&format!("  {} {what}:\n", entries.len()));
            for entry in entries.iter().take(20) {
                out.push_str(&format!("    {entry}\n"));
            }
            if entries.len() > 20 {
                out.push_str(&format!("    ... and {} more\n", entries.len() - 20));
            }
        }
        out.push_str(&format!(
            "Run `{UPDATE_COMMAND}` to bring new and changed messages into the file, \
             translate them, and remove their `fuzzy` flags."
        ));
        out
    }
}

/// How `po` (its text and parsed catalog) stands against `template`.
pub fn audit(template: &Catalog, po_text: &str, po: &Catalog) -> Audit {
    let mut audit = Audit {
        messages: template.count(),
        ..Audit::default()
    };
    let describe = |message: &dyn MessageView| -> String {
        let first_line = message.msgid().lines().next().unwrap_or_default();
        let shown: String = first_line.chars().take(70).collect();
        let source = message.source().split_whitespace().next().unwrap_or("?");
        let what = if is_code_comment(message) {
            "comment "
        } else {
            ""
        };
        format!("{source}: {what}\"{shown}\"")
    };
    for message in template.messages() {
        let comment = is_code_comment(message);
        let (fuzzy, untranslated) = if comment {
            (&mut audit.fuzzy_comments, &mut audit.untranslated_comments)
        } else {
            (&mut audit.fuzzy, &mut audit.untranslated)
        };
        match po.find_message(None, message.msgid(), None) {
            Some(found) if found.is_fuzzy() => fuzzy.push(describe(message)),
            Some(found) if found.is_translated() => {}
            _ => untranslated.push(describe(message)),
        }
    }
    for message in po.messages() {
        if template.find_message(None, message.msgid(), None).is_none() {
            audit.obsolete.push(describe(message));
        }
    }
    // Entries that a gettext tool kept as `#~` are obsolete too; polib
    // does not read them.
    let kept = po_text
        .lines()
        .filter(|line| line.starts_with("#~ msgid"))
        .count();
    if kept > 0 {
        audit
            .obsolete
            .push(format!("{kept} entries kept as `#~` comments"));
    }
    audit
}

/// What `merge` did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Merged {
    pub kept: usize,
    pub fuzzy: usize,
    pub new: usize,
    pub dropped: usize,
    /// Translations whose typography autocorrect fixed.
    pub typeset: usize,
}

/// The PO file for `language` made from `template`: each message keeps its
/// old translation; a changed message takes the translation of the old
/// message it most resembles, marked fuzzy; messages the source lost are
/// dropped. What GNU `msgmerge` does, without needing gettext installed;
/// then each translation is typeset as autocorrect would (`typeset`). The
/// old messages a changed one may resemble are those of its kind (prose or
/// comment in code) written in one of its files: a diff is slow, and
/// after a large change there are hundreds of changed messages.
pub fn merge(template: &Catalog, old: Option<&Catalog>, language: &str) -> (Catalog, Merged) {
    let mut metadata = CatalogMetadata::new();
    metadata.project_id_version = "Python Concurrency, Translated to Rust".into();
    metadata.language = language.into();
    metadata.mime_version = "1.0".into();
    metadata.content_type = "text/plain; charset=UTF-8".into();
    metadata.content_transfer_encoding = "8bit".into();
    let mut merged = Catalog::new(metadata);
    let mut stats = Merged::default();
    let unused: Vec<&dyn MessageView> = old
        .map(|old| {
            old.messages()
                .filter(|m| m.is_translated())
                .filter(|m| template.find_message(None, m.msgid(), None).is_none())
                .collect()
        })
        .unwrap_or_default();
    let mut reused = BTreeSet::new();
    for message in template.messages() {
        let mut flags = MessageFlags::new();
        let same = old
            .and_then(|old| old.find_message(None, message.msgid(), None))
            .filter(|m| m.is_translated());
        let msgstr = match same {
            Some(found) => {
                if found.is_fuzzy() {
                    flags.add_flag("fuzzy");
                    stats.fuzzy += 1;
                } else {
                    stats.kept += 1;
                }
                found.msgstr().unwrap_or_default().to_string()
            }
            None => match similar_kind_and_file(message, &unused) {
                Some(index) => {
                    reused.insert(index);
                    flags.add_flag("fuzzy");
                    stats.fuzzy += 1;
                    unused[index].msgstr().unwrap_or_default().to_string()
                }
                None => {
                    stats.new += 1;
                    String::new()
                }
            },
        };
        let typeset = typeset(&msgstr);
        if typeset != msgstr {
            stats.typeset += 1;
        }
        merged.append_or_update(
            Message::build_singular()
                .with_comments(message.comments().to_string())
                .with_source(message.source().to_string())
                .with_msgid(message.msgid().to_string())
                .with_msgstr(typeset)
                .with_flags(flags)
                .done(),
        );
    }
    stats.dropped = unused.len() - reused.len();
    (merged, stats)
}

/// The index in `unused` of the old message `message` most resembles, of
/// those of its kind written in one of its files.
fn similar_kind_and_file(message: &dyn MessageView, unused: &[&dyn MessageView]) -> Option<usize> {
    let files = |m: &dyn MessageView| -> BTreeSet<String> {
        m.source()
            .split_whitespace()
            .map(|source| {
                source
                    .rsplit_once(':')
                    .map_or(source, |(file, _)| file)
                    .to_string()
            })
            .collect()
    };
    let (kind, mine) = (is_code_comment(message), files(message));
    let (indexes, candidates): (Vec<usize>, Vec<&dyn MessageView>) = unused
        .iter()
        .enumerate()
        .filter(|(_, old)| is_code_comment(**old) == kind && !files(**old).is_disjoint(&mine))
        .map(|(index, old)| (index, *old))
        .unzip();
    closest(message.msgid(), &candidates).map(|found| indexes[found])
}

fn closest(msgid: &str, candidates: &[&dyn MessageView]) -> Option<usize> {
    let words = word_counts(msgid);
    candidates
        .iter()
        .enumerate()
        // A diff of two paragraphs is slow, and a merge after a large change
        // compares hundreds of pairs: skip the pairs whose shared words
        // already rule out the threshold.
        .filter(|(_, m)| similarity_bound(&words, &word_counts(m.msgid())) >= FUZZY_SIMILARITY)
        .map(|(i, m)| (i, TextDiff::from_words(m.msgid(), msgid).ratio()))
        .filter(|&(_, ratio)| ratio >= FUZZY_SIMILARITY)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

/// How often each token of `TextDiff::from_words` (a word or a run of
/// whitespace) occurs in `text`.
fn word_counts(text: &str) -> HashMap<&str, usize> {
    let mut counts = HashMap::new();
    let mut start = 0;
    for (i, c) in text.char_indices().skip(1) {
        let previous = text[..i].chars().next_back().unwrap_or(c);
        if previous.is_whitespace() != c.is_whitespace() {
            *counts.entry(&text[start..i]).or_insert(0) += 1;
            start = i;
        }
    }
    if start < text.len() {
        *counts.entry(&text[start..]).or_insert(0) += 1;
    }
    counts
}

/// An upper bound of `TextDiff::from_words(a, b).ratio()`, which is twice
/// the tokens the two texts keep in common over their total count: no diff
/// can keep more of a token than the text with fewer of it has.
fn similarity_bound(a: &HashMap<&str, usize>, b: &HashMap<&str, usize>) -> f32 {
    let shared: usize = a
        .iter()
        .map(|(token, n)| (*n).min(b.get(token).copied().unwrap_or(0)))
        .sum();
    let total: usize = a.values().sum::<usize>() + b.values().sum::<usize>();
    if total == 0 {
        1.0
    } else {
        2.0 * shared as f32 / total as f32
    }
}

/// A term of the glossary that every translation must use.
pub struct Term {
    /// The English words, as they are written in prose.
    english: Regex,
    /// The Chinese renderings; a translation must use one of them.
    chinese: Vec<String>,
    /// Renderings a translation of the term must never use.
    never: Vec<String>,
}

/// The terms marked `checked` in `po/GLOSSARY.md`'s table.
pub fn checked_terms(root: &Path) -> Result<Vec<Term>, String> {
    let path = root.join("po").join("GLOSSARY.md");
    let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    glossary_terms(&text)
}

/// The checked rows of a glossary table `| English | 中文 | never | checked
/// | note |`. English words are separated by ` / ` (a parenthesis is a
/// remark); so are the Chinese renderings, of which a translation must use
/// one (a full-width parenthesis is the gloss given on first use, not
/// required); `never` lists, separated by `、`, the renderings that a
/// translation of the term must not use.
fn glossary_terms(text: &str) -> Result<Vec<Term>, String> {
    let parenthesis = Regex::new(r"\s*\(.*?\)").expect("valid pattern");
    let mut terms = Vec::new();
    for row in text.lines().filter(|line| line.starts_with("| ")) {
        let cells: Vec<&str> = row.trim_matches('|').split('|').map(str::trim).collect();
        let [english, chinese, never, checked, _note] = cells[..] else {
            continue;
        };
        if checked != "yes" {
            continue;
        }
        let words: Vec<String> = parenthesis
            .replace_all(english, "")
            .split(" / ")
            .map(|word| regex::escape(word.trim()))
            .collect();
        // A word and its plural, in prose: `Thread` names no concept.
        let english = Regex::new(&format!(r"(?i)\b(?:{})(?:e?s)?\b", words.join("|")))
            .map_err(|e| e.to_string())?;
        let chinese = chinese
            .split(" / ")
            .map(|rendering| rendering.split('（').next().unwrap_or_default().trim())
            .filter(|rendering| !rendering.is_empty())
            .map(String::from)
            .collect();
        let never = never
            .split('、')
            .map(str::trim)
            .filter(|rendering| !rendering.is_empty())
            .map(String::from)
            .collect();
        terms.push(Term {
            english,
            chinese,
            never,
        });
    }
    Ok(terms)
}

/// `text` without what names no term: code spans, link targets, verbatim
/// quotes (`<q>`, see `typeset`), HTML tags, identifiers written outside
/// code (`time.sleep`, `sleep()`; `sleep_seconds` is one word), and names
/// such as `Thread-1`, which Python gives its threads and processes.
fn prose(text: &str) -> std::borrow::Cow<'_, str> {
    let not_prose = Regex::new(
        r"`[^`]*`|\]\([^)]*\)|<q>.*?</q>|<[^>]*>|\b[A-Za-z_][A-Za-z0-9_]*(?:(?:\.|::)[A-Za-z_][A-Za-z0-9_]*)+(?:\(\))?|\b[A-Za-z_][A-Za-z0-9_]*\(\)|\b[A-Za-z]+-\d+\b",
    )
    .expect("valid pattern");
    not_prose.replace_all(text, " ")
}

/// Every translated message whose English uses a checked term in prose and
/// whose translation lacks each of that term's renderings, or uses, in its
/// own prose, one the glossary rules out.
pub fn check_terms(po: &Catalog, terms: &[Term]) -> Vec<String> {
    let mut problems = Vec::new();
    for message in po.messages().filter(|m| m.is_translated()) {
        let english = prose(message.msgid());
        let msgstr = message.msgstr().unwrap_or_default();
        let chinese = prose(msgstr);
        let shown: String = message.msgid().chars().take(60).collect();
        for term in terms {
            let Some(found) = term.english.find(&english) else {
                continue;
            };
            if !term
                .chinese
                .iter()
                .any(|rendering| msgstr.contains(rendering))
            {
                problems.push(format!(
                    "\"{shown}...\" says `{}` but its translation lacks {}",
                    found.as_str(),
                    term.chinese.join(" / ")
                ));
            }
            for rendering in term.never.iter().filter(|r| chinese.contains(r.as_str())) {
                problems.push(format!(
                    "\"{shown}...\" says `{}` and its translation uses {rendering}, \
                     which po/GLOSSARY.md rules out for it",
                    found.as_str()
                ));
            }
        }
    }
    problems
}

/// Every translated message keeps what is never translated, as it is in the
/// English: its code spans, link targets and figures from runs (in any
/// order, since Chinese may order a sentence differently).
pub fn check_untranslated_parts(po: &Catalog) -> Vec<String> {
    let kept = Regex::new(r#"`[^`]+`|\]\([^)\s]+\)|<span class="figure"[^>]*>[^<]*</span>"#)
        .expect("valid pattern");
    let parts = |text: &str| -> Vec<String> {
        let mut found: Vec<String> = kept
            .find_iter(text)
            .map(|m| m.as_str().to_string())
            .collect();
        found.sort();
        found
    };
    po.messages()
        .filter(|m| m.is_translated())
        .filter_map(|m| {
            let (english, chinese) = (parts(m.msgid()), parts(m.msgstr().unwrap_or_default()));
            (english != chinese).then(|| {
                let source = m.source().split_whitespace().next().unwrap_or("?");
                format!("{source}: the translation changes its code, links or figures: {english:?} became {chinese:?}")
            })
        })
        .collect()
}

/// Every translated message includes what its English includes: the same
/// `{{#include}}` and `{{#rustdoc_include}}` directives, except that where
/// the edition in `language` has its own generated file (`<language>/`
/// beside the English one, as Appendix B's tables and figures under
/// `src/benchmarks/zh-CN/`), the translation includes that file instead.
/// A message's directives are found relative to its first source's folder.
pub fn check_include_directives(root: &Path, po: &Catalog, language: &str) -> Vec<String> {
    let directive = Regex::new(r"\{\{\s*#(?:rustdoc_)?include\s+[^}]*\}\}").expect("valid pattern");
    let path = Regex::new(r"(#(?:rustdoc_)?include\s+)([^}:\s]+)").expect("valid pattern");
    let found = |text: &str| -> Vec<String> {
        let mut all: Vec<String> = directive
            .find_iter(text)
            .map(|m| m.as_str().to_string())
            .collect();
        all.sort();
        all
    };
    let mut problems = Vec::new();
    for message in po.messages().filter(|m| m.is_translated()) {
        let english = found(message.msgid());
        if english.is_empty() && !directive.is_match(message.msgstr().unwrap_or_default()) {
            continue;
        }
        let source = message.source().split_whitespace().next().unwrap_or("?");
        let folder = Path::new(source.rsplit_once(':').map_or(source, |(file, _)| file))
            .parent()
            .map(|dir| root.join(dir))
            .unwrap_or_else(|| root.to_path_buf());
        let mut expected: Vec<String> = english
            .iter()
            .map(|include| {
                path.replace(include, |caps: &regex::Captures| {
                    let file = Path::new(&caps[2]);
                    let own = match (file.parent(), file.file_name()) {
                        (Some(dir), Some(name)) => dir.join(language).join(name),
                        _ => return caps[0].to_string(),
                    };
                    if folder.join(&own).is_file() {
                        format!("{}{}", &caps[1], own.display())
                    } else {
                        caps[0].to_string()
                    }
                })
                .into_owned()
            })
            .collect();
        expected.sort();
        let translated = found(message.msgstr().unwrap_or_default());
        if translated != expected {
            problems.push(format!(
                "{source}: the translation includes {translated:?}; it must include {expected:?} \
                 (the English file, or the edition's own under `{language}/` where one exists)"
            ));
        }
    }
    problems
}

/// A translation as autocorrect, the linter for Chinese copy, would write
/// it: spacing between Chinese and Latin text, full-width punctuation in
/// Chinese sentences. It reads the message as Markdown, so code spans (the
/// notes' printed Chinese, quoted exactly) are left alone, and so is every
/// verbatim quotation, written `<q>…</q>`: the note's own words or a
/// program's output, which keep their spacing (`<q>car0通过</q>` is what the
/// program prints). Emphasis is written `<em>`, see `emphasis_as_html`.
pub fn typeset(msgstr: &str) -> String {
    let quotation = Regex::new(r"(?s)<q>(.*?)</q>").expect("valid pattern");
    let quoted: Vec<&str> = quotation
        .captures_iter(msgstr)
        .map(|quote| quote.get(1).map_or("", |inner| inner.as_str()))
        .collect();
    // Autocorrect sees each quotation as one character that is neither
    // Chinese nor Latin, so it neither changes it nor spaces around it.
    let masked = quotation.replace_all(msgstr, format!("<q>{QUOTED}</q>"));
    let typeset = emphasis_as_html(&autocorrect::format_for(&masked, "md").out);
    let mut quoted = quoted.into_iter();
    let restored = quotation.replace_all(&typeset, |_: &regex::Captures| {
        format!("<q>{}</q>", quoted.next().unwrap_or_default())
    });
    restored.into_owned()
}

/// What a verbatim quotation stands in for while autocorrect runs: a
/// character of Unicode's private use area, which no translation contains.
const QUOTED: char = '\u{E000}';

/// `*word*` as `<em>word</em>`, outside code spans. mdbook-gettext writes
/// a translated message back as Markdown with emphasis as `_word_`, which
/// CommonMark does not read as emphasis beside a Chinese character, so the
/// page would show the underscores; HTML passes through unchanged.
fn emphasis_as_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (index, segment) in text.split('`').enumerate() {
        if index > 0 {
            out.push('`');
        }
        // Odd segments lie between backticks: code.
        if index % 2 == 1 {
            out.push_str(segment);
            continue;
        }
        let chars: Vec<char> = segment.chars().collect();
        let single = |i: usize| {
            chars[i] == '*'
                && (i == 0 || (chars[i - 1] != '*' && chars[i - 1] != '\\'))
                && chars.get(i + 1) != Some(&'*')
        };
        let mut open: Option<usize> = None;
        let mut pairs = Vec::new();
        for i in 0..chars.len() {
            if !single(i) {
                continue;
            }
            match open {
                None if chars.get(i + 1).is_some_and(|c| !c.is_whitespace()) => open = Some(i),
                Some(start) if !chars[i - 1].is_whitespace() => {
                    pairs.push((start, i));
                    open = None;
                }
                _ => {}
            }
        }
        let mut last = 0;
        for (start, end) in pairs {
            out.extend(&chars[last..start]);
            out.push_str("<em>");
            out.extend(&chars[start + 1..end]);
            out.push_str("</em>");
            last = end + 1;
        }
        out.extend(&chars[last..]);
    }
    out
}

/// Every translated message that autocorrect would change, as
/// `source: "old" -> "new"`.
pub fn typography(po: &Catalog) -> Vec<String> {
    po.messages()
        .filter(|m| m.is_translated())
        .filter_map(|m| {
            let msgstr = m.msgstr().unwrap_or_default();
            let typeset = typeset(msgstr);
            (typeset != msgstr).then(|| {
                let source = m.source().split_whitespace().next().unwrap_or("?");
                format!("{source}: {msgstr:?}\n    -> {typeset:?}")
            })
        })
        .collect()
}

/// The checks every translation in a PO file passes (`check_terms`,
/// `typography`, `check_untranslated_parts`), for translated strings kept
/// outside it: the theme's words (`site::interface_strings`), Appendix B's
/// labels. Each is `(where, English, translation)`; the problems name the
/// place.
pub fn check_strings(strings: &[(&str, &str, &str)], terms: &[Term]) -> Vec<String> {
    let mut problems = Vec::new();
    for &(place, english, translation) in strings {
        let mut po = Catalog::new(CatalogMetadata::new());
        po.append_or_update(
            Message::build_singular()
                .with_source(place.to_string())
                .with_msgid(english.to_string())
                .with_msgstr(translation.to_string())
                .done(),
        );
        let found = [
            check_terms(&po, terms),
            typography(&po),
            check_untranslated_parts(&po),
        ];
        problems.extend(found.into_iter().flatten().map(|problem| {
            if problem.starts_with(place) {
                problem
            } else {
                format!("{place}: {problem}")
            }
        }));
    }
    problems
}

pub fn read_po(path: &Path) -> Result<Catalog, String> {
    po_file::parse(path).map_err(|e| format!("{}: {e}", path.display()))
}

pub fn write_po(catalog: &Catalog, path: &Path) -> Result<(), String> {
    po_file::write(catalog, path).map_err(|e| format!("{}: {e}", path.display()))
}

/// Builds the HTML of the edition in `language` (None: English) into
/// `destination`, with the `gettext` preprocessor running in this process
/// so that no `mdbook-gettext` binary is needed.
pub fn build_edition(
    root: &Path,
    language: Option<&str>,
    destination: &Path,
) -> Result<(), String> {
    let mut book = MDBook::load(root).map_err(|e| format!("mdBook cannot load the book: {e:#}"))?;
    // Read when the preprocessors and the renderer run, not at loading.
    if let Some(language) = language {
        book.config.book.language = Some(language.to_string());
        // The title is configuration, not a message: book.toml gives each
        // translation's in the gettext preprocessor's table.
        let key = format!("preprocessor.gettext.titles.{language}");
        let title = book
            .config
            .get::<String>(&key)
            .map_err(|e| format!("book.toml: {e}"))?
            .ok_or_else(|| format!("book.toml gives no {key}"))?;
        book.config.book.title = Some(title);
    }
    book.config.build.build_dir = destination.to_path_buf();
    // book.toml names the preprocessor `gettext` with its place before
    // `links`; this keeps the place and runs it in-process.
    book.with_preprocessor(Gettext);
    if let Some(language) = language {
        // Added last, so it runs after `links`: it translates the comments
        // of the listings that `links` has just included.
        let po = read_po(&po_path(root, language))?;
        book.with_preprocessor(comments::TranslateComments::new(&po));
    }
    book.build().map_err(|e| {
        format!(
            "mdBook could not build the {} edition: {e:#}",
            language.unwrap_or("English")
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_similarity_bound_is_never_below_the_ratio() {
        let texts = [
            "A `Pool` starts its workers up front.",
            "A `Pool` starts every worker when it is made.",
            "Threads share memory; processes do not.",
            "",
            "同一段中文",
        ];
        for a in texts {
            for b in texts {
                let ratio = TextDiff::from_words(a, b).ratio();
                let bound = similarity_bound(&word_counts(a), &word_counts(b));
                assert!(
                    bound >= ratio,
                    "{a:?} / {b:?}: bound {bound} < ratio {ratio}"
                );
            }
        }
    }

    fn catalog(entries: &[(&str, &str, bool)]) -> Catalog {
        let mut catalog = Catalog::new(CatalogMetadata::new());
        for &(msgid, msgstr, fuzzy) in entries {
            let mut flags = MessageFlags::new();
            if fuzzy {
                flags.add_flag("fuzzy");
            }
            catalog.append_or_update(
                Message::build_singular()
                    .with_source("src/ch.md:1".into())
                    .with_msgid(msgid.into())
                    .with_msgstr(msgstr.into())
                    .with_flags(flags)
                    .done(),
            );
        }
        catalog
    }

    #[test]
    fn merging_keeps_translations_fuzzes_changed_ones_and_drops_lost_ones() {
        let template = catalog(&[
            ("Threads share memory.", "", false),
            ("A process has its own memory, always.", "", false),
            ("Something new entirely", "", false),
        ]);
        let old = catalog(&[
            ("Threads share memory.", "线程共享内存。", false),
            ("A process has its own memory.", "进程有自己的内存。", false),
            ("Gone from the source", "已删除", false),
        ]);
        let (merged, stats) = merge(&template, Some(&old), "zh-CN");
        assert_eq!(
            stats,
            Merged {
                kept: 1,
                fuzzy: 1,
                new: 1,
                dropped: 1,
                typeset: 0
            }
        );
        let changed = merged
            .find_message(None, "A process has its own memory, always.", None)
            .unwrap();
        assert!(changed.is_fuzzy());
        assert_eq!(changed.msgstr().unwrap(), "进程有自己的内存。");
        assert!(
            merged
                .find_message(None, "Gone from the source", None)
                .is_none()
        );
    }

    #[test]
    fn merging_typesets_translations() {
        let template = catalog(&[("It uses a Mutex.", "", false)]);
        let old = catalog(&[("It uses a Mutex.", "它使用Mutex保护数据.", false)]);
        let (merged, stats) = merge(&template, Some(&old), "zh-CN");
        assert_eq!(stats.typeset, 1);
        let message = merged.find_message(None, "It uses a Mutex.", None).unwrap();
        assert_eq!(message.msgstr().unwrap(), "它使用 Mutex 保护数据。");
        assert!(typography(&merged).is_empty());
        assert_eq!(typography(&old).len(), 1);
    }

    #[test]
    fn code_links_and_figures_stay_as_they_are() {
        let po = catalog(&[
            (
                "Call `f` in [Listing 2-1](#listing-2-1).",
                "在[示例 2-1](#listing-2-1)中调用 `f`。",
                false,
            ),
            ("Call `f` once.", "调用一次 `g`。", false),
        ]);
        let problems = check_untranslated_parts(&po);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("`g`"));
    }

    #[test]
    fn emphasis_is_written_as_html_outside_code() {
        assert_eq!(
            emphasis_as_html("这就是*竞态条件*：`a*b*c` 与 **粗体** 和 2 * 3 * 4"),
            "这就是<em>竞态条件</em>：`a*b*c` 与 **粗体** 和 2 * 3 * 4"
        );
    }

    #[test]
    fn an_audit_names_untranslated_fuzzy_and_obsolete_entries() {
        let template = catalog(&[("one", "", false), ("two", "", false), ("three", "", false)]);
        let po = catalog(&[
            ("one", "一", false),
            ("two", "二", true),
            ("four", "四", false),
        ]);
        let audit = audit(&template, "#~ msgid \"five\"\n", &po);
        assert_eq!(audit.untranslated, vec!["src/ch.md:1: \"three\""]);
        assert_eq!(audit.fuzzy, vec!["src/ch.md:1: \"two\""]);
        assert_eq!(audit.obsolete.len(), 2, "{:?}", audit.obsolete);
        assert!(!audit.is_current());
        assert!(
            audit
                .report(Path::new("po/zh-CN.po"))
                .contains(UPDATE_COMMAND)
        );
    }

    #[test]
    fn a_checked_term_must_keep_its_chinese() {
        let terms = glossary_terms("| thread | 线程 |  | yes | |\n").unwrap();
        let po = catalog(&[
            ("Two threads run.", "两个线程在运行。", false),
            ("Two threads run at once.", "两个执行流同时运行。", false),
            ("Call `thread::spawn`.", "调用 `thread::spawn`。", false),
        ]);
        let problems = check_terms(&po, &terms);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("at once"));
    }

    #[test]
    fn a_glossary_row_gives_renderings_to_use_and_renderings_ruled_out() {
        let glossary = "\
| English | 中文 | never | checked | note |
|---|---|---|---|---|
| spawn / spawned / spawning | 启动 | 派生、被 spawn | yes | |
| job | 任务 / 作业 |  | yes | |
| 2024 edition | 2024 版（edition） |  | yes | |
| queue | 队列 |  | | |
";
        let terms = glossary_terms(glossary).unwrap();
        assert_eq!(terms.len(), 3, "only the checked rows");
        assert_eq!(terms[0].never, ["派生", "被 spawn"]);
        assert_eq!(terms[1].chinese, ["任务", "作业"]);
        assert_eq!(terms[2].chinese, ["2024 版"], "the gloss is not required");
        let po = catalog(&[
            ("Jobs are spawned.", "任务被启动。", false),
            ("A job spawned in a scope.", "在作用域中派生的任务。", false),
            (
                "Tasks are spawned and awaited.",
                "任务被 spawn，然后被 await。",
                false,
            ),
            ("The job runs the task.", "作业运行这个任务。", false),
            ("Each job runs.", "每个工作都运行。", false),
            (
                "It calls `tokio::spawn`.",
                "它调用 `tokio::spawn`（并非`派生`）。",
                false,
            ),
            (
                "Since the 2024 edition.",
                "从 2024 版（edition）起。",
                false,
            ),
        ]);
        let problems = check_terms(&po, &terms);
        let found = |text: &str, what: &str| {
            problems
                .iter()
                .filter(|p| p.contains(text) && p.contains(what))
                .count()
        };
        assert_eq!(problems.len(), 5, "{problems:#?}");
        assert_eq!(found("A job spawned", "lacks 启动"), 1);
        assert_eq!(found("A job spawned", "uses 派生"), 1);
        assert_eq!(found("Tasks are spawned", "lacks 启动"), 1);
        assert_eq!(found("Tasks are spawned", "uses 被 spawn"), 1);
        assert_eq!(found("Each job runs", "lacks 任务 / 作业"), 1);
    }

    #[test]
    fn terms_are_words_of_prose_not_identifiers_code_or_quotations() {
        let terms = glossary_terms("| sleep / slept | 休眠 | 睡眠 | yes | |\n").unwrap();
        let po = catalog(&[
            ("It passes sleep_seconds.", "它传入 sleep_seconds。", false),
            (
                "It calls time.sleep(1) and sleep() once.",
                "它调用一次。",
                false,
            ),
            ("It calls `time.sleep`.", "它调用 `time.sleep`。", false),
            (
                "It sleeps, as the note says: 睡眠一会.",
                "它休眠，正如笔记所说：<q>睡眠一会</q>。",
                false,
            ),
            ("The thread sleeps.", "线程睡眠。", false),
            ("The thread slept.", "线程在休眠。", false),
            ("Sleep-2 waits.", "Sleep-2 在等待。", false),
        ]);
        let problems = check_terms(&po, &terms);
        assert_eq!(problems.len(), 2, "{problems:#?}");
        assert!(problems.iter().all(|p| p.contains("The thread sleeps")));
    }

    #[test]
    fn a_verbatim_quotation_keeps_its_spacing() {
        // The program prints `car0通过`; the note writes `Manager中`.
        let quoted = "在上面的运行中，<q>car0通过</q>出现在了<q>绿灯亮了</q>之前；\
                      笔记警告：<q>Manager中一些数据类型是进程不安全的</q>。";
        assert_eq!(typeset(quoted), quoted);
        assert_eq!(
            typeset("在上面的运行中，car0通过出现在前，<q>car0通过</q>也是。"),
            "在上面的运行中，car0 通过出现在前，<q>car0通过</q>也是。"
        );
        let po = catalog(&[("car0通过 came out first.", "<q>car0通过</q>先出现。", false)]);
        assert!(typography(&po).is_empty());
    }

    #[test]
    fn code_lines_span_a_fence_from_its_opening_to_its_closing_line() {
        let dir = std::env::temp_dir().join(format!("harness-i18n-{}", std::process::id()));
        fs::create_dir_all(dir.join("src")).unwrap();
        fs::write(
            dir.join("src/ch.md"),
            "Text.\n\n```text\n\"quoted\"\n```\n\nMore.\n",
        )
        .unwrap();
        let mut lines = CodeLines::new(&dir);
        assert!(lines.holds_every_source_of("src/ch.md:3 src/ch.md:4 src/ch.md:5"));
        assert!(!lines.holds_every_source_of("src/ch.md:4 src/ch.md:7"));
        assert!(!lines.holds_every_source_of("src/ch.md:1"));
    }

    #[test]
    fn an_include_translates_to_the_english_one_or_the_editions_own_file() {
        let dir = std::env::temp_dir().join(format!("harness-includes-{}", std::process::id()));
        fs::create_dir_all(dir.join("src/benchmarks/zh-CN")).unwrap();
        fs::write(dir.join("src/benchmarks/table.md"), "| a |\n").unwrap();
        fs::write(dir.join("src/benchmarks/zh-CN/table.md"), "| 甲 |\n").unwrap();
        let po = catalog(&[
            (
                "{{#include benchmarks/table.md}}",
                "{{#include benchmarks/zh-CN/table.md}}",
                false,
            ),
            (
                "Cores: {{#include benchmarks/figures.txt:cores}}.",
                "核心数：{{#include benchmarks/figures.txt:cores}}。",
                false,
            ),
            // The edition has its own table: the English one is wrong here.
            (
                "See {{#include benchmarks/table.md}}",
                "见 {{#include benchmarks/table.md}}",
                false,
            ),
            // No `zh-CN/figures.txt` exists.
            (
                "Runs: {{#include benchmarks/figures.txt:runs}}",
                "运行：{{#include benchmarks/zh-CN/figures.txt:runs}}",
                false,
            ),
            ("Dropped: {{#include a.rs}}", "丢了。", false),
            ("Added.", "加了 {{#include a.rs}}", false),
        ]);
        let problems = check_include_directives(&dir, &po, "zh-CN");
        fs::remove_dir_all(&dir).unwrap();
        assert_eq!(problems.len(), 4, "{problems:#?}");
        assert!(problems[0].contains("benchmarks/zh-CN/table.md"));
        assert!(
            problems[1].contains(r#"must include ["{{#include benchmarks/figures.txt:runs}}"]"#)
        );
    }

    #[test]
    fn strings_outside_the_po_file_pass_its_checks() {
        let terms = glossary_terms("| thread | 线程 | | yes | |\n").unwrap();
        let problems = check_strings(
            &[
                ("a", "Two threads", "两个线程"),
                ("b", "Two threads", "两个执行流"),
                ("c", "Uses `Mutex`", "使用Mutex"),
            ],
            &terms,
        );
        assert!(
            problems.iter().all(|p| !p.starts_with("a:")),
            "{problems:#?}"
        );
        assert!(
            problems.iter().any(|p| p.starts_with("b:")),
            "{problems:#?}"
        );
        assert_eq!(
            problems.iter().filter(|p| p.starts_with("c:")).count(),
            2,
            "{problems:#?}"
        );
    }

    #[test]
    fn comments_in_code_are_messages_listed_apart() {
        let mut template = catalog(&[("Prose.", "", false)]);
        template.append_or_update(
            Message::build_singular()
                .with_comments(CODE_COMMENT.into())
                .with_source("listings/a/src/main.rs:3".into())
                .with_msgid("Wait for the thread.".into())
                .with_msgstr(String::new())
                .done(),
        );
        let po = catalog(&[("Prose.", "散文。", false)]);
        let audit = audit(&template, "", &po);
        assert!(audit.untranslated.is_empty());
        assert_eq!(
            audit.untranslated_comments,
            ["listings/a/src/main.rs:3: comment \"Wait for the thread.\""]
        );
        assert!(!audit.is_current());
        assert!(
            audit
                .report(Path::new("po/zh-CN.po"))
                .contains("1 untranslated comments in code")
        );
        // A merge keeps the mark, however a PO editor wraps it.
        let (merged, _) = merge(&template, Some(&po), "zh-CN");
        let comment = merged
            .find_message(None, "Wait for the thread.", None)
            .unwrap();
        assert!(is_code_comment(comment));
        let mut rewrapped = Message::build_singular();
        rewrapped.with_comments(CODE_COMMENT.replacen(' ', "\n", 3));
        assert!(is_code_comment(&rewrapped.done()));
    }
}
