//! Reading an AniList access token: a JWT (RS256) whose payload holds the
//! user id (`sub`), the expiry (`exp`) and a few more claims.
//!
//! The signature cannot be checked in the browser (AniList publishes no
//! key), so every claim is a hint; the API's answer is the truth. What can
//! be checked is the shape, and each way a token can be malformed has its
//! own error and message. Pure: no `web_sys`, tested natively.

use std::fmt;

use base64::alphabet;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use base64::Engine as _;
use serde_json::{Map, Value};

/// Larger than any real AniList token (~1,200 characters) by far.
pub const MAX_TOKEN_LEN: usize = 16 * 1024;
/// Clock difference allowed when checking `exp` and `nbf`, in seconds.
pub const LEEWAY_SECS: i64 = 60;
/// Latest NumericDate accepted: 9999-12-31T23:59:59Z.
const MAX_NUMERIC_DATE: f64 = 253_402_300_799.0;

/// base64url, padding optional (JWTs omit it; some tools add it).
const B64URL: GeneralPurpose = GeneralPurpose::new(
    &alphabet::URL_SAFE,
    GeneralPurposeConfig::new()
        .with_decode_padding_mode(DecodePaddingMode::Indifferent)
        .with_decode_allow_trailing_bits(true),
);

/// The parts of a JWT, for messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Header,
    Payload,
    Signature,
}

impl fmt::Display for Part {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Part::Header => "header",
            Part::Payload => "payload",
            Part::Signature => "signature",
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum JwtError {
    #[error("The token is empty.")]
    Empty,
    #[error("The token is too long ({0} characters); an AniList token is about 1,200.")]
    TooLarge(usize),
    #[error("The token contains spaces or other characters a token never has; copy it again, whole.")]
    BadCharacter,
    #[error("A token has three parts separated by dots; this one has {0}. It may be cut off or be something else.")]
    SegmentCount(usize),
    #[error("The token's {0} is empty.")]
    EmptyPart(Part),
    #[error("The token's {0} is not valid base64url; it may be damaged or cut off.")]
    BadBase64(Part),
    #[error("The token's {0} is not text (UTF-8).")]
    NotUtf8(Part),
    #[error("The token's {0} is not JSON.")]
    NotJson(Part),
    #[error("The token's {part} must be a JSON object, not {found}.")]
    NotObject { part: Part, found: &'static str },
    #[error("The token is unsigned (alg \"none\"); AniList never issues those.")]
    Unsigned,
    #[error("The token's header has no signing algorithm (alg).")]
    MissingAlg,
    #[error("The token has no \"{0}\" claim.")]
    MissingClaim(&'static str),
    #[error("The token's \"{claim}\" claim should be {expected}.")]
    WrongType {
        claim: &'static str,
        expected: &'static str,
    },
}

/// The JOSE header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    pub alg: String,
    pub typ: Option<String>,
    pub kid: Option<String>,
    pub jti: Option<String>,
}

/// The claims AniList puts in its tokens. Times are seconds since the epoch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Claims {
    /// The AniList user id.
    pub sub: u64,
    pub exp: i64,
    pub iat: Option<i64>,
    pub nbf: Option<i64>,
    /// The client id(s) the token was issued to.
    pub aud: Vec<String>,
    pub jti: Option<String>,
    pub scopes: Vec<String>,
}

/// A token whose shape has been checked, with what it says.
#[derive(Clone, PartialEq, Eq)]
pub struct DecodedToken {
    pub header: Header,
    pub claims: Claims,
}

impl fmt::Debug for DecodedToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DecodedToken")
            .field("header", &self.header)
            .field("claims", &self.claims)
            .finish()
    }
}

/// Reads a token's header and payload. Surrounding white space (from a
/// paste) is ignored; anything else out of place is an error.
pub fn decode(token: &str) -> Result<DecodedToken, JwtError> {
    let token = token.trim();
    if token.is_empty() {
        return Err(JwtError::Empty);
    }
    if token.len() > MAX_TOKEN_LEN {
        return Err(JwtError::TooLarge(token.chars().count()));
    }
    let parts: Vec<&str> = token.split('.').collect();
    if parts.len() != 3 {
        return Err(JwtError::SegmentCount(parts.len()));
    }
    if !token
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'=' | b'+' | b'/'))
    {
        return Err(JwtError::BadCharacter);
    }
    let header = json_object(parts[0], Part::Header)?;
    let payload = json_object(parts[1], Part::Payload)?;
    let header = read_header(&header)?;
    if parts[2].is_empty() {
        return Err(JwtError::EmptyPart(Part::Signature));
    }
    if B64URL.decode(parts[2]).is_err() {
        return Err(JwtError::BadBase64(Part::Signature));
    }
    let claims = read_claims(&payload)?;
    Ok(DecodedToken { header, claims })
}

