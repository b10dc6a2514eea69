//! What the appendix includes, drawn from a results file alone: a table
//! per workload, the machine, the summary, how far each headline moved
//! since the run before, the figures its prose quotes, and the charts.
//!
//! Every Markdown file is written twice: in English, and in Chinese under
//! `zh-CN/` for the Chinese edition, whose translated chapters include
//! those. The numbers are the same; the words come from [`LABELS`], which
//! translates every label once, so that a new run needs no new translation
//! (a label missing from it is an error, not an English word in Chinese).
//! The charts are English only.
//!
//! Every file is rewritten from the results on every run, so a figure in
//! the book can only ever be the one in `results.json`.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::chart::{self, Bar, Runs};
use crate::line::Unit;
use crate::numbers::{change, count, list, percent, ratio, times, value, with_spread};
use crate::results::{Distance, Measured, Results, RowResult, Side, WorkloadResult};

/// The folder, under the English files' own, of the Chinese edition's.
pub const CHINESE_DIR: &str = "zh-CN";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edition {
    English,
    Chinese,
}

impl Edition {
    pub const ALL: [Edition; 2] = [Edition::English, Edition::Chinese];

    /// `english` in this edition: itself, or its entry in [`LABELS`]. Text
    /// that is only code spans (`` `Mutex<u64>` ``) reads the same in both.
    pub fn label(self, english: &str) -> Result<String, String> {
        if self == Edition::English || only_code(english) {
            return Ok(english.to_string());
        }
        LABELS
            .iter()
            .find(|(from, _)| *from == english)
            .map(|(_, to)| to.to_string())
            .ok_or_else(|| format!("no Chinese for the label {english:?}: add it to LABELS"))
    }

    /// A template's translation with each `{}` filled in order.
    fn fill(self, template: &str, parts: &[&str]) -> Result<String, String> {
        let mut text = self.label(template)?;
        for part in parts {
            text = text.replacen("{}", part, 1);
        }
        Ok(text)
    }
}

fn only_code(text: &str) -> bool {
    text.contains('`')
        && text
            .split('`')
            .step_by(2)
            .all(|outside| !outside.chars().any(char::is_alphabetic))
}

