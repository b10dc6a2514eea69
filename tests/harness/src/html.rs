//! Checks on the book itself: mdBook includes, the rendered HTML's links,
//! and the code blocks of the chapters.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Component, Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

use regex::Regex;

use crate::comments::{self, BlockComment, Code, Language};
use crate::listing::Listing;
use crate::markdown::{fences, files_with_extension};

/// Crates the Rust playground offers, of those the listings use. A block
/// showing a listing that needs any other crate (nix, a local library)
/// must not offer a run button.
const PLAYGROUND_CRATES: &[&str] = &["tokio", "crossbeam", "serde", "serde_json"];

/// Every Markdown file of the book, with its text.
pub fn chapters(src: &Path) -> Vec<(PathBuf, String)> {
    files_with_extension(src, "md")
        .into_iter()
        .map(|path| {
            let text = fs::read_to_string(&path).unwrap_or_default();
            (path, text)
        })
        .collect()
}

/// One `{{#include}}` or `{{#rustdoc_include}}` in a chapter.
struct Include {
    chapter: PathBuf,
    file: PathBuf,
    anchor: Option<String>,
}

fn includes(chapters: &[(PathBuf, String)]) -> Vec<Include> {
    let directive =
        Regex::new(r"\{\{#(?:rustdoc_)?include\s+([^}\s]+)\s*\}\}").expect("valid pattern");
    let mut found = Vec::new();
    for (chapter, text) in chapters {
        let dir = chapter.parent().expect("a chapter lives in a folder");
        for caps in directive.captures_iter(text) {
            let (path, spec) = caps[1].split_once(':').unwrap_or((&caps[1], ""));
            let anchor = (!spec.is_empty()
                && !spec.starts_with(|c: char| c.is_ascii_digit() || c == ':'))
            .then(|| spec.to_string());
            found.push(Include {
                chapter: chapter.clone(),
                file: normalize(&dir.join(path)),
                anchor,
            });
        }
    }
    found
}

/// Every include names a file that exists and, where it names an anchor,
/// one that the file defines. Returns the problems and the files included.
pub fn check_includes(chapters: &[(PathBuf, String)]) -> (Vec<String>, BTreeSet<PathBuf>) {
    let mut problems = Vec::new();
    let mut included = BTreeSet::new();
    for include in includes(chapters) {
        let Ok(text) = fs::read_to_string(&include.file) else {
            problems.push(format!(
                "{}: includes missing file {}",
                include.chapter.display(),
                include.file.display()
            ));
            continue;
        };
        if let Some(anchor) = &include.anchor
            && !text
                .lines()
                .any(|line| line.trim_end().ends_with(&format!("ANCHOR: {anchor}")))
        {
            problems.push(format!(
                "{}: {} has no anchor `{anchor}`",
                include.chapter.display(),
                include.file.display()
            ));
        }
        included.insert(include.file);
    }
    (problems, included)
}

/// Every file a reader must see of each listing is shown by some chapter.
pub fn check_listings_shown(listings: &[Listing], included: &BTreeSet<PathBuf>) -> Vec<String> {
    let mut problems = Vec::new();
    for listing in listings {
        let dir = normalize(&listing.dir);
        for file in ["src/main.rs", "src/lib.rs", "output.txt", "twin.py"] {
            let path = dir.join(file);
            if path.is_file() && !included.contains(&path) {
                problems.push(format!("{}: no chapter shows its {file}", listing.name));
            }
        }
    }
    problems
}

/// The longest run, as the harness measures it, of a listing that the book
/// offers a Run button: mdBook gives up on the playground after 6 seconds,
/// compiling included, so a listing that runs longer only shows a time-out.
pub const RUN_BUTTON_LIMIT: Duration = Duration::from_secs(2);

/// The classes that mark a code block, as the Rust book marks its own: the
/// theme shows each as a label above the block, in the page's language.
pub const DOES_NOT_COMPILE: &str = "does_not_compile";
pub const PANICS: &str = "panics";
pub const NEVER_ENDS: &str = "never_ends";

