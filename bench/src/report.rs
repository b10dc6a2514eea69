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

use crate::catalogue::Language;
use crate::chart::{self, Bar, Runs};
use crate::line::Unit;
use crate::numbers::{change, count, percent, ratio, times, value, with_spread};
use crate::results::{Distance, Measured, Results, RowResult, WorkloadResult};

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
/// each `{}` in order.
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
    ("Sleep overlap", "睡眠重叠"),
    // What one item is.
    ("per increment", "每次递增"),
    ("per step", "每步"),
    ("per message", "每条消息"),
    ("per start", "每次启动"),
    ("per item", "每项"),
    ("per wait", "每次等待"),
    // Rows.
    (
        "limit: 1 thread, uncontended atomic increments",
        "极限：1 个线程，无竞争的原子递增",
    ),
    ("1 thread, locked increments", "1 个线程，加锁递增"),
    ("2 threads, locked increments", "2 个线程，加锁递增"),
    (
        "2 threads, locked: times a thread went to sleep",
        "2 个线程，加锁：线程进入睡眠的次数",
    ),
    ("2 threads, atomic increments", "2 个线程，原子递增"),
    (
        "2 threads, each counting alone, summed at the end",
        "2 个线程，各自计数，最后求和",
    ),
    (
        "2 threads, 1,000 increments per lock",
        "2 个线程，每次加锁递增 1,000 次",
    ),
    ("limit: cores the program sees", "极限：程序可见的核心数"),
    ("4 calls, one after another", "4 次调用，依次执行"),
    ("4 calls on 4 threads", "4 次调用，4 个线程"),
    ("4 calls in 4 processes", "4 次调用，4 个进程"),
    ("4 calls with rayon", "4 次调用，使用 rayon"),
    (
        "limit: copying the 8 bytes of a message at memory bandwidth",
        "极限：按内存带宽复制一条消息的 8 字节",
    ),
    ("between 2 threads", "2 个线程之间"),
    ("between 2 threads, crossbeam", "2 个线程之间，crossbeam"),
    ("between 2 processes, queue", "2 个进程之间，队列"),
    ("between 2 processes, pipe", "2 个进程之间，管道"),
    ("between 2 async tasks", "2 个异步任务之间"),
    (
        "limit: waking a sleeping thread",
        "极限：唤醒一个睡眠中的线程",
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
        "limit: the state a waiting task keeps",
        "极限：一个等待中的任务保存的状态",
    ),
    (
        "one of 10,000 tasks waiting for a signal",
        "10,000 个等待信号的任务之一",
    ),
    (
        "one of 200 threads blocked on a barrier",
        "200 个阻塞在屏障上的线程之一",
    ),
    ("2 processes, default chunks", "2 个进程，默认分块"),
    ("2 processes, one item at a time", "2 个进程，每次一项"),
    ("2 threads, in chunks", "2 个线程，分块"),
    ("2 threads, one item at a time", "2 个线程，每次一项"),
    (
        "limit: how late the kernel may end a sleep",
        "极限：内核可推迟结束一次睡眠的时间",
    ),
    (
        "3 tasks sleeping 10 ms, gathered: time beyond 10 ms",
        "3 个任务各睡眠 10 ms，gather 汇合：超出 10 ms 的时间",
    ),
    (
        "3 threads sleeping 10 ms, joined: time beyond 10 ms",
        "3 个线程各睡眠 10 ms，join 汇合：超出 10 ms 的时间",
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
    (
        "4 × `Command::spawn` of itself",
        "4 × `Command::spawn` 启动自身",
    ),
    (
        "`par_iter` on rayon's global pool",
        "rayon 全局线程池上的 `par_iter`",
    ),
    (
        "`copy_from_slice`, 64 MiB at a time",
        "`copy_from_slice`，每次 64 MiB",
    ),
    ("a pipe, `framed` JSON frames", "管道，`framed` JSON 帧"),
    (
        "`tokio::sync::mpsc`, one thread",
        "`tokio::sync::mpsc`，单线程",
    ),
    (
        "`thread::park` and `unpark`, ping-pong",
        "`thread::park` 与 `unpark` 轮流唤醒",
    ),
    ("`multiprocessing`, fork", "`multiprocessing`，fork"),
    ("`multiprocessing`, spawn", "`multiprocessing`，spawn"),
    ("`Command::spawn` of itself", "`Command::spawn` 启动自身"),
    ("`tokio::spawn`, one thread", "`tokio::spawn`，单线程"),
    ("`size_of_val` of its future", "其 future 的 `size_of_val`"),
    ("rayon, 2 threads", "rayon，2 个线程"),
    ("2 threads and a channel", "2 个线程加一个通道"),
    (
        "`tokio::join!` of `tokio::time::sleep`",
        "`tokio::join!` 汇合 `tokio::time::sleep`",
    ),
    (
        "`asyncio.gather` of `asyncio.sleep`",
        "`asyncio.gather` 汇合 `asyncio.sleep`",
    ),
    // Tables.
    ("Work", "工作"),
    ("Workload", "负载"),
    ("Rust", "Rust"),
    ("Python", "Python"),
    ("Rust, {}", "Rust，{}"),
    ("Python, {}", "Python，{}"),
    ("Rust / Python", "Rust / Python"),
    ("Against the limit", "与极限相比"),
    ("Limit", "极限"),
    ("{}: {}", "{}：{}"),
    ("{}; speed-up {}", "{}；加速比 {}"),
    ("{} (measured under “{}”)", "{}（在“{}”中测得）"),
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
    ("Date", "日期"),
    ("Runs", "运行次数"),
    ("Wall time", "总耗时"),
    ("{}, {} cores", "{}，{} 个核心"),
    ("{}, 1 core", "{}，1 个核心"),
    (
        "each program {} times, interleaved with its twin; the tables give the median and (fastest–slowest)",
        "每个程序运行 {} 次，与其对照程序交替进行；表中给出中位数及（最快–最慢）",
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
        chart::bars(&path, &workload.title, &axis, unit, &bars(workload))?;
        written.push(path);
    }
    for workload in &results.workloads {
        let Some(limit) = results.limit_of(workload).filter(|l| l.unit == Unit::Count) else {
            continue;
        };
        let Some(cores) = limit.rust.as_ref().or(limit.python.as_ref()) else {
            continue;
        };
        let path = dir.join(format!("{}-speedup.svg", workload.id));
        let title = format!("{}: speed-up over serial", workload.title);
        let axis = format!(
            "times as fast as serial, every run (the line: {} cores, the most it can be)",
            cores.median
        );
        chart::speedups(&path, &title, &axis, &speedups(workload), cores.median)?;
        written.push(path);
    }
    Ok(written)
}

