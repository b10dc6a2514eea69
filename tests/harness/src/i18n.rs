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

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use mdbook_driver::MDBook;
use mdbook_i18n_helpers::preprocessors::Gettext;
use mdbook_renderer::RenderContext;
use polib::catalog::Catalog;
use polib::message::{Message, MessageFlags, MessageView};
use polib::metadata::CatalogMetadata;
use polib::po_file;
use regex::Regex;
use similar::TextDiff;

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
    Ok(template)
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
}

impl Audit {
    pub fn is_current(&self) -> bool {
        self.untranslated.is_empty() && self.fuzzy.is_empty() && self.obsolete.is_empty()
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
    let describe = |source: &str, msgid: &str| -> String {
        let first_line = msgid.lines().next().unwrap_or_default();
        let shown: String = first_line.chars().take(70).collect();
        let source = source.split_whitespace().next().unwrap_or("?");
        format!("{source}: \"{shown}\"")
    };
    for message in template.messages() {
        match po.find_message(None, message.msgid(), None) {
            Some(found) if found.is_fuzzy() => audit
                .fuzzy
                .push(describe(message.source(), message.msgid())),
            Some(found) if found.is_translated() => {}
            _ => audit
                .untranslated
                .push(describe(message.source(), message.msgid())),
        }
    }
    for message in po.messages() {
        if template.find_message(None, message.msgid(), None).is_none() {
            audit
                .obsolete
                .push(describe(message.source(), message.msgid()));
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
/// then each translation is typeset as autocorrect would (`typeset`).
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
            None => match closest(message.msgid(), &unused) {
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

fn closest(msgid: &str, candidates: &[&dyn MessageView]) -> Option<usize> {
    candidates
        .iter()
        .enumerate()
        .map(|(i, m)| (i, TextDiff::from_chars(m.msgid(), msgid).ratio()))
        .filter(|&(_, ratio)| ratio >= FUZZY_SIMILARITY)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

/// A term of the glossary that every translation must use.
pub struct Term {
    english: Regex,
    pub chinese: String,
}

/// The terms marked `checked` in `po/GLOSSARY.md`'s table.
pub fn checked_terms(root: &Path) -> Result<Vec<Term>, String> {
    let path = root.join("po").join("GLOSSARY.md");
    let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let parenthesis = Regex::new(r"\s*\(.*?\)").expect("valid pattern");
    let mut terms = Vec::new();
    for row in text.lines().filter(|line| line.starts_with("| ")) {
        let cells: Vec<&str> = row.trim_matches('|').split('|').map(str::trim).collect();
        let [english, chinese, checked, _note] = cells[..] else {
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
        // A word and its plural, outside code: `Thread` names no concept.
        let english = Regex::new(&format!(r"(?i)\b(?:{})(?:e?s)?\b", words.join("|")))
            .map_err(|e| e.to_string())?;
        let chinese = chinese
            .split(['（', '/'])
            .next()
            .unwrap_or_default()
            .trim()
            .to_string();
        terms.push(Term { english, chinese });
    }
    Ok(terms)
}

/// Every translated message whose English uses a checked term, in prose,
/// and whose translation lacks that term's Chinese.
pub fn check_terms(po: &Catalog, terms: &[Term]) -> Vec<String> {
    let code = Regex::new(r"`[^`]*`|\]\([^)]*\)|<[^>]*>").expect("valid pattern");
    let mut problems = Vec::new();
    for message in po.messages().filter(|m| m.is_translated()) {
        let prose = code.replace_all(message.msgid(), " ");
        let msgstr = message.msgstr().unwrap_or_default();
        for term in terms {
            if let Some(found) = term.english.find(&prose)
                && !msgstr.contains(&term.chinese)
            {
                let shown: String = message.msgid().chars().take(60).collect();
                problems.push(format!(
                    "\"{shown}...\" says `{}` but its translation lacks {}",
                    found.as_str(),
                    term.chinese
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

/// A translation as autocorrect, the linter for Chinese copy, would write
/// it: spacing between Chinese and Latin text, full-width punctuation in
/// Chinese sentences. It reads the message as Markdown, so code spans (the
/// notes' printed Chinese, quoted exactly) are left alone. Emphasis is
/// written `<em>`, see `emphasis_as_html`.
pub fn typeset(msgstr: &str) -> String {
    emphasis_as_html(&autocorrect::format_for(msgstr, "md").out)
}

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
        let terms = vec![Term {
            english: Regex::new(r"(?i)\b(?:thread)(?:e?s)?\b").unwrap(),
            chinese: "线程".into(),
        }];
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
}
