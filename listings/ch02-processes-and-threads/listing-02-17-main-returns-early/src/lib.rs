//! The two performers of the note's threading programs, and `time.ctime()`.

use std::thread;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// How long the dancer waits before its first step. Without it, the two
/// threads would print at the same instants and the scheduler would pick
/// the order of each pair of lines.
pub const DANCE_OFFSET: Duration = Duration::from_millis(300);

/// Prints three lines, one a second.
pub fn sing() {
    for i in 0..3 {
        println!("正在唱歌...{i}");
        thread::sleep(Duration::from_secs(1));
    }
}

/// Prints three lines, one a second, starting [`DANCE_OFFSET`] late.
pub fn dance() {
    thread::sleep(DANCE_OFFSET);
    for i in 0..3 {
        println!("正在跳舞...{i}");
        thread::sleep(Duration::from_secs(1));
    }
}

/// The time now, as Python's `time.ctime()` writes it, in UTC:
/// `Sat Nov 21 22:58:45 2026`.
pub fn ctime() -> String {
    format_ctime(SystemTime::now())
}

/// The standard library measures time but has no calendar, so this turns
/// seconds since the Unix epoch into a date itself.
fn format_ctime(time: SystemTime) -> String {
    const WEEKDAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]; // 1970-01-01 was a Thursday
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let seconds = time
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_secs());
    let days = seconds / 86_400;
    let (year, month, day) = civil_from_days(days);
    let second_of_day = seconds % 86_400;
    format!(
        "{} {} {day:2} {:02}:{:02}:{:02} {year}",
        WEEKDAYS[(days % 7) as usize],
        MONTHS[month - 1],
        second_of_day / 3600,
        second_of_day / 60 % 60,
        second_of_day % 60,
    )
}

/// Year, month (1 to 12) and day of the month for a count of days since
/// 1970-01-01: Howard Hinnant's `civil_from_days`, which counts years from
/// March so that the leap day comes last.
fn civil_from_days(days: u64) -> (u64, usize, u64) {
    let shifted = days + 719_468; // days from 0000-03-01
    let era = shifted / 146_097;
    let day_of_era = shifted % 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + u64::from(month <= 2);
    (year, month as usize, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(seconds: u64) -> String {
        format_ctime(UNIX_EPOCH + Duration::from_secs(seconds))
    }

    #[test]
    fn matches_python_asctime_of_gmtime() {
        assert_eq!(at(0), "Thu Jan  1 00:00:00 1970");
        assert_eq!(at(1_700_000_000), "Tue Nov 14 22:13:20 2023");
        assert_eq!(at(1_709_164_800), "Thu Feb 29 00:00:00 2024");
        assert_eq!(at(951_782_400), "Tue Feb 29 00:00:00 2000");
        assert_eq!(at(4_102_444_800), "Fri Jan  1 00:00:00 2100");
    }
}
