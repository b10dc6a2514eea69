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
    /// What one item of the timed rows is (`increment`, `message`...):
    /// the two sides are compared per item.
    pub item: Option<&'static str>,
    pub programs: &'static [Program],
    /// The row the other rows' speed-ups are measured against, if any.
    pub speedup_baseline: Option<&'static str>,
    /// The row, `(workload, row)`, that measures or derives this machine's
    /// physical limit for the workload: a core count for speed-ups, else a
    /// cost per item no program could go below.
    pub limit: Option<(&'static str, &'static str)>,
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
    /// Whether the table says how close this row comes to the limit.
    pub against_limit: bool,
    /// For a count taken during another row's runs, that row: the two
    /// rows' samples pair up run by run.
    pub counted_in: Option<&'static str>,
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
    ) -> Result<BTreeMap<&'static str, (f64, Option<u64>)>, String> {
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
            if line.items.is_some() != (row.unit == Unit::Seconds) {
                return Err(format!(
                    "case {:?}: a time, and only a time, says how many items it covers",
                    line.case
                ));
            }
            values.insert(row.id, (line.value, line.items));
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
        against_limit: false,
        counted_in: None,
    }
}

const fn headline(row: Row) -> Row {
    Row {
        headline: true,
        ..row
    }
}

const fn against_limit(row: Row) -> Row {
    Row {
        against_limit: true,
        ..row
    }
}

const fn rust_only(id: &'static str, how: &'static str) -> (Option<Case>, Option<Case>) {
    (Some(Case { id, how }), None)
}

const fn python_only(id: &'static str, how: &'static str) -> (Option<Case>, Option<Case>) {
    (None, Some(Case { id, how }))
}

const fn each(
    rust: (&'static str, &'static str),
    python: (&'static str, &'static str),
) -> (Option<Case>, Option<Case>) {
    (
        Some(Case {
            id: rust.0,
            how: rust.1,
        }),
        Some(Case {
            id: python.0,
            how: python.1,
        }),
    )
}

const S: Unit = Unit::Seconds;

/// The limit of every counter and of a pool handing out one item at a
/// time: each increment, and each item claimed, is at least one atomic
/// read-modify-write of a shared location.
const ATOMIC_LIMIT: (&str, &str) = ("counter", "atomic-uncontended");

