//! Reading an HTTP answer from AniList: status, rate-limit headers and body
//! into the operation's typed data or one [`ApiError`]. Pure: tested natively.

use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;

use crate::api::error::{ApiError, GraphQlError};

/// How long to wait after a 429 whose `Retry-After` is missing or unreadable.
pub const DEFAULT_RETRY_AFTER: u64 = 60;
/// Never wait longer than this, whatever the header says.
pub const MAX_RETRY_AFTER: u64 = 300;

/// The rate-limit headers, when the browser lets the app see them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RateLimit {
    pub limit: Option<u32>,
    pub remaining: Option<u32>,
    /// Unix time the window resets.
    pub reset: Option<i64>,
}

impl RateLimit {
    pub fn from_headers(limit: Option<&str>, remaining: Option<&str>, reset: Option<&str>) -> Self {
        let num = |v: Option<&str>| v.and_then(|s| s.trim().parse::<u32>().ok());
        Self {
            limit: num(limit),
            remaining: num(remaining),
            reset: reset.and_then(|s| s.trim().parse::<i64>().ok()),
        }
    }

    pub fn is_known(&self) -> bool {
        self.limit.is_some() || self.remaining.is_some()
    }
}

/// `Retry-After` in seconds (the client turns an HTTP date into seconds
/// with the browser's `Date.parse`: [`crate::api::client::retry_after_in_seconds`]),
/// clamped to 1..=300 s. Missing or unreadable: 60 s.
pub fn retry_after_secs(header: Option<&str>) -> u64 {
    let secs = header.map(str::trim).filter(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit())).and_then(|v| v.parse::<u64>().ok());
    match secs {
        Some(s) => s.clamp(1, MAX_RETRY_AFTER),
        None => DEFAULT_RETRY_AFTER,
    }
}

/// What came back, before it is read.
#[derive(Clone, Debug)]
pub struct RawResponse<'a> {
    pub status: u16,
    pub body: &'a str,
    pub retry_after: Option<&'a str>,
}

/// A GraphQL answer: `data` of the operation's type, and `errors` read
/// item by item (see [`GraphQlError::read_all`]).
/// An answer's envelope; `data` is kept as text, read into its type after
/// the envelope has been judged (so this part is the same code for every
/// operation).
#[derive(Deserialize)]
struct Envelope<'a> {
    #[serde(borrow, default)]
    data: Option<&'a RawValue>,
    #[serde(default)]
    errors: Value,
}

/// The `data` of a good answer, read into `T`, or the one error that
/// describes a bad one.
pub fn interpret<T: DeserializeOwned>(r: &RawResponse<'_>) -> Result<T, ApiError> {
    let data = judge(r)?;
    serde_json::from_str::<T>(data).map_err(|e| ApiError::Shape(e.to_string()))
}