fn json_object(segment: &str, part: Part) -> Result<Map<String, Value>, JwtError> {
    if segment.is_empty() {
        return Err(JwtError::EmptyPart(part));
    }
    let bytes = B64URL.decode(segment).map_err(|_| JwtError::BadBase64(part))?;
    let text = std::str::from_utf8(&bytes).map_err(|_| JwtError::NotUtf8(part))?;
    // A claim named twice keeps its last value, as RFC 7519 §4 allows.
    match serde_json::from_str::<Value>(text).map_err(|_| JwtError::NotJson(part))? {
        Value::Object(map) => Ok(map),
        value => Err(JwtError::NotObject { part, found: kind_of(&value) }),
    }
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn read_header(map: &Map<String, Value>) -> Result<Header, JwtError> {
    let alg = match map.get("alg") {
        None | Some(Value::Null) => return Err(JwtError::MissingAlg),
        Some(Value::String(s)) if s.eq_ignore_ascii_case("none") => return Err(JwtError::Unsigned),
        Some(Value::String(s)) if !s.is_empty() => s.clone(),
        Some(_) => {
            return Err(JwtError::WrongType {
                claim: "alg",
                expected: "a name such as RS256",
            })
        }
    };
    Ok(Header {
        alg,
        typ: opt_string(map, "typ")?,
        kid: opt_string(map, "kid")?,
        jti: opt_string(map, "jti")?,
    })
}

fn opt_string(map: &Map<String, Value>, claim: &'static str) -> Result<Option<String>, JwtError> {
    match map.get(claim) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(JwtError::WrongType {
            claim,
            expected: "text",
        }),
    }
}

fn read_claims(map: &Map<String, Value>) -> Result<Claims, JwtError> {
    let sub = match map.get("sub") {
        None | Some(Value::Null) => return Err(JwtError::MissingClaim("sub")),
        Some(v) => user_id(v).ok_or(JwtError::WrongType {
            claim: "sub",
            expected: "an AniList user id (a whole number)",
        })?,
    };
    let exp = match map.get("exp") {
        None | Some(Value::Null) => return Err(JwtError::MissingClaim("exp")),
        Some(v) => numeric_date(v, "exp")?,
    };
    let iat = opt_date(map, "iat")?;
    let nbf = opt_date(map, "nbf")?;
    // A client id, as a string or a number.
    let client = |v: &Value| match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    };
    let aud = match map.get("aud") {
        None | Some(Value::Null) => Some(Vec::new()),
        Some(Value::Array(items)) => items.iter().map(client).collect(),
        Some(v) => client(v).map(|id| vec![id]),
    }
    .ok_or(JwtError::WrongType {
        claim: "aud",
        expected: "a client id or a list of them",
    })?;
    let jti = opt_string(map, "jti")?;
    let scopes = match map.get("scopes") {
        None | Some(Value::Null) => Some(Vec::new()),
        Some(Value::Array(items)) => items.iter().map(|i| i.as_str().map(str::to_string)).collect(),
        Some(_) => None,
    }
    .ok_or(JwtError::WrongType {
        claim: "scopes",
        expected: "a list of names",
    })?;
    Ok(Claims {
        sub,
        exp,
        iat,
        nbf,
        aud,
        jti,
        scopes,
    })
}

/// `sub`: a positive whole number, as a number or as decimal digits.
fn user_id(v: &Value) -> Option<u64> {
    let id = match v {
        Value::Number(n) => n.as_u64()?,
        Value::String(s) => {
            if s.is_empty() || s.len() > 19 || !s.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            s.parse().ok()?
        }
        _ => return None,
    };
    (id > 0).then_some(id)
}