/// Every label the report writes, English then Chinese. Templates fill
/// each `{}` in order; a row's label fills each `{name}` with the parameter
/// `name`, the same in both.
pub const LABELS: &[(&str, &str)] = &[
    // Workloads.
    ("Lock counter", "加锁计数器"),
    ("CPU-bound work and the GIL", "计算密集型工作与 GIL"),
    ("Message throughput", "消息吞吐量"),
    ("Start-up cost", "启动开销"),
    (
        "Memory per idle task and per blocked thread",
        "每个空闲任务与每个阻塞线程的内存",
    ),
    ("Pool map", "池的 map"),
    ("Sleep overlap", "休眠重叠"),
    // What one item is.
    ("per increment", "每次递增"),
    ("per step", "每步"),
    ("per message", "每条消息"),
    ("per start", "每次启动"),
    ("per item", "每项"),
    ("per wait", "每次等待"),
    // Rows.
    (
        "reference: {threads} thread, uncontended atomic increments",
        "参照：{threads} 个线程，无竞争的原子递增",
    ),
    (
        "{threads} thread, locked increments",
        "{threads} 个线程，加锁递增",
    ),
    (
        "{threads} threads, locked increments",
        "{threads} 个线程，加锁递增",
    ),
    (
        "{threads} threads, locked: times a thread went to sleep",
        "{threads} 个线程，加锁：线程进入休眠的次数",
    ),
    (
        "{threads} threads, atomic increments",
        "{threads} 个线程，原子递增",
    ),
    (
        "{threads} threads, each counting alone, summed at the end",
        "{threads} 个线程，各自计数，最后求和",
    ),
    (
        "{threads} threads, {batch} increments per lock",
        "{threads} 个线程，每次加锁递增 {batch} 次",
    ),
    ("limit: cores the program sees", "极限：程序可见的核心数"),
    (
        "{calls} calls, one after another",
        "{calls} 次调用，依次执行",
    ),
    (
        "{calls} calls on {threads} threads",
        "{calls} 次调用，{threads} 个线程",
    ),
    (
        "{calls} calls in {processes} processes",
        "{calls} 次调用，{processes} 个进程",
    ),
    (
        "{calls} calls with rayon, {threads} threads",
        "{calls} 次调用，使用 rayon，{threads} 个线程",
    ),
    (
        "reference: copying the {message_bytes} of a message within the cache, {buffer_bytes} at a time",
        "参照：在缓存内复制一条消息的 {message_bytes}，每次 {buffer_bytes}",
    ),
    (
        "between {threads} threads, unbounded queue",
        "{threads} 个线程之间，无界队列",
    ),
    (
        "between {threads} threads, unbounded queue, crossbeam",
        "{threads} 个线程之间，无界队列，crossbeam",
    ),
    (
        "between {threads} threads, queue of capacity {capacity}",
        "{threads} 个线程之间，容量为 {capacity} 的队列",
    ),
    (
        "between {processes} processes, queue",
        "{processes} 个进程之间，队列",
    ),
    (
        "between {processes} processes, pipe",
        "{processes} 个进程之间，管道",
    ),
    (
        "between {tasks} async tasks, queue of capacity {capacity}",
        "{tasks} 个异步任务之间，容量为 {capacity} 的队列",
    ),
    (
        "between {tasks} async tasks, unbounded queue: a burst",
        "{tasks} 个异步任务之间，无界队列：一次突发",
    ),
    (
        "between {tasks} async tasks, queue of capacity {capacity}: times the consumer waited",
        "{tasks} 个异步任务之间，容量为 {capacity} 的队列：消费者等待的次数",
    ),
    (
        "between {tasks} async tasks, unbounded queue: times the consumer waited",
        "{tasks} 个异步任务之间，无界队列：消费者等待的次数",
    ),
    (
        "reference: {threads} threads waking each other in turn",
        "参照：{threads} 个线程轮流互相唤醒",
    ),
    ("start and join threads", "启动线程并等待其结束"),
    (
        "start and join processes by fork",
        "以 fork 启动进程并等待其结束",
    ),
    (
        "start and join processes by spawn",
        "以 spawn 启动进程并等待其结束",
    ),
    ("create and await async tasks", "创建并等待异步任务"),
    (
        "reference: the state one waiting task keeps",
        "参照：一个等待中的任务保存的状态",
    ),
    (
        "one of {tasks} tasks waiting for a signal",
        "{tasks} 个等待信号的任务之一",
    ),
    (
        "one of {threads} threads blocked on a barrier: resident memory",
        "{threads} 个阻塞在屏障上的线程之一：常驻内存",
    ),
    (
        "one of {threads} threads blocked on a barrier: kernel stack",
        "{threads} 个阻塞在屏障上的线程之一：内核栈",
    ),
    (
        "{workers} processes, chunks of the pool's choosing",
        "{workers} 个进程，由池决定分块",
    ),
    (
        "{workers} processes, chunks of {chunksize}",
        "{workers} 个进程，每块 {chunksize} 项",
    ),
    (
        "{workers} threads, chunks of the pool's choosing",
        "{workers} 个线程，由池决定分块",
    ),
    (
        "{workers} threads, chunks of {chunksize}",
        "{workers} 个线程，每块 {chunksize} 项",
    ),
    (
        "reference: {sleepers} thread sleeping {sleep_seconds} alone, timer slack {timer_slack_seconds}: time beyond the sleep",
        "参照：{sleepers} 个线程单独休眠 {sleep_seconds}，定时器松弛量 {timer_slack_seconds}：超出休眠时长的时间",
    ),
    (
        "{sleepers} tasks sleeping {sleep_seconds}, awaited together: time beyond the sleep",
        "{sleepers} 个任务各休眠 {sleep_seconds}，一起等待：超出休眠时长的时间",
    ),
    (
        "{sleepers} threads, started beforehand, sleeping {sleep_seconds}: time beyond the sleep",
        "{sleepers} 个预先启动的线程各休眠 {sleep_seconds}：超出休眠时长的时间",
    ),
    // What each side used.
    ("voluntary context switches", "自愿上下文切换次数"),
    ("a local `u64` per thread", "每个线程一个局部 `u64`"),
    ("a local `int` per thread", "每个线程一个局部 `int`"),
    (
        "`next()` on an `itertools.count`",
        "对 `itertools.count` 调用 `next()`",
    ),
    ("a loop", "一个循环"),
    ("`Command::spawn` of itself", "`Command::spawn` 启动自身"),
    (
        "`par_iter` on rayon's global pool",
        "rayon 全局线程池上的 `par_iter`",
    ),
    ("a pipe, `framed` JSON frames", "管道，`framed` JSON 帧"),
    (
        "`tokio::sync::mpsc::channel`, one thread",
        "`tokio::sync::mpsc::channel`，单线程（current-thread）运行时",
    ),
    (
        "`tokio::sync::mpsc::unbounded_channel`, one thread",
        "`tokio::sync::mpsc::unbounded_channel`，单线程（current-thread）运行时",
    ),
    ("`thread::park` and `unpark`", "`thread::park` 与 `unpark`"),
    ("`multiprocessing`, fork", "`multiprocessing`，fork"),
    (
        "`multiprocessing`, spawn",
        "`multiprocessing`，spawn 启动方式",
    ),
    (
        "`tokio::spawn`, one thread",
        "`tokio::spawn`，单线程（current-thread）运行时",
    ),
    ("`size_of_val` of its future", "其 future 的 `size_of_val`"),
    (
        "`sys.getsizeof` of its coroutine",
        "其协程的 `sys.getsizeof`",
    ),
    (
        "`KernelStack` in `/proc/meminfo`",
        "`/proc/meminfo` 中的 `KernelStack`",
    ),
    ("rayon's `par_iter`", "rayon 的 `par_iter`"),
    (
        "`is_empty()` before each `recv()`",
        "每次 `recv()` 之前调用 `is_empty()`",
    ),
    (
        "`empty()` before each `get()`",
        "每次 `get()` 之前调用 `empty()`",
    ),
    ("threads and a channel", "多个线程加一个通道"),
    (
        "`tokio::spawn` of `tokio::time::sleep`, one thread",
        "以 `tokio::spawn` 创建、调用 `tokio::time::sleep` 的任务，单线程（current-thread）运行时",
    ),
    (
        "`asyncio.gather` of `asyncio.sleep`",
        "`asyncio.gather` 汇合 `asyncio.sleep`",
    ),
    // Tables.
    ("Work", "工作"),
    ("Workload", "负载"),
    ("Rust", "Rust"),
    ("Rust, {}", "Rust，{}"),
    ("Python {}", "Python {}"),
    ("Python {}, {}", "Python {}，{}"),
    ("Rust / Python {}", "Rust / Python {}"),
    ("Against the limit", "与极限相比"),
    ("Against the reference", "与参照相比"),
    ("Limit or reference", "极限或参照"),
    ("Against it", "与之相比"),
    ("{}: {}", "{}：{}"),
    ("{}; speed-up {}", "{}；加速比 {}"),
    ("{} (measured under “{}”)", "{}（在“{}”中测得）"),
    ("CPython", "CPython"),
    ("Rust / Python, this run", "Rust / Python，本次运行"),
    (
        "Rust / Python, the run before ({})",
        "Rust / Python，上一次运行（{}）",
    ),
    ("Change", "变化"),
    ("no earlier run", "无更早的运行"),
    // The machine.
    ("Machine", "机器"),
    ("CPU", "CPU"),
    ("OS", "操作系统"),
    ("Python", "Python"),
    ("Date", "日期"),
    ("Runs", "运行次数"),
    ("Wall time", "总耗时"),
    ("{}, {} cores", "{}，{} 个核心"),
    ("{}, 1 core", "{}，1 个核心"),
    (
        "each program {} times, interleaved with its twin on each CPython; the tables give the median and (fastest–slowest)",
        "每个程序运行 {} 次，与其在各个 CPython 上的对照程序交替进行；表中给出中位数及（最快–最慢）",
    ),
    (
        "{} for the whole `cargo xtask bench`, build included",
        "整个 `cargo xtask bench` 耗时 {}，含构建",
    ),
    ("{} min {} s", "{} 分 {} 秒"),
    ("{} s", "{} 秒"),
];

