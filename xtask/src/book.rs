//! Building and serving both editions, and keeping the translation in step
//! with the English source.

use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, SystemTime};
use std::{fs, thread};

use harness::i18n::{self, TRANSLATIONS};
use harness::site;
use harness::{SYSTEM_PYTHON, book_root};

/// Where `cargo xtask build` writes the site: English at the root, each
/// translation in a folder named after its language.
fn site_dir(root: &Path) -> PathBuf {
    root.join("book")
}

/// Builds every edition into `book/` and indexes it for search, installing
/// Pagefind under `target/` first when it is missing.
pub fn build() -> Result<(), String> {
    let root = book_root();
    let site_dir = site_dir(&root);
    site::build_editions(&root, &site_dir)?;
    let python = site::pagefind()?;
    site::index(&site_dir, &python)?;
    eprintln!(
        "wrote {} (English), {}/zh-CN (Chinese) and their search index",
        site_dir.display(),
        site_dir.display()
    );
    Ok(())
}

/// `cargo xtask pdf`: builds the site, then prints each edition's
/// `print.html` to `book.pdf` beside it with headless Chromium. It first
/// makes sure that a font covers each translation's language, and after
/// printing that its PDF embeds one (`site::print_pdf`).
pub fn pdf() -> Result<(), String> {
    let chromium = site::chromium()?;
    for language in TRANSLATIONS {
        site::fonts_for(language)?;
    }
    build()?;
    for (language, edition) in site::editions(&site_dir(&book_root())) {
        let pdf = site::print_pdf(&chromium, &edition, language)?;
        eprintln!("wrote {}", pdf.display());
    }
    Ok(())
}

/// Builds the site, serves it at http://127.0.0.1:3000 with Python's
/// `http.server`, and rebuilds it when a source of the book changes.
pub fn serve() -> Result<(), String> {
    let root = book_root();
    build()?;
    let mut server = ServerGuard(
        Command::new(SYSTEM_PYTHON)
            .args([
                "-m",
                "http.server",
                "3000",
                "--bind",
                "127.0.0.1",
                "--directory",
            ])
            .arg(site_dir(&root))
            .spawn()
            .map_err(|e| format!("cannot start {SYSTEM_PYTHON} -m http.server: {e}"))?,
    );
    eprintln!("serving http://127.0.0.1:3000/ (Chinese: /zh-CN/); Ctrl-C stops");
    let watched = ["book.toml", "src", "po", "theme", "listings"].map(|p| root.join(p));
    let mut seen = newest_change(&watched);
    loop {
        thread::sleep(Duration::from_secs(1));
        if let Ok(Some(status)) = server.0.try_wait() {
            return Err(format!("the HTTP server stopped: {status}"));
        }
        let now = newest_change(&watched);
        if now > seen {
            seen = now;
            if let Err(e) = build() {
                eprintln!("error: {e}");
            }
        }
    }
}

/// Stops the HTTP server when `serve` returns.
struct ServerGuard(Child);

impl Drop for ServerGuard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn newest_change(paths: &[PathBuf]) -> SystemTime {
    let mut newest = SystemTime::UNIX_EPOCH;
    let mut pending: Vec<PathBuf> = paths.to_vec();
    while let Some(path) = pending.pop() {
        let Ok(meta) = fs::metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            if path.file_name().is_some_and(|n| n == "target") {
                continue;
            }
            pending.extend(
                fs::read_dir(&path)
                    .into_iter()
                    .flatten()
                    .flatten()
                    .map(|e| e.path()),
            );
        } else if let Ok(modified) = meta.modified() {
            newest = newest.max(modified);
        }
    }
    newest
}

/// `cargo xtask i18n update [LANGUAGE...]`: extracts the English messages
/// and merges them into each PO file, as `mdbook-xgettext` and GNU
/// `msgmerge` would, without gettext installed.
pub fn i18n(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        Some("update") => update(&args[1..]),
        _ => Err("usage: cargo xtask i18n update [LANGUAGE...]".into()),
    }
}

fn update(languages: &[String]) -> Result<(), String> {
    let root = book_root();
    let chosen: Vec<&str> = if languages.is_empty() {
        TRANSLATIONS.to_vec()
    } else {
        languages.iter().map(String::as_str).collect()
    };
    if let Some(unknown) = chosen.iter().find(|l| !TRANSLATIONS.contains(l)) {
        return Err(format!(
            "no edition in {unknown}; the translations are {}",
            TRANSLATIONS.join(", ")
        ));
    }
    let template = i18n::template(&root)?;
    let comments = template
        .messages()
        .filter(|message| i18n::is_code_comment(*message))
        .count();
    for language in chosen {
        let path = i18n::po_path(&root, language);
        let old = path.is_file().then(|| i18n::read_po(&path)).transpose()?;
        let (merged, stats) = i18n::merge(&template, old.as_ref(), language);
        i18n::write_po(&merged, &path)?;
        eprintln!(
            "{}: {} messages ({comments} of them comments in code): {} translated, {} fuzzy \
             to check, {} new; {} dropped; typography fixed in {}",
            path.display(),
            template.count(),
            stats.kept,
            stats.fuzzy,
            stats.new,
            stats.dropped,
            stats.typeset
        );
    }
    Ok(())
}
