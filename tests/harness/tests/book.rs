//! The book builds to HTML with mdBook, in English and in every
//! translation, and nothing in it dangles; the translations are current.

use std::fs;

use harness::claims::{check_figures, check_notes_have_evidence, check_probes_shown};
use harness::html::{
    chapters, check_code_blocks, check_comments_translated, check_includes, check_listings_shown,
    check_rendered, check_same_code,
};
use harness::i18n::{self, TRANSLATIONS};
use harness::{book_root, site, target_dir};

#[test]
fn the_book_builds_with_every_include_link_and_listing_in_place() {
    let root = book_root();
    let chapters = chapters(&root.join("src"));
    let listings =
        harness::discover(&root).unwrap_or_else(|problems| panic!("{}", problems.join("\n")));
    let probes = harness::discover_probes(&root)
        .unwrap_or_else(|problems| panic!("{}", problems.join("\n")));

    let (mut problems, included) = check_includes(&chapters);
    problems.extend(check_listings_shown(&listings, &included));
    problems.extend(check_probes_shown(&probes, &included, &chapters));
    problems.extend(check_notes_have_evidence(&chapters));
    problems.extend(check_figures(&chapters, &listings, &probes));
    problems.extend(check_code_blocks(&chapters, &listings).0);

    // The site as `cargo xtask build` lays it out.
    let html = target_dir().join("book-check");
    site::build_editions(&root, &html).unwrap_or_else(|e| panic!("{e}"));
    for (_, translated) in site::editions(&html).into_iter().skip(1) {
        problems.extend(check_same_code(&html, &translated));
        problems.extend(check_comments_translated(&translated));
    }
    problems.extend(check_rendered(&html));

    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn every_translation_is_complete_and_current() {
    let root = book_root();
    let template = i18n::template(&root).unwrap_or_else(|e| panic!("{e}"));
    let terms = i18n::checked_terms(&root).unwrap_or_else(|e| panic!("{e}"));
    let mut problems = Vec::new();
    for language in TRANSLATIONS {
        let path = i18n::po_path(&root, language);
        let text = fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "{}: {e}; `{}` makes it",
                path.display(),
                i18n::UPDATE_COMMAND
            )
        });
        let po = i18n::read_po(&path).unwrap_or_else(|e| panic!("{e}"));
        let audit = i18n::audit(&template, &text, &po);
        eprintln!("{}: {} messages", path.display(), audit.messages);
        if !audit.is_current() {
            problems.push(audit.report(&path));
        }
        let typography = i18n::typography(&po);
        if !typography.is_empty() {
            problems.push(format!(
                "{}: autocorrect, the Chinese typography linter, would change {} translations \
                 (`{}` applies its fixes):\n  {}",
                path.display(),
                typography.len(),
                i18n::UPDATE_COMMAND,
                typography.join("\n  ")
            ));
        }
        let changed = i18n::check_untranslated_parts(&po);
        if !changed.is_empty() {
            problems.push(format!("{}: \n  {}", path.display(), changed.join("\n  ")));
        }
        let includes = i18n::check_include_directives(&root, &po, language);
        if !includes.is_empty() {
            problems.push(format!(
                "{}: translations that include other files than their English:\n  {}",
                path.display(),
                includes.join("\n  ")
            ));
        }
        // The theme's words, kept in theme/strings.js, pass the same checks.
        let words = site::interface_strings(&root).unwrap_or_else(|e| panic!("{e}"));
        let places: Vec<(String, &str, &str)> = words["en"]
            .iter()
            .map(|(key, english)| {
                let translated = words
                    .get(*language)
                    .and_then(|table| table.get(key))
                    .map_or("", String::as_str);
                (
                    format!("theme/strings.js: {language}.{key}"),
                    english.as_str(),
                    translated,
                )
            })
            .collect();
        let strings: Vec<(&str, &str, &str)> = places
            .iter()
            .map(|(place, english, translated)| (place.as_str(), *english, *translated))
            .collect();
        let interface = i18n::check_strings(&strings, &terms);
        if !interface.is_empty() {
            problems.push(format!(
                "the interface's words in {language}:\n  {}",
                interface.join("\n  ")
            ));
        }
        let terms = i18n::check_terms(&po, &terms);
        if !terms.is_empty() {
            problems.push(format!(
                "{}: translations that leave po/GLOSSARY.md's terms:\n  {}",
                path.display(),
                terms.join("\n  ")
            ));
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n\n"));
}