fn opt_date(map: &Map<String, Value>, claim: &'static str) -> Result<Option<i64>, JwtError> {
    match map.get(claim) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => numeric_date(v, claim).map(Some),
    }
}

/// RFC 7519 NumericDate: seconds since the epoch, possibly with a fraction.
/// Accepts integers, floats and numeric strings ("1700000000.123456").
fn numeric_date(v: &Value, claim: &'static str) -> Result<i64, JwtError> {
    let wrong = JwtError::WrongType {
        claim,
        expected: "a time in seconds since 1970",
    };
    let secs = match v {
        Value::Number(n) => n.as_f64().ok_or(wrong.clone())?,
        Value::String(s) => {
            let s = s.trim();
            let valid = !s.is_empty()
                && s.len() <= 32
                && s.bytes().all(|b| b.is_ascii_digit() || b == b'.')
                && s.bytes().filter(|&b| b == b'.').count() <= 1
                && s.bytes().next().is_some_and(|b| b.is_ascii_digit());
            if !valid {
                return Err(wrong);
            }
            s.parse::<f64>().map_err(|_| wrong.clone())?
        }
        _ => return Err(wrong),
    };
    if !secs.is_finite() || !(0.0..=MAX_NUMERIC_DATE).contains(&secs) {
        return Err(wrong);
    }
    Ok(secs.floor() as i64)
}

/// What the claims say about using the token now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Validity {
    Valid,
    /// `exp` has passed (beyond the leeway).
    Expired { at: i64 },
    /// `nbf` is still ahead (beyond the leeway).
    NotYetValid { from: i64 },
}

impl Claims {
    pub fn validity(&self, now: i64) -> Validity {
        if now >= self.exp.saturating_add(LEEWAY_SECS) {
            return Validity::Expired { at: self.exp };
        }
        if let Some(nbf) = self.nbf {
            if nbf > now.saturating_add(LEEWAY_SECS) {
                return Validity::NotYetValid { from: nbf };
            }
        }
        Validity::Valid
    }

    /// Whether the token was issued to `client_id`. `None` when there is
    /// nothing to compare (no client id configured, or no `aud`).
    pub fn issued_to(&self, client_id: Option<&str>) -> Option<bool> {
        let client_id = client_id?;
        if self.aud.is_empty() {
            return None;
        }
        Some(self.aud.iter().any(|a| a == client_id))
    }