/// Judges an answer: the text of its `data` when it is a good one, or the
/// one error that describes it.
pub fn judge<'a>(r: &RawResponse<'a>) -> Result<&'a str, ApiError> {
    let status = r.status;
    if status == 429 {
        return Err(ApiError::RateLimited {
            retry_after: retry_after_secs(r.retry_after),
            inferred: false,
        });
    }
    // `None` for anything but a JSON object.
    let envelope = if r.body.trim_start().starts_with('{') { serde_json::from_str::<Envelope<'a>>(r.body).ok() } else { None };
    let errors: Vec<GraphQlError> = envelope.as_ref().map(|e| GraphQlError::read_all(&e.errors)).unwrap_or_default();
    let first = errors.first().map(|e| e.message.as_str()).unwrap_or_default();
    if status == 400 && first.eq_ignore_ascii_case("invalid token") {
        return Err(ApiError::InvalidToken);
    }
    if status == 401 {
        return Err(ApiError::Unauthorized);
    }
    if status == 403 {
        let message = if first.is_empty() { "no reason given".to_string() } else { first.to_string() };
        return Err(ApiError::ApiDisabled { message });
    }
    if status >= 500 {
        return Err(ApiError::Server { status });
    }
    let Some(envelope) = envelope else {
        return Err(if (200..300).contains(&status) || status == 400 || status == 404 {
            ApiError::NotJson { status }
        } else {
            ApiError::UnexpectedStatus { status }
        });
    };
    if let Some(e) = errors.iter().find(|e| e.validation.is_some()) {
        let fields = e
            .validation
            .iter()
            .flatten()
            .map(|(field, msgs)| {
                let msgs = match msgs {
                    Value::Array(a) => a.iter().map(|m| m.as_str().map(str::to_string).unwrap_or_else(|| m.to_string())).collect(),
                    Value::String(s) => vec![s.clone()],
                    other => vec![other.to_string()],
                };
                (field.clone(), msgs)
            })
            .collect();
        return Err(ApiError::Validation { fields });
    }
    if !errors.is_empty() {
        return Err(ApiError::GraphQl { status, errors });
    }
    if !(200..300).contains(&status) {
        return Err(ApiError::UnexpectedStatus { status });
    }
    match envelope.data.map(RawValue::get) {
        Some(data) if data != "null" => Ok(data),
        _ => Err(ApiError::GraphQl { status, errors: Vec::new() }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(status: u16, body: &str) -> RawResponse<'_> {
        RawResponse { status, body, retry_after: None }
    }

    fn interpret(r: &RawResponse<'_>) -> Result<Value, ApiError> {
        super::interpret::<Value>(r)
    }

    #[test]
    fn good_answers() {
        let data = interpret(&raw(200, r#"{"data":{"Viewer":{"id":1}}}"#)).unwrap();
        assert_eq!(data["Viewer"]["id"], 1);
    }

    #[test]
    fn an_answer_of_another_shape_is_named() {
        #[derive(Debug, serde::Deserialize)]
        struct Viewer {
            #[allow(dead_code)]
            id: u64,
        }
        #[derive(Debug, serde::Deserialize)]
        struct Data {
            #[serde(rename = "Viewer")]
            #[allow(dead_code)]
            viewer: Viewer,
        }
        let ok = super::interpret::<Data>(&raw(200, r#"{"data":{"Viewer":{"id":1}}}"#));
        assert!(ok.is_ok());
        let e = super::interpret::<Data>(&raw(200, r#"{"data":{"Viewer":{"name":"x"}}}"#)).unwrap_err();
        let ApiError::Shape(why) = &e else { panic!("{e:?}") };
        assert!(why.contains("missing field `id`"), "{why}");
        // GraphQL errors still win over a data shape that does not fit.
        let e = super::interpret::<Data>(&raw(200, r#"{"data":{"Viewer":null},"errors":[{"message":"Not Found.","status":404}]}"#)).unwrap_err();
        assert!(matches!(e, ApiError::GraphQl { .. }), "{e:?}");
    }

    #[test]
    fn every_failure_maps_to_its_error() {
        let cases: Vec<(RawResponse, ApiError)> = vec![
            (raw(400, r#"{"data":null,"errors":[{"message":"Invalid token","status":400}]}"#), ApiError::InvalidToken),
            (raw(401, r#"{"data":null,"errors":[{"message":"Unauthorized.","status":401}]}"#), ApiError::Unauthorized),
            (raw(401, ""), ApiError::Unauthorized),
            (
                raw(403, r#"{"errors":[{"message":"The AniList API has been temporarily disabled."}]}"#),
                ApiError::ApiDisabled { message: "The AniList API has been temporarily disabled.".into() },
            ),
            (raw(403, "<html>"), ApiError::ApiDisabled { message: "no reason given".into() }),
            (RawResponse { status: 429, body: "", retry_after: Some("7") }, ApiError::RateLimited { retry_after: 7, inferred: false }),
            (raw(429, r#"{"errors":[{"message":"Too Many Requests."}]}"#), ApiError::RateLimited { retry_after: 60, inferred: false }),
            (raw(500, r#"{"errors":[{"message":"Internal Server Error"}]}"#), ApiError::Server { status: 500 }),
            (raw(502, "<html>Bad Gateway</html>"), ApiError::Server { status: 502 }),
            (raw(503, ""), ApiError::Server { status: 503 }),
            (raw(200, "<!doctype html>"), ApiError::NotJson { status: 200 }),
            (raw(200, ""), ApiError::NotJson { status: 200 }),
            (raw(200, "[1,2]"), ApiError::NotJson { status: 200 }),
            (raw(302, ""), ApiError::UnexpectedStatus { status: 302 }),
            (raw(418, "{}"), ApiError::UnexpectedStatus { status: 418 }),
            (raw(200, r#"{"data":null}"#), ApiError::GraphQl { status: 200, errors: vec![] }),
            (raw(200, r#"{}"#), ApiError::GraphQl { status: 200, errors: vec![] }),
        ];
        for (r, want) in cases {
            assert_eq!(interpret(&r), Err(want), "{} {}", r.status, r.body);
        }
    }

    #[test]
    fn graphql_errors_with_locations_even_on_200() {
        let e = interpret(
            &raw(200, r#"{"data":{"Media":null},"errors":[{"message":"Not Found.","status":404,"locations":[{"line":2,"column":3}]}]}"#),
        )
        .unwrap_err();
        let ApiError::GraphQl { status, errors } = &e else { panic!("{e:?}") };
        assert_eq!(*status, 200);
        assert_eq!(errors[0].describe(), "Not Found. (line 2, column 3)");
        assert!(e.to_string().contains("Not Found. (line 2, column 3)"));
        let bad_query = interpret(
            &raw(400, r#"{"data":null,"errors":[{"message":"Cannot query field \"nope\" on type \"User\".","status":400,"locations":[{"line":1,"column":18}]}]}"#),
        )
        .unwrap_err();
        assert!(matches!(bad_query, ApiError::GraphQl { status: 400, .. }));
    }

    #[test]
    fn validation_maps_are_shown_per_field() {
        let e = interpret(
            &raw(400, r#"{"data":null,"errors":[{"message":"validation","status":400,"validation":{"progress":["The progress may not be greater than 26."],"score":"Bad score"}}]}"#),
        )
        .unwrap_err();
        assert_eq!(
            e,
            ApiError::Validation {
                fields: vec![
                    ("progress".into(), vec!["The progress may not be greater than 26.".into()]),
                    ("score".into(), vec!["Bad score".into()]),
                ]
            }
        );
        assert_eq!(e.to_string(), "AniList refused the change: progress: The progress may not be greater than 26.; score: Bad score");
    }

    #[test]
    fn retry_after_forms() {
        assert_eq!(retry_after_secs(Some("30")), 30);
        assert_eq!(retry_after_secs(Some(" 5 ")), 5);
        assert_eq!(retry_after_secs(Some("0")), 1);
        assert_eq!(retry_after_secs(Some("86400")), MAX_RETRY_AFTER);
        assert_eq!(retry_after_secs(Some("99999999999999999999999")), DEFAULT_RETRY_AFTER);
        assert_eq!(retry_after_secs(Some("-5")), DEFAULT_RETRY_AFTER);
        assert_eq!(retry_after_secs(Some("soon")), DEFAULT_RETRY_AFTER);
        assert_eq!(retry_after_secs(Some("")), DEFAULT_RETRY_AFTER);
        assert_eq!(retry_after_secs(None), DEFAULT_RETRY_AFTER);
    }

    #[test]
    fn rate_limit_headers() {
        let r = RateLimit::from_headers(Some("90"), Some(" 87"), Some("1700000000"));
        assert_eq!(r, RateLimit { limit: Some(90), remaining: Some(87), reset: Some(1_700_000_000) });
        assert!(r.is_known());
        let none = RateLimit::from_headers(None, Some("x"), None);
        assert!(!none.is_known());
    }

    #[test]
    fn messages_and_next_steps() {
        let all = [
            ApiError::InvalidToken,
            ApiError::Unauthorized,
            ApiError::ApiDisabled { message: "m".into() },
            ApiError::RateLimited { retry_after: 3, inferred: true },
            ApiError::GraphQl { status: 200, errors: vec![] },
            ApiError::Validation { fields: vec![] },
            ApiError::Server { status: 500 },
            ApiError::NotJson { status: 200 },
            ApiError::UnexpectedStatus { status: 418 },
            ApiError::Network,
            ApiError::Timeout { secs: 20 },
        ];
        for e in &all {
            assert!(!e.to_string().is_empty());
            assert!(!e.next_step().is_empty());
        }
        assert!(ApiError::InvalidToken.ends_session());
        assert!(!ApiError::Unauthorized.ends_session());
        assert!(ApiError::Network.is_transient());
        assert!(!ApiError::Validation { fields: vec![] }.is_transient());
    }
}
