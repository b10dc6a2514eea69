//! The site as readers get it: both editions, English at the root and each
//! translation in its language's folder, with a Pagefind search index.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::i18n::{self, TRANSLATIONS};
use crate::python_with;

/// Pagefind's extended build, which segments Chinese into words, from the
/// PyPI package that ships its binary. 1.5 segments queries too.
pub const PAGEFIND: &str = "pagefind[extended]==1.5.2";

/// The pages worth finding: the chapters and appendices, not `print.html`
/// (every chapter again), `index.html` (the introduction again),
/// `toc.html` or `404.html`.
const INDEXED_PAGES: &str = "**/{introduction,ch*,appendix-*}.html";

/// Every edition with its folder in `site`: English (no language) at the
/// root first, since its build empties that folder, then each translation
/// in its language's folder, with the same file names.
pub fn editions(site: &Path) -> Vec<(Option<&'static str>, PathBuf)> {
    std::iter::once((None, site.to_path_buf()))
        .chain(
            TRANSLATIONS
                .iter()
                .map(|&language| (Some(language), site.join(language))),
        )
        .collect()
}

/// Builds every edition into `site`.
pub fn build_editions(root: &Path, site: &Path) -> Result<(), String> {
    for (language, folder) in editions(site) {
        i18n::build_edition(root, language, &folder)?;
    }
    Ok(())
}

/// The Python that runs Pagefind, installed under `target/` on first use.
pub fn pagefind() -> Result<PathBuf, String> {
    python_with("pagefind-venv", &BTreeSet::from([PAGEFIND.to_string()]))
}

/// Indexes `site` for search, one index per `<html lang>`, from each page's
/// `<main>` (not the sidebar that every page repeats). Returns what
/// Pagefind said.
pub fn index(site: &Path, python: &Path) -> Result<String, String> {
    let out = Command::new(python)
        .args(["-m", "pagefind", "--site"])
        .arg(site)
        .args(["--glob", INDEXED_PAGES, "--root-selector", "main"])
        .output()
        .map_err(|e| format!("cannot run Pagefind: {e}"))?;
    let said =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    if out.status.success() {
        Ok(said)
    } else {
        Err(format!("Pagefind failed:\n{said}"))
    }
}

/// A program on `PATH` by the first of `names` found.
pub fn on_path(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |name| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

/// Chromium (Debian's package), or Google Chrome where that is what a
/// machine has: the browser that prints the PDFs and runs the browser test.
pub fn chromium() -> Result<PathBuf, String> {
    on_path(&[
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ])
    .ok_or_else(|| "no Chromium on PATH (apt-get install chromium chromium-driver)".to_string())
}

/// The PDF of an edition, beside its `print.html`, which the menu bar
/// links when it exists.
pub const PDF_NAME: &str = "book.pdf";

/// Prints an edition's `print.html` to `PDF_NAME` beside it, with the
/// chapters' headings as the PDF's outline (its table of contents), in
/// the system's fonts (Noto CJK for the Chinese on Linux).
pub fn print_pdf(chromium: &Path, edition_dir: &Path) -> Result<PathBuf, String> {
    let pdf = edition_dir.join(PDF_NAME);
    let page = edition_dir
        .join("print.html")
        .canonicalize()
        .map_err(|e| format!("{}: {e}; build the site first", edition_dir.display()))?;
    let out = Command::new(chromium)
        .args([
            "--headless",
            // Root in a container has no sandbox to drop into.
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            "--generate-pdf-document-outline",
        ])
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .map_err(|e| format!("cannot run {}: {e}", chromium.display()))?;
    if out.status.success() && pdf.is_file() {
        Ok(pdf)
    } else {
        Err(format!(
            "{} printed no PDF of {}:\n{}",
            chromium.display(),
            page.display(),
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}
