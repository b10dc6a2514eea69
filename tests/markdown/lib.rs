//! The Rust blocks written inline in the chapters, as rustdoc doc-tests.
//!
//! `build.rs` copies every chapter into `OUT_DIR` and writes one module per
//! chapter whose documentation is that chapter, so `cargo test` compiles and
//! runs each block with rustdoc's own harness: edition 2024, this package's
//! dependencies, `compile_fail,E0XXX`, `should_panic` and `no_run` honoured.

include!(concat!(env!("OUT_DIR"), "/chapters.rs"));
