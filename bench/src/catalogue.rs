//! The workloads the appendix measures: which program runs each side, the
//! cases each prints, and how the two sides pair up in a table row.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use serde::{Deserialize, Serialize};

use crate::line::{self, Params, Size, Unit};

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

/// The CPython versions the twins run on, one column each (the harness
/// finds them: `harness::interpreters`). The first is the one the
/// notes and the rest of the book run, `python3` here; the ratios against
/// it are the headline ones.
pub const PYTHONS: &[&str] = &["3.11", "3.13"];

pub struct Workload {
    pub id: &'static str,
    pub title: &'static str,
    /// What one item of the timed rows is (`increment`, `message`...):
    /// the two sides are compared per item.
    pub item: Option<&'static str>,
    pub programs: &'static [Program],
    /// The row the other rows' speed-ups are measured against, if any.
    pub speedup_baseline: Option<&'static str>,
    /// The row, `(workload, row)`, each row is set against: for speed-ups,
    /// the core count, a limit no speed-up can pass; for costs, a reference
    /// cost per item, whose label and the appendix say what it is.
    pub reference: Option<(&'static str, &'static str)>,
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
#[derive(Clone, Copy)]
pub struct Row {
    pub id: &'static str,
    /// What the row measures; each `{name}` in it is filled with the
    /// parameter `name` the programs printed (see `report`), so that no
    /// number in a label is typed by hand.
    pub label: &'static str,
    pub unit: Unit,
    pub rust: Option<Case>,
    pub python: Option<Case>,
    /// The row whose ratio stands for the whole workload.
    pub headline: bool,
    /// Whether the table says how this row compares with the reference.
    pub against_reference: bool,
    /// For a count taken during another row's runs, that row: the two
    /// rows' samples pair up run by run.
    pub counted_in: Option<&'static str>,
}

/// What a program prints a case as, and what the table says it used.
#[derive(Clone, Copy)]
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

/// What a program printed for one case: its value, the items it covers,
/// and the parameters it ran with.
pub type Printed = (f64, Option<u64>, Params);

impl Program {
    /// A short name for progress lines: the Rust subcommand.
    pub fn name(&self) -> &'static str {
        self.rust[0]
    }

    /// The command that runs this side: `executable` is the `workload`
    /// binary for Rust, a CPython for Python.
    pub fn command(&self, language: Language, executable: &Path, size: Size) -> Command {
        let mut command = Command::new(executable);
        match language {
            Language::Rust => {
                command.args(self.rust);
            }
            Language::Python => {
                command.arg(python_dir().join(self.python[0]));
                command.args(&self.python[1..]);
            }
        }
        command.args(["--size", size.name()]);
        command
    }

    /// The values of this side's cases, by row id, from what the program
    /// printed: every case exactly once, in its unit, and nothing else.
    pub fn read(
        &self,
        language: Language,
        stdout: &str,
    ) -> Result<BTreeMap<&'static str, Printed>, String> {
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
            if let Some(name) =
                placeholders(row.label).find(|name| !line.params.contains_key(*name))
            {
                return Err(format!(
                    "case {:?} has no parameter {name:?}, which its label shows",
                    line.case
                ));
            }
            values.insert(row.id, (line.value, line.items, line.params));
        }
        match expected.iter().find(|(_, (_, seen))| !seen) {
            Some((case, _)) => Err(format!("case {case:?} missing")),
            None => Ok(values),
        }
    }
}

/// The names of the parameters a label shows: each `{name}` in it.
pub fn placeholders(label: &str) -> impl Iterator<Item = &str> {
    label
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
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
        against_reference: false,
        counted_in: None,
    }
}

const fn headline(row: Row) -> Row {
    Row {
        headline: true,
        ..row
    }
}