/// A Rust block that offers a Run button, with the listing it runs.
#[derive(Debug)]
pub struct RunButton {
    pub at: String,
    pub listing: String,
}

/// Every code block says its language; a block is marked when its code
/// does not compile, panics on purpose or translates a program that never
/// ends, and only then; and a Run button is offered only on a block that
/// shows a whole runnable listing using the playground's crates. Returns
/// the problems and the Run buttons, whose listings' measured run times
/// `check_run_times` checks.
pub fn check_code_blocks(
    chapters: &[(PathBuf, String)],
    listings: &[Listing],
) -> (Vec<String>, Vec<RunButton>) {
    let directive = Regex::new(r"\{\{#(rustdoc_include|include)\s+([^}\s:]+)(:[^}\s]*)?\s*\}\}")
        .expect("valid pattern");
    let mut problems = Vec::new();
    let mut buttons = Vec::new();
    for (chapter, text) in chapters {
        let dir = chapter.parent().expect("a chapter lives in a folder");
        for fence in fences(text) {
            let at = format!("{}:{}", chapter.display(), fence.open_line + 1);
            if fence.language().is_empty() {
                problems.push(format!(
                    "{at}: say which language this code block is in (```text for none)"
                ));
                continue;
            }
            if fence.language() != "rust" {
                continue;
            }
            // What the block shows: (listing, file in it, whole file or not).
            let shown: Vec<(&Listing, PathBuf, bool)> = fence
                .body
                .iter()
                .flat_map(|line| directive.captures_iter(line))
                .filter_map(|caps| {
                    let path = normalize(&dir.join(&caps[2]));
                    let listing = listings
                        .iter()
                        .find(|l| path.starts_with(normalize(&l.dir)))?;
                    let file = path
                        .strip_prefix(normalize(&listing.dir))
                        .ok()?
                        .to_path_buf();
                    let whole = &caps[1] == "rustdoc_include";
                    Some((listing, file, whole))
                })
                .collect();
            let main_of = |listing: &&Listing| {
                shown
                    .iter()
                    .any(|(l, f, _)| l.name == listing.name && f == Path::new("src/main.rs"))
            };
            let fails =
                fence.has("compile_fail") || shown.iter().any(|(l, _, _)| l.is_compile_fail());
            let never_ends = listings.iter().filter(main_of).any(|l| l.note_never_ends);
            let panics = fence.has("should_panic");
            for (class, needed, why) in [
                (DOES_NOT_COMPILE, fails, "its code does not compile"),
                (
                    NEVER_ENDS,
                    never_ends,
                    "the note's program it translates never ends",
                ),
                (PANICS, panics, "it panics on purpose"),
            ] {
                if needed && !fence.has(class) {
                    problems.push(format!("{at}: mark the block `{class}`: {why}"));
                } else if !needed && fence.has(class) {
                    problems.push(format!(
                        "{at}: the block is marked `{class}`, but not because {why}"
                    ));
                }
            }
            if fence.has("noplayground") || fence.has("ignore") {
                continue;
            }
            let runnable: Vec<&(&Listing, PathBuf, bool)> = shown
                .iter()
                .filter(|(l, f, whole)| {
                    *whole && f == Path::new("src/main.rs") && !l.is_compile_fail()
                })
                .collect();
            let why_not = match (runnable.as_slice(), shown.len()) {
                (_, 0) => Some("an inline block has no measured run".to_string()),
                ([(listing, _, _)], 1) => {
                    let missing: Vec<&str> = listing
                        .dependencies
                        .iter()
                        .map(String::as_str)
                        .filter(|dep| !PLAYGROUND_CRATES.contains(dep))
                        .collect();
                    if missing.is_empty() {
                        buttons.push(RunButton {
                            at: at.clone(),
                            listing: listing.name.clone(),
                        });
                        None
                    } else {
                        Some(format!(
                            "{} uses {} that the Rust playground lacks",
                            listing.name,
                            missing.join(", ")
                        ))
                    }
                }
                _ => Some(
                    "it shows no whole runnable program (`{{#rustdoc_include .../src/main.rs}}`)"
                        .to_string(),
                ),
            };
            if let Some(why) = why_not {
                problems.push(format!("{at}: mark the block noplayground: {why}"));
            }
        }
    }
    (problems, buttons)
}

