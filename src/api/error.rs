//! Everything that can go wrong talking to AniList, in one enum, each with
//! words a person understands and a next step. Pure: tested natively.

use serde::Deserialize;
use serde_json::Value;

/// One entry of a GraphQL `errors` array, as AniList sends it.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct GraphQlError {
    #[serde(default, deserialize_with = "lenient")]
    pub message: String,
    #[serde(default, deserialize_with = "lenient")]
    pub status: Option<u16>,
    #[serde(default, deserialize_with = "lenient_list")]
    pub locations: Vec<Location>,
    /// Mutation validation: field -> messages.
    #[serde(default, deserialize_with = "lenient")]
    pub validation: Option<serde_json::Map<String, Value>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
pub struct Location {
    pub line: u32,
    pub column: u32,
}

/// Error reports are read leniently: a field of another type reads as
/// absent, so that one odd field does not hide the message.
fn lenient<'de, D: serde::Deserializer<'de>, T: serde::de::DeserializeOwned + Default>(d: D) -> Result<T, D::Error> {
    Ok(serde_json::from_value(Value::deserialize(d)?).unwrap_or_default())
}

/// A list of which the well-formed items are kept.
fn lenient_list<'de, D: serde::Deserializer<'de>, T: serde::de::DeserializeOwned>(d: D) -> Result<Vec<T>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Array(items) => items.into_iter().filter_map(|i| serde_json::from_value(i).ok()).collect(),
        _ => Vec::new(),
    })
}

impl GraphQlError {
    /// The object items of an `errors` array; anything else in it is
    /// skipped, and so is an `errors` that is not a list.
    pub fn read_all(errors: &Value) -> Vec<GraphQlError> {
        errors
            .as_array()
            .into_iter()
            .flatten()
            .filter(|e| e.is_object())
            .filter_map(|e| serde_json::from_value(e.clone()).ok())
            .collect()
    }