    /// The user id as AniList shows it.
    pub fn user_id(&self) -> String {
        self.sub.to_string()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn b64(s: &str) -> String {
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(s)
    }

    pub(crate) const SIG: &str = "c2lnbmF0dXJlLWJ5dGVzLWhlcmUtYW5kLW1vcmUtb2YtdGhlbQ";

    /// A token shaped like AniList's, with `payload` as given.
    pub(crate) fn token_with(payload: &str) -> String {
        format!(
            "{}.{}.{SIG}",
            b64(r#"{"typ":"JWT","alg":"RS256","jti":"abc"}"#),
            b64(payload)
        )
    }

    pub(crate) fn anilist_payload(exp: i64) -> String {
        format!(
            r#"{{"aud":"1000","jti":"{}","iat":{},"nbf":{},"exp":{exp},"sub":"5150","scopes":[]}}"#,
            "f".repeat(80),
            exp - 31_536_000,
            exp - 31_536_000
        )
    }

    #[test]
    fn decodes_an_anilist_shaped_token() {
        let t = decode(&token_with(&anilist_payload(1_800_000_000))).unwrap();
        assert_eq!(t.header.alg, "RS256");
        assert_eq!(t.header.typ.as_deref(), Some("JWT"));
        assert_eq!(t.header.jti.as_deref(), Some("abc"));
        assert_eq!(t.claims.sub, 5150);
        assert_eq!(t.claims.user_id(), "5150");
        assert_eq!(t.claims.exp, 1_800_000_000);
        assert_eq!(t.claims.iat, Some(1_800_000_000 - 31_536_000));
        assert_eq!(t.claims.nbf, t.claims.iat);
        assert_eq!(t.claims.aud, vec!["1000".to_string()]);
        assert_eq!(t.claims.jti.as_deref(), Some(&*"f".repeat(80)));
        assert!(t.claims.scopes.is_empty());
    }

    /// Builds a token from raw segments.
    fn raw(h: &str, p: &str, s: &str) -> String {
        format!("{h}.{p}.{s}")
    }

    #[test]
    fn table_of_inputs() {
        let h = b64(r#"{"alg":"RS256","typ":"JWT"}"#);
        let good_p = b64(r#"{"sub":"1","exp":2000000000}"#);
        let padded = {
            // A payload whose base64 needs padding, written with it.
            let p = r#"{"sub":"1","exp":2000000000,"x":"ab"}"#;
            base64::engine::general_purpose::URL_SAFE.encode(p)
        };
        assert!(padded.ends_with('='), "the case needs padding: {padded}");
        let std_alphabet = base64::engine::general_purpose::STANDARD_NO_PAD
            .encode(r#"{"sub":"1","exp":2000000000,"n":"???>>>"}"#);
        assert!(std_alphabet.contains('/') || std_alphabet.contains('+'));
        let p = |json: &str| b64(json);
        let ok = |sub: u64, exp: i64| Ok::<(u64, i64), JwtError>((sub, exp));
        type Case = (String, Result<(u64, i64), JwtError>);
        let cases: Vec<Case> = vec![
            (raw(&h, &good_p, SIG), ok(1, 2_000_000_000)),
            (format!("  {}\n", raw(&h, &good_p, SIG)), ok(1, 2_000_000_000)),
            (raw(&h, &padded, SIG), ok(1, 2_000_000_000)),
            (raw(&h, &std_alphabet, SIG), Err(JwtError::BadBase64(Part::Payload))),
            (String::new(), Err(JwtError::Empty)),
            ("   ".into(), Err(JwtError::Empty)),
            ("abc".into(), Err(JwtError::SegmentCount(1))),
            (format!("{h}.{good_p}"), Err(JwtError::SegmentCount(2))),
            (format!("{h}.{good_p}.{SIG}.x"), Err(JwtError::SegmentCount(4))),
            (format!("{h}.{good_p}.{SIG}.x.y"), Err(JwtError::SegmentCount(5))),
            (raw(&h, &good_p, ""), Err(JwtError::EmptyPart(Part::Signature))),
            (raw("", &good_p, SIG), Err(JwtError::EmptyPart(Part::Header))),
            (raw(&h, "", SIG), Err(JwtError::EmptyPart(Part::Payload))),
            (format!("{h}.{good_p} .{SIG}"), Err(JwtError::BadCharacter)),
            (format!("{h}.{good_p}.{SIG}%3D"), Err(JwtError::BadCharacter)),
            (raw(&h, "e30*", SIG), Err(JwtError::BadCharacter)),
            (raw(&h, "a", SIG), Err(JwtError::BadBase64(Part::Payload))),
            (raw(&h, &good_p, "a"), Err(JwtError::BadBase64(Part::Signature))),
            (raw("!!!!", &good_p, SIG), Err(JwtError::BadCharacter)),
            (raw(&h, &base64::engine::general_purpose::URL_SAFE_NO_PAD.encode([0xff, 0xfe, 0x00]), SIG), Err(JwtError::NotUtf8(Part::Payload))),
            (raw(&h, &p("not json"), SIG), Err(JwtError::NotJson(Part::Payload))),
            (raw(&h, &p("{\"sub\":\"1\",\"exp\":1"), SIG), Err(JwtError::NotJson(Part::Payload))),
            (raw(&h, &p("null"), SIG), Err(JwtError::NotObject { part: Part::Payload, found: "null" })),
            (raw(&h, &p("[1,2]"), SIG), Err(JwtError::NotObject { part: Part::Payload, found: "an array" })),
            (raw(&h, &p("42"), SIG), Err(JwtError::NotObject { part: Part::Payload, found: "a number" })),
            (raw(&h, &p("\"str\""), SIG), Err(JwtError::NotObject { part: Part::Payload, found: "a string" })),
            (raw(&p("[]"), &good_p, SIG), Err(JwtError::NotObject { part: Part::Header, found: "an array" })),
            // A claim named twice keeps its last value (RFC 7519 §4).
            (raw(&h, &p(r#"{"sub":"1","sub":"2","exp":2000000000}"#), SIG), ok(2, 2_000_000_000)),
            (raw(&p(r#"{"alg":"RS256","alg":"none"}"#), &good_p, SIG), Err(JwtError::Unsigned)),
            (raw(&p(r#"{"alg":"none"}"#), &good_p, SIG), Err(JwtError::Unsigned)),
            (raw(&p(r#"{"alg":"NONE"}"#), &good_p, SIG), Err(JwtError::Unsigned)),
            (raw(&p(r#"{"typ":"JWT"}"#), &good_p, SIG), Err(JwtError::MissingAlg)),
            (raw(&p(r#"{"alg":7}"#), &good_p, SIG), Err(JwtError::WrongType { claim: "alg", expected: "a name such as RS256" })),
            (raw(&h, &p(r#"{"exp":2000000000}"#), SIG), Err(JwtError::MissingClaim("sub"))),
            (raw(&h, &p(r#"{"sub":null,"exp":2000000000}"#), SIG), Err(JwtError::MissingClaim("sub"))),
            (raw(&h, &p(r#"{"sub":"5150"}"#), SIG), Err(JwtError::MissingClaim("exp"))),
            (raw(&h, &p(r#"{"sub":5150,"exp":2000000000}"#), SIG), ok(5150, 2_000_000_000)),
            (raw(&h, &p(r#"{"sub":"abc","exp":2000000000}"#), SIG), Err(JwtError::WrongType { claim: "sub", expected: "an AniList user id (a whole number)" })),
            (raw(&h, &p(r#"{"sub":"0","exp":2000000000}"#), SIG), Err(JwtError::WrongType { claim: "sub", expected: "an AniList user id (a whole number)" })),
            (raw(&h, &p(r#"{"sub":-4,"exp":2000000000}"#), SIG), Err(JwtError::WrongType { claim: "sub", expected: "an AniList user id (a whole number)" })),
            (raw(&h, &p(r#"{"sub":1.5,"exp":2000000000}"#), SIG), Err(JwtError::WrongType { claim: "sub", expected: "an AniList user id (a whole number)" })),
            (raw(&h, &p(r#"{"sub":["1"],"exp":2000000000}"#), SIG), Err(JwtError::WrongType { claim: "sub", expected: "an AniList user id (a whole number)" })),
            (raw(&h, &p(r#"{"sub":"1","exp":1999999999.75}"#), SIG), ok(1, 1_999_999_999)),
            (raw(&h, &p(r#"{"sub":"1","exp":"1999999999.123456"}"#), SIG), ok(1, 1_999_999_999)),
            (raw(&h, &p(r#"{"sub":"1","exp":"2000000000"}"#), SIG), ok(1, 2_000_000_000)),
            (raw(&h, &p(r#"{"sub":"1","exp":2e9}"#), SIG), ok(1, 2_000_000_000)),
            (raw(&h, &p(r#"{"sub":"1","exp":"2e9"}"#), SIG), Err(JwtError::WrongType { claim: "exp", expected: "a time in seconds since 1970" })),
            (raw(&h, &p(r#"{"sub":"1","exp":"soon"}"#), SIG), Err(JwtError::WrongType { claim: "exp", expected: "a time in seconds since 1970" })),
            (raw(&h, &p(r#"{"sub":"1","exp":"1.2.3"}"#), SIG), Err(JwtError::WrongType { claim: "exp", expected: "a time in seconds since 1970" })),
            (raw(&h, &p(r#"{"sub":"1","exp":-1}"#), SIG), Err(JwtError::WrongType { claim: "exp", expected: "a time in seconds since 1970" })),
            (raw(&h, &p(r#"{"sub":"1","exp":1e300}"#), SIG), Err(JwtError::WrongType { claim: "exp", expected: "a time in seconds since 1970" })),
            (raw(&h, &p(r#"{"sub":"1","exp":true}"#), SIG), Err(JwtError::WrongType { claim: "exp", expected: "a time in seconds since 1970" })),
            (raw(&h, &p(r#"{"sub":"1","exp":2000000000,"iat":"x"}"#), SIG), Err(JwtError::WrongType { claim: "iat", expected: "a time in seconds since 1970" })),
            (raw(&h, &p(r#"{"sub":"1","exp":2000000000,"nbf":{}}"#), SIG), Err(JwtError::WrongType { claim: "nbf", expected: "a time in seconds since 1970" })),
            (raw(&h, &p(r#"{"sub":"1","exp":2000000000,"aud":{}}"#), SIG), Err(JwtError::WrongType { claim: "aud", expected: "a client id or a list of them" })),
            (raw(&h, &p(r#"{"sub":"1","exp":2000000000,"aud":[1,{}]}"#), SIG), Err(JwtError::WrongType { claim: "aud", expected: "a client id or a list of them" })),
            (raw(&h, &p(r#"{"sub":"1","exp":2000000000,"scopes":"all"}"#), SIG), Err(JwtError::WrongType { claim: "scopes", expected: "a list of names" })),
            (raw(&h, &p(r#"{"sub":"1","exp":2000000000,"jti":5}"#), SIG), Err(JwtError::WrongType { claim: "jti", expected: "text" })),
            (raw(&h, &p(r#"{"sub":"1","exp":2000000000,"constructor":"x","__proto__":{}}"#), SIG), ok(1, 2_000_000_000)),
            ("a".repeat(1 << 20), Err(JwtError::TooLarge(1 << 20))),
            ("é.é.é".into(), Err(JwtError::BadCharacter)),
        ];
        for (input, expected) in cases {
            let got = decode(&input).map(|t| (t.claims.sub, t.claims.exp));
            let shown: String = input.chars().take(80).collect();
            assert_eq!(got, expected, "input: {shown}");
        }
    }

    #[test]
    fn every_error_has_its_own_message() {
        let errors = [
            JwtError::Empty,
            JwtError::TooLarge(5),
            JwtError::BadCharacter,
            JwtError::SegmentCount(2),
            JwtError::EmptyPart(Part::Signature),
            JwtError::BadBase64(Part::Header),
            JwtError::NotUtf8(Part::Payload),
            JwtError::NotJson(Part::Payload),
            JwtError::NotObject { part: Part::Payload, found: "null" },
            JwtError::Unsigned,
            JwtError::MissingAlg,
            JwtError::MissingClaim("exp"),
            JwtError::WrongType { claim: "exp", expected: "a time" },
        ];
        let mut messages: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        for m in &messages {
            assert!(m.ends_with('.'), "{m}");
        }
        messages.sort();
        messages.dedup();
        assert_eq!(messages.len(), errors.len());
    }

    #[test]
    fn aud_as_number_or_list() {
        let t = decode(&token_with(r#"{"sub":"1","exp":2000000000,"aud":1000}"#)).unwrap();
        assert_eq!(t.claims.aud, vec!["1000"]);
        let t = decode(&token_with(r#"{"sub":"1","exp":2000000000,"aud":["1000","7"]}"#)).unwrap();
        assert_eq!(t.claims.issued_to(Some("7")), Some(true));
        assert_eq!(t.claims.issued_to(Some("8")), Some(false));
        assert_eq!(t.claims.issued_to(None), None);
        let t = decode(&token_with(r#"{"sub":"1","exp":2000000000}"#)).unwrap();
        assert_eq!(t.claims.issued_to(Some("8")), None);
    }

    #[test]
    fn validity_with_leeway() {
        let t = decode(&token_with(r#"{"sub":"1","exp":1000,"nbf":500}"#)).unwrap().claims;
        assert_eq!(t.validity(700), Validity::Valid);
        assert_eq!(t.validity(1000), Validity::Valid, "within the leeway");
        assert_eq!(t.validity(1000 + LEEWAY_SECS - 1), Validity::Valid);
        assert_eq!(t.validity(1000 + LEEWAY_SECS), Validity::Expired { at: 1000 });
        assert_eq!(t.validity(500 - LEEWAY_SECS), Validity::Valid, "nbf within the leeway");
        assert_eq!(t.validity(500 - LEEWAY_SECS - 1), Validity::NotYetValid { from: 500 });
        let no_nbf = decode(&token_with(r#"{"sub":"1","exp":1000}"#)).unwrap().claims;
        assert_eq!(no_nbf.validity(0), Validity::Valid);
    }

    #[test]
    fn debug_output_never_holds_the_raw_token() {
        let raw = token_with(&anilist_payload(1_800_000_000));
        let t = decode(&raw).unwrap();
        let dbg = format!("{t:?}");
        assert!(!dbg.contains(&raw));
        assert!(!dbg.contains(SIG));
    }
}
