//! JSON text in and out of `serde_json::Value`, without serde_json's own
//! parser and printer: those, their error texts and their float code were
//! about 25 KB of the wasm (BENCHMARKS.md). The app keeps `Value` for what
//! it holds; this module is the only place that turns text into one and
//! back.
//!
//! The parser follows RFC 8259 as serde_json does: no trailing commas, no
//! comments, no leading zeros, no control characters in strings, escaped
//! surrogates only in pairs, nothing after the value, numbers that fit an
//! `f64`; a whole number is an `i64`/`u64` when it fits one. Nesting deeper
//! than [`MAX_DEPTH`] is refused, so no input can exhaust the stack. A key
//! given twice keeps its last value, unless the caller asks for
//! [`parse_unique`] (a JWT's rule). Pure, apart from one float conversion
//! each way that the browser does in the wasm: tested natively against
//! serde_json and std, and in the browser (tests/browser.rs).

use std::fmt;

use serde_json::{Map, Number, Value};

/// How deep arrays and objects may nest (serde_json's limit too).
pub const MAX_DEPTH: usize = 128;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    pub line: usize,
    pub column: usize,
    pub problem: Problem,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    Syntax(&'static str),
    /// The key an object held twice ([`parse_unique`] only).
    DuplicateKey(String),
}

/// What went wrong, without where: "expected `:`".
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Syntax(what) => f.write_str(what),
            Problem::DuplicateKey(key) => write!(f, "the key \"{key}\" is given twice"),
        }
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at line {} column {}", self.problem, self.line, self.column)
    }
}

/// One JSON value, with nothing but whitespace around it.
pub fn parse(text: &str) -> Result<Value, JsonError> {
    Parser { text, at: 0, unique: false }.document()
}

/// As [`parse`], but an object that holds a key twice is an error.
pub fn parse_unique(text: &str) -> Result<Value, JsonError> {
    Parser { text, at: 0, unique: true }.document()
}

/// Compact JSON text (no spaces), keys in the order `Value` keeps them.
pub fn write(value: &Value) -> String {
    let mut out = String::new();
    write_to(&mut out, value);
    out
}

/// An object of these fields.
pub fn object<const N: usize>(fields: [(&str, Value); N]) -> Value {
    Value::Object(fields.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
}

/// A number as JSON writes it: "42", "-3", "8.5".
pub fn number_text(n: &Number) -> String {
    if let Some(i) = n.as_i64() {
        i.to_string()
    } else if let Some(u) = n.as_u64() {
        u.to_string()
    } else {
        float_text(n.as_f64().unwrap_or_default())
    }
}

fn write_to(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&number_text(n)),
        Value::String(s) => write_string(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_to(out, item);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (key, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(out, key);
                out.push(':');
                write_to(out, item);
            }
            out.push('}');
        }
    }
}

fn write_string(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        if escape.is_empty() {
            out.push_str("\\u00");
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 0xf)] as char);
        } else {
            out.push_str(escape);
        }
        start = i + 1;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

struct Parser<'a> {
    text: &'a str,
    at: usize,
    unique: bool,
}

type Parsed<T> = Result<T, JsonError>;