/// Writes, for each edition, the tables (`table-<workload>.md`,
/// `machine.md`, `summary.md`, `stability.md`) and the quoted figures
/// (`figures.txt`, one mdBook anchor per figure), then the charts
/// (`<workload>.svg`, `cpu-speedup.svg`), into `dir`, and returns their
/// paths.
pub fn write_book_files(results: &Results, dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut written = Vec::new();
    for edition in Edition::ALL {
        let out = match edition {
            Edition::English => dir.to_path_buf(),
            Edition::Chinese => dir.join(CHINESE_DIR),
        };
        fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
        let mut files = vec![
            ("machine.md".to_string(), machine_table(results, edition)?),
            ("summary.md".to_string(), summary_table(results, edition)?),
            (
                "stability.md".to_string(),
                stability_table(results, edition)?,
            ),
            ("figures.txt".to_string(), figures(results, edition)?),
        ];
        for workload in &results.workloads {
            let name = format!("table-{}.md", workload.id);
            files.push((name, table(results, workload, edition)?));
        }
        for (name, text) in files {
            let path = out.join(name);
            fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            written.push(path);
        }
    }
    let sides: Vec<String> = results.sides().iter().map(|side| side.name()).collect();
    for workload in &results.workloads {
        let path = dir.join(format!("{}.svg", workload.id));
        let unit = workload
            .rows
            .iter()
            .find(|row| row.unit != Unit::Count)
            .map_or(Unit::Seconds, |row| row.unit);
        let per = workload
            .item
            .as_ref()
            .map_or(String::new(), |item| format!(" per {item}"));
        let axis = match unit {
            Unit::Bytes => "bytes: median and every run (log scale)".to_string(),
            _ => format!("time{per}: median and every run (log scale)"),
        };
        let rows = bars(results, workload)?;
        chart::bars(&path, &workload.title, &axis, unit, &sides, &rows)?;
        written.push(path);
    }
    for workload in &results.workloads {
        let Some(limit) = results
            .reference_of(workload)
            .filter(|l| l.unit == Unit::Count)
        else {
            continue;
        };
        let Some(cores) = limit.rust.as_ref().or(limit.python.values().next()) else {
            continue;
        };
        let path = dir.join(format!("{}-speedup.svg", workload.id));
        let title = format!("{}: speed-up over serial", workload.title);
        let axis = format!(
            "times as fast as serial, every run (the line: {} cores, the most it can be)",
            cores.median
        );
        let rows = speedups(results, workload)?;
        chart::speedups(&path, &title, &axis, &sides, &rows, cores.median)?;
        written.push(path);
    }
    Ok(written)
}