fn machine_table(results: &Results, edition: Edition) -> Result<String, String> {
    let machine = &results.machine;
    let cores = machine.cores.to_string();
    let cpu = match machine.cores {
        1 => edition.fill("{}, 1 core", &[&machine.cpu])?,
        _ => edition.fill("{}, {} cores", &[&machine.cpu, &cores])?,
    };
    let runs = edition.fill(
        "each program {} times, interleaved with its twin; the tables give the median and (fastest–slowest)",
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
        ("Python", machine.python.clone()),
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

/// How close both sides of `row` come to the limit: `Rust 2.6× · Python 38×`.
fn against_limit(results: &Results, workload: &WorkloadResult, row: &RowResult) -> String {
    let sides: Vec<String> = Language::BOTH
        .into_iter()
        .filter_map(|language| {
            let distance = match results.against_limit(workload, row, language)? {
                Distance::ShareOf(share) => percent(share),
                Distance::TimesThe(factor) => times(factor),
            };
            Some(format!("{} {distance}", side_name(language)))
        })
        .collect();
    if sides.is_empty() {
        "—".to_string()
    } else {
        sides.join(" · ")
    }
}

fn side_name(language: Language) -> &'static str {
    match language {
        Language::Rust => "Rust",
        Language::Python => "Python",
    }
}

/// Each workload's headline row, per item, and its limit.
fn summary_table(results: &Results, edition: Edition) -> Result<String, String> {
    let header = [
        edition.label("Workload")?,
        edition.label("Work")?,
        edition.fill("Rust, {}", &[&edition.label("per item")?])?,
        edition.fill("Python, {}", &[&edition.label("per item")?])?,
        edition.label("Rust / Python")?,
        edition.label("Limit")?,
        edition.label("Against the limit")?,
    ];
    let mut text = format!(
        "| {} |\n|---|---|---|---|---|---|---|\n",
        header.join(" | ")
    );
    for workload in &results.workloads {
        for row in workload.rows.iter().filter(|row| row.headline) {
            let median = |language| {
                row.side(language)
                    .map_or("—".to_string(), |m| value(each(m).0, row.unit))
            };
            let limit = results
                .limit_of(workload)
                .and_then(|limit| {
                    let side = limit.rust.as_ref().or(limit.python.as_ref())?;
                    Some(value(each(side).0, limit.unit))
                })
                .unwrap_or_else(|| "—".to_string());
            writeln!(
                text,
                "| {} | {} | {} | {} | {} | {limit} | {} |",
                edition.label(&workload.title)?,
                edition.label(&row.label)?,
                median(Language::Rust),
                median(Language::Python),
                row.ratio.map_or("—".to_string(), ratio),
                against_limit(results, workload, row),
            )
            .expect("to a String");
        }
    }
    Ok(text)
}

/// Each headline ratio in this run and in the run before, and the change.
fn stability_table(results: &Results, edition: Edition) -> Result<String, String> {
    let before = match &results.previous {
        Some(previous) => edition.fill("Rust / Python, the run before ({})", &[&previous.date])?,
        None => edition.fill(
            "Rust / Python, the run before ({})",
            &[&edition.label("no earlier run")?],
        )?,
    };
    let mut text = format!(
        "| {} | {} | {} | {before} | {} |\n|---|---|---|---|---|\n",
        edition.label("Workload")?,
        edition.label("Work")?,
        edition.label("Rust / Python, this run")?,
        edition.label("Change")?,
    );
    for workload in &results.workloads {
        for row in workload.rows.iter().filter(|row| row.headline) {
            let earlier = results
                .previous
                .as_ref()
                .and_then(|previous| previous.ratios.get(&workload.id));
            let (earlier_text, change_text) = match (earlier, row.ratio) {
                (Some(&earlier), Some(now)) => (ratio(earlier), change(earlier, now)),
                _ => ("—".to_string(), "—".to_string()),
            };
            writeln!(
                text,
                "| {} | {} | {} | {earlier_text} | {change_text} |",
                edition.label(&workload.title)?,
                edition.label(&row.label)?,
                row.ratio.map_or("—".to_string(), ratio),
            )
            .expect("to a String");
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
    let side_header = |name: &str| match &per {
        Some(per) => edition.fill(&format!("{name}, {{}}"), &[per]),
        None => edition.label(name),
    };
    let mut text = format!(
        "| {} | {} | {} | {} | {} |\n|---|---|---|---|---|\n",
        edition.label("Work")?,
        side_header("Rust")?,
        side_header("Python")?,
        edition.label("Rust / Python")?,
        edition.label("Against the limit")?,
    );
    let limit = results.limit_of(workload);
    let is_limit = |row: &RowResult| limit.is_some_and(|limit| std::ptr::eq(limit, row));
    for row in &workload.rows {
        let label = edition.label(&row.label)?;
        text += &table_row(results, workload, row, &label, !is_limit(row), edition)?;
    }
    // A limit measured under another workload still belongs in this table.
    if let Some(limit) =
        limit.filter(|limit| !workload.rows.iter().any(|r| std::ptr::eq(*limit, r)))
    {
        let home = results
            .workloads
            .iter()
            .find(|w| w.rows.iter().any(|r| std::ptr::eq(limit, r)))
            .expect("a limit is some workload's row");
        let label = edition.fill(
            "{} (measured under “{}”)",
            &[&edition.label(&limit.label)?, &edition.label(&home.title)?],
        )?;
        text += &table_row(results, home, limit, &label, false, edition)?;
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
    let cell = |language| -> Result<String, String> {
        let Some(measured) = row.side(language) else {
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
        let mut cell = edition.fill("{}: {}", &[&edition.label(&measured.how)?, &figure])?;
        if let Some(speedup) = workload.speedup(row, language)
            && with_speedup
            && Some(&row.id) != workload.speedup_baseline.as_ref()
        {
            cell = edition.fill("{}; speed-up {}", &[&cell, &times(speedup)])?;
        }
        Ok(cell)
    };
    let ratio_cell = match (row.ratio, row.headline) {
        (Some(r), true) => format!("**{}**", ratio(r)),
        (Some(r), false) => ratio(r),
        (None, _) => "—".to_string(),
    };
    Ok(format!(
        "| {label} | {} | {} | {ratio_cell} | {} |\n",
        cell(Language::Rust)?,
        cell(Language::Python)?,
        against_limit(results, workload, row),
    ))
}

/// `figures.txt`: each figure the prose quotes, between `ANCHOR:` lines, so
/// that `{{#include benchmarks/figures.txt:NAME}}` puts it in a sentence.
/// Values are per item where the row counts items.
fn figures(results: &Results, edition: Edition) -> Result<String, String> {
    let machine = &results.machine;
    let mut figures: Vec<(String, String)> = vec![
        ("cores".into(), machine.cores.to_string()),
        ("runs".into(), results.runs.to_string()),
        ("wall".into(), minutes(results.wall_seconds, edition)?),
    ];
    let mut largest_change: Option<f64> = None;
    for workload in &results.workloads {
        if let Some(limit) = results.limit_of(workload)
            && let Some(side) = limit.rust.as_ref().or(limit.python.as_ref())
        {
            figures.push((
                format!("{}-limit", workload.id),
                value(each(side).0, limit.unit),
            ));
        }
        for row in &workload.rows {
            let name = format!("{}-{}", workload.id, row.id);
            for language in Language::BOTH {
                let side = format!("{name}-{}", language.name());
                if let Some(measured) = row.side(language) {
                    let (median, min, max) = each(measured);
                    figures.push((side.clone(), value(median, row.unit)));
                    figures.push((format!("{side}-min"), value(min, row.unit)));
                    figures.push((format!("{side}-max"), value(max, row.unit)));
                    if let Some(items) = measured.items {
                        figures.push((format!("{side}-items"), count(items)));
                        figures.push((format!("{side}-total"), value(measured.median, row.unit)));
                    }
                    if let Some((at_fastest, at_slowest)) = paired(workload, row, language) {
                        figures.push((format!("{side}-at-fastest"), value(at_fastest, row.unit)));
                        figures.push((format!("{side}-at-slowest"), value(at_slowest, row.unit)));
                    }
                }
                if let Some(speedup) = workload.speedup(row, language) {
                    figures.push((format!("{side}-speedup"), times(speedup)));
                }
                match results.against_limit(workload, row, language) {
                    Some(Distance::ShareOf(share)) => {
                        figures.push((format!("{side}-of-limit"), percent(share)));
                        figures.push((format!("{side}-short-of-limit"), percent(1.0 - share)));
                    }
                    Some(Distance::TimesThe(factor)) => {
                        figures.push((format!("{side}-over-limit"), times(factor)));
                    }
                    None => {}
                }
            }
            if let Some(r) = row.ratio {
                if row.headline {
                    figures.push((format!("{}-ratio", workload.id), ratio(r)));
                    let earlier = results
                        .previous
                        .as_ref()
                        .and_then(|previous| previous.ratios.get(&workload.id));
                    if let Some(&earlier) = earlier {
                        figures.push((format!("{}-ratio-before", workload.id), ratio(earlier)));
                        figures.push((format!("{}-change", workload.id), change(earlier, r)));
                        let moved = (r / earlier - 1.0).abs();
                        largest_change = Some(largest_change.map_or(moved, |l: f64| l.max(moved)));
                    }
                }
                figures.push((format!("{name}-ratio"), ratio(r)));
                figures.push((format!("{name}-times"), times(1.0 / r)));
            }
        }
    }
    if let Some(largest) = largest_change {
        figures.push(("largest-change".into(), format!("{:.1} %", largest * 100.0)));
    }
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
fn paired(workload: &WorkloadResult, row: &RowResult, language: Language) -> Option<(f64, f64)> {
    let timed = workload
        .rows
        .iter()
        .find(|r| Some(&r.id) == row.counted_in.as_ref())?
        .side(language)?;
    let counts = &row.side(language)?.samples;
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
fn bars(workload: &WorkloadResult) -> Vec<Bar> {
    workload
        .rows
        .iter()
        .filter(|row| row.unit != Unit::Count)
        .map(|row| {
            let runs = |language| {
                row.side(language).map(|m: &Measured| Runs {
                    median: m.each(m.median),
                    samples: m.samples.iter().map(|&s| m.each(s)).collect(),
                })
            };
            Bar {
                label: row.label.clone(),
                rust: runs(Language::Rust),
                python: runs(Language::Python),
            }
        })
        .collect()
}

/// Every timed row's speed-up over the baseline's median, run by run.
fn speedups(workload: &WorkloadResult) -> Vec<Bar> {
    let baseline = workload
        .rows
        .iter()
        .find(|r| Some(&r.id) == workload.speedup_baseline.as_ref());
    workload
        .rows
        .iter()
        .filter(|row| row.unit == Unit::Seconds)
        .map(|row| {
            let runs = |language| {
                let base = baseline?.side(language)?;
                let base = base.each(base.median);
                let measured = row.side(language)?;
                Some(Runs {
                    median: workload.speedup(row, language)?,
                    samples: measured
                        .samples
                        .iter()
                        .map(|&s| base / measured.each(s))
                        .collect(),
                })
            };
            Bar {
                label: row.label.clone(),
                rust: runs(Language::Rust),
                python: runs(Language::Python),
            }
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
    use crate::catalogue::WORKLOADS;

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
    fn no_label_is_translated_twice() {
        let mut seen = std::collections::BTreeSet::new();
        for (english, _) in LABELS {
            assert!(seen.insert(english), "{english}");
        }
    }
}