impl Parser<'_> {
    fn document(mut self) -> Parsed<Value> {
        let value = self.value(0)?;
        self.skip_space();
        if self.at < self.text.len() {
            return Err(self.error("trailing characters"));
        }
        Ok(value)
    }

    fn error(&self, what: &'static str) -> JsonError {
        self.problem(Problem::Syntax(what))
    }

    /// Line and column (in characters) of the byte the parser stopped at.
    fn problem(&self, problem: Problem) -> JsonError {
        let mut at = self.at.min(self.text.len());
        while !self.text.is_char_boundary(at) {
            at -= 1;
        }
        let before = &self.text[..at];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        JsonError {
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
            problem,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// Skips whitespace, then the byte `b` if it comes next.
    fn skip(&mut self, b: u8) -> bool {
        self.skip_space();
        let next = self.peek() == Some(b);
        if next {
            self.at += 1;
        }
        next
    }

    /// Skips whitespace and the byte `b`, or fails with `what`.
    fn expect(&mut self, b: u8, what: &'static str) -> Parsed<()> {
        if self.skip(b) {
            Ok(())
        } else {
            Err(self.error(what))
        }
    }

    /// After an array's or object's item: `true` at its closing byte,
    /// `false` after the comma before the next item.
    fn item_end(&mut self, close: u8, what: &'static str) -> Parsed<bool> {
        if self.skip(close) {
            Ok(true)
        } else {
            self.expect(b',', what).map(|()| false)
        }
    }

    fn value(&mut self, depth: usize) -> Parsed<Value> {
        self.skip_space();
        match self.peek() {
            None => Err(self.error("unexpected end of the text")),
            Some(b'n') => self.word("null", Value::Null),
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'"') => Ok(Value::String(self.string()?)),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'[') => self.array(depth + 1),
            Some(b'{') => self.object(depth + 1),
            Some(_) => Err(self.error("expected a value")),
        }
    }

    fn word(&mut self, word: &'static str, value: Value) -> Parsed<Value> {
        if self.text[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.error("expected a value"))
        }
    }

    fn nest(&self, depth: usize) -> Parsed<()> {
        if depth > MAX_DEPTH {
            Err(self.error("nested too deeply"))
        } else {
            Ok(())
        }
    }

    fn array(&mut self, depth: usize) -> Parsed<Value> {
        self.nest(depth)?;
        self.at += 1;
        let mut items = Vec::new();
        if self.skip(b']') {
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value(depth)?);
            if self.item_end(b']', "expected `,` or `]`")? {
                return Ok(Value::Array(items));
            }
        }
    }

    fn object(&mut self, depth: usize) -> Parsed<Value> {
        self.nest(depth)?;
        self.at += 1;
        let mut map = Map::new();
        if self.skip(b'}') {
            return Ok(Value::Object(map));
        }
        loop {
            self.skip_space();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a key in double quotes"));
            }
            let key_at = self.at;
            let key = self.string()?;
            self.expect(b':', "expected `:`")?;
            let item = self.value(depth)?;
            if self.unique && map.contains_key(&key) {
                self.at = key_at;
                return Err(self.problem(Problem::DuplicateKey(key)));
            }
            map.insert(key, item);
            if self.item_end(b'}', "expected `,` or `}`")? {
                return Ok(Value::Object(map));
            }
        }
    }

    /// A string, the parser at its opening quote.
    fn string(&mut self) -> Parsed<String> {
        self.at += 1;
        let mut out = String::new();
        let mut start = self.at;
        loop {
            match self.peek() {
                None => return Err(self.error("unterminated string")),
                Some(b'"') => {
                    out.push_str(&self.text[start..self.at]);
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    out.push_str(&self.text[start..self.at]);
                    self.at += 1;
                    let c = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => self.unicode_escape()?,
                        _ => return Err(self.error("invalid escape")),
                    };
                    out.push(c);
                    self.at += 1;
                    start = self.at;
                }
                Some(0..=0x1f) => return Err(self.error("control character in a string")),
                Some(_) => self.at += 1,
            }
        }
    }

    /// `\uXXXX` (or a surrogate pair of them), the parser at the `u`; leaves
    /// the parser at the escape's last digit.
    fn unicode_escape(&mut self) -> Parsed<char> {
        let first = self.hex4()?;
        let code = match first {
            0xd800..=0xdbff => {
                if !self.text[self.at + 1..].starts_with("\\u") {
                    return Err(self.error("lone surrogate in an escape"));
                }
                self.at += 2;
                let second = self.hex4()?;
                if !(0xdc00..=0xdfff).contains(&second) {
                    return Err(self.error("lone surrogate in an escape"));
                }
                0x10000 + ((first - 0xd800) << 10) + (second - 0xdc00)
            }
            0xdc00..=0xdfff => return Err(self.error("lone surrogate in an escape")),
            _ => first,
        };
        char::from_u32(code).ok_or_else(|| self.error("invalid escape"))
    }

    /// Four hex digits after the byte the parser is at; leaves it at the last.
    fn hex4(&mut self) -> Parsed<u32> {
        let digits = self.text.get(self.at + 1..self.at + 5).filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()));
        let Some(digits) = digits else {
            return Err(self.error("invalid escape"));
        };
        self.at += 4;
        u32::from_str_radix(digits, 16).map_err(|_| self.error("invalid escape"))
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        self.at - start
    }

    fn number(&mut self) -> Parsed<Value> {
        let start = self.at;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.at += 1;
        }
        let int_at = self.at;
        let int_digits = self.digits();
        if int_digits == 0 {
            return Err(self.error("invalid number"));
        }
        if int_digits > 1 && self.text.as_bytes()[int_at] == b'0' {
            self.at = int_at + 1;
            return Err(self.error("invalid number"));
        }
        let mut whole = true;
        if self.peek() == Some(b'.') {
            whole = false;
            self.at += 1;
            if self.digits() == 0 {
                return Err(self.error("invalid number"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            whole = false;
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err(self.error("invalid number"));
            }
        }
        let text = &self.text[start..self.at];
        if whole {
            if negative {
                if let Ok(i) = text.parse::<i64>() {
                    // "-0" is a float, as in serde_json.
                    return Ok(if i == 0 { float(-0.0) } else { Value::Number(i.into()) });
                }
            } else if let Ok(u) = text.parse::<u64>() {
                return Ok(Value::Number(u.into()));
            }
        }
        match parse_float(text) {
            Some(x) if x.is_finite() => Ok(float(x)),
            _ => {
                self.at = start;
                Err(self.error("number out of range"))
            }
        }
    }
}