/// A row's label in `edition`, each `{name}` filled with the parameter
/// `name` the programs ran the row with.
fn row_label(row: &RowResult, edition: Edition) -> Result<String, String> {
    let mut label = edition.label(&row.label)?;
    for (name, value) in row.label_params()? {
        label = label.replace(&format!("{{{name}}}"), &param(name, value, edition)?);
    }
    Ok(label)
}

/// A parameter as a label shows it: a duration (`…_seconds`) or a size
/// (`…_bytes`) in its unit, a list of them, or a count.
fn param(name: &str, value: &Value, edition: Edition) -> Result<String, String> {
    let unit = if name.ends_with("_seconds") {
        Unit::Seconds
    } else if name.ends_with("_bytes") {
        Unit::Bytes
    } else {
        Unit::Count
    };
    let numbers: Vec<f64> = match value {
        Value::Array(items) => items.iter().filter_map(Value::as_f64).collect(),
        Value::Number(number) => number.as_f64().into_iter().collect(),
        _ => Vec::new(),
    };
    match numbers.as_slice() {
        [] => Err(format!(
            "the parameter {name} ({value}) is not a number to show"
        )),
        [one] => Ok(crate::numbers::value(*one, unit)),
        several => Ok(list(several, unit).replace(" / ", list_separator(edition))),
    }
}

fn list_separator(edition: Edition) -> &'static str {
    match edition {
        Edition::English => ", ",
        Edition::Chinese => "、",
    }
}

fn machine_table(results: &Results, edition: Edition) -> Result<String, String> {
    let machine = &results.machine;
    let cores = machine.cores.to_string();
    let cpu = match machine.cores {
        1 => edition.fill("{}, 1 core", &[&machine.cpu])?,
        _ => edition.fill("{}, {} cores", &[&machine.cpu, &cores])?,
    };
    let runs = edition.fill(
        "each program {} times, interleaved with its twin on each CPython; the tables give the median and (fastest–slowest)",
        &[&results.runs.to_string()],
    )?;
    let wall = edition.fill(
        "{} for the whole `cargo xtask bench`, build included",
        &[&minutes(results.wall_seconds, edition)?],
    )?;
    let rows = [
        ("CPU", cpu),
        ("OS", machine.os.clone()),
        ("Rust", machine.rustc.clone()),
        ("Python", machine.pythons.join(list_separator(edition))),
        ("Date", machine.date.clone()),
        ("Runs", runs),
        ("Wall time", wall),
    ];
    let mut text = format!("| {} | |\n|---|---|\n", edition.label("Machine")?);
    for (name, value) in rows {
        writeln!(text, "| {} | {value} |", edition.label(name)?).expect("to a String");
    }
    Ok(text)
}

/// What one side measured, per item where it counts items.
fn each(measured: &Measured) -> (f64, f64, f64) {
    (
        measured.each(measured.median),
        measured.each(measured.min),
        measured.each(measured.max),
    )
}

/// How every side of `row` compares with the reference:
/// `Rust 2.6× · Python 3.11 38× · Python 3.13 31×`.
fn against_reference(results: &Results, workload: &WorkloadResult, row: &RowResult) -> String {
    let sides: Vec<String> = results
        .sides()
        .into_iter()
        .filter_map(|side| {
            let distance = match results.against_reference(workload, row, side)? {
                Distance::ShareOf(share) => percent(share),
                Distance::TimesThe(factor) => times(factor),
            };
            Some(format!("{} {distance}", side.name()))
        })
        .collect();
    if sides.is_empty() {
        "—".to_string()
    } else {
        sides.join(" · ")
    }
}

