//! How the report and the charts write numbers: a value in its unit to
//! three significant figures, a list of values, a ratio to two, an axis
//! tick, a count with thousands separators.

use crate::line::Unit;

/// A value in its unit, to three significant figures: `45.1 ms`, `978 B`.
pub fn value(value: f64, unit: Unit) -> String {
    if unit == Unit::Count {
        return count(value.round() as u64);
    }
    // Below a KiB, bytes are whole: `8 B`, not `8.00 B`.
    if unit == Unit::Bytes && value.abs() < 1024.0 {
        return format!("{} B", value.round());
    }
    let (scaled, suffix) = scale(value, unit);
    format!("{} {suffix}", three_figures(scaled, scaled))
}

/// A median with its spread, all in the median's unit: `45.1 ms (41.0–52.3)`.
pub fn with_spread(median: f64, min: f64, max: f64, unit: Unit) -> String {
    if unit == Unit::Count {
        return format!(
            "{} ({}–{})",
            value(median, unit),
            value(min, unit),
            value(max, unit)
        );
    }
    let (scaled, suffix) = scale(median, unit);
    let factor = if median == 0.0 { 1.0 } else { scaled / median };
    let in_scale = |v: f64| three_figures(v * factor, scaled);
    format!(
        "{} {suffix} ({}–{})",
        in_scale(median),
        in_scale(min),
        in_scale(max)
    )
}

/// Several values in the first one's unit, each to three significant
/// figures: `10.1 / 10.3 / 10.5 ms`.
pub fn list(values: &[f64], unit: Unit) -> String {
    let Some(&first) = values.first() else {
        return String::new();
    };
    if unit == Unit::Count {
        let counts: Vec<String> = values.iter().map(|&v| value(v, unit)).collect();
        return counts.join(" / ");
    }
    let (scaled, suffix) = scale(first, unit);
    let factor = if first == 0.0 { 1.0 } else { scaled / first };
    let each: Vec<String> = values
        .iter()
        .map(|&v| three_figures(v * factor, v * factor))
        .collect();
    format!("{} {suffix}", each.join(" / "))
}

/// A short label for an axis tick: `10 ms`, `1 s`, `500 µs`; sizes, whose
/// decades are not round in KiB, as [`value`] writes them.
pub fn tick(value: f64, unit: Unit) -> String {
    if unit == Unit::Bytes {
        return self::value(value, unit);
    }
    let (scaled, suffix) = scale(value, unit);
    let rounded: f64 = format!("{scaled:.3}").parse().unwrap_or(scaled);
    format!("{rounded} {suffix}")
}

fn scale(value: f64, unit: Unit) -> (f64, &'static str) {
    let steps: &[(f64, &str)] = match unit {
        Unit::Seconds => &[(1.0, "s"), (1e-3, "ms"), (1e-6, "µs"), (1e-9, "ns")],
        Unit::Bytes => &[(1024.0 * 1024.0, "MiB"), (1024.0, "KiB"), (1.0, "B")],
        Unit::Count => &[(1.0, "")],
    };
    let &(size, suffix) = steps
        .iter()
        .find(|(size, _)| value.abs() >= *size)
        .unwrap_or(&steps[steps.len() - 1]);
    (value / size, suffix)
}

/// `v` with as many decimals as `reference` needs for three significant
/// figures (so a range prints like its median).
fn three_figures(v: f64, reference: f64) -> String {
    let decimals = match reference.abs() {
        r if r >= 100.0 => 0,
        r if r >= 10.0 => 1,
        _ => 2,
    };
    format!("{v:.decimals$}")
}

/// Two significant figures: `0.031`, `0.11`, `1.0`, `12`.
pub fn ratio(ratio: f64) -> String {
    if ratio == 0.0 {
        return "0".to_string();
    }
    let magnitude = ratio.abs().log10().floor() as i32;
    let decimals = (1 - magnitude).max(0) as usize;
    format!("{ratio:.decimals$}")
}

/// A factor: `32×`, `1.9×`.
pub fn times(factor: f64) -> String {
    format!("{}×", ratio(factor))
}

/// A share as a whole percentage: `97 %`.
pub fn percent(share: f64) -> String {
    format!("{:.0} %", share * 100.0)
}

/// A signed change as a percentage with one decimal: `+3.2 %`, `−0.4 %`.
pub fn change(from: f64, to: f64) -> String {
    let change = (to / from - 1.0) * 100.0;
    let sign = if change < 0.0 { "−" } else { "+" };
    format!("{sign}{:.1} %", change.abs())
}

/// A whole number with thousands separators: `24,000,000`.
pub fn count(n: u64) -> String {
    let digits = n.to_string();
    let mut text = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            text.push(',');
        }
        text.push(digit);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_in_the_right_unit() {
        assert_eq!(value(0.0451, Unit::Seconds), "45.1 ms");
        assert_eq!(value(1.5, Unit::Seconds), "1.50 s");
        assert_eq!(value(0.000_812, Unit::Seconds), "812 µs");
        assert_eq!(value(978.1, Unit::Bytes), "978 B");
        assert_eq!(value(8.0, Unit::Bytes), "8 B");
        assert_eq!(value(16_527.0, Unit::Bytes), "16.1 KiB");
        assert_eq!(value(2.0, Unit::Count), "2");
        assert_eq!(tick(0.01, Unit::Seconds), "10 ms");
        assert_eq!(tick(1.0, Unit::Seconds), "1 s");
        assert_eq!(tick(10_000.0, Unit::Bytes), "9.77 KiB");
        assert_eq!(list(&[0.0101, 0.0109], Unit::Seconds), "10.1 / 10.9 ms");
        assert_eq!(list(&[1.0, 1000.0], Unit::Count), "1 / 1,000");
    }

    #[test]
    fn a_spread_uses_the_medians_unit() {
        assert_eq!(
            with_spread(0.0451, 0.0095, 0.1523, Unit::Seconds),
            "45.1 ms (9.5–152.3)"
        );
        assert_eq!(
            with_spread(46.0, 12.0, 1457.0, Unit::Count),
            "46 (12–1,457)"
        );
    }

    #[test]
    fn ratios_counts_and_changes() {
        assert_eq!(ratio(0.03123), "0.031");
        assert_eq!(ratio(0.114), "0.11");
        assert_eq!(ratio(1.04), "1.0");
        assert_eq!(ratio(12.3), "12");
        assert_eq!(times(31.9), "32×");
        assert_eq!(percent(0.974), "97 %");
        assert_eq!(change(0.50, 0.516), "+3.2 %");
        assert_eq!(change(0.50, 0.498), "−0.4 %");
        assert_eq!(count(24_000_000), "24,000,000");
        assert_eq!(count(999), "999");
    }
}