const fn against_reference(row: Row) -> Row {
    Row {
        against_reference: true,
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

/// The reference of every counter and of a pool handing out one item at
/// a time: one atomic read-modify-write of a location no other thread
/// touches. Each locked or atomic increment, and each item claimed from a
/// shared queue, takes at least one such operation on a shared location.
const ATOMIC_REFERENCE: (&str, &str) = ("counter", "atomic-uncontended");

/// How the message workload counts the times a consumer task waited: it
/// finds the queue empty before it takes a message.
const CONSUMER_WAITS_RUST: &str = "`is_empty()` before each `recv()`";
const CONSUMER_WAITS_PYTHON: &str = "`empty()` before each `get()`";

/// The sleep workload's rows for tasks that sleep each duration in turn:
/// all durations together (the headline), then one row per duration.
macro_rules! sleep_rows {
    ($id:literal, $label:literal, $rust:literal, $python:literal) => {
        [
            headline(against_reference(row(
                $id,
                $label,
                S,
                both($id, $rust, $python),
            ))),
            sleep_rows!(@one $id, $label, $rust, $python, "10100us"),
            sleep_rows!(@one $id, $label, $rust, $python, "10300us"),
            sleep_rows!(@one $id, $label, $rust, $python, "10500us"),
            sleep_rows!(@one $id, $label, $rust, $python, "10700us"),
            sleep_rows!(@one $id, $label, $rust, $python, "10900us"),
        ]
    };
    (@one $id:literal, $label:literal, $rust:literal, $python:literal, $duration:literal) => {
        against_reference(row(
            concat!($id, "-", $duration),
            $label,
            S,
            both(concat!($id, "-", $duration), $rust, $python),
        ))
    };
}

const SLEEPING_TASKS: [Row; 6] = sleep_rows!(
    "tasks",
    "{sleepers} tasks sleeping {sleep_seconds}, awaited together: time beyond the sleep",
    "`tokio::spawn` of `tokio::time::sleep`, one thread",
    "`asyncio.gather` of `asyncio.sleep`"
);

pub const WORKLOADS: &[Workload] = &[
    Workload {
        id: "counter",
        title: "Lock counter",
        item: Some("increment"),
        speedup_baseline: Some("one-thread-locked"),
        reference: Some(ATOMIC_REFERENCE),
        programs: &[Program {
            rust: &["counter"],
            python: &["counter.py"],
            rows: &[
                row(
                    "atomic-uncontended",
                    "reference: {threads} thread, uncontended atomic increments",
                    S,
                    rust_only("atomic-uncontended", "`AtomicU64::fetch_add`"),
                ),
                against_reference(row(
                    "one-thread-locked",
                    "{threads} thread, locked increments",
                    S,
                    both("one-thread-locked", "`Mutex<u64>`", "`threading.Lock`"),
                )),
                headline(against_reference(row(
                    "two-threads-locked",
                    "{threads} threads, locked increments",
                    S,
                    both("two-threads-locked", "`Mutex<u64>`", "`threading.Lock`"),
                ))),
                Row {
                    counted_in: Some("two-threads-locked"),
                    ..row(
                        "two-threads-locked-sleeps",
                        "{threads} threads, locked: times a thread went to sleep",
                        Unit::Count,
                        both(
                            "two-threads-locked-sleeps",
                            "voluntary context switches",
                            "voluntary context switches",
                        ),
                    )
                },
                against_reference(row(
                    "two-threads-atomic",
                    "{threads} threads, atomic increments",
                    S,
                    both(
                        "two-threads-atomic",
                        "`AtomicU64::fetch_add`",
                        "`next()` on an `itertools.count`",
                    ),
                )),
                row(
                    "two-threads-local",
                    "{threads} threads, each counting alone, summed at the end",
                    S,
                    both(
                        "two-threads-local",
                        "a local `u64` per thread",
                        "a local `int` per thread",
                    ),
                ),
                row(
                    "two-threads-batched",
                    "{threads} threads, {batch} increments per lock",
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
        reference: Some(("cpu", "cores")),
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
                    "{calls} calls, one after another",
                    S,
                    both("serial", "a loop", "a loop"),
                )),
                against_reference(row(
                    "threads",
                    "{calls} calls on {threads} threads",
                    S,
                    both("threads", "`thread::scope`", "`threading.Thread`"),
                )),
                against_reference(row(
                    "processes",
                    "{calls} calls in {processes} processes",
                    S,
                    both(
                        "processes",
                        "`Command::spawn` of itself",
                        "`multiprocessing.Pool.map`",
                    ),
                )),
                against_reference(row(
                    "rayon",
                    "{calls} calls with rayon, {threads} threads",
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
        reference: Some(("messages", "copy")),
        programs: &[Program {
            rust: &["messages"],
            python: &["messages.py"],
            rows: &[
                row(
                    "copy",
                    "reference: copying the {message_bytes} of a message within the cache, {buffer_bytes} at a time",
                    S,
                    rust_only("copy", "`copy_from_slice`"),
                ),
                headline(against_reference(row(
                    "threads",
                    "between {threads} threads, unbounded queue",
                    S,
                    each(
                        ("threads-mpsc", "`std::sync::mpsc::channel`"),
                        ("threads-queue", "`queue.Queue()`"),
                    ),
                ))),
                against_reference(row(
                    "threads-crossbeam",
                    "between {threads} threads, unbounded queue, crossbeam",
                    S,
                    rust_only("threads-crossbeam", "`crossbeam::channel::unbounded`"),
                )),
                against_reference(row(
                    "threads-handoff",
                    "between {threads} threads, queue of capacity {capacity}",
                    S,
                    each(
                        ("threads-handoff-mpsc", "`std::sync::mpsc::sync_channel`"),
                        ("threads-handoff-queue", "`queue.Queue(maxsize)`"),
                    ),
                )),
                against_reference(row(
                    "processes-queue",
                    "between {processes} processes, queue",
                    S,
                    python_only("processes-queue", "`multiprocessing.Queue`"),
                )),
                against_reference(row(
                    "processes-pipe",
                    "between {processes} processes, pipe",
                    S,
                    both(
                        "processes-pipe",
                        "a pipe, `framed` JSON frames",
                        "`multiprocessing.Pipe`",
                    ),
                )),
                against_reference(row(
                    "tasks",
                    "between {tasks} async tasks, queue of capacity {capacity}",
                    S,
                    each(
                        ("tasks-mpsc", "`tokio::sync::mpsc::channel`, one thread"),
                        ("tasks-queue", "`asyncio.Queue(maxsize)`"),
                    ),
                )),
                Row {
                    counted_in: Some("tasks"),
                    ..row(
                        "tasks-waits",
                        "between {tasks} async tasks, queue of capacity {capacity}: times the consumer waited",
                        Unit::Count,
                        each(
                            ("tasks-mpsc-waits", CONSUMER_WAITS_RUST),
                            ("tasks-queue-waits", CONSUMER_WAITS_PYTHON),
                        ),
                    )
                },
                against_reference(row(
                    "tasks-burst",
                    "between {tasks} async tasks, unbounded queue: a burst",
                    S,
                    each(
                        (
                            "tasks-burst-mpsc",
                            "`tokio::sync::mpsc::unbounded_channel`, one thread",
                        ),
                        ("tasks-burst-queue", "`asyncio.Queue()`"),
                    ),
                )),
                Row {
                    counted_in: Some("tasks-burst"),
                    ..row(
                        "tasks-burst-waits",
                        "between {tasks} async tasks, unbounded queue: times the consumer waited",
                        Unit::Count,
                        each(
                            ("tasks-burst-mpsc-waits", CONSUMER_WAITS_RUST),
                            ("tasks-burst-queue-waits", CONSUMER_WAITS_PYTHON),
                        ),
                    )
                },
            ],
        }],
    },
    Workload {
        id: "startup",
        title: "Start-up cost",
        item: Some("start"),
        speedup_baseline: None,
        reference: Some(("startup", "wake")),
        programs: &[Program {
            rust: &["startup"],
            python: &["startup.py"],
            rows: &[
                row(
                    "wake",
                    "reference: {threads} threads waking each other in turn",
                    S,
                    rust_only("wake", "`thread::park` and `unpark`"),
                ),
                headline(against_reference(row(
                    "threads",
                    "start and join threads",
                    S,
                    both("threads", "`thread::spawn`", "`threading.Thread`"),
                ))),
                against_reference(row(
                    "processes-fork",
                    "start and join processes by fork",
                    S,
                    both(
                        "processes-fork",
                        "`nix::unistd::fork`",
                        "`multiprocessing`, fork",
                    ),
                )),
                against_reference(row(
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
        reference: Some(("memory", "task-state")),
        programs: &[
            Program {
                rust: &["task-memory"],
                python: &["startup.py", "task-memory"],
                rows: &[
                    row(
                        "task-state",
                        "reference: the state one waiting task keeps",
                        Unit::Bytes,
                        both(
                            "task-state",
                            "`size_of_val` of its future",
                            "`sys.getsizeof` of its coroutine",
                        ),
                    ),
                    headline(against_reference(row(
                        "task",
                        "one of {tasks} tasks waiting for a signal",
                        Unit::Bytes,
                        both("task-memory", "`tokio::spawn`", "`asyncio.create_task`"),
                    ))),
                ],
            },
            Program {
                rust: &["thread-memory"],
                python: &["startup.py", "thread-memory"],
                rows: &[
                    row(
                        "thread",
                        "one of {threads} threads blocked on a barrier: resident memory",
                        Unit::Bytes,
                        both("thread-memory", "`thread::spawn`", "`threading.Thread`"),
                    ),
                    row(
                        "thread-kernel-stack",
                        "one of {threads} threads blocked on a barrier: kernel stack",
                        Unit::Bytes,
                        both(
                            "thread-kernel-stack",
                            "`KernelStack` in `/proc/meminfo`",
                            "`KernelStack` in `/proc/meminfo`",
                        ),
                    ),
                ],
            },
        ],
    },
    Workload {
        id: "pool",
        title: "Pool map",
        item: Some("item"),
        speedup_baseline: None,
        reference: Some(ATOMIC_REFERENCE),
        programs: &[Program {
            rust: &["pool"],
            python: &["pool.py"],
            rows: &[
                row(
                    "process-default",
                    "{workers} processes, chunks of the pool's choosing",
                    S,
                    python_only("process-pool-default", "`Pool.map`"),
                ),
                against_reference(row(
                    "process-chunk-1",
                    "{workers} processes, chunks of {chunksize}",
                    S,
                    python_only("process-pool-chunk-1", "`Pool.map(…, chunksize)`"),
                )),
                row(
                    "thread-default",
                    "{workers} threads, chunks of the pool's choosing",
                    S,
                    each(
                        ("rayon", "rayon's `par_iter`"),
                        ("thread-pool-default", "`ThreadPool.map`"),
                    ),
                ),
                headline(against_reference(row(
                    "thread-chunk-1",
                    "{workers} threads, chunks of {chunksize}",
                    S,
                    each(
                        ("thread-pool-chunk-1", "threads and a channel"),
                        ("thread-pool-chunk-1", "`ThreadPool.map(…, chunksize)`"),
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
        reference: Some(("sleep", "one-sleep")),
        programs: &[Program {
            rust: &["sleep"],
            python: &["sleep.py"],
            rows: &[
                row(
                    "one-sleep",
                    "reference: {sleepers} thread sleeping {sleep_seconds} alone, timer slack {timer_slack_seconds}: time beyond the sleep",
                    S,
                    both("one-sleep", "`thread::sleep`", "`time.sleep`"),
                ),
                SLEEPING_TASKS[0],
                SLEEPING_TASKS[1],
                SLEEPING_TASKS[2],
                SLEEPING_TASKS[3],
                SLEEPING_TASKS[4],
                SLEEPING_TASKS[5],
                against_reference(row(
                    "threads",
                    "{sleepers} threads, started beforehand, sleeping {sleep_seconds}: time beyond the sleep",
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
        for (workload, row) in WORKLOADS.iter().filter_map(|w| w.reference) {
            let references = WORKLOADS.iter().filter(|w| w.id == workload);
            let rows = references.flat_map(|w| w.programs.iter().flat_map(|p| p.rows));
            assert_eq!(rows.filter(|r| r.id == row).count(), 1, "{workload}/{row}");
        }
    }

    #[test]
    fn a_program_must_print_each_of_its_cases_once() {
        let program = &WORKLOADS[3].programs[0];
        let line = |case: &str| {
            format!(
                "{{\"case\": \"{case}\", \"value\": 0.5, \"unit\": \"s\", \"items\": 9, \"params\": {{}}}}\n"
            )
        };
        let all: String = ["threads", "processes-fork", "processes-spawn", "tasks"]
            .map(line)
            .concat();
        let values = program.read(Language::Python, &all).unwrap();
        assert_eq!(values.len(), 4);
        assert_eq!(values["tasks"], (0.5, Some(9), Params::new()));
        let uncounted = all.replace(", \"items\": 9", "");
        assert!(program.read(Language::Python, &uncounted).is_err());
        let (_, without_first) = all.split_once('\n').unwrap();
        assert!(program.read(Language::Python, without_first).is_err());
        assert!(
            program
                .read(Language::Python, &(all.clone() + &line("tasks")))
                .is_err()
        );
        assert!(
            program
                .read(Language::Python, &(all + &line("other")))
                .is_err()
        );
    }

    #[test]
    fn a_case_must_print_the_parameters_its_label_shows() {
        let program = &WORKLOADS[5].programs[0];
        let line = |params: &str| {
            format!(
                "{{\"case\": \"thread-pool-chunk-1\", \"value\": 0.5, \"unit\": \"s\", \"items\": 9, \"params\": {params}}}\n\
                 {{\"case\": \"thread-pool-default\", \"value\": 0.5, \"unit\": \"s\", \"items\": 9, \"params\": {{\"workers\": 2, \"chunksize\": null}}}}\n\
                 {{\"case\": \"process-pool-default\", \"value\": 0.5, \"unit\": \"s\", \"items\": 9, \"params\": {{\"workers\": 2, \"chunksize\": null}}}}\n\
                 {{\"case\": \"process-pool-chunk-1\", \"value\": 0.5, \"unit\": \"s\", \"items\": 9, \"params\": {{\"workers\": 2, \"chunksize\": 1}}}}\n"
            )
        };
        assert!(
            program
                .read(Language::Python, &line(r#"{"workers": 2, "chunksize": 1}"#))
                .is_ok()
        );
        let error = program
            .read(Language::Python, &line(r#"{"workers": 2}"#))
            .unwrap_err();
        assert!(error.contains("\"chunksize\""), "{error}");
    }

    #[test]
    fn placeholders_are_the_names_in_braces() {
        let names: Vec<&str> = placeholders("{threads} threads, {batch} per lock").collect();
        assert_eq!(names, ["threads", "batch"]);
    }
}