/// A side's column header: `Rust, per increment`, `Python 3.13`.
fn side_header(side: Side, per: Option<&str>, edition: Edition) -> Result<String, String> {
    match (side, per) {
        (Side::Rust, Some(per)) => edition.fill("Rust, {}", &[per]),
        (Side::Rust, None) => edition.label("Rust"),
        (Side::Python(version), Some(per)) => edition.fill("Python {}, {}", &[version, per]),
        (Side::Python(version), None) => edition.fill("Python {}", &[version]),
    }
}

/// The ratio columns' headers: `Rust / Python 3.11`, one per CPython.
fn ratio_headers(results: &Results, edition: Edition) -> Result<Vec<String>, String> {
    results
        .pythons
        .iter()
        .map(|version| edition.fill("Rust / Python {}", &[version]))
        .collect()
}

fn ratio_cells(results: &Results, row: &RowResult, bold: bool) -> Vec<String> {
    results
        .pythons
        .iter()
        .map(|version| match row.ratio.get(version) {
            Some(&r) if bold => format!("**{}**", ratio(r)),
            Some(&r) => ratio(r),
            None => "—".to_string(),
        })
        .collect()
}

fn markdown_row(cells: &[String]) -> String {
    format!("| {} |\n", cells.join(" | "))
}

fn markdown_header(cells: &[String]) -> String {
    markdown_row(cells) + &markdown_row(&vec!["---".to_string(); cells.len()]).replace(' ', "")
}

/// Each workload's headline row, per item, and its limit or reference.
fn summary_table(results: &Results, edition: Edition) -> Result<String, String> {
    let per_item = edition.label("per item")?;
    let mut header = vec![edition.label("Workload")?, edition.label("Work")?];
    for side in results.sides() {
        header.push(side_header(side, Some(&per_item), edition)?);
    }
    header.extend(ratio_headers(results, edition)?);
    header.push(edition.label("Limit or reference")?);
    header.push(edition.label("Against it")?);
    let mut text = markdown_header(&header);
    for workload in &results.workloads {
        for row in workload.rows.iter().filter(|row| row.headline) {
            let mut cells = vec![edition.label(&workload.title)?, row_label(row, edition)?];
            for side in results.sides() {
                cells.push(
                    row.side(side)
                        .map_or("—".to_string(), |m| value(each(m).0, row.unit)),
                );
            }
            cells.extend(ratio_cells(results, row, false));
            cells.push(reference_cell(results, workload));
            cells.push(against_reference(results, workload, row));
            text += &markdown_row(&cells);
        }
    }
    Ok(text)
}

/// The reference's value per item: one figure where one side measured it
/// for all, or every side found the same (the core count), else each
/// side's own (`Rust 95.2 µs · Python 3.11 217 µs`).
fn reference_cell(results: &Results, workload: &WorkloadResult) -> String {
    let Some(reference) = results.reference_of(workload) else {
        return "—".to_string();
    };
    let sides: Vec<(String, String)> = results
        .sides()
        .into_iter()
        .filter_map(|side| {
            let measured = reference.side(side)?;
            Some((side.name(), value(each(measured).0, reference.unit)))
        })
        .collect();
    match sides.as_slice() {
        [] => "—".to_string(),
        [(_, first), rest @ ..] if rest.iter().all(|(_, other)| other == first) => first.clone(),
        several => several
            .iter()
            .map(|(name, figure)| format!("{name} {figure}"))
            .collect::<Vec<_>>()
            .join(" · "),
    }
}

/// Each headline ratio, against each CPython, in this run and in the run
/// before, and the change.
fn stability_table(results: &Results, edition: Edition) -> Result<String, String> {
    let before = match &results.previous {
        Some(previous) => edition.fill("Rust / Python, the run before ({})", &[&previous.date])?,
        None => edition.fill(
            "Rust / Python, the run before ({})",
            &[&edition.label("no earlier run")?],
        )?,
    };
    let mut text = markdown_header(&[
        edition.label("Workload")?,
        edition.label("Work")?,
        edition.label("CPython")?,
        edition.label("Rust / Python, this run")?,
        before,
        edition.label("Change")?,
    ]);
    for workload in &results.workloads {
        for row in workload.rows.iter().filter(|row| row.headline) {
            for version in &results.pythons {
                let now = row.ratio.get(version);
                let earlier = results
                    .previous
                    .as_ref()
                    .and_then(|previous| previous.ratios.get(&workload.id)?.get(version));
                let (earlier_text, change_text) = match (earlier, now) {
                    (Some(&earlier), Some(&now)) => (ratio(earlier), change(earlier, now)),
                    _ => ("—".to_string(), "—".to_string()),
                };
                text += &markdown_row(&[
                    edition.label(&workload.title)?,
                    row_label(row, edition)?,
                    version.clone(),
                    now.map_or("—".to_string(), |&r| ratio(r)),
                    earlier_text,
                    change_text,
                ]);
            }
        }
    }
    Ok(text)
}

