//! The appendix's charts, drawn with plotters' SVG backend: one row per
//! piece of work, a bar at the median for each side (Rust, and the twin on
//! each CPython), and a dot for every run, so that a spread, or two
//! clusters, shows as it is.
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
/// The height of a row's label, and of each side's bar in it.
const LABEL_HEIGHT: u32 = 22;
const BAR_HEIGHT: u32 = 20;
/// Room for the caption, the axis and the legend.
const FRAME_HEIGHT: u32 = 110;
/// The sides' colours, in order: Rust, then each CPython.
const COLOURS: [RGBColor; 3] = [
    RGBColor(0xb7, 0x41, 0x0e),
    RGBColor(0x30, 0x69, 0x98),
    RGBColor(0x2a, 0x9d, 0x8f),
];
const FONT: &str = "sans-serif";

/// The sides a chart shows, by name (`Rust`, `Python 3.11`), in order.
pub type Sides<'a> = &'a [String];

/// One row of a chart: a piece of work, and what each side measured, in
/// the order of the chart's sides.
pub struct Bar {
    pub label: String,
    pub sides: Vec<Option<Runs>>,
}

/// One side's runs: the median the bar ends at, and every run's value.
pub struct Runs {
    pub median: f64,
    pub samples: Vec<f64>,
}

/// A chart of `rows`, all in `unit`, on a logarithmic axis: the work spans
/// orders of magnitude between the two languages.
pub fn bars(
    path: &Path,
    title: &str,
    axis: &str,
    unit: Unit,
    sides: Sides,
    rows: &[Bar],
) -> Result<(), String> {
    let values = || {
        rows.iter()
            .flat_map(|b| &b.sides)
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
    let root = canvas(path, rows.len(), sides.len())?;
    let mut chart = frame(&root, title, x_range.clone().log_scale(), rows.len())?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .disable_y_axis()
        .x_desc(axis)
        .x_label_formatter(&|v| tick(*v, unit))
        .draw()
        .map_err(|e| e.to_string())?;
    draw_rows(&mut chart, x_range.start, sides.len(), rows, &|v| {
        numbers::value(v, unit)
    })?;
    legend(&mut chart, sides)?;
    root.present().map_err(|e| e.to_string())
}

/// Speed-ups on a linear axis, against a line no speed-up can cross on
/// this machine: `limit`, the number of cores.
pub fn speedups(
    path: &Path,
    title: &str,
    axis: &str,
    sides: Sides,
    rows: &[Bar],
    limit: f64,
) -> Result<(), String> {
    let highest = rows
        .iter()
        .flat_map(|b| &b.sides)
        .flatten()
        .flat_map(|runs| runs.samples.iter().chain([&runs.median]))
        .fold(limit, |high, &v| high.max(v));
    let x_range = 0.0..(highest * 1.3).ceil();
    let root = canvas(path, rows.len(), sides.len())?;
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
    draw_rows(&mut chart, x_range.start, sides.len(), rows, &|v| {
        format!("{v:.2}×")
    })?;
    legend(&mut chart, sides)?;
    root.present().map_err(|e| e.to_string())
}

type Chart<'a, 'b, X> = ChartContext<'a, SVGBackend<'b>, Cartesian2d<X, RangedCoordf64>>;

fn canvas(
    path: &Path,
    rows: usize,
    sides: usize,
) -> Result<DrawingArea<SVGBackend<'_>, Shift>, String> {
    let height = FRAME_HEIGHT + (LABEL_HEIGHT + BAR_HEIGHT * sides as u32) * rows as u32;
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

/// Each row: its label on top, then a bar for each side, each ending at
/// the median, with a dot for every run and the median's value beyond the
/// slowest.
fn draw_rows<X: Ranged<ValueType = f64>>(
    chart: &mut Chart<'_, '_, X>,
    origin: f64,
    sides: usize,
    rows: &[Bar],
    label: &dyn Fn(f64) -> String,
) -> Result<(), String> {
    let text = (FONT, 14).into_font();
    let small = (FONT, 12).into_font();
    let count = rows.len() as f64;
    // A row is one unit high: the label's share on top, then the bars'.
    let row_height = f64::from(LABEL_HEIGHT + BAR_HEIGHT * sides as u32);
    let label_share = f64::from(LABEL_HEIGHT) / row_height;
    let bar_share = f64::from(BAR_HEIGHT) / row_height;
    for (index, row) in rows.iter().enumerate() {
        let top = count - index as f64;
        chart
            .draw_series([Text::new(
                row.label.clone(),
                (origin, top - 0.06),
                text.clone(),
            )])
            .map_err(|e| e.to_string())?;
        for (side, runs) in row.sides.iter().enumerate() {
            let colour = COLOURS[side % COLOURS.len()];
            let centre = top - label_share - bar_share * (side as f64 + 0.5);
            let Some(runs) = runs else {
                let none = small.color(&RGBColor(0x80, 0x80, 0x80));
                chart
                    .draw_series([Text::new(
                        "no counterpart",
                        (origin, centre + bar_share * 0.3),
                        none,
                    )])
                    .map_err(|e| e.to_string())?;
                continue;
            };
            let bar = Rectangle::new(
                [
                    (origin, centre + bar_share * 0.38),
                    (runs.median, centre - bar_share * 0.38),
                ],
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
    sides: Sides,
) -> Result<(), String> {
    for (index, name) in sides.iter().enumerate() {
        let colour = COLOURS[index % COLOURS.len()];
        chart
            .draw_series(std::iter::empty::<Rectangle<(f64, f64)>>())
            .map_err(|e| e.to_string())?
            .label(name.as_str())
            .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 12, y + 5)], colour.filled()));
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::LowerRight)
        .background_style(WHITE.mix(0.9))
        .border_style(BLACK)
        .label_font((FONT, 13))
        .draw()
        .map_err(|e| e.to_string())
}
