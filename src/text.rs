//! Unicode lower case without carrying Unicode's case tables in the wasm.
//!
//! `str::to_lowercase` brings about 11 KB of tables and the code to walk
//! them. In the browser the same mapping (Unicode's default case
//! conversion) is `String.prototype.toLowerCase`, so the wasm asks it;
//! natively (the unit tests) it is the standard library's. Text that is
//! known to be ASCII uses `to_ascii_lowercase` instead.

/// `s` in lower case, by Unicode's default case conversion.
pub fn lower(s: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        String::from(js_sys::JsString::from(s).to_lower_case())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        s.to_lowercase()
    }
}

/// Each title's place in the user's order of titles: the browser's
/// `Intl.Collator` for the user's language, with numbers compared as
/// numbers ("Part 2" before "Part 10"). Equal titles share a place. The
/// sort runs in the browser in one call; natively (the unit tests) the
/// order is by lower case.
pub fn collation_ranks(titles: &[&str]) -> Vec<u32> {
    let sorted = collated(titles).unwrap_or_else(|| {
        let mut v: Vec<String> = titles.iter().map(|t| t.to_string()).collect();
        v.sort_by_cached_key(|t| lower(t));
        v
    });
    let mut place = std::collections::HashMap::with_capacity(sorted.len());
    for (i, t) in sorted.into_iter().enumerate() {
        place.entry(t).or_insert(i as u32);
    }
    titles.iter().map(|t| place.get(*t).copied().unwrap_or(u32::MAX)).collect()
}

#[cfg(target_arch = "wasm32")]
fn collated(titles: &[&str]) -> Option<Vec<String>> {
    use wasm_bindgen::{JsCast, JsValue};
    let list: js_sys::Array = titles.iter().map(|t| JsValue::from_str(t)).collect();
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"numeric".into(), &JsValue::TRUE).ok()?;
    let collator = js_sys::Intl::Collator::new(&js_sys::Array::new(), &options);
    let sort: js_sys::Function = js_sys::Reflect::get(&list, &"sort".into()).ok()?.dyn_into().ok()?;
    sort.call1(&list, &collator.compare()).ok()?;
    Some(list.iter().map(|v| v.as_string().unwrap_or_default()).collect())
}

#[cfg(not(target_arch = "wasm32"))]
fn collated(_: &[&str]) -> Option<Vec<String>> {
    None
}

/// A country's name in the user's language ("Japan" for `JP`), by the
/// browser's `Intl.DisplayNames`; the code itself where the browser has
/// no name for it (or no `Intl.DisplayNames`), or natively.
pub fn region_name(code: &str) -> String {
    region_named(code).unwrap_or_else(|| code.to_string())
}

#[cfg(target_arch = "wasm32")]
fn region_named(code: &str) -> Option<String> {
    use wasm_bindgen::JsValue;
    // `of` throws on a code that is not one.
    if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let intl = js_sys::Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    if !js_sys::Reflect::has(&intl, &"DisplayNames".into()).ok()? {
        return None;
    }
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"type".into(), &"region".into()).ok()?;
    js_sys::Reflect::set(&options, &"fallback".into(), &JsValue::from_str("none")).ok()?;
    js_sys::Intl::DisplayNames::new(&js_sys::Array::new(), &options).of(code).map(String::from)
}

#[cfg(not(target_arch = "wasm32"))]
fn region_named(_: &str) -> Option<String> {
    None
}

/// 1500 as "1,500" (the browser's number formatting).
pub fn group_digits(n: usize) -> String {
    js_sys::Number::from(n as f64).to_locale_string("en").into()
}

/// The parts there are, between dots: "TV · 1998".
pub fn dotted(parts: impl IntoIterator<Item = Option<String>>) -> String {
    parts.into_iter().flatten().collect::<Vec<_>>().join(" · ")
}

/// A title's format and the year it began, as the lists of titles show
/// them: "TV · 1998", "Movie", "" (either may be unknown).
pub fn format_year(format: Option<crate::media::MediaFormat>, year: Option<i32>) -> String {
    dotted([format.map(|f| f.label().to_string()), year.map(|y| y.to_string())])
}

/// What a text from AniList says, trimmed; none when it is missing or
/// blank.
pub fn said(text: Option<&str>) -> Option<&str> {
    text.map(str::trim).filter(|t| !t.is_empty())
}

/// "1 entry", "1,204 entries".
pub fn entries(n: usize) -> String {
    format!("{} {}", group_digits(n), if n == 1 { "entry" } else { "entries" })
}

/// `n` and the noun, singular for one: "1 episode", "26 episodes" (nouns
/// whose plural takes an s).
pub fn count(n: impl Into<u64>, noun: &str) -> String {
    let n = n.into();
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

/// `s` with its first letter in upper case, for English text (ASCII case:
/// no Unicode tables).
pub fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
}

/// "3 days 18 hours", "45 minutes".
pub fn time_spent(minutes: u64) -> String {
    let (d, h, m) = (minutes / 1440, (minutes % 1440) / 60, minutes % 60);
    let unit = |n: u64, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match (d, h) {
        (0, 0) => unit(m, "minute", "minutes"),
        (0, _) => format!("{} {}", unit(h, "hour", "hours"), unit(m, "minute", "minutes")),
        _ => format!("{} {}", unit(d, "day", "days"), unit(h, "hour", "hours")),
    }
}

#[cfg(test)]
mod tests {
    use super::{capitalised, collation_ranks, count, dotted, format_year, lower, said, time_spent};
    use crate::media::MediaFormat;

    #[test]
    fn parts_between_dots() {
        assert_eq!(format_year(Some(MediaFormat::Tv), Some(1998)), "TV · 1998");
        assert_eq!(format_year(None, Some(1998)), "1998");
        assert_eq!(format_year(Some(MediaFormat::Movie), None), "Movie");
        assert_eq!(format_year(None, None), "");
        assert_eq!(dotted([None, Some("a".into()), None, Some("b".into())]), "a · b");
    }

    #[test]
    fn minutes() {
        assert_eq!(time_spent(0), "0 minutes");
        assert_eq!(time_spent(1), "1 minute");
        assert_eq!(time_spent(61), "1 hour 1 minute");
        assert_eq!(time_spent(5424), "3 days 18 hours");
        assert_eq!(time_spent(1440), "1 day 0 hours");
    }

    #[test]
    fn capitalised_upper_cases_the_first_letter_only() {
        assert_eq!((capitalised("most popular"), capitalised(""), capitalised("éa")), ("Most popular".to_string(), String::new(), "éa".to_string()));
    }

    #[test]
    fn one_is_singular() {
        assert_eq!(count(1u32, "episode"), "1 episode");
        assert_eq!(count(26u32, "episode"), "26 episodes");
        assert_eq!(count(0u32, "chapter"), "0 chapters");
    }

    #[test]
    fn ranks_titles_and_equal_ones_share_a_place() {
        assert_eq!(collation_ranks(&["b", "A", "c", "b"]), [1, 0, 3, 1]);
        assert!(collation_ranks(&[]).is_empty());
    }

    #[test]
    fn lowers_beyond_ascii() {
        assert_eq!(lower("ŌKAMI Shōnen ÄÖÜ"), "ōkami shōnen äöü");
        assert_eq!(lower("Σ ΑΒΓ"), "σ αβγ");
        assert_eq!(lower(""), "");
    }

    #[test]
    fn said_is_what_a_text_says() {
        assert_eq!(said(Some("  Set in space. ")), Some("Set in space."));
        assert_eq!(said(Some(" \n ")), None);
        assert_eq!(said(None), None);
    }
}