pub const WORKLOADS: &[Workload] = &[
    Workload {
        id: "counter",
        title: "Lock counter",
        item: Some("increment"),
        speedup_baseline: Some("one-thread-locked"),
        limit: Some(ATOMIC_LIMIT),
        programs: &[Program {
            rust: &["counter"],
            python: &["counter.py"],
            rows: &[
                row(
                    "atomic-uncontended",
                    "limit: 1 thread, uncontended atomic increments",
                    S,
                    rust_only("atomic-uncontended", "`AtomicU64::fetch_add`"),
                ),
                against_limit(row(
                    "one-thread-locked",
                    "1 thread, locked increments",
                    S,
                    both("one-thread-locked", "`Mutex<u64>`", "`threading.Lock`"),
                )),
                headline(against_limit(row(
                    "two-threads-locked",
                    "2 threads, locked increments",
                    S,
                    both("two-threads-locked", "`Mutex<u64>`", "`threading.Lock`"),
                ))),
                Row {
                    counted_in: Some("two-threads-locked"),
                    ..row(
                        "two-threads-locked-sleeps",
                        "2 threads, locked: times a thread went to sleep",
                        Unit::Count,
                        both(
                            "two-threads-locked-sleeps",
                            "voluntary context switches",
                            "voluntary context switches",
                        ),
                    )
                },
                against_limit(row(
                    "two-threads-atomic",
                    "2 threads, atomic increments",
                    S,
                    both(
                        "two-threads-atomic",
                        "`AtomicU64::fetch_add`",
                        "`next()` on an `itertools.count`",
                    ),
                )),
                row(
                    "two-threads-local",
                    "2 threads, each counting alone, summed at the end",
                    S,
                    both(
                        "two-threads-local",
                        "a local `u64` per thread",
                        "a local `int` per thread",
                    ),
                ),
                row(
                    "two-threads-batched",
                    "2 threads, 1,000 increments per lock",
                    S,
                    both("two-threads-batched", "`Mutex<u64>`", "`threading.Lock`"),
                ),
            ],
        }],
    },
    Workload {
        id: "cpu",
        title: "CPU-bound work and the GIL",
        item: Some("step"),
        speedup_baseline: Some("serial"),
        limit: Some(("cpu", "cores")),
        programs: &[Program {
            rust: &["cpu"],
            python: &["cpu.py"],
            rows: &[
                row(
                    "cores",
                    "limit: cores the program sees",
                    Unit::Count,
                    both("cores", "`available_parallelism()`", "`os.cpu_count()`"),
                ),
                headline(row(
                    "serial",
                    "4 calls, one after another",
                    S,
                    both("serial", "a loop", "a loop"),
                )),
                against_limit(row(
                    "threads",
                    "4 calls on 4 threads",
                    S,
                    both("threads", "`thread::scope`", "`threading.Thread`"),
                )),
                against_limit(row(
                    "processes",
                    "4 calls in 4 processes",
                    S,
                    both(
                        "processes",
                        "4 × `Command::spawn` of itself",
                        "`multiprocessing.Pool(4).map`",
                    ),
                )),
                against_limit(row(
                    "rayon",
                    "4 calls with rayon",
                    S,
                    rust_only("rayon", "`par_iter` on rayon's global pool"),
                )),
            ],
        }],
    },
    Workload {
        id: "messages",
        title: "Message throughput",
        item: Some("message"),
        speedup_baseline: None,
        limit: Some(("messages", "copy")),
        programs: &[Program {
            rust: &["messages"],
            python: &["messages.py"],
            rows: &[
                row(
                    "copy",
                    "limit: copying the 8 bytes of a message at memory bandwidth",
                    S,
                    rust_only("copy", "`copy_from_slice`, 64 MiB at a time"),
                ),
                headline(against_limit(row(
                    "threads",
                    "between 2 threads",
                    S,
                    each(
                        ("threads-mpsc", "`std::sync::mpsc`"),
                        ("threads-queue", "`queue.Queue`"),
                    ),
                ))),
                against_limit(row(
                    "threads-crossbeam",
                    "between 2 threads, crossbeam",
                    S,
                    rust_only("threads-crossbeam", "`crossbeam::channel`"),
                )),
                against_limit(row(
                    "processes-queue",
                    "between 2 processes, queue",
                    S,
                    python_only("processes-queue", "`multiprocessing.Queue`"),
                )),
                against_limit(row(
                    "processes-pipe",
                    "between 2 processes, pipe",
                    S,
                    both(
                        "processes-pipe",
                        "a pipe, `framed` JSON frames",
                        "`multiprocessing.Pipe`",
                    ),
                )),
                against_limit(row(
                    "tasks",
                    "between 2 async tasks",
                    S,
                    each(
                        ("tasks-mpsc", "`tokio::sync::mpsc`, one thread"),
                        ("tasks-queue", "`asyncio.Queue`"),
                    ),
                )),
            ],
        }],
    },
    Workload {
        id: "startup",
        title: "Start-up cost",
        item: Some("start"),
        speedup_baseline: None,
        limit: Some(("startup", "wake")),
        programs: &[Program {
            rust: &["startup"],
            python: &["startup.py"],
            rows: &[
                row(
                    "wake",
                    "limit: waking a sleeping thread",
                    S,
                    rust_only("wake", "`thread::park` and `unpark`, ping-pong"),
                ),
                headline(against_limit(row(
                    "threads",
                    "start and join threads",
                    S,
                    both("threads", "`thread::spawn`", "`threading.Thread`"),
                ))),
                against_limit(row(
                    "processes-fork",
                    "start and join processes by fork",
                    S,
                    both(
                        "processes-fork",
                        "`nix::unistd::fork`",
                        "`multiprocessing`, fork",
                    ),
                )),
                against_limit(row(
                    "processes-spawn",
                    "start and join processes by spawn",
                    S,
                    both(
                        "processes-spawn",
                        "`Command::spawn` of itself",
                        "`multiprocessing`, spawn",
                    ),
                )),
                row(
                    "tasks",
                    "create and await async tasks",
                    S,
                    both(
                        "tasks",
                        "`tokio::spawn`, one thread",
                        "`asyncio.create_task`",
                    ),
                ),
            ],
        }],
    },
    Workload {
        id: "memory",
        title: "Memory per idle task and per blocked thread",
        item: None,
        speedup_baseline: None,
        limit: Some(("memory", "task-state")),
        programs: &[
            Program {
                rust: &["task-memory"],
                python: &["startup.py", "task-memory"],
                rows: &[
                    row(
                        "task-state",
                        "limit: the state a waiting task keeps",
                        Unit::Bytes,
                        rust_only("task-state", "`size_of_val` of its future"),
                    ),
                    headline(against_limit(row(
                        "task",
                        "one of 10,000 tasks waiting for a signal",
                        Unit::Bytes,
                        both("task-memory", "`tokio::spawn`", "`asyncio.create_task`"),
                    ))),
                ],
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
        item: Some("item"),
        speedup_baseline: None,
        limit: Some(ATOMIC_LIMIT),
        programs: &[Program {
            rust: &["pool"],
            python: &["pool.py"],
            rows: &[
                row(
                    "process-default",
                    "2 processes, default chunks",
                    S,
                    python_only("process-pool-default", "`Pool(2).map`"),
                ),
                against_limit(row(
                    "process-chunk-1",
                    "2 processes, one item at a time",
                    S,
                    python_only("process-pool-chunk-1", "`Pool(2).map(…, chunksize=1)`"),
                )),
                row(
                    "thread-default",
                    "2 threads, in chunks",
                    S,
                    each(
                        ("rayon", "rayon, 2 threads"),
                        ("thread-pool-default", "`ThreadPool(2).map`"),
                    ),
                ),
                headline(against_limit(row(
                    "thread-chunk-1",
                    "2 threads, one item at a time",
                    S,
                    each(
                        ("thread-pool-chunk-1", "2 threads and a channel"),
                        ("thread-pool-chunk-1", "`ThreadPool(2).map(…, chunksize=1)`"),
                    ),
                ))),
            ],
        }],
    },
    Workload {
        id: "sleep",
        title: "Sleep overlap",
        item: Some("wait"),
        speedup_baseline: None,
        limit: Some(("sleep", "timer-slack")),
        programs: &[Program {
            rust: &["sleep"],
            python: &["sleep.py"],
            rows: &[
                row(
                    "timer-slack",
                    "limit: how late the kernel may end a sleep",
                    S,
                    rust_only("timer-slack", "`/proc/self/timerslack_ns`"),
                ),
                headline(against_limit(row(
                    "tasks",
                    "3 tasks sleeping 10 ms, gathered: time beyond 10 ms",
                    S,
                    both(
                        "tasks",
                        "`tokio::join!` of `tokio::time::sleep`",
                        "`asyncio.gather` of `asyncio.sleep`",
                    ),
                ))),
                against_limit(row(
                    "threads",
                    "3 threads sleeping 10 ms, joined: time beyond 10 ms",
                    S,
                    both("threads", "`thread::sleep`", "`time.sleep`"),
                )),
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
            for counted_in in rows.iter().filter_map(|row| row.counted_in) {
                assert!(row_ids.contains(counted_in), "{}", workload.id);
            }
        }
        for (workload, row) in WORKLOADS.iter().filter_map(|w| w.limit) {
            let limits = WORKLOADS.iter().filter(|w| w.id == workload);
            let rows = limits.flat_map(|w| w.programs.iter().flat_map(|p| p.rows));
            assert_eq!(rows.filter(|r| r.id == row).count(), 1, "{workload}/{row}");
        }
    }

    #[test]
    fn a_program_must_print_each_of_its_cases_once() {
        let program = &WORKLOADS[2].programs[0];
        let line = |case: &str| {
            format!("{{\"case\": \"{case}\", \"value\": 0.5, \"unit\": \"s\", \"items\": 9}}\n")
        };
        let all: String = [
            "threads-queue",
            "processes-queue",
            "processes-pipe",
            "tasks-queue",
        ]
        .map(line)
        .concat();
        let values = program.read(Language::Python, &all).unwrap();
        assert_eq!(values.len(), 4);
        assert_eq!(values["tasks"], (0.5, Some(9)));
        let uncounted = all.replace(", \"items\": 9", "");
        assert!(program.read(Language::Python, &uncounted).is_err());
        let (_, without_first) = all.split_once('\n').unwrap();
        assert!(program.read(Language::Python, without_first).is_err());
        assert!(
            program
                .read(Language::Python, &(all.clone() + &line("tasks-queue")))
                .is_err()
        );
        assert!(
            program
                .read(Language::Python, &(all + &line("other")))
                .is_err()
        );
    }
}