fn table(results: &Results, workload: &WorkloadResult, edition: Edition) -> Result<String, String> {
    let per = workload
        .item
        .as_ref()
        .map(|item| edition.label(&format!("per {item}")))
        .transpose()?;
    let reference = results.reference_of(workload);
    let against = match reference {
        Some(reference) if reference.unit == Unit::Count => "Against the limit",
        _ => "Against the reference",
    };
    let mut header = vec![edition.label("Work")?];
    for side in results.sides() {
        header.push(side_header(side, per.as_deref(), edition)?);
    }
    header.extend(ratio_headers(results, edition)?);
    header.push(edition.label(against)?);
    let mut text = markdown_header(&header);
    let is_reference = |row: &RowResult| reference.is_some_and(|r| std::ptr::eq(r, row));
    for row in &workload.rows {
        let label = row_label(row, edition)?;
        text += &table_row(results, workload, row, &label, !is_reference(row), edition)?;
    }
    // A reference measured under another workload still belongs in this table.
    if let Some(reference) =
        reference.filter(|reference| !workload.rows.iter().any(|r| std::ptr::eq(*reference, r)))
    {
        let home = results
            .workloads
            .iter()
            .find(|w| w.rows.iter().any(|r| std::ptr::eq(reference, r)))
            .expect("a reference is some workload's row");
        let label = edition.fill(
            "{} (measured under “{}”)",
            &[
                &row_label(reference, edition)?,
                &edition.label(&home.title)?,
            ],
        )?;
        text += &table_row(results, home, reference, &label, false, edition)?;
    }
    Ok(text)
}

fn table_row(
    results: &Results,
    workload: &WorkloadResult,
    row: &RowResult,
    label: &str,
    with_speedup: bool,
    edition: Edition,
) -> Result<String, String> {
    let first_python = results.first_python().and_then(|v| row.python.get(v));
    let cell = |side: Side| -> Result<String, String> {
        let Some(measured) = row.side(side) else {
            return Ok("—".to_string());
        };
        let (median, min, max) = each(measured);
        let mut figure = if min == max {
            value(median, row.unit)
        } else {
            with_spread(median, min, max, row.unit)
        };
        if let Some(items) = measured.items {
            write!(
                figure,
                " × {} = {}",
                count(items),
                value(measured.median, row.unit)
            )
            .expect("to a String");
        }
        // A later CPython ran the same twin: what it used is said once.
        let later_python =
            matches!(side, Side::Python(version) if Some(version) != results.first_python());
        let mut cell = if later_python && first_python.is_some_and(|f| f.how == measured.how) {
            figure
        } else {
            edition.fill("{}: {}", &[&edition.label(&measured.how)?, &figure])?
        };
        if let Some(speedup) = workload.speedup(row, side)
            && with_speedup
            && Some(&row.id) != workload.speedup_baseline.as_ref()
        {
            cell = edition.fill("{}; speed-up {}", &[&cell, &times(speedup)])?;
        }
        Ok(cell)
    };
    let mut cells = vec![label.to_string()];
    for side in results.sides() {
        cells.push(cell(side)?);
    }
    cells.extend(ratio_cells(results, row, row.headline));
    cells.push(against_reference(results, workload, row));
    Ok(markdown_row(&cells))
}

/// The name a side's figures carry: `rust`, `python` for the first
/// CPython, `python-3-13` for a later one.
fn side_anchor(results: &Results, side: Side) -> String {
    match side {
        Side::Rust => "rust".to_string(),
        Side::Python(version) if Some(version) == results.first_python() => "python".to_string(),
        Side::Python(version) => format!("python-{}", version.replace('.', "-")),
    }
}

