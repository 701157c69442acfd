//! The implicit grant, minus the browser: the authorize URL the app sends
//! a person to, the reply AniList puts in the URL fragment, and the checks
//! on `state`. Pure: tested natively; `auth::browser` does the I/O.

use std::fmt;
use std::sync::Arc;

/// How long a sign-in begun in this tab may take when AniList sends no
/// `state` back (AniList does not promise to echo it).
pub const PENDING_MAX_AGE_MS: f64 = 10.0 * 60.0 * 1000.0;
/// Fragments longer than this are not a sign-in reply.
pub const MAX_FRAGMENT_LEN: usize = 32 * 1024;

/// The access token, kept out of `Debug` output so it never reaches a log.
#[derive(Clone, PartialEq, Eq)]
pub struct AccessToken(String);

impl AccessToken {
    pub fn new(token: impl Into<String>) -> Self {
        Self(token.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// A token with the user it was issued for: what a request to AniList is
/// sent with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Credential {
    pub token: AccessToken,
    pub user: u64,
    /// The GraphQL origin the sign-in was made for: the only one the token
    /// is sent to.
    pub origin: Arc<str>,
}

impl fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AccessToken(<{} characters, hidden>)", self.0.len())
    }
}

/// What AniList sent back in the fragment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reply {
    Token {
        token: AccessToken,
        expires_in: Option<u64>,
        state: Option<String>,
    },
    Refused {
        error: String,
        description: Option<String>,
        state: Option<String>,
    },
}

