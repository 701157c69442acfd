//! The one session context of the app, provided once in [`crate::App`] and
//! read with `expect_context::<SessionContext>()`: signed out, signed in
//! (the token and what it says), or expired.
//!
//! The stored form and its checks are pure and tested natively; saving and
//! loading are in [`crate::auth::store`].

use std::sync::Arc;

use leptos::prelude::*;
use serde_json::Value;

use crate::api::read;
use crate::auth::callback::AccessToken;
use crate::auth::jwt::{self, DecodedToken};

/// Where the person asked the session to be kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keep {
    /// On this device, across visits (localStorage).
    Device,
    /// In this tab only (sessionStorage).
    Tab,
}

impl Keep {
    /// As stored in a pending sign-in.
    pub fn as_str(self) -> &'static str {
        match self {
            Keep::Device => "Device",
            Keep::Tab => "Tab",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Keep::Device, Keep::Tab].into_iter().find(|k| k.as_str() == s)
    }
}

/// Where it ended up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kept {
    Device,
    Tab,
    /// Storage refused; the session lasts while the page is open.
    MemoryOnly,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignedIn {
    pub token: AccessToken,
    pub decoded: DecodedToken,
    pub kept: Kept,
}

impl SignedIn {
    pub fn user_id(&self) -> String {
        self.decoded.claims.user_id()
    }

    pub fn expires_at(&self) -> i64 {
        self.decoded.claims.exp
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum Session {
    #[default]
    SignedOut,
    SignedIn(Arc<SignedIn>),
    /// The token's `exp` passed: not signed in, and the person is told when.
    Expired { user_id: String, at: i64 },
}

/// How early the header starts warning that the sign-in will end.
pub const EXPIRY_WARNING_SECS: i64 = 14 * 24 * 60 * 60;

impl Session {
    pub fn is_signed_in(&self) -> bool {
        matches!(self, Session::SignedIn(_))
    }

    pub fn signed_in(&self) -> Option<&SignedIn> {
        match self {
            Session::SignedIn(s) => Some(s),
            _ => None,
        }
    }

    /// The words of the header's indicator.
    pub fn status_label(&self) -> String {
        match self {
            Session::SignedOut => "Not signed in".into(),
            Session::SignedIn(s) => format!("User {}", s.user_id()),
            Session::Expired { .. } => "Sign-in expired".into(),
        }
    }

    /// Seconds left when the end is near enough to warn about.
    pub fn expiry_warning(&self, now: i64) -> Option<i64> {
        let s = self.signed_in()?;
        let left = s.expires_at() - now;
        (left <= EXPIRY_WARNING_SECS).then_some(left.max(0))
    }
}

/// The session as kept in storage, under one versioned key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredSession {
    pub v: u32,
    pub token: String,
    pub sub: u64,
    pub exp: i64,
}

pub const STORED_VERSION: u32 = 1;

impl StoredSession {
    pub fn new(token: &AccessToken, decoded: &DecodedToken) -> Self {
        Self {
            v: STORED_VERSION,
            token: token.expose().to_string(),
            sub: decoded.claims.sub,
            exp: decoded.claims.exp,
        }
    }

    /// As stored: `{"v":1,"token":…,"sub":…,"exp":…}`.
    pub fn to_json(&self) -> Value {
        crate::json::object([
            ("v", self.v.into()),
            ("token", self.token.as_str().into()),
            ("sub", self.sub.into()),
            ("exp", self.exp.into()),
        ])
    }

    /// Every field, of its type, or nothing: a stored value that is not
    /// whole is corrupt.
    pub fn from_json(v: &Value) -> Option<Self> {
        Some(Self {
            v: read::count(v, "v")?,
            token: read::string(v, "token")?,
            sub: read::big_count(v, "sub")?,
            exp: read::int(v, "exp")?,
        })
    }

    /// Reads the stored token again and checks it agrees with what was
    /// stored beside it. Anything off means the value is corrupt.
    pub fn restore(&self) -> Option<(AccessToken, DecodedToken)> {
        if self.v != STORED_VERSION {
            return None;
        }
        let decoded = jwt::decode(&self.token).ok()?;
        (decoded.claims.sub == self.sub && decoded.claims.exp == self.exp)
            .then(|| (AccessToken::new(self.token.clone()), decoded))
    }
}

/// The session signal, shared through context.
#[derive(Clone, Copy)]
pub struct SessionContext(pub RwSignal<Session>);

impl SessionContext {
    pub fn new(initial: Session) -> Self {
        Self(RwSignal::new(initial))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::jwt::tests::{anilist_payload, token_with};

    fn signed_in(exp: i64) -> (AccessToken, DecodedToken) {
        let raw = token_with(&anilist_payload(exp));
        let decoded = jwt::decode(&raw).unwrap();
        (AccessToken::new(raw), decoded)
    }

    #[test]
    fn stored_round_trip() {
        let (t, d) = signed_in(1_900_000_000);
        let stored = StoredSession::new(&t, &d);
        let json = stored.to_json().to_string();
        let back = StoredSession::from_json(&serde_json::from_str(&json).unwrap()).unwrap();
        assert_eq!(back, stored);
        assert_eq!(back.restore(), Some((t, d)));
    }

    #[test]
    fn stored_values_that_disagree_are_corrupt() {
        let (t, d) = signed_in(1_900_000_000);
        let good = StoredSession::new(&t, &d);
        for bad in [
            StoredSession { v: 2, ..good.clone() },
            StoredSession { sub: 1, ..good.clone() },
            StoredSession { exp: 1, ..good.clone() },
            StoredSession { token: "x.y.z".into(), ..good.clone() },
            StoredSession { token: String::new(), ..good.clone() },
        ] {
            assert_eq!(bad.restore(), None, "{:?}", (bad.v, bad.sub, bad.exp));
        }
        for text in [
            "{}",
            "null",
            "[1]",
            r#"{"v":1,"token":5,"sub":1,"exp":1}"#,
            r#"{"v":1,"token":"a","sub":-1,"exp":1}"#,
            r#"{"v":1,"token":"a","sub":1,"exp":"1"}"#,
            r#"{"v":1,"token":"a","sub":1}"#,
        ] {
            assert_eq!(StoredSession::from_json(&serde_json::from_str(text).unwrap()), None, "{text}");
        }
    }

    #[test]
    fn labels_and_warnings() {
        let (t, d) = signed_in(1_000_000_000);
        let s = Session::SignedIn(Arc::new(SignedIn { token: t, decoded: d, kept: Kept::Device }));
        assert_eq!(s.status_label(), "User 5150");
        assert!(s.is_signed_in());
        assert_eq!(s.expiry_warning(1_000_000_000 - EXPIRY_WARNING_SECS - 1), None);
        assert_eq!(s.expiry_warning(1_000_000_000 - 3600), Some(3600));
        assert_eq!(s.expiry_warning(1_000_000_100), Some(0));
        assert_eq!(Session::SignedOut.status_label(), "Not signed in");
        assert_eq!(Session::SignedOut.expiry_warning(0), None);
        let e = Session::Expired { user_id: "5".into(), at: 3 };
        assert_eq!(e.status_label(), "Sign-in expired");
        assert!(!e.is_signed_in());
        // The token never shows in Debug output.
        assert!(!format!("{s:?}").contains(&t_raw()));
    }

    fn t_raw() -> String {
        token_with(&anilist_payload(1_000_000_000))
    }
}
