//! The appendix's charts, drawn with plotters' SVG backend: one row per
//! piece of work, a Rust bar and a Python bar at the median, and a dot for
//! every run, so that a spread, or two clusters, shows as it is.
//!
//! The report hands over plain numbers and labels; nothing here reads a
//! results file.

use std::path::Path;

use plotters::coord::Shift;
use plotters::coord::ranged1d::{AsRangedCoord, Ranged};
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;

use crate::line::Unit;
use crate::numbers::{self, tick};

const WIDTH: u32 = 760;
const ROW_HEIGHT: u32 = 62;
/// Room for the caption, the axis and the legend.
const FRAME_HEIGHT: u32 = 110;
const RUST: RGBColor = RGBColor(0xb7, 0x41, 0x0e);
const PYTHON: RGBColor = RGBColor(0x30, 0x69, 0x98);
const FONT: &str = "sans-serif";

/// One row of a chart: a piece of work, and what each side measured.
pub struct Bar {
    pub label: String,
    pub rust: Option<Runs>,
    pub python: Option<Runs>,
}

/// One side's runs: the median the bar ends at, and every run's value.
pub struct Runs {
    pub median: f64,
    pub samples: Vec<f64>,
}

/// A chart of `rows`, all in `unit`, on a logarithmic axis: the work spans
/// orders of magnitude between the two languages.
pub fn bars(path: &Path, title: &str, axis: &str, unit: Unit, rows: &[Bar]) -> Result<(), String> {
    let values = || {
        rows.iter()
            .flat_map(|b| [&b.rust, &b.python])
            .flatten()
            .flat_map(|runs| runs.samples.iter().chain([&runs.median]))
            .copied()
    };
    let low = values().fold(f64::INFINITY, f64::min);
    let high = values().fold(0.0, f64::max);
    if !(low > 0.0 && high.is_finite()) {
        return Err(format!("{title}: nothing positive to draw on a log scale"));
    }
    // Whole decades, with one to spare on the right for the value labels.
    let x_range = 10f64.powf(low.log10().floor())..10f64.powf(high.log10().ceil() + 1.0);
    let root = canvas(path, rows.len())?;
    let mut chart = frame(&root, title, x_range.clone().log_scale(), rows.len())?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .disable_y_axis()
        .x_desc(axis)
        .x_label_formatter(&|v| tick(*v, unit))
        .draw()
        .map_err(|e| e.to_string())?;
    draw_rows(&mut chart, x_range.start, rows, &|v| {
        numbers::value(v, unit)
    })?;
    legend(&mut chart)?;
    root.present().map_err(|e| e.to_string())
}

/// Speed-ups on a linear axis, against a line no speed-up can cross on
/// this machine: `limit`, the number of cores.
pub fn speedups(
    path: &Path,
    title: &str,
    axis: &str,
    rows: &[Bar],
    limit: f64,
) -> Result<(), String> {
    let highest = rows
        .iter()
        .flat_map(|b| [&b.rust, &b.python])
        .flatten()
        .flat_map(|runs| runs.samples.iter().chain([&runs.median]))
        .fold(limit, |high, &v| high.max(v));
    let x_range = 0.0..(highest * 1.3).ceil();
    let root = canvas(path, rows.len())?;
    let mut chart = frame(&root, title, x_range.clone(), rows.len())?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .disable_y_axis()
        .x_desc(axis)
        .draw()
        .map_err(|e| e.to_string())?;
    chart
        .draw_series([PathElement::new(
            vec![(limit, 0.0), (limit, rows.len() as f64)],
            BLACK.stroke_width(2),
        )])
        .map_err(|e| e.to_string())?;
    draw_rows(&mut chart, x_range.start, rows, &|v| format!("{v:.2}×"))?;
    legend(&mut chart)?;
    root.present().map_err(|e| e.to_string())
}

type Chart<'a, 'b, X> = ChartContext<'a, SVGBackend<'b>, Cartesian2d<X, RangedCoordf64>>;

fn canvas(path: &Path, rows: usize) -> Result<DrawingArea<SVGBackend<'_>, Shift>, String> {
    let height = FRAME_HEIGHT + ROW_HEIGHT * rows as u32;
    let root = SVGBackend::new(path, (WIDTH, height)).into_drawing_area();
    root.fill(&WHITE).map_err(|e| e.to_string())?;
    Ok(root)
}

/// The chart's frame: rows stacked from the top, each one unit high.
fn frame<'a, 'b, X: AsRangedCoord<Value = f64>>(
    root: &'a DrawingArea<SVGBackend<'b>, Shift>,
    title: &str,
    x: X,
    rows: usize,
) -> Result<Chart<'a, 'b, X::CoordDescType>, String> {
    ChartBuilder::on(root)
        .caption(title, (FONT, 18))
        .margin(12)
        .margin_left(20)
        .margin_right(28)
        .x_label_area_size(40)
        .build_cartesian_2d(x, 0.0..rows as f64)
        .map_err(|e| e.to_string())
}

/// Each row: its label on top, then the Rust bar, then the Python bar, each
/// ending at the median, with a dot for every run and the median's value
/// beyond the slowest.
fn draw_rows<X: Ranged<ValueType = f64>>(
    chart: &mut Chart<'_, '_, X>,
    origin: f64,
    rows: &[Bar],
    label: &dyn Fn(f64) -> String,
) -> Result<(), String> {
    let text = (FONT, 14).into_font();
    let small = (FONT, 12).into_font();
    let count = rows.len() as f64;
    for (index, row) in rows.iter().enumerate() {
        let top = count - index as f64;
        chart
            .draw_series([Text::new(
                row.label.clone(),
                (origin, top - 0.06),
                text.clone(),
            )])
            .map_err(|e| e.to_string())?;
        for (runs, colour, offset) in [(&row.rust, RUST, 0.38), (&row.python, PYTHON, 0.72)] {
            let centre = top - offset;
            let Some(runs) = runs else {
                let none = small.color(&RGBColor(0x80, 0x80, 0x80));
                chart
                    .draw_series([Text::new("no counterpart", (origin, centre + 0.08), none)])
                    .map_err(|e| e.to_string())?;
                continue;
            };
            let bar = Rectangle::new(
                [(origin, centre + 0.13), (runs.median, centre - 0.13)],
                colour.mix(0.55).filled(),
            );
            chart.draw_series([bar]).map_err(|e| e.to_string())?;
            chart
                .draw_series(
                    runs.samples
                        .iter()
                        .map(|&sample| Circle::new((sample, centre), 3, BLACK.mix(0.8).filled())),
                )
                .map_err(|e| e.to_string())?;
            let slowest = runs.samples.iter().fold(runs.median, |a, &b| a.max(b));
            chart
                .draw_series([EmptyElement::at((slowest, centre))
                    + Text::new(label(runs.median), (6, -7), small.clone())])
                .map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}

fn legend<'a, 'b: 'a, X: Ranged<ValueType = f64>>(
    chart: &mut Chart<'a, 'b, X>,
) -> Result<(), String> {
    for (name, colour) in [("Rust", RUST), ("Python", PYTHON)] {
        chart
            .draw_series(std::iter::empty::<Rectangle<(f64, f64)>>())
            .map_err(|e| e.to_string())?
            .label(name)
            .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 12, y + 5)], colour.filled()));
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperRight)
        .background_style(WHITE.mix(0.9))
        .border_style(BLACK)
        .label_font((FONT, 13))
        .draw()
        .map_err(|e| e.to_string())
}
