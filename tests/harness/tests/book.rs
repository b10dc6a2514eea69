//! The book builds to HTML with mdBook, and nothing in it dangles.

use harness::claims::{check_figures, check_notes_have_evidence, check_probes_shown};
use harness::html::{
    chapters, check_code_blocks, check_includes, check_listings_shown, check_rendered,
};
use harness::{book_root, target_dir};
use mdbook_driver::MDBook;

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
    problems.extend(check_code_blocks(&chapters, &listings));

    let mut book = MDBook::load(&root).expect("book.toml and src/SUMMARY.md load");
    let html = target_dir().join("book-check");
    book.config.build.build_dir = html.clone();
    book.build().expect("mdBook renders the book");
    problems.extend(check_rendered(&html));

    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}
