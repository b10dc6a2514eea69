//! The Rust blocks written inline in the chapters, as rustdoc doc-tests.
//!
//! `build.rs` copies every chapter into `OUT_DIR` and writes one module per
//! chapter whose documentation is that chapter, so `cargo test --doc -p
//! chapters` compiles and runs each block with rustdoc's own harness:
//! edition 2024, this package's dependencies, `should_panic` and `no_run`
//! honoured. Stable rustdoc ignores the error code in `compile_fail,E0XXX`;
//! the harness's `tests/doctests.rs` runs these doc-tests so that it checks
//! them too.

include!(concat!(env!("OUT_DIR"), "/chapters.rs"));
