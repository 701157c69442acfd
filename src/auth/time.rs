//! Times shown to a person: "in 11 months", "364 d 23 h 59 m", a local date
//! and time. Choosing the unit is pure (tested natively); the words come
//! from the browser's `Intl` (through js-sys), so they follow the person's
//! language without a date crate in the wasm.

use js_sys::{Array, Date, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Month,
    Year,
}

impl Unit {
    /// The unit name `Intl.RelativeTimeFormat` takes.
    pub fn intl_name(self) -> &'static str {
        match self {
            Unit::Second => "second",
            Unit::Minute => "minute",
            Unit::Hour => "hour",
            Unit::Day => "day",
            Unit::Month => "month",
            Unit::Year => "year",
        }
    }
}

const MINUTE: i64 = 60;
const HOUR: i64 = 60 * MINUTE;
const DAY: i64 = 24 * HOUR;
/// The mean Gregorian month, in seconds.
const MONTH: i64 = 2_629_746;
const YEAR: i64 = 365 * DAY;

/// The largest whole unit that fits `delta` seconds (negative: the past),
/// counting down, so a token with 364.9 days left is "in 11 months".
pub fn relative_parts(delta: i64) -> (i64, Unit) {
    let a = delta.unsigned_abs() as i64;
    let sign = if delta < 0 { -1 } else { 1 };
    let (n, unit) = if a < MINUTE {
        (a, Unit::Second)
    } else if a < HOUR {
        (a / MINUTE, Unit::Minute)
    } else if a < DAY {
        (a / HOUR, Unit::Hour)
    } else if a < 30 * DAY {
        (a / DAY, Unit::Day)
    } else if a <= YEAR {
        // A fresh AniList token (exactly a year) reads "in 11 months".
        ((a / MONTH).max(1), Unit::Month)
    } else {
        (a / YEAR, Unit::Year)
    };
    (sign * n, unit)
}

/// A countdown such as "364 d 23 h 59 m 58 s"; "0 s" once it has passed.
pub fn countdown(secs: i64) -> String {
    let s = secs.max(0);
    let (d, h, m, sec) = (s / DAY, (s % DAY) / HOUR, (s % HOUR) / MINUTE, s % MINUTE);
    if d > 0 {
        format!("{d} d {h} h {m} m {sec} s")
    } else if h > 0 {
        format!("{h} h {m} m {sec} s")
    } else if m > 0 {
        format!("{m} m {sec} s")
    } else {
        format!("{sec} s")
    }
}

/// Seconds since the epoch, now, from the browser's clock.
pub fn now_secs() -> i64 {
    (Date::now() / 1000.0).floor() as i64
}

/// "in 11 months", "3 days ago", in the browser's language.
pub fn relative_words(delta: i64) -> String {
    let (n, unit) = relative_parts(delta);
    let options = Object::new();
    let _ = Reflect::set(&options, &"numeric".into(), &"auto".into());
    let format = Intl::RelativeTimeFormat::new(&Array::new(), &options);
    String::from(format.format(n as f64, unit.intl_name()))
}

/// A local date and time such as "22 Nov 2027, 14:05", in the browser's
/// language and time zone.
pub fn local_date_time(epoch_secs: i64) -> String {
    local_format(epoch_secs, &[("dateStyle", "medium"), ("timeStyle", "short")])
}

/// A time in the browser's language and time zone, with
/// `Intl.DateTimeFormat`'s `options` (`[("timeStyle", "short")]`: "14:05").
pub fn local_format(epoch_secs: i64, options: &[(&str, &str)]) -> String {
    let date = Date::new(&JsValue::from_f64(epoch_secs as f64 * 1000.0));
    // Out of the Date range: formatting it would throw.
    if date.get_time().is_nan() {
        return String::new();
    }
    let opts = Object::new();
    for (k, v) in options {
        let _ = Reflect::set(&opts, &(*k).into(), &(*v).into());
    }
    let format = Intl::DateTimeFormat::new(&Array::new(), &opts);
    let f = format.format();
    f.call1(&JsValue::UNDEFINED, &date)
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| String::from(date.to_iso_string()))
}

/// A time as a `<time datetime>` takes it (`2026-12-05T09:30:00.000Z`);
/// empty when out of the Date range.
pub fn iso(epoch_secs: i64) -> String {
    let date = Date::new(&JsValue::from_f64(epoch_secs as f64 * 1000.0));
    if date.get_time().is_nan() {
        return String::new();
    }
    date.to_iso_string().into()
}

/// "Updated 3 min ago", "Updated just now": how old a copy of AniList's
/// data is (JavaScript times, ms).
pub fn updated_words(fetched_at: f64, now: f64) -> String {
    let mins = ((now - fetched_at) / 60_000.0).floor().max(0.0) as u64;
    match mins {
        0 => "Updated just now".into(),
        1 => "Updated 1 min ago".into(),
        m if m < 120 => format!("Updated {m} min ago"),
        m => format!("Updated {} h ago", m / 60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn updated_in_words() {
        assert_eq!(updated_words(0.0, 30_000.0), "Updated just now");
        assert_eq!(updated_words(0.0, 61_000.0), "Updated 1 min ago");
        assert_eq!(updated_words(0.0, 7_200_000.0), "Updated 2 h ago");
    }


    #[test]
    fn units() {
        assert_eq!(relative_parts(0), (0, Unit::Second));
        assert_eq!(relative_parts(59), (59, Unit::Second));
        assert_eq!(relative_parts(60), (1, Unit::Minute));
        assert_eq!(relative_parts(-90), (-1, Unit::Minute));
        assert_eq!(relative_parts(3 * HOUR + 59 * MINUTE), (3, Unit::Hour));
        assert_eq!(relative_parts(DAY), (1, Unit::Day));
        assert_eq!(relative_parts(14 * DAY), (14, Unit::Day));
        assert_eq!(relative_parts(-29 * DAY), (-29, Unit::Day));
        assert_eq!(relative_parts(30 * DAY), (1, Unit::Month));
        assert_eq!(relative_parts(31_536_000 - 5), (11, Unit::Month), "a fresh AniList token");
        assert_eq!(relative_parts(YEAR), (11, Unit::Month));
        assert_eq!(relative_parts(YEAR + 1), (1, Unit::Year));
        assert_eq!(relative_parts(-3 * YEAR - DAY), (-3, Unit::Year));
        assert_eq!(relative_parts(i64::MIN + 1).1, Unit::Year);
    }

    #[test]
    fn countdowns() {
        assert_eq!(countdown(31_536_000 - 2), "364 d 23 h 59 m 58 s");
        assert_eq!(countdown(HOUR + 1), "1 h 0 m 1 s");
        assert_eq!(countdown(61), "1 m 1 s");
        assert_eq!(countdown(5), "5 s");
        assert_eq!(countdown(-5), "0 s");
    }
}
