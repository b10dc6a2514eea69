//! The workloads the appendix measures: which program runs each side, the
//! cases each prints, and how the two sides pair up in a table row.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use serde::{Deserialize, Serialize};

use crate::line::{self, Size, Unit};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Rust,
    Python,
}

impl Language {
    pub const BOTH: [Language; 2] = [Language::Rust, Language::Python];

    pub fn name(self) -> &'static str {
        match self {
            Language::Rust => "rust",
            Language::Python => "python",
        }
    }
}

pub struct Workload {
    pub id: &'static str,
    pub title: &'static str,
    pub programs: &'static [Program],
    /// The row the other rows' speed-ups are measured against, if any.
    pub speedup_baseline: Option<&'static str>,
}

/// A pair of programs run the same number of times: the `workload` binary
/// with `rust` as its arguments, and `python3 bench/python/<python...>`.
pub struct Program {
    pub rust: &'static [&'static str],
    pub python: &'static [&'static str],
    pub rows: &'static [Row],
}

/// One line of a table: the same work done by each side, or by one side
/// only where the other has no counterpart.
pub struct Row {
    pub id: &'static str,
    pub label: &'static str,
    pub unit: Unit,
    pub rust: Option<Case>,
    pub python: Option<Case>,
    /// The row whose ratio stands for the whole workload.
    pub headline: bool,
    /// How many items (increments, messages, threads...) the time covers,
    /// at full size, where a cost per item means something.
    pub items: Option<u64>,
}

/// What a program prints a case as, and what the table says it used.
pub struct Case {
    pub id: &'static str,
    pub how: &'static str,
}

impl Row {
    pub fn case(&self, language: Language) -> Option<&Case> {
        match language {
            Language::Rust => self.rust.as_ref(),
            Language::Python => self.python.as_ref(),
        }
    }
}

impl Program {
    /// A short name for progress lines: the Rust subcommand.
    pub fn name(&self) -> &'static str {
        self.rust[0]
    }

    pub fn command(&self, language: Language, workload_binary: &Path, size: Size) -> Command {
        let mut command = match language {
            Language::Rust => {
                let mut command = Command::new(workload_binary);
                command.args(self.rust);
                command
            }
            Language::Python => {
                let mut command = Command::new("python3");
                command.arg(python_dir().join(self.python[0]));
                command.args(&self.python[1..]);
                command
            }
        };
        command.args(["--size", size.name()]);
        command
    }

    /// The values of this side's cases, by row id, from what the program
    /// printed: every case exactly once, in its unit, and nothing else.
    pub fn read(
        &self,
        language: Language,
        stdout: &str,
    ) -> Result<BTreeMap<&'static str, f64>, String> {
        let mut expected: BTreeMap<&str, (&Row, bool)> = self
            .rows
            .iter()
            .filter_map(|row| row.case(language).map(|case| (case.id, (row, false))))
            .collect();
        let mut values = BTreeMap::new();
        for line in line::parse(stdout)? {
            let Some((row, seen)) = expected.get_mut(line.case.as_str()) else {
                return Err(format!("unexpected case {:?}", line.case));
            };
            if std::mem::replace(seen, true) {
                return Err(format!("case {:?} printed twice", line.case));
            }
            if line.unit != row.unit {
                return Err(format!(
                    "case {:?} in {:?}, not {:?}",
                    line.case, line.unit, row.unit
                ));
            }
            values.insert(row.id, line.value);
        }
        match expected.iter().find(|(_, (_, seen))| !seen) {
            Some((case, _)) => Err(format!("case {case:?} missing")),
            None => Ok(values),
        }
    }
}

/// Where the Python twins live.
pub fn python_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("python")
}

const fn both(
    id: &'static str,
    rust: &'static str,
    python: &'static str,
) -> (Option<Case>, Option<Case>) {
    (Some(Case { id, how: rust }), Some(Case { id, how: python }))
}

const fn row(
    id: &'static str,
    label: &'static str,
    unit: Unit,
    (rust, python): (Option<Case>, Option<Case>),
) -> Row {
    Row {
        id,
        label,
        unit,
        rust,
        python,
        headline: false,
        items: None,
    }
}

const fn headline(row: Row) -> Row {
    Row {
        headline: true,
        ..row
    }
}

const fn per(items: u64, row: Row) -> Row {
    Row {
        items: Some(items),
        ..row
    }
}

const fn rust_only(id: &'static str, how: &'static str) -> (Option<Case>, Option<Case>) {
    (Some(Case { id, how }), None)
}

const fn python_only(id: &'static str, how: &'static str) -> (Option<Case>, Option<Case>) {
    (None, Some(Case { id, how }))
}

const S: Unit = Unit::Seconds;