impl Reply {
    pub fn state(&self) -> Option<&str> {
        match self {
            Reply::Token { state, .. } | Reply::Refused { state, .. } => state.as_deref(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReplyError {
    #[error("The sign-in reply is far too long to be AniList's.")]
    TooLong,
    #[error("The sign-in reply names \"{0}\" more than once, which AniList never does; it was ignored for your safety.")]
    Duplicate(String),
    #[error("AniList sent back an empty token; please sign in again.")]
    EmptyToken,
    #[error("The sign-in reply has no token type; it may have been cut off. Please sign in again.")]
    MissingTokenType,
    #[error("The sign-in reply has a token of type \"{0}\", not Bearer; this app cannot use it.")]
    UnsupportedTokenType(String),
    #[error("The sign-in reply holds both a token and an error; it was ignored. Please sign in again.")]
    Ambiguous,
}

/// Parameters that make a fragment a sign-in reply.
const REPLY_KEYS: [&str; 7] = [
    "access_token",
    "token_type",
    "expires_in",
    "state",
    "error",
    "error_description",
    "error_uri",
];

/// Reads the fragment (with or without its `#`). `Ok(None)`: not a sign-in
/// reply at all (empty, or an ordinary `#anchor`). Unknown parameters are
/// ignored, as RFC 6749 §4.2.2 says.
pub fn parse_fragment(fragment: &str) -> Result<Option<Reply>, ReplyError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.is_empty() {
        return Ok(None);
    }
    if fragment.len() > MAX_FRAGMENT_LEN {
        return Err(ReplyError::TooLong);
    }
    // Decoded as a browser's URLSearchParams would (`+` is a space; a
    // damaged %-escape stays as it is and fails the checks further on).
    let mut found: Vec<(&'static str, String)> = Vec::new();
    for (key, value) in form_urlencoded::parse(fragment.as_bytes()) {
        let Some(known) = REPLY_KEYS.iter().find(|k| **k == key) else {
            continue;
        };
        if found.iter().any(|(k, _)| k == known) {
            return Err(ReplyError::Duplicate(key.into_owned()));
        }
        found.push((known, value.into_owned()));
    }
    let get = |name: &str| found.iter().find(|(k, _)| *k == name).map(|(_, v)| v.clone());
    let state = get("state").filter(|s| !s.is_empty());
    match (get("access_token"), get("error")) {
        (Some(_), Some(_)) => Err(ReplyError::Ambiguous),
        (None, Some(error)) => Ok(Some(Reply::Refused {
            error: if error.trim().is_empty() { "unknown_error".into() } else { error },
            description: get("error_description").filter(|d| !d.trim().is_empty()),
            state,
        })),
        (Some(token), None) => {
            let token = token.trim().to_string();
            if token.is_empty() {
                return Err(ReplyError::EmptyToken);
            }
            match get("token_type") {
                None => return Err(ReplyError::MissingTokenType),
                Some(t) if t.eq_ignore_ascii_case("bearer") => {}
                Some(t) => return Err(ReplyError::UnsupportedTokenType(t.chars().take(40).collect())),
            }
            Ok(Some(Reply::Token {
                token: AccessToken::new(token),
                expires_in: get("expires_in").and_then(|e| e.trim().parse().ok()),
                state,
            }))
        }
        // Nothing, or a lone `state`: not a reply to act on.
        (None, None) if found.iter().all(|(k, _)| *k == "state") => Ok(None),
        // token_type, expires_in… without the token: a damaged reply.
        (None, None) => Err(ReplyError::EmptyToken),
    }
}

/// What AniList's `error` codes mean, in words a person understands.
pub fn explain_refusal(error: &str) -> &'static str {
    match error {
        "access_denied" => "You (or AniList) declined to let this app use your account, so you are not signed in.",
        "invalid_request" => "AniList could not read the sign-in request. Check the client id in Settings.",
        "unauthorized_client" => "AniList does not allow this client to sign in this way. Set the client to the implicit grant in AniList's developer settings.",
        "unsupported_response_type" => "AniList will not hand this client a token directly. The client may be set up for a server-side sign-in.",
        "invalid_scope" => "AniList did not accept the permissions asked for.",
        "server_error" => "AniList had a problem signing you in. Try again in a moment.",
        "temporarily_unavailable" => "AniList's sign-in is busy or down for a moment. Try again shortly.",
        _ => "AniList did not sign you in.",
    }
}

/// The sign-in this tab began: kept in sessionStorage until AniList replies.
/// `keep` was added later: a value kept before it reads as the device.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PendingSignIn {
    pub state: String,
    /// `Date.now()` when the sign-in began.
    pub started_at_ms: f64,
    /// The in-app path to return to.
    pub return_to: String,
    /// Where the person asked to keep the session.
    #[serde(default)]
    pub keep: crate::auth::stored::Keep,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StateError {
    #[error("This sign-in reply does not belong to a sign-in started from this tab, so it was refused. If you did start one, please sign in again from here.")]
    NotStartedHere,
    #[error("This sign-in reply does not match the sign-in this tab started (the state differs), so it was refused. Please sign in again.")]
    Mismatch,
    #[error("The sign-in took more than 10 minutes to come back, so it was refused for your safety. Please sign in again.")]
    TooLate,
}

/// Decides whether a reply belongs to the pending sign-in. The caller
/// drops the pending record either way (it is single-use).
pub fn check_state(
    returned: Option<&str>,
    pending: Option<&PendingSignIn>,
    now_ms: f64,
) -> Result<(), StateError> {
    let pending = pending.ok_or(StateError::NotStartedHere)?;
    match returned {
        Some(state) if state == pending.state => Ok(()),
        Some(_) => Err(StateError::Mismatch),
        None => {
            let age = now_ms - pending.started_at_ms;
            if (0.0..PENDING_MAX_AGE_MS).contains(&age) {
                Ok(())
            } else {
                Err(StateError::TooLate)
            }
        }
    }
}

/// An in-app path that is safe to go back to after sign-in; anything
/// else (another site, `//host`, a `javascript:` URL) becomes `/`.
pub fn safe_return_path(path: &str) -> String {
    let ok = path.starts_with('/')
        && !path.starts_with("//")
        && path.len() <= 2048
        && !path.chars().any(|c| c == '\\' || c.is_control() || c.is_whitespace());
    if ok {
        path.split('#').next().unwrap_or("/").to_string()
    } else {
        "/".to_string()
    }
}

/// `{authorize}?client_id=…&response_type=token&state=…` (`code` for the
/// code grant, through a token-exchange service).
pub fn authorize_url(authorize: &str, client_id: &str, state: &str, code_grant: bool) -> String {
    let query = form_urlencoded::Serializer::new(String::new())
        .append_pair("client_id", client_id)
        .append_pair("response_type", if code_grant { "code" } else { "token" })
        .append_pair("state", state)
        .finish();
    format!("{authorize}?{query}")
}

/// Lower-case hex of random bytes, for `state`.
pub fn state_from_bytes(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// An authorization code, kept out of `Debug` output so it never reaches a log.
#[derive(Clone, PartialEq, Eq)]
pub struct AuthCode(String);

impl AuthCode {
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for AuthCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AuthCode(<hidden>)")
    }
}

/// What the query string of a return from AniList says, if anything: a
/// code-grant client gets `?code=` (or `?error=`) instead of a fragment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QueryReply {
    Code { code: AuthCode, state: Option<String> },
    Refused { error: String, description: Option<String>, state: Option<String> },
    /// The code could not be traded for a token: why, for the person.
    Unusable(String),
}

/// What a token-exchange service's answer means: the token and its
/// lifetime, or why not (its own message when it gives one).
pub fn exchange_answer(status: u16, body: &str) -> Result<(AccessToken, Option<u64>), String> {
    #[derive(serde::Deserialize)]
    struct Answer {
        access_token: Option<String>,
        expires_in: Option<u64>,
        message: Option<String>,
    }
    match serde_json::from_str::<Answer>(body) {
        Ok(Answer { access_token: Some(t), expires_in, .. }) if status == 200 && !t.is_empty() => Ok((AccessToken::new(t), expires_in)),
        Ok(Answer { message: Some(m), .. }) if status != 200 && !m.trim().is_empty() => Err(m.chars().take(300).collect()),
        _ => Err(format!("The sign-in service gave an answer that is not a token (HTTP {status}). Sign in again, or ask whoever runs it.")),
    }
}

pub fn parse_query(search: &str) -> Option<QueryReply> {
    let search = search.strip_prefix('?').unwrap_or(search);
    let mut error = None;
    let mut description = None;
    let mut state = None;
    let mut code = None;
    for (k, v) in form_urlencoded::parse(search.as_bytes()) {
        match &*k {
            "code" if !v.is_empty() => code = Some(AuthCode(v.into_owned())),
            "error" => error = Some(v.into_owned()).filter(|e| !e.is_empty()),
            "error_description" => description = Some(v.into_owned()).filter(|d| !d.trim().is_empty()),
            "state" => state = Some(v.into_owned()).filter(|s| !s.is_empty()),
            _ => {}
        }
    }
    match (code, error) {
        (_, Some(error)) => Some(QueryReply::Refused { error, description, state }),
        (Some(code), None) => Some(QueryReply::Code { code, state }),
        (None, None) => None,
    }
}

/// Why a token that decoded fine is still not accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    Malformed(crate::auth::jwt::JwtError),
    Expired { at: i64 },
    NotYetValid { from: i64 },
}

/// A token read and checked, with what the person should be warned of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Accepted {
    pub decoded: crate::auth::jwt::DecodedToken,
    /// The token was issued to another client than the configured one.
    pub other_client: Option<Vec<String>>,
}