    /// "message (line 3, column 5)".
    pub fn describe(&self) -> String {
        match self.locations.first() {
            Some(l) => format!("{} (line {}, column {})", self.message, l.line, l.column),
            None => self.message.clone(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ApiError {
    /// HTTP 400 "Invalid token": revoked, expired or not AniList's.
    #[error("AniList no longer accepts your sign-in.")]
    InvalidToken,
    /// HTTP 401: a request that needs a sign-in went without one.
    #[error("AniList needs you to be signed in for this.")]
    Unauthorized,
    /// HTTP 403: AniList has switched its API off.
    #[error("AniList's API is switched off for now: {message}")]
    ApiDisabled { message: String },
    /// HTTP 429, or bare network failures in a row (a 429 without CORS
    /// headers reaches the browser as one).
    #[error("AniList asks the app to slow down (rate limit). Trying again in {retry_after} s.")]
    RateLimited { retry_after: u64, inferred: bool },
    /// `errors` with no more specific meaning (HTTP 200 or 4xx).
    #[error("AniList answered with an error: {}", summary(.errors))]
    GraphQl { status: u16, errors: Vec<GraphQlError> },
    /// A mutation's input was refused, field by field.
    #[error("AniList refused the change: {}", fields_summary(.fields))]
    Validation { fields: Vec<(String, Vec<String>)> },
    /// HTTP 5xx.
    #[error("AniList had a problem answering (HTTP {status}).")]
    Server { status: u16 },
    /// A body that is not JSON (a proxy's or a gateway's page).
    #[error("AniList's answer could not be read (HTTP {status}, not JSON).")]
    NotJson { status: u16 },
    /// An HTTP status this app does not expect.
    #[error("AniList answered HTTP {status} unexpectedly.")]
    UnexpectedStatus { status: u16 },
    /// The request never got an answer.
    #[error("AniList could not be reached.")]
    Network,
    /// JSON, but not shaped as the app expects (AniList changed?).
    #[error("AniList's answer was not what this app expects ({0}).")]
    Shape(String),
    /// No answer within the time allowed.
    #[error("AniList did not answer within {secs} s.")]
    Timeout { secs: u64 },
    /// The sign-in is for another GraphQL endpoint than the one the app is
    /// set to use now: the token was not sent.
    #[error("Your sign-in is for {signed_in_for}, but the app now uses {configured}; your token was not sent there.")]
    WrongOrigin { signed_in_for: String, configured: String },
    /// The page's security policy refuses the endpoint: nothing was sent.
    #[error("This page's security policy does not allow connections to the GraphQL endpoint; nothing was sent.")]
    RefusedByPolicy,
}

fn summary(errors: &[GraphQlError]) -> String {
    let all: Vec<String> = errors.iter().map(GraphQlError::describe).collect();
    if all.is_empty() {
        "no details given".into()
    } else {
        all.join("; ")
    }
}

fn fields_summary(fields: &[(String, Vec<String>)]) -> String {
    fields
        .iter()
        .map(|(f, m)| format!("{f}: {}", m.join(" ")))
        .collect::<Vec<_>>()
        .join("; ")
}

impl ApiError {
    /// What the person can do about it.
    pub fn next_step(&self) -> &'static str {
        match self {
            ApiError::InvalidToken => "Sign in again; you will come back to this page.",
            ApiError::Unauthorized => "Sign in, then try again.",
            ApiError::ApiDisabled { .. } => "Nothing to do on your side: try again later.",
            ApiError::RateLimited { .. } => "Wait for the countdown; the app tries again by itself.",
            ApiError::GraphQl { .. } => "Check the request, or try again.",
            ApiError::Validation { .. } => "Correct the highlighted values and save again.",
            ApiError::Server { .. } => "Try again in a moment.",
            ApiError::NotJson { .. } => "Try again in a moment; if it persists, AniList may be down.",
            ApiError::UnexpectedStatus { .. } => "Try again; if it persists, AniList may have changed.",
            ApiError::Network => "Check your connection, then try again.",
            ApiError::Timeout { .. } => "Try again; AniList may be slow right now.",
            ApiError::Shape(_) => "Try again; if it persists, this app needs an update.",
            ApiError::WrongOrigin { .. } => "Sign in again to use this endpoint.",
            ApiError::RefusedByPolicy => "Whoever hosts this app must add the endpoint's origin to connect-src (README, Hosting).",
        }
    }

    /// Whether the session must end (the token is no good).
    pub fn ends_session(&self) -> bool {
        matches!(self, ApiError::InvalidToken)
    }

    /// Whether no clear answer came (none, or none that could be read): a
    /// change sent may or may not have been applied, and is read back
    /// before anything is decided (the outbox's rule, `outbox::rules`, whose
    /// test holds the two together).
    pub fn outcome_unknown(&self) -> bool {
        matches!(self, ApiError::Network | ApiError::Timeout { .. } | ApiError::Shape(_))
    }

    /// Whether AniList says what was asked about is not there (HTTP 404,
    /// or an error with status 404): after a delete, that it is gone.
    pub fn is_not_found(&self) -> bool {
        matches!(self, ApiError::GraphQl { status: 404, .. }) || matches!(self, ApiError::GraphQl { errors, .. } if errors.iter().any(|e| e.status == Some(404)))
    }

    /// Whether sending the same query again can help by itself.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            ApiError::RateLimited { .. }
                | ApiError::Server { .. }
                | ApiError::NotJson { .. }
                | ApiError::Network
                | ApiError::Timeout { .. }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn not_found_is_told_by_the_status_or_by_an_error_s() {
        let error = |status| GraphQlError { message: "Not Found.".into(), status, ..GraphQlError::default() };
        assert!(ApiError::GraphQl { status: 404, errors: vec![] }.is_not_found());
        assert!(ApiError::GraphQl { status: 200, errors: vec![error(Some(404))] }.is_not_found());
        assert!(!ApiError::GraphQl { status: 400, errors: vec![error(Some(400))] }.is_not_found());
        assert!(!ApiError::GraphQl { status: 200, errors: vec![error(None)] }.is_not_found());
        assert!(!ApiError::Server { status: 500 }.is_not_found());
        assert!(!ApiError::Network.is_not_found());
    }

    #[test]
    fn errors_read_leniently() {
        let errors = json!([
            { "message": "Invalid token", "status": 400, "locations": [{ "line": 2, "column": 5 }, { "line": 1 }] },
            null,
            { "status": "x", "validation": { "score": ["too high"] } },
            "not an object"
        ]);
        let read = GraphQlError::read_all(&errors);
        assert_eq!(read.len(), 2);
        assert_eq!(read[0].message, "Invalid token");
        assert_eq!(read[0].status, Some(400));
        assert_eq!(read[0].locations, [Location { line: 2, column: 5 }]);
        assert_eq!(read[0].describe(), "Invalid token (line 2, column 5)");
        assert_eq!((read[1].message.as_str(), read[1].status), ("", None));
        assert_eq!(read[1].validation.as_ref().map(|v| v.len()), Some(1));
        assert!(GraphQlError::read_all(&json!(null)).is_empty());
        assert!(GraphQlError::read_all(&json!({ "message": "not a list" })).is_empty());
    }
}