pub const WORKLOADS: &[Workload] = &[
    Workload {
        id: "counter",
        title: "Lock counter",
        speedup_baseline: None,
        programs: &[Program {
            rust: &["counter"],
            python: &["counter.py"],
            rows: &[
                per(
                    2_000_000,
                    row(
                        "one-thread-locked",
                        "1 thread × 2,000,000 locked increments",
                        S,
                        both("one-thread-locked", "`Mutex<u64>`", "`threading.Lock`"),
                    ),
                ),
                per(
                    2_000_000,
                    headline(row(
                        "two-threads-locked",
                        "2 threads × 1,000,000 locked increments",
                        S,
                        both("two-threads-locked", "`Mutex<u64>`", "`threading.Lock`"),
                    )),
                ),
                per(
                    2_000_000,
                    row(
                        "two-threads-atomic",
                        "2 threads × 1,000,000 atomic increments",
                        S,
                        both(
                            "two-threads-atomic",
                            "`AtomicU64::fetch_add`",
                            "`next()` on an `itertools.count`",
                        ),
                    ),
                ),
            ],
        }],
    },
    Workload {
        id: "cpu",
        title: "CPU-bound work and the GIL",
        speedup_baseline: Some("serial"),
        programs: &[Program {
            rust: &["cpu"],
            python: &["cpu.py"],
            rows: &[
                row(
                    "cores",
                    "cores the program sees",
                    Unit::Count,
                    both("cores", "`available_parallelism()`", "`os.cpu_count()`"),
                ),
                headline(row(
                    "serial",
                    "4 calls, one after another",
                    S,
                    both("serial", "a loop", "a loop"),
                )),
                row(
                    "threads",
                    "4 calls on 4 threads",
                    S,
                    both("threads", "`thread::scope`", "`threading.Thread`"),
                ),
                row(
                    "processes",
                    "4 calls in 4 processes",
                    S,
                    both(
                        "processes",
                        "4 × `Command::spawn` of itself",
                        "`multiprocessing.Pool(4).map`",
                    ),
                ),
                row(
                    "rayon",
                    "4 calls with rayon",
                    S,
                    rust_only("rayon", "`par_iter` on rayon's global pool"),
                ),
            ],
        }],
    },
    Workload {
        id: "messages",
        title: "Message throughput",
        speedup_baseline: None,
        programs: &[Program {
            rust: &["messages"],
            python: &["messages.py"],
            rows: &[
                per(
                    200_000,
                    headline(row(
                        "threads",
                        "200,000 messages between 2 threads",
                        S,
                        (
                            Some(Case {
                                id: "threads-mpsc",
                                how: "`std::sync::mpsc`",
                            }),
                            Some(Case {
                                id: "threads-queue",
                                how: "`queue.Queue`",
                            }),
                        ),
                    )),
                ),
                per(
                    200_000,
                    row(
                        "threads-crossbeam",
                        "200,000 messages between 2 threads, crossbeam",
                        S,
                        rust_only("threads-crossbeam", "`crossbeam::channel`"),
                    ),
                ),
                per(
                    200_000,
                    row(
                        "processes-queue",
                        "200,000 messages between 2 processes, queue",
                        S,
                        python_only("processes-queue", "`multiprocessing.Queue`"),
                    ),
                ),
                per(
                    200_000,
                    row(
                        "processes-pipe",
                        "200,000 messages between 2 processes, pipe",
                        S,
                        both(
                            "processes-pipe",
                            "a pipe, `framed` JSON frames",
                            "`multiprocessing.Pipe`",
                        ),
                    ),
                ),
                per(
                    200_000,
                    row(
                        "tasks",
                        "200,000 messages between 2 async tasks",
                        S,
                        (
                            Some(Case {
                                id: "tasks-mpsc",
                                how: "`tokio::sync::mpsc`, one thread",
                            }),
                            Some(Case {
                                id: "tasks-queue",
                                how: "`asyncio.Queue`",
                            }),
                        ),
                    ),
                ),
            ],
        }],
    },
    Workload {
        id: "startup",
        title: "Start-up cost",
        speedup_baseline: None,
        programs: &[Program {
            rust: &["startup"],
            python: &["startup.py"],
            rows: &[
                per(
                    1_000,
                    headline(row(
                        "threads",
                        "start and join 1,000 threads",
                        S,
                        both("threads", "`thread::spawn`", "`threading.Thread`"),
                    )),
                ),
                per(
                    50,
                    row(
                        "processes-fork",
                        "start and join 50 processes by fork",
                        S,
                        both(
                            "processes-fork",
                            "`nix::unistd::fork`",
                            "`multiprocessing`, fork",
                        ),
                    ),
                ),
                per(
                    50,
                    row(
                        "processes-spawn",
                        "start and join 50 processes by spawn",
                        S,
                        both(
                            "processes-spawn",
                            "`Command::spawn` of itself",
                            "`multiprocessing`, spawn",
                        ),
                    ),
                ),
                per(
                    100_000,
                    row(
                        "tasks",
                        "create and await 100,000 async tasks",
                        S,
                        both(
                            "tasks",
                            "`tokio::spawn`, one thread",
                            "`asyncio.create_task`",
                        ),
                    ),
                ),
            ],
        }],
    },
    Workload {
        id: "memory",
        title: "Memory per idle task and per blocked thread",
        speedup_baseline: None,
        programs: &[
            Program {
                rust: &["task-memory"],
                python: &["startup.py", "task-memory"],
                rows: &[headline(row(
                    "task",
                    "one of 10,000 tasks waiting for a signal",
                    Unit::Bytes,
                    both("task-memory", "`tokio::spawn`", "`asyncio.create_task`"),
                ))],
            },
            Program {
                rust: &["thread-memory"],
                python: &["startup.py", "thread-memory"],
                rows: &[row(
                    "thread",
                    "one of 200 threads blocked on a barrier",
                    Unit::Bytes,
                    both("thread-memory", "`thread::spawn`", "`threading.Thread`"),
                )],
            },
        ],
    },
    Workload {
        id: "pool",
        title: "Pool map",
        speedup_baseline: None,
        programs: &[Program {
            rust: &["pool"],
            python: &["pool.py"],
            rows: &[
                per(
                    10_000,
                    row(
                        "process-default",
                        "10,000 items, 2 processes, default chunks",
                        S,
                        python_only("process-pool-default", "`Pool(2).map`"),
                    ),
                ),
                per(
                    10_000,
                    row(
                        "process-chunk-1",
                        "10,000 items, 2 processes, one item at a time",
                        S,
                        python_only("process-pool-chunk-1", "`Pool(2).map(…, chunksize=1)`"),
                    ),
                ),
                per(
                    10_000,
                    row(
                        "thread-default",
                        "10,000 items, 2 threads, in chunks",
                        S,
                        (
                            Some(Case {
                                id: "rayon",
                                how: "rayon, 2 threads",
                            }),
                            Some(Case {
                                id: "thread-pool-default",
                                how: "`ThreadPool(2).map`",
                            }),
                        ),
                    ),
                ),
                per(
                    10_000,
                    headline(row(
                        "thread-chunk-1",
                        "10,000 items, 2 threads, one item at a time",
                        S,
                        (
                            Some(Case {
                                id: "thread-pool-chunk-1",
                                how: "2 threads and a channel",
                            }),
                            Some(Case {
                                id: "thread-pool-chunk-1",
                                how: "`ThreadPool(2).map(…, chunksize=1)`",
                            }),
                        ),
                    )),
                ),
            ],
        }],
    },
    Workload {
        id: "sleep",
        title: "Sleep overlap",
        speedup_baseline: None,
        programs: &[Program {
            rust: &["sleep"],
            python: &["sleep.py"],
            rows: &[
                headline(row(
                    "tasks",
                    "3 tasks sleeping 1 s, gathered: time beyond 1 s",
                    S,
                    both(
                        "tasks",
                        "`tokio::join!` of `tokio::time::sleep`",
                        "`asyncio.gather` of `asyncio.sleep`",
                    ),
                )),
                row(
                    "threads",
                    "3 threads sleeping 1 s, joined: time beyond 1 s",
                    S,
                    both("threads", "`thread::sleep`", "`time.sleep`"),
                ),
            ],
        }],
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_each_workload_has_one_headline() {
        let mut workload_ids = std::collections::BTreeSet::new();
        for workload in WORKLOADS {
            assert!(workload_ids.insert(workload.id), "{}", workload.id);
            let rows: Vec<&Row> = workload.programs.iter().flat_map(|p| p.rows).collect();
            let mut row_ids = std::collections::BTreeSet::new();
            for row in &rows {
                assert!(row_ids.insert(row.id), "{}: {}", workload.id, row.id);
                assert!(row.rust.is_some() || row.python.is_some(), "{}", row.id);
            }
            let headlines = rows.iter().filter(|row| row.headline).count();
            assert_eq!(headlines, 1, "{}", workload.id);
            if let Some(baseline) = workload.speedup_baseline {
                assert!(row_ids.contains(baseline), "{}", workload.id);
            }
        }
    }

    #[test]
    fn a_program_must_print_each_of_its_cases_once() {
        let program = &WORKLOADS[0].programs[0];
        let line =
            |case: &str| format!("{{\"case\": \"{case}\", \"value\": 0.5, \"unit\": \"s\"}}\n");
        let all: String = [
            "one-thread-locked",
            "two-threads-locked",
            "two-threads-atomic",
        ]
        .map(line)
        .concat();
        let values = program.read(Language::Python, &all).unwrap();
        assert_eq!(values.len(), 3);
        let (_, without_first) = all.split_once('\n').unwrap();
        assert!(program.read(Language::Python, without_first).is_err());
        assert!(
            program
                .read(
                    Language::Python,
                    &(all.clone() + &line("two-threads-atomic"))
                )
                .is_err()
        );
        assert!(
            program
                .read(Language::Python, &(all + &line("other")))
                .is_err()
        );
    }
}
