//! The one session context of the app, provided once in [`crate::App`] and
//! read with [`use_session`]: signed out, signed in
//! (the token and what it says), or expired.
//!
//! The stored form and its checks are pure and tested natively; saving and
//! loading are in [`crate::auth::store`].

pub mod flow;
pub mod names;

use std::sync::Arc;

use leptos::prelude::*;

use crate::auth::callback::{AccessToken, Credential};
use crate::auth::jwt::DecodedToken;
pub use crate::auth::stored::{Keep, Kept, StoredSession, STORED_VERSION};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignedIn {
    pub token: AccessToken,
    pub decoded: DecodedToken,
    pub kept: Kept,
    /// The GraphQL origin this sign-in is for (see [`Credential::origin`]).
    pub origin: Arc<str>,
}

impl SignedIn {
    pub fn user_id(&self) -> String {
        self.decoded.claims.user_id()
    }

    pub fn expires_at(&self) -> i64 {
        self.decoded.claims.exp
    }

    /// What requests to AniList are sent with.
    pub fn credential(&self) -> Credential {
        Credential { token: self.token.clone(), user: self.decoded.claims.sub, origin: self.origin.clone() }
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

/// The session signal, shared through context.
#[derive(Clone, Copy)]
pub struct SessionContext(pub RwSignal<Session>);

impl SessionContext {
    pub fn new(initial: Session) -> Self {
        Self(RwSignal::new(initial))
    }

    /// What to send a request with now, read without tracking: `None` when
    /// signed out, or when the app that owns the session is gone (an answer
    /// arriving late then asks for nothing).
    pub fn credential(&self) -> Option<Credential> {
        self.0.try_with_untracked(|s| s.signed_in().map(SignedIn::credential)).flatten()
    }

    /// The signed-in person's AniList id, tracked: what reads it runs again
    /// when someone signs in, out, or switches account.
    pub fn user(&self) -> Option<u64> {
        self.0.with(|s| s.signed_in().map(|s| s.decoded.claims.sub))
    }

    /// The signed-in person's AniList id now, read without tracking.
    pub fn user_untracked(&self) -> Option<u64> {
        self.0.try_with_untracked(|s| s.signed_in().map(|s| s.decoded.claims.sub)).flatten()
    }
}

/// The app's session (provided once by [`crate::App`]).
pub fn use_session() -> SessionContext {
    expect_context()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::jwt::tests::{anilist_payload, token_with};
    use crate::auth::stored::tests::signed_in;

    #[test]
    fn labels_and_warnings() {
        let (t, d) = signed_in(1_000_000_000);
        let s = Session::SignedIn(Arc::new(SignedIn { token: t, decoded: d, kept: Kept::Device, origin: "https://graphql.anilist.co".into() }));
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
