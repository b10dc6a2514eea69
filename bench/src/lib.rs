//! Appendix B's benchmarks: what the workloads are ([`catalogue`]), the
//! line each program prints per result ([`line`]), running a program and
//! reading those lines ([`runner`]), the results file ([`results`]), and
//! the tables, quoted figures and charts the appendix includes
//! ([`report`], [`chart`], [`numbers`]).
//!
//! `cargo xtask bench` drives it all; the workloads themselves are the
//! `workload` binary (src/bin/workload) and the scripts in `python/`.

pub mod catalogue;
pub mod chart;
pub mod line;
pub mod numbers;
pub mod report;
pub mod results;
pub mod runner;
