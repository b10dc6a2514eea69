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
/// (every chapter again), `toc.html` or `404.html`.
const INDEXED_PAGES: &str = "**/{index,introduction,ch*,appendix-*}.html";

/// Builds every edition into `site` (which the English build empties).
pub fn build_editions(root: &Path, site: &Path) -> Result<(), String> {
    i18n::build_edition(root, None, site)?;
    for language in TRANSLATIONS {
        i18n::build_edition(root, Some(language), &site.join(language))?;
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
