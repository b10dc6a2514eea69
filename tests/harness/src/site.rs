//! The site as readers get it: both editions, English at the root and each
//! translation in its language's folder, with a Pagefind search index.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use regex::Regex;

use crate::i18n::{self, TRANSLATIONS};
use crate::{SYSTEM_PYTHON, python_with};

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
    python_with(
        Path::new(SYSTEM_PYTHON),
        "pagefind-venv",
        &BTreeSet::from([PAGEFIND.to_string()]),
    )
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
/// the system's fonts. For a translation (`language`), a font covering its
/// language must be installed (`fonts_for`), and the PDF must embed one:
/// Chromium prints a character no font has as a box, and says nothing.
pub fn print_pdf(
    chromium: &Path,
    edition_dir: &Path,
    language: Option<&str>,
) -> Result<PathBuf, String> {
    let needed = language.map(fonts_for).transpose()?;
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
    if !out.status.success() || !pdf.is_file() {
        return Err(format!(
            "{} printed no PDF of {}:\n{}",
            chromium.display(),
            page.display(),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    if let (Some(language), Some(needed)) = (language, needed) {
        let bytes = fs::read(&pdf).map_err(|e| format!("{}: {e}", pdf.display()))?;
        let embedded = pdf_fonts(&bytes);
        if embedded.is_disjoint(&needed) {
            return Err(format!(
                "{} embeds no font that covers {language} (it embeds {embedded:?}; fontconfig \
                 lists {} such fonts here): its {language} text would print as boxes",
                pdf.display(),
                needed.len()
            ));
        }
    }
    Ok(pdf)
}

/// The fonts installed here that cover `language`, by fontconfig
/// (`fc-list :lang=<language>`), by family and PostScript name; an error
/// saying what to install where there is none, or no fontconfig to ask.
pub fn fonts_for(language: &str) -> Result<BTreeSet<String>, String> {
    let out = Command::new("fc-list")
        .arg(format!(":lang={}", language.to_lowercase()))
        .args(["family", "postscriptname"])
        .output()
        .map_err(|e| {
            format!(
                "cannot run fc-list ({e}) to find a font for the {language} PDF: \
                 install fontconfig (apt-get install fontconfig)"
            )
        })?;
    // `Noto Sans CJK SC,Noto Sans CJK SC Bold:postscriptname=NotoSansCJKsc-Bold`
    let fonts: BTreeSet<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .flat_map(|line| {
            let (families, postscript) = line.split_once(":postscriptname=").unwrap_or((line, ""));
            families
                .split(',')
                .chain([postscript])
                .map(|name| name.trim().trim_start_matches(':').to_string())
                .filter(|name| !name.is_empty())
                .collect::<Vec<_>>()
        })
        .collect();
    if fonts.is_empty() {
        return Err(format!(
            "no font installed here covers {language} (`fc-list :lang={}` lists none), so its \
             PDF would show every {language} character as a box: install one, e.g. Debian's \
             fonts-noto-cjk (apt-get install fonts-noto-cjk)",
            language.to_lowercase()
        ));
    }
    Ok(fonts)
}

/// The fonts a PDF embeds, by the names its font descriptors give: the
/// PostScript name (`/FontName /AAAAAA+NotoSansCJKsc-Regular`, without the
/// subset's tag) and the family (`/FontFamily (Noto Sans CJK SC)`), as
/// Chromium writes them, uncompressed.
pub fn pdf_fonts(pdf: &[u8]) -> BTreeSet<String> {
    let text = String::from_utf8_lossy(pdf);
    let name = Regex::new(r"/FontName\s*/(?:[A-Z]{6}\+)?([^\s/<>\[\]()]+)").expect("valid pattern");
    let family = Regex::new(r"/FontFamily\s*\(([^)]*)\)").expect("valid pattern");
    name.captures_iter(&text)
        .chain(family.captures_iter(&text))
        .map(|caps| caps[1].to_string())
        .collect()
}

/// The interface's words (labels, search, PDF link, language switch), per
/// language and key, from `theme/strings.js`, which the theme's scripts and
/// styles use: its table is JSON between `window.bookStrings = ` and the
/// `};` that ends it.
pub fn interface_strings(
    root: &Path,
) -> Result<BTreeMap<String, BTreeMap<String, String>>, String> {
    let path = root.join("theme").join("strings.js");
    let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    // At a line's start: the comments above name it too.
    let start = text
        .find(&format!("\n{STRINGS_START}"))
        .map(|at| at + 1 + STRINGS_START.len())
        .ok_or_else(|| format!("{}: no line starts `{STRINGS_START}`", path.display()))?;
    let end = text[start..]
        .find("\n};")
        .map(|at| start + at + 2)
        .ok_or_else(|| format!("{}: no `}};` ends the table", path.display()))?;
    serde_json::from_str(&text[start..end]).map_err(|e| format!("{}: {e}", path.display()))
}

const STRINGS_START: &str = "window.bookStrings = ";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pdfs_fonts_are_read_from_its_font_descriptors() {
        let pdf = b"<</Type /FontDescriptor\n/FontFamily (Noto Sans CJK SC)\n/FontName /AAAAAA+NotoSansCJKsc-Regular\n>>\n<</FontName /DejaVuSans>>";
        assert_eq!(
            pdf_fonts(pdf),
            BTreeSet::from([
                "Noto Sans CJK SC".to_string(),
                "NotoSansCJKsc-Regular".to_string(),
                "DejaVuSans".to_string()
            ])
        );
    }

    #[test]
    fn no_font_covers_a_language_that_does_not_exist() {
        // Where fontconfig is missing this fails too, saying so.
        let error = fonts_for("xx-YY").unwrap_err();
        assert!(error.contains("xx-YY"), "{error}");
    }

    #[test]
    fn every_edition_has_every_interface_string() {
        let strings = interface_strings(&crate::book_root()).unwrap_or_else(|e| panic!("{e}"));
        let english = &strings["en"];
        for (language, _) in editions(Path::new("site")) {
            let language = language.unwrap_or("en");
            let table = strings
                .get(language)
                .unwrap_or_else(|| panic!("theme/strings.js has no {language}"));
            let keys = |table: &BTreeMap<String, String>| table.keys().cloned().collect::<Vec<_>>();
            assert_eq!(keys(table), keys(english), "{language}");
        }
    }
}