/// Every Run button's listing ran, as measured here, within
/// `RUN_BUTTON_LIMIT`.
pub fn check_run_times(buttons: &[RunButton], times: &BTreeMap<String, Duration>) -> Vec<String> {
    buttons
        .iter()
        .filter_map(|button| {
            let took = times.get(&button.listing)?;
            (*took > RUN_BUTTON_LIMIT).then(|| {
                format!(
                    "{}: {} ran {:.2} s here, longer than the {} s a Run button allows \
                     (the playground gives up on it): mark the block noplayground",
                    button.at,
                    button.listing,
                    took.as_secs_f64(),
                    RUN_BUTTON_LIMIT.as_secs()
                )
            })
        })
        .collect()
}

/// Checks the rendered book: no include left unexpanded, and every link
/// inside the book reaches a page that exists and, with a `#fragment`, an
/// element with that id.
pub fn check_rendered(html_root: &Path) -> Vec<String> {
    let href = Regex::new(r#"\b(?:href|src)="([^"]*)""#).expect("valid pattern");
    let pages = html_pages(html_root);
    let ids: BTreeMap<PathBuf, BTreeSet<String>> = pages
        .iter()
        .map(|(path, text)| (path.clone(), element_ids(text)))
        .collect();
    let mut problems = Vec::new();
    for (page, text) in &pages {
        let shown = page.strip_prefix(html_root).unwrap_or(page).display();
        if text.contains("{{#include") || text.contains("{{#rustdoc_include") {
            problems.push(format!("{shown}: an include was left unexpanded"));
        }
        for caps in href.captures_iter(text) {
            let link = &caps[1];
            let external = ["http:", "https:", "mailto:", "data:", "javascript:", "//"];
            if link.is_empty() || external.iter().any(|e| link.starts_with(e)) {
                continue;
            }
            let (path, fragment) = link.split_once('#').unwrap_or((link, ""));
            let path = path.split('?').next().unwrap_or_default();
            let target = if path.is_empty() {
                page.clone()
            } else if let Some(absolute) = path.strip_prefix('/') {
                normalize(&html_root.join(absolute))
            } else {
                normalize(&page.parent().expect("a page lives in a folder").join(path))
            };
            if !target.exists() {
                problems.push(format!("{shown}: broken link {link}"));
            } else if !fragment.is_empty()
                && ids.get(&target).is_some_and(|ids| !ids.contains(fragment))
            {
                problems.push(format!("{shown}: broken anchor {link}"));
            }
        }
    }
    problems
}

/// Every page of a translated edition shows exactly the code blocks and
/// outputs of the English page it translates: code is never translated.
/// In Rust and Python blocks the comments are (`comments`), so those are
/// compared with their comments left out, and their markup as it is.
pub fn check_same_code(english_root: &Path, translated_root: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    for (page, text) in html_pages(english_root) {
        let relative = page.strip_prefix(english_root).unwrap_or(&page);
        if relative.starts_with(
            translated_root
                .strip_prefix(english_root)
                .unwrap_or(translated_root),
        ) {
            continue;
        }
        let translated = translated_root.join(relative);
        let Ok(translated_text) = fs::read_to_string(&translated) else {
            problems.push(format!(
                "{}: not in the translated edition",
                relative.display()
            ));
            continue;
        };
        let (english, other) = (code_blocks(&text), code_blocks(&translated_text));
        if english.len() != other.len() {
            problems.push(format!(
                "{}: {} code blocks in English, {} translated",
                relative.display(),
                english.len(),
                other.len()
            ));
            continue;
        }
        let code = |block: &CodeBlock| -> String {
            match block.code() {
                Some(Ok(code)) => match code.without_comments() {
                    Ok(lines) => format!("{}\n{}", block.markup(), lines.join("\n")),
                    Err(e) => format!("{}\n{e}", block.html),
                },
                _ => block.html.clone(),
            }
        };
        if let Some((number, (a, b))) = english
            .iter()
            .map(code)
            .zip(other.iter().map(code))
            .enumerate()
            .find(|(_, (a, b))| a != b)
        {
            problems.push(format!(
                "{}: code block {} differs from the English one (comments aside):\n{}",
                relative.display(),
                number + 1,
                similar::TextDiff::from_lines(a.as_str(), b.as_str())
                    .unified_diff()
                    .header("English", "translated")
            ));
        }
    }
    problems
}

/// No comment in the Rust and Python blocks of a translated edition is
/// left in English, by `comments::reads_as_english`: one problem per page
/// that has any, with how many lines and the first few.
pub fn check_comments_translated(translated_root: &Path) -> Vec<String> {
    const SHOWN: usize = 3;
    let mut problems = Vec::new();
    for (page, text) in html_pages(translated_root) {
        let relative = page.strip_prefix(translated_root).unwrap_or(&page);
        // print.html repeats every chapter.
        if relative == Path::new("print.html") {
            continue;
        }
        let mut english = Vec::new();
        for (number, block) in code_blocks(&text).iter().enumerate() {
            let lines = match block.code() {
                None => continue,
                Some(Ok(code)) => code.comment_lines(),
                Some(Err(e)) => Err(e),
            };
            match lines {
                Ok(lines) => english.extend(
                    lines
                        .into_iter()
                        .filter(|(_, line)| comments::reads_as_english(line))
                        .map(|(line, text)| {
                            format!("block {}, line {}: {text}", number + 1, line + 1)
                        }),
                ),
                Err(e) => problems.push(format!(
                    "{}: code block {}: {e}",
                    relative.display(),
                    number + 1
                )),
            }
        }
        if !english.is_empty() {
            problems.push(format!(
                "{}: {} comment lines left in English (translate their messages in the PO \
                 file), e.g.\n    {}",
                translated_root.join(relative).display(),
                english.len(),
                english[..english.len().min(SHOWN)].join("\n    ")
            ));
        }
    }
    problems
}

/// A rendered `<pre>` block.
struct CodeBlock {
    html: String,
}

impl CodeBlock {
    /// The `<pre>` and `<code>` tags, with their classes.
    fn markup(&self) -> &str {
        let end = self
            .html
            .find("<code")
            .and_then(|code| self.html[code..].find('>').map(|end| code + end + 1))
            .unwrap_or(0);
        &self.html[..end]
    }

    /// The code of a Rust or Python block as its Markdown had it: text,
    /// with each line that mdBook hides (`<span class="boring">`) behind
    /// rustdoc's `# `. None for a block in another language.
    fn code(&self) -> Option<Result<Code, BlockComment>> {
        static LANGUAGE: OnceLock<Regex> = OnceLock::new();
        static BORING: OnceLock<Regex> = OnceLock::new();
        let language = LANGUAGE.get_or_init(|| {
            Regex::new(r#"<code class="language-([\w-]+)"#).expect("valid pattern")
        });
        let boring = BORING.get_or_init(|| {
            Regex::new(r#"(?s)<span class="boring">(.*?)</span>"#).expect("valid pattern")
        });
        let markup = self.markup();
        let language = Language::of_block(&language.captures(markup)?[1])?;
        let inner = &self.html[markup.len()..];
        let inner = inner.strip_suffix("</code></pre>").unwrap_or(inner);
        let text = boring.replace_all(inner, "# $1");
        let text = unescape(&text);
        let code = Code::new(language, text.lines());
        Some(code.comments().map(|_| code))
    }
}

/// HTML's escapes in text, as mdBook writes them, back to their characters.
fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

/// The `<pre>` blocks of a page, as rendered.
fn code_blocks(html: &str) -> Vec<CodeBlock> {
    let pre = Regex::new(r"(?s)<pre\b.*?</pre>").expect("valid pattern");
    pre.find_iter(html)
        .map(|m| CodeBlock {
            html: m.as_str().to_string(),
        })
        .collect()
}

fn html_pages(root: &Path) -> Vec<(PathBuf, String)> {
    files_with_extension(root, "html")
        .into_iter()
        .map(|path| {
            let text = fs::read_to_string(&path).unwrap_or_default();
            (normalize(&path), text)
        })
        .collect()
}

fn element_ids(html: &str) -> BTreeSet<String> {
    let id = Regex::new(r#"\b(?:id|name)="([^"]*)""#).expect("valid pattern");
    id.captures_iter(html)
        .map(|caps| caps[1].to_string())
        .collect()
}

/// `a/b/../c` as `a/c`, without touching the file system.
pub(crate) fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fences_are_found_with_their_info_and_body() {
        let text = "intro\n```rust,noplayground\n{{#include a.rs}}\n```\n\n  ````python\n  x = 1\n  ```\n  ````\n";
        let found = fences(text);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].language(), "rust");
        assert!(found[0].has("noplayground") && found[0].includes_a_file());
        assert_eq!((found[1].language(), found[1].open_line), ("python", 5));
        assert_eq!(found[1].body, vec!["x = 1", "```"]);
    }

    #[test]
    fn fences_in_blockquotes_are_found_without_their_markers() {
        let text = "> **Note:** so:\n>\n> ```rust,compile_fail\n> let x;\n> ```\n";
        let found = fences(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].prefix, "> ");
        assert!(found[0].has("compile_fail"));
        assert_eq!(found[0].body, vec!["let x;"]);
    }

    #[test]
    fn paths_are_normalized_without_the_file_system() {
        assert_eq!(
            normalize(Path::new("/a/b/../c/./d")),
            PathBuf::from("/a/c/d")
        );
    }

    #[test]
    fn a_rendered_block_gives_back_its_code_with_hidden_lines_and_language() {
        let block = CodeBlock {
            html: "<pre class=\"playground\"><code class=\"language-rust edition2024\">\
                   <span class=\"boring\">// Hidden.\n</span><span class=\"boring\">fn f() {}\n\
                   </span>let s = &quot;a &amp; b&quot;; // Shown &lt;here&gt;.</code></pre>"
                .into(),
        };
        assert_eq!(
            block.markup(),
            "<pre class=\"playground\"><code class=\"language-rust edition2024\">"
        );
        let code = block.code().unwrap().unwrap();
        assert_eq!(
            code.comment_lines().unwrap(),
            [(0, "Hidden.".to_string()), (2, "Shown <here>.".to_string())]
        );
        assert_eq!(
            code.without_comments().unwrap(),
            ["# fn f() {}", "let s = \"a & b\";"]
        );
        let console = CodeBlock {
            html: "<pre><code class=\"language-console\">$ ls # all</code></pre>".into(),
        };
        assert!(console.code().is_none());
    }

    #[test]
    fn translated_pages_may_differ_from_english_only_in_their_comments() {
        let root = std::env::temp_dir().join(format!("harness-html-{}", std::process::id()));
        let translated = root.join("zh-CN");
        fs::create_dir_all(&translated).unwrap();
        let page = |code: &str| {
            format!("<p>x</p><pre><code class=\"language-python\">{code}</code></pre>")
        };
        fs::write(root.join("a.html"), page("# Count.\nn += 1  # One.\n")).unwrap();
        fs::write(root.join("b.html"), page("n += 1\n")).unwrap();
        fs::write(root.join("c.html"), page("# Left.\nn = 0\n")).unwrap();
        fs::write(
            translated.join("a.html"),
            page("# 计数，\n# 两行。\nn += 1  # 一。\n"),
        )
        .unwrap();
        fs::write(translated.join("b.html"), page("n += 2\n")).unwrap();
        fs::write(translated.join("c.html"), page("# Left.\nn = 0\n")).unwrap();
        let same = check_same_code(&root, &translated);
        let english = check_comments_translated(&translated);
        fs::remove_dir_all(&root).unwrap();
        assert_eq!(same.len(), 1, "{same:#?}");
        assert!(same[0].starts_with("b.html: code block 1 differs"));
        assert_eq!(english.len(), 1, "{english:#?}");
        assert!(english[0].contains("c.html: 1 comment lines left in English"));
        assert!(english[0].contains("block 1, line 1: Left."));
    }
}