/// Decodes a token and checks what can be checked without its signature.
pub fn assess_token(raw: &str, now: i64, client_id: Option<&str>) -> Result<Accepted, Refusal> {
    use crate::auth::jwt::{decode, Validity};
    let decoded = decode(raw).map_err(Refusal::Malformed)?;
    match decoded.claims.validity(now) {
        Validity::Expired { at } => return Err(Refusal::Expired { at }),
        Validity::NotYetValid { from } => return Err(Refusal::NotYetValid { from }),
        Validity::Valid => {}
    }
    let other_client = match decoded.claims.issued_to(client_id) {
        Some(false) => Some(decoded.claims.aud.clone()),
        _ => None,
    };
    Ok(Accepted { decoded, other_client })
}

/// What a `?code=` return means for this app: it reached a client set up
/// for the authorization code grant.
pub const CODE_GRANT_EXPLANATION: &str = "AniList sent back an authorization code: the client is set up for the code grant, which needs a server that keeps the client secret. This app runs in your browser and cannot keep a secret; it uses the code grant only through a token-exchange service named in its configuration (token_exchange_url), and none is set. Nothing was stored. Sign in again with a client set up for the implicit grant, or ask whoever hosts this app to set up the exchange.";

#[cfg(test)]
mod tests {
    use super::*;