/// `figures.txt`: each figure the prose quotes, between `ANCHOR:` lines, so
/// that `{{#include benchmarks/figures.txt:NAME}}` puts it in a sentence.
/// Values are per item where the row counts items. A ratio's name ends in
/// `-ratio` against the first CPython, `-ratio-python-3-13` against a
/// later one.
fn figures(results: &Results, edition: Edition) -> Result<String, String> {
    let machine = &results.machine;
    let mut figures: Vec<(String, String)> = vec![
        ("cores".into(), machine.cores.to_string()),
        ("runs".into(), results.runs.to_string()),
        ("wall".into(), minutes(results.wall_seconds, edition)?),
    ];
    for (index, version) in results.pythons.iter().enumerate() {
        figures.push((format!("python-{}", index + 1), version.clone()));
        if let Some(full) = machine.pythons.get(index) {
            figures.push((format!("python-{}-full", index + 1), full.clone()));
        }
    }
    let ratio_suffix = |version: &str| match Some(version) == results.first_python() {
        true => "ratio".to_string(),
        false => format!("ratio-python-{}", version.replace('.', "-")),
    };
    let mut largest_change: Option<f64> = None;
    for workload in &results.workloads {
        if let Some(reference) = results.reference_of(workload)
            && let Some(side) = reference.rust.as_ref().or(reference.python.values().next())
        {
            figures.push((
                format!("{}-reference", workload.id),
                value(each(side).0, reference.unit),
            ));
        }
        for row in &workload.rows {
            let name = format!("{}-{}", workload.id, row.id);
            for (param_name, param_value) in row.label_params()? {
                figures.push((
                    format!("{name}-{}", param_name.replace('_', "-")),
                    param(param_name, param_value, edition)?,
                ));
            }
            for side in results.sides() {
                let side_name = format!("{name}-{}", side_anchor(results, side));
                if let Some(measured) = row.side(side) {
                    let (median, min, max) = each(measured);
                    figures.push((side_name.clone(), value(median, row.unit)));
                    figures.push((format!("{side_name}-min"), value(min, row.unit)));
                    figures.push((format!("{side_name}-max"), value(max, row.unit)));
                    if let Some(items) = measured.items {
                        figures.push((format!("{side_name}-items"), count(items)));
                        figures.push((
                            format!("{side_name}-total"),
                            value(measured.median, row.unit),
                        ));
                    }
                    if let Some((at_fastest, at_slowest)) = paired(workload, row, side) {
                        figures.push((
                            format!("{side_name}-at-fastest"),
                            value(at_fastest, row.unit),
                        ));
                        figures.push((
                            format!("{side_name}-at-slowest"),
                            value(at_slowest, row.unit),
                        ));
                    }
                }
                if let Some(speedup) = workload.speedup(row, side) {
                    figures.push((format!("{side_name}-speedup"), times(speedup)));
                }
                match results.against_reference(workload, row, side) {
                    Some(Distance::ShareOf(share)) => {
                        figures.push((format!("{side_name}-of-limit"), percent(share)));
                        figures.push((format!("{side_name}-short-of-limit"), percent(1.0 - share)));
                    }
                    Some(Distance::TimesThe(factor)) => {
                        figures.push((format!("{side_name}-over-reference"), times(factor)));
                    }
                    None => {}
                }
            }
            for (version, &r) in &row.ratio {
                let suffix = ratio_suffix(version);
                if row.headline {
                    figures.push((format!("{}-{suffix}", workload.id), ratio(r)));
                    let earlier = results
                        .previous
                        .as_ref()
                        .and_then(|previous| previous.ratios.get(&workload.id)?.get(version));
                    if let Some(&earlier) = earlier {
                        figures.push((format!("{}-{suffix}-before", workload.id), ratio(earlier)));
                        let moved = (r / earlier - 1.0).abs();
                        largest_change = Some(largest_change.map_or(moved, |l: f64| l.max(moved)));
                    }
                }
                figures.push((format!("{name}-{suffix}"), ratio(r)));
                figures.push((format!("{name}-{suffix}-times"), times(1.0 / r)));
            }
        }
    }
    // Without an earlier run to compare with, there is no change to give.
    let largest = largest_change.map_or("—".to_string(), |l| format!("{:.1} %", l * 100.0));
    figures.push(("largest-change".into(), largest));
    if let Some(previous) = &results.previous {
        figures.push(("date-before".into(), previous.date.clone()));
    }
    figures.push(("date".into(), machine.date.clone()));
    let mut text = String::new();
    for (name, figure) in figures {
        writeln!(text, "ANCHOR: {name}\n{figure}\nANCHOR_END: {name}").expect("to a String");
    }
    Ok(text)
}

/// For a count taken during another row's runs: the count in that row's
/// fastest run and in its slowest.
fn paired(workload: &WorkloadResult, row: &RowResult, side: Side) -> Option<(f64, f64)> {
    let timed = workload
        .rows
        .iter()
        .find(|r| Some(&r.id) == row.counted_in.as_ref())?
        .side(side)?;
    let counts = &row.side(side)?.samples;
    let position = |pick: fn(f64, f64) -> bool| {
        (0..timed.samples.len()).reduce(|best, i| {
            if pick(timed.samples[i], timed.samples[best]) {
                i
            } else {
                best
            }
        })
    };
    let fastest = position(|a, b| a < b)?;
    let slowest = position(|a, b| a > b)?;
    Some((*counts.get(fastest)?, *counts.get(slowest)?))
}

