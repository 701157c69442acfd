//! Decimal numbers in and out without core's float formatting and parsing:
//! `f64`'s `Display` and `FromStr` bring about 25 KB of code and tables into
//! the wasm, and the app only ever needs a digit after the point. Pure.

/// `x` rounded to `decimals` digits after the point (0, 1 or 2): "8.5",
/// "85", "-0.5". Not for NaN or infinities (they come out as 0 or saturate).
pub fn fixed(x: f64, decimals: u32) -> String {
    let decimals = decimals.min(2);
    let scale = 10i64.pow(decimals);
    let n = (x * scale as f64).round() as i64;
    let sign = if n < 0 { "-" } else { "" };
    let n = n.unsigned_abs();
    let scale = scale as u64;
    if decimals == 0 {
        format!("{sign}{n}")
    } else {
        format!("{sign}{}.{:0w$}", n / scale, n % scale, w = decimals as usize)
    }
}

/// `x` with one digit after the point when it has one: "8.5", "85".
pub fn short(x: f64) -> String {
    fixed(x, if (x * 10.0).round() % 10.0 == 0.0 { 0 } else { 1 })
}

/// A decimal number as a person types it: digits with at most one point
/// ("8", "8.5", ".5", "8."). No sign, no exponent; at most 15 digits before
/// the point and 32 after it, of which the first 9 count.
pub fn parse_decimal(text: &str) -> Option<f64> {
    let (whole, frac) = text.split_once('.').unwrap_or((text, ""));
    if whole.len() + frac.len() == 0
        || whole.len() > 15
        || frac.len() > 32
        || !whole.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let frac = &frac[..frac.len().min(9)];
    let int = |s: &str| if s.is_empty() { Some(0u64) } else { s.parse::<u64>().ok() };
    Some(int(whole)? as f64 + int(frac)? as f64 / 10f64.powi(frac.len() as i32))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_rounds_half_away_from_zero() {
        assert_eq!(fixed(8.5, 1), "8.5");
        assert_eq!(fixed(8.0, 1), "8.0");
        assert_eq!(fixed(72.25, 1), "72.3");
        assert_eq!(fixed(72.24, 1), "72.2");
        assert_eq!(fixed(85.0, 0), "85");
        assert_eq!(fixed(84.5, 0), "85");
        assert_eq!(fixed(0.04, 1), "0.0");
        assert_eq!(fixed(-0.5, 1), "-0.5");
        assert_eq!(fixed(1.005, 2), "1.00"); // 1.005 is 1.00499… in binary
        assert_eq!(fixed(3.14159, 2), "3.14");
        assert_eq!(fixed(100.0, 5), "100.00", "more than two places are not offered");
    }

    #[test]
    fn fixed_agrees_with_core_on_many_values() {
        for i in 0..2000 {
            let x = i as f64 * 0.37;
            assert_eq!(fixed(x, 0), format!("{}", x.round()), "{x}");
            // core rounds ties to even in {:.1}; away from ties they agree.
            let tenths = x * 10.0;
            if (tenths - tenths.floor() - 0.5).abs() > 1e-6 {
                assert_eq!(fixed(x, 1), format!("{x:.1}"), "{x}");
            }
        }
    }

    #[test]
    fn short_keeps_a_decimal_only_when_there_is_one() {
        assert_eq!(short(85.0), "85");
        assert_eq!(short(8.5), "8.5");
        assert_eq!(short(0.0), "0");
        assert_eq!(short(7.96), "8");
    }

    #[test]
    fn parse_decimal_takes_what_people_type() {
        assert_eq!(parse_decimal("8"), Some(8.0));
        assert_eq!(parse_decimal("8.5"), Some(8.5));
        assert_eq!(parse_decimal(".5"), Some(0.5));
        assert_eq!(parse_decimal("8."), Some(8.0));
        assert_eq!(parse_decimal("085"), Some(85.0));
        assert_eq!(parse_decimal("1700000000.123456").map(f64::floor), Some(1_700_000_000.0));
        for bad in ["", ".", "-1", "+1", "1e3", "1.2.3", " 1", "1 ", "abc", "٣", "1234567890123456", "1.000000000000000000000000000000001", "NaN", "inf"] {
            assert_eq!(parse_decimal(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn parse_decimal_agrees_with_core() {
        for s in ["0", "0.1", "0.25", "9.9", "10", "99.5", "100", "12.75", "3.333", "253402300799"] {
            assert_eq!(parse_decimal(s), s.parse::<f64>().ok(), "{s}");
        }
    }
}
