//! Everything that can go wrong talking to AniList, in one enum, each with
//! words a person understands and a next step. Pure: tested natively.

use serde::Deserialize;

/// One entry of a GraphQL `errors` array, as AniList sends it.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct GraphQlError {
    #[serde(default)]
    pub message: String,
    #[serde(default)]
    pub status: Option<u16>,
    #[serde(default)]
    pub locations: Vec<Location>,
    /// Mutation validation: field -> messages.
    #[serde(default)]
    pub validation: Option<serde_json::Map<String, serde_json::Value>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
pub struct Location {
    pub line: u32,
    pub column: u32,
}

impl GraphQlError {
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
    /// Reads `data` into the type an operation expects.
    pub fn decode<T: serde::de::DeserializeOwned>(data: serde_json::Value) -> Result<T, ApiError> {
        serde_json::from_value(data).map_err(|e| ApiError::Shape(e.to_string()))
    }

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
        }
    }

    /// Whether the session must end (the token is no good).
    pub fn ends_session(&self) -> bool {
        matches!(self, ApiError::InvalidToken)
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