fn float(x: f64) -> Value {
    Number::from_f64(x).map_or(Value::Null, Value::Number)
}

/// A JSON number's text as an `f64`. In the wasm the browser converts it:
/// core's float parser and its tables are about 10 KB.
#[cfg(target_arch = "wasm32")]
fn parse_float(text: &str) -> Option<f64> {
    Some(js_sys::Number::parse_float(text)).filter(|x| !x.is_nan())
}

#[cfg(not(target_arch = "wasm32"))]
fn parse_float(text: &str) -> Option<f64> {
    text.parse().ok()
}

/// The shortest text that reads back as `x` ("8.5", "1e+21").
#[cfg(target_arch = "wasm32")]
fn float_text(x: f64) -> String {
    String::from(js_sys::Number::from(x).to_string_with_radix(10).unwrap_or_else(|_| "0".into()))
}

#[cfg(not(target_arch = "wasm32"))]
fn float_text(x: f64) -> String {
    // Debug keeps a ".0" on whole floats ("3.0"), as serde_json writes them.
    format!("{x:?}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    #[test]
    fn reads_every_kind_of_value() {
        let text = r#" { "a": [1, -2, 3.5, -0.25e2, 1E3, 0, true, false, null],
            "s": "q\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00é", "o": {}, "e": [] } "#;
        assert_eq!(
            parse(text).unwrap(),
            json!({ "a": [1, -2, 3.5, -25.0, 1000.0, 0, true, false, null],
                    "s": "q\"\\/\u{8}\u{c}\n\r\té😀é", "o": {}, "e": [] })
        );
    }

    #[test]
    fn whole_numbers_are_integers_when_they_fit() {
        assert_eq!(parse("9007199254740993").unwrap().as_u64(), Some(9_007_199_254_740_993));
        assert_eq!(parse("-9223372036854775808").unwrap().as_i64(), Some(i64::MIN));
        assert_eq!(parse("18446744073709551615").unwrap().as_u64(), Some(u64::MAX));
        assert_eq!(parse("18446744073709551616").unwrap().as_f64(), Some(18446744073709551616.0));
        assert_eq!(parse("-0").unwrap(), serde_json::from_str::<Value>("-0").unwrap());
        assert!(parse("1.0").unwrap().is_f64());
    }

    #[test]
    fn refuses_what_json_does_not_allow() {
        for bad in [
            "", " ", "{", "[1,]", "{\"a\":1,}", "[1 2]", "{'a':1}", "{a:1}", "01", "-", "1.", ".5", "1e", "+1",
            "NaN", "Infinity", "1e400", "-1e400", "nul", "tru", "\"abc", "\"a\nb\"", "\"\\x\"", "\"\\u12\"",
            "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"", "[1] [2]", "{} x", "{\"a\" 1}", "[", "]", "\u{feff}1",
            "// c\n1",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} was accepted");
            assert!(serde_json::from_str::<Value>(bad).is_err(), "{bad:?}: serde_json accepts it");
        }
    }

    #[test]
    fn says_where_it_went_wrong() {
        let e = parse("{\"id\": 1,\n }").unwrap_err();
        assert_eq!((e.line, e.column), (2, 2));
        assert_eq!(e.to_string(), "expected a key in double quotes at line 2 column 2");
        let e = parse("[\"é\", x]").unwrap_err();
        assert_eq!((e.line, e.column), (1, 7), "columns count characters");
        assert_eq!(parse("[1] x").unwrap_err().to_string(), "trailing characters at line 1 column 5");
    }

    #[test]
    fn depth_is_limited() {
        let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse(&ok).is_ok());
        let deep = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        assert_eq!(parse(&deep).unwrap_err().problem, Problem::Syntax("nested too deeply"));
        let very_deep = "{\"a\":".repeat(100_000);
        assert!(parse(&very_deep).is_err());
    }

    #[test]
    fn duplicate_keys_keep_the_last_or_are_refused() {
        let text = r#"{"sub": 1, "x": {"k": 1, "k": 2}, "sub": 2}"#;
        assert_eq!(parse(text).unwrap(), json!({ "sub": 2, "x": { "k": 2 } }));
        let e = parse_unique(text).unwrap_err();
        assert_eq!(e.problem, Problem::DuplicateKey("k".into()));
        assert_eq!(parse_unique(r#"{"a":1,"\u0061":2}"#).unwrap_err().problem, Problem::DuplicateKey("a".into()));
        assert!(parse_unique(r#"{"a":1,"b":{"a":2}}"#).is_ok(), "the same key in another object is fine");
    }

    #[test]
    fn writes_compact_json() {
        let v = json!({ "b": [1, -2, 2.5, true, null], "a": "x\"\\\n\u{1}\u{7f}é😀", "c": {} });
        assert_eq!(write(&v), serde_json::to_string(&v).unwrap());
        assert_eq!(write(&json!(3.0)), "3.0");
        assert_eq!(write(&json!(u64::MAX)), "18446744073709551615");
        assert_eq!(number_text(&Number::from(-7)), "-7");
    }

    fn any_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(|i| json!(i)),
            any::<u64>().prop_map(|u| json!(u)),
            any::<f64>().prop_filter("finite", |x| x.is_finite()).prop_map(|x| json!(x)),
            any::<String>().prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 64, 8, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
                prop::collection::btree_map(any::<String>(), inner, 0..8)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn reads_back_what_serde_json_writes(v in any_value()) {
            prop_assert_eq!(parse(&serde_json::to_string(&v).unwrap()).unwrap(), v.clone());
            prop_assert_eq!(parse(&serde_json::to_string_pretty(&v).unwrap()).unwrap(), v);
        }

        #[test]
        fn reads_back_what_it_writes(v in any_value()) {
            let text = write(&v);
            // serde_json's own float reading is best-effort (not exact), so
            // its answer is compared with the exact one only for its shape.
            prop_assert!(serde_json::from_str::<Value>(&text).is_ok(), "{}", text);
            prop_assert_eq!(parse(&text).unwrap(), v);
        }

        #[test]
        fn accepts_exactly_what_serde_json_accepts(text in r#"[\[\]{}",:0-9.eE+\-a-z\\ \n]{0,24}"#) {
            prop_assert_eq!(parse(&text).is_ok(), serde_json::from_str::<Value>(&text).is_ok(), "{:?}", text);
        }

        #[test]
        fn never_panics(text in any::<String>()) {
            let _ = parse(&text);
            let _ = parse_unique(&text);
        }
    }
}