    fn token(frag: &str) -> Reply {
        parse_fragment(frag).unwrap().unwrap()
    }

    #[test]
    fn anilist_reply() {
        let r = token("#access_token=aaa.bbb.ccc&token_type=Bearer&expires_in=31536000&state=s1");
        assert_eq!(
            r,
            Reply::Token {
                token: AccessToken::new("aaa.bbb.ccc"),
                expires_in: Some(31_536_000),
                state: Some("s1".into())
            }
        );
    }

    #[test]
    fn table_of_fragments() {
        use ReplyError::*;
        type Case<'a> = (&'a str, Result<Option<(&'a str, Option<&'a str>)>, ReplyError>);
        let cases: Vec<Case> = vec![
            ("", Ok(None)),
            ("#", Ok(None)),
            ("#main", Ok(None)),
            ("#section-2", Ok(None)),
            ("#state=abc", Ok(None)),
            ("#foo=bar&baz", Ok(None)),
            ("access_token=t.t.t&token_type=Bearer", Ok(Some(("t.t.t", None)))),
            ("#access_token=t.t.t&token_type=bearer", Ok(Some(("t.t.t", None)))),
            ("#token_type=Bearer&access_token=t.t.t&state=", Ok(Some(("t.t.t", None)))),
            ("#access_token=t.t.t&token_type=Bearer&extra=1&scope=x", Ok(Some(("t.t.t", None)))),
            ("#access_token=t.t.t&&token_type=Bearer&", Ok(Some(("t.t.t", None)))),
            ("#access_token=t%2Et.t&token_type=Bearer&state=a%20b", Ok(Some(("t.t.t", Some("a b"))))),
            ("#access_token=t.t.t&token_type=Bearer&state=a+b", Ok(Some(("t.t.t", Some("a b"))))),
            ("#access_token=t.t.t&token_type=Bearer&state=constructor", Ok(Some(("t.t.t", Some("constructor"))))),
            ("#access_token=t.t.t&token_type=Bearer&state=__proto__", Ok(Some(("t.t.t", Some("__proto__"))))),
            ("#access_token=t.t.t&token_type=Bearer&expires_in=abc", Ok(Some(("t.t.t", None)))),
            ("#access_token=&token_type=Bearer", Err(EmptyToken)),
            ("#access_token&token_type=Bearer", Err(EmptyToken)),
            ("#access_token=%20&token_type=Bearer", Err(EmptyToken)),
            ("#token_type=Bearer&expires_in=31536000", Err(EmptyToken)),
            ("#access_token=t.t.t", Err(MissingTokenType)),
            ("#access_token=t.t.t&token_type=mac", Err(UnsupportedTokenType("mac".into()))),
            ("#access_token=a&access_token=b&token_type=Bearer", Err(Duplicate("access_token".into()))),
            ("#access_token=a&token_type=Bearer&state=1&state=2", Err(Duplicate("state".into()))),
            ("#access_token=a&token_type=Bearer&token_type=Bearer", Err(Duplicate("token_type".into()))),
            // A damaged escape is kept as it is: the JWT check refuses it.
            ("#access_token=a%ZZ&token_type=Bearer", Ok(Some(("a%ZZ", None)))),
            ("#access_token=a%2&token_type=Bearer", Ok(Some(("a%2", None)))),
            ("#access_token=%FF%FE&token_type=Bearer", Ok(Some(("\u{FFFD}\u{FFFD}", None)))),
            ("#access_token=t.t.t&token_type=Bearer&state=a%ZZ", Ok(Some(("t.t.t", Some("a%ZZ"))))),
            ("#access_token=a&error=access_denied&token_type=Bearer", Err(Ambiguous)),
        ];
        for (input, expected) in cases {
            let got = parse_fragment(input).map(|r| {
                r.map(|r| match r {
                    Reply::Token { token, state, .. } => (token.expose().to_string(), state),
                    Reply::Refused { .. } => panic!("{input}: unexpected refusal"),
                })
            });
            let want = expected.map(|o| o.map(|(t, s)| (t.to_string(), s.map(str::to_string))));
            assert_eq!(got, want, "fragment {input:?}");
        }
    }

    #[test]
    fn refusals() {
        let r = token("#error=access_denied&error_description=The+resource+owner+denied+the+request.&state=xyz");
        assert_eq!(
            r,
            Reply::Refused {
                error: "access_denied".into(),
                description: Some("The resource owner denied the request.".into()),
                state: Some("xyz".into())
            }
        );
        assert_eq!(r.state(), Some("xyz"));
        let bare = token("#error=");
        assert!(matches!(bare, Reply::Refused { ref error, description: None, .. } if error == "unknown_error"));
        for code in ["access_denied", "invalid_request", "unauthorized_client", "unsupported_response_type", "server_error", "temporarily_unavailable", "something_new"] {
            assert!(!explain_refusal(code).is_empty());
        }
        assert_ne!(explain_refusal("access_denied"), explain_refusal("server_error"));
    }

    #[test]
    fn too_long() {
        let long = format!("#access_token={}&token_type=Bearer", "a".repeat(MAX_FRAGMENT_LEN));
        assert_eq!(parse_fragment(&long), Err(ReplyError::TooLong));
    }

    fn pending(at: f64) -> PendingSignIn {
        PendingSignIn {
            state: "s3cr3t".into(),
            started_at_ms: at,
            return_to: "/lists/anime".into(),
            keep: crate::auth::stored::Keep::Device,
        }
    }

    #[test]
    fn a_pending_sign_in_round_trips_and_reads_older_values() {
        let mut p = pending(1_000_000.5);
        p.keep = crate::auth::stored::Keep::Tab;
        let text = serde_json::to_string(&p).unwrap();
        assert_eq!(serde_json::from_str::<PendingSignIn>(&text).ok(), Some(p));
        // Kept before `keep` existed: on the device.
        let old = serde_json::json!({ "state": "s3cr3t", "started_at_ms": 1_000_000.0, "return_to": "/lists/anime" });
        assert_eq!(serde_json::from_value::<PendingSignIn>(old).ok(), Some(pending(1_000_000.0)));
        for bad in [
            serde_json::json!(null),
            serde_json::json!({ "state": "s", "return_to": "/" }),
            serde_json::json!({ "state": 1, "started_at_ms": 1.0, "return_to": "/" }),
        ] {
            assert!(serde_json::from_value::<PendingSignIn>(bad.clone()).is_err(), "{bad}");
        }
    }

    #[test]
    fn state_rules() {
        let p = pending(1_000_000.0);
        let now = 1_000_000.0 + 5_000.0;
        assert_eq!(check_state(Some("s3cr3t"), Some(&p), now), Ok(()));
        // A matching state is good however long the person took at AniList.
        assert_eq!(check_state(Some("s3cr3t"), Some(&p), now + 3_600_000.0), Ok(()));
        assert_eq!(check_state(Some("other"), Some(&p), now), Err(StateError::Mismatch));
        assert_eq!(check_state(Some(""), Some(&p), now), Err(StateError::Mismatch));
        assert_eq!(check_state(Some("s3cr3t"), None, now), Err(StateError::NotStartedHere));
        assert_eq!(check_state(None, None, now), Err(StateError::NotStartedHere));
        assert_eq!(check_state(None, Some(&p), now), Ok(()));
        assert_eq!(check_state(None, Some(&p), 1_000_000.0 + PENDING_MAX_AGE_MS - 1.0), Ok(()));
        assert_eq!(check_state(None, Some(&p), 1_000_000.0 + PENDING_MAX_AGE_MS), Err(StateError::TooLate));
        // A clock that went backwards is not trusted either.
        assert_eq!(check_state(None, Some(&p), 999_000.0), Err(StateError::TooLate));
    }

    #[test]
    fn return_paths_stay_in_the_app() {
        assert_eq!(safe_return_path("/lists/anime"), "/lists/anime");
        assert_eq!(safe_return_path("/search?q=bebop"), "/search?q=bebop");
        assert_eq!(safe_return_path("/token#x"), "/token");
        for bad in ["", "lists", "//evil.example/", "/\\evil.example", "https://evil.example/", "javascript:alert(1)", "/a b", "/a\nb"] {
            assert_eq!(safe_return_path(bad), "/", "{bad:?}");
        }
    }

    #[test]
    fn authorize_urls() {
        assert_eq!(
            authorize_url("https://anilist.co/api/v2/oauth/authorize", "1000", "ab12", false),
            "https://anilist.co/api/v2/oauth/authorize?client_id=1000&response_type=token&state=ab12"
        );
        assert_eq!(
            authorize_url("https://anilist.co/api/v2/oauth/authorize", "1000", "ab12", true),
            "https://anilist.co/api/v2/oauth/authorize?client_id=1000&response_type=code&state=ab12"
        );
        assert_eq!(
            authorize_url("http://127.0.0.1:9/a", "1 &x", "s/=?", false),
            "http://127.0.0.1:9/a?client_id=1+%26x&response_type=token&state=s%2F%3D%3F"
        );
        assert_eq!(state_from_bytes(&[0, 15, 255]), "000fff");
    }

    #[test]
    fn query_replies() {
        assert_eq!(parse_query(""), None);
        assert_eq!(parse_query("?q=bebop&page=2"), None);
        let code = parse_query("?code=abc123&state=x");
        assert_eq!(code, Some(QueryReply::Code { code: AuthCode("abc123".into()), state: Some("x".into()) }));
        assert!(!format!("{code:?}").contains("abc123"), "the code never shows in Debug");
        assert_eq!(parse_query("?code="), None);
        assert_eq!(
            parse_query("?error=access_denied&error_description=No+thanks"),
            Some(QueryReply::Refused { error: "access_denied".into(), description: Some("No thanks".into()), state: None })
        );
        assert_eq!(
            parse_query("?error=server_error&error_description=%ZZ"),
            Some(QueryReply::Refused { error: "server_error".into(), description: Some("%ZZ".into()), state: None })
        );
        assert_eq!(
            parse_query("?error=access_denied&state=ab12"),
            Some(QueryReply::Refused { error: "access_denied".into(), description: None, state: Some("ab12".into()) })
        );
    }

    #[test]
    fn token_exchange_answers() {
        let (token, expires) = exchange_answer(200, r#"{"access_token":"a.b.c","expires_in":31536000}"#).unwrap();
        assert_eq!((token.expose(), expires), ("a.b.c", Some(31_536_000)));
        assert_eq!(
            exchange_answer(400, r#"{"error":"invalid_grant","message":"AniList did not take the sign-in code."}"#).unwrap_err(),
            "AniList did not take the sign-in code."
        );
        for (status, body) in [(200, "{}"), (200, r#"{"access_token":""}"#), (502, "<html>Bad gateway</html>"), (500, r#"{"message":" "}"#)] {
            assert!(exchange_answer(status, body).unwrap_err().contains(&format!("HTTP {status}")), "{status} {body}");
        }
    }

    #[test]
    fn assessing_tokens() {
        use crate::auth::jwt::tests::{anilist_payload, token_with};
        use crate::auth::jwt::JwtError;
        let exp = 2_000_000_000;
        let raw = token_with(&anilist_payload(exp));
        let ok = assess_token(&raw, exp - 1000, Some("1000")).unwrap();
        assert_eq!(ok.other_client, None);
        assert_eq!(ok.decoded.claims.sub, 5150);
        assert_eq!(assess_token(&raw, exp - 1000, None).unwrap().other_client, None);
        assert_eq!(
            assess_token(&raw, exp - 1000, Some("77")).unwrap().other_client,
            Some(vec!["1000".to_string()])
        );
        assert_eq!(assess_token(&raw, exp + 3600, Some("1000")), Err(Refusal::Expired { at: exp }));
        let nbf = exp - 31_536_000;
        assert_eq!(assess_token(&raw, nbf - 3600, None), Err(Refusal::NotYetValid { from: nbf }));
        assert_eq!(assess_token("x", 0, None), Err(Refusal::Malformed(JwtError::SegmentCount(1))));
    }

    #[test]
    fn tokens_stay_out_of_debug_output() {
        let t = AccessToken::new("secret.secret.secret");
        let r = Reply::Token { token: t, expires_in: None, state: None };
        assert!(!format!("{r:?}").contains("secret"));
    }
}