/// Every row in time or bytes, per item, every run shown.
fn bars(results: &Results, workload: &WorkloadResult) -> Result<Vec<Bar>, String> {
    workload
        .rows
        .iter()
        .filter(|row| row.unit != Unit::Count)
        .map(|row| {
            let runs = |side| {
                row.side(side).map(|m: &Measured| Runs {
                    median: m.each(m.median),
                    samples: m.samples.iter().map(|&s| m.each(s)).collect(),
                })
            };
            Ok(Bar {
                label: row_label(row, Edition::English)?,
                sides: results.sides().into_iter().map(runs).collect(),
            })
        })
        .collect()
}

/// Every timed row's speed-up over the baseline's median, run by run.
fn speedups(results: &Results, workload: &WorkloadResult) -> Result<Vec<Bar>, String> {
    let baseline = workload
        .rows
        .iter()
        .find(|r| Some(&r.id) == workload.speedup_baseline.as_ref());
    workload
        .rows
        .iter()
        .filter(|row| row.unit == Unit::Seconds)
        .map(|row| {
            let runs = |side| {
                let base = baseline?.side(side)?;
                let base = base.each(base.median);
                let measured = row.side(side)?;
                Some(Runs {
                    median: workload.speedup(row, side)?,
                    samples: measured
                        .samples
                        .iter()
                        .map(|&s| base / measured.each(s))
                        .collect(),
                })
            };
            Ok(Bar {
                label: row_label(row, Edition::English)?,
                sides: results.sides().into_iter().map(runs).collect(),
            })
        })
        .collect()
}

fn minutes(seconds: f64, edition: Edition) -> Result<String, String> {
    let whole = seconds.round() as u64;
    match whole / 60 {
        0 => edition.fill("{} s", &[&whole.to_string()]),
        m => edition.fill("{} min {} s", &[&m.to_string(), &(whole % 60).to_string()]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::{WORKLOADS, placeholders};

    #[test]
    fn every_label_of_the_catalogue_has_its_chinese() {
        for workload in WORKLOADS {
            let mut labels = vec![workload.title.to_string()];
            labels.extend(workload.item.map(|item| format!("per {item}")));
            for row in workload.programs.iter().flat_map(|p| p.rows) {
                labels.push(row.label.to_string());
                labels.extend(
                    row.rust
                        .iter()
                        .chain(&row.python)
                        .map(|c| c.how.to_string()),
                );
            }
            for label in labels {
                assert!(Edition::Chinese.label(&label).is_ok(), "{label}");
            }
        }
    }

    #[test]
    fn code_reads_the_same_in_both_editions() {
        assert_eq!(
            Edition::Chinese.label("`Mutex<u64>`").unwrap(),
            "`Mutex<u64>`"
        );
        assert_eq!(Edition::Chinese.label("a loop").unwrap(), "一个循环");
        assert!(Edition::Chinese.label("an unknown label").is_err());
        assert_eq!(
            Edition::Chinese.fill("{} min {} s", &["1", "53"]).unwrap(),
            "1 分 53 秒"
        );
        assert_eq!(minutes(192.4, Edition::English).unwrap(), "3 min 12 s");
    }

    #[test]
    fn a_translation_shows_the_same_parameters() {
        for (english, chinese) in LABELS {
            let mut shown: Vec<&str> = placeholders(english).collect();
            let mut translated: Vec<&str> = placeholders(chinese).collect();
            shown.sort_unstable();
            translated.sort_unstable();
            assert_eq!(shown, translated, "{english}");
        }
    }

    #[test]
    fn parameters_read_in_their_units() {
        let durations = serde_json::json!([0.0101, 0.0103]);
        assert_eq!(
            param("sleep_seconds", &durations, Edition::English).unwrap(),
            "10.1, 10.3 ms"
        );
        assert_eq!(
            param("sleep_seconds", &durations, Edition::Chinese).unwrap(),
            "10.1、10.3 ms"
        );
        let size = serde_json::json!(16384);
        assert_eq!(
            param("buffer_bytes", &size, Edition::English).unwrap(),
            "16.0 KiB"
        );
        let count = serde_json::json!(10000);
        assert_eq!(param("tasks", &count, Edition::English).unwrap(), "10,000");
        assert!(param("capacity", &Value::Null, Edition::English).is_err());
    }

    #[test]
    fn no_label_is_translated_twice() {
        let mut seen = std::collections::BTreeSet::new();
        for (english, _) in LABELS {
            assert!(seen.insert(english), "{english}");
        }
    }
}
