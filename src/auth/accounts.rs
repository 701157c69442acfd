//! More than one AniList account on one device: the active account's
//! session is the one kept under the session key (as when there was only
//! one, so a session kept before is carried over as it is); the others
//! wait here, "parked", each with its own token, until the person switches
//! to one. Pure: tested natively; kept by [`crate::auth::store`].

use serde::{Deserialize, Serialize};

use crate::auth::stored::StoredSession;

/// The format of the parked list.
pub const PARKED_VERSION: u32 = 1;

/// The accounts signed in besides the active one, in the order they were
/// parked (the last one first to come back).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Parked {
    pub v: u32,
    pub accounts: Vec<StoredSession>,
}

impl Parked {
    /// What the stored text holds; anything unreadable or of another
    /// version counts as none (each account then signs in again).
    pub fn read(text: Option<&str>) -> Parked {
        Parked::checked(text.and_then(|t| serde_json::from_str::<Parked>(t).ok()))
    }

    /// A value read from storage, with only what can be trusted kept.
    pub fn checked(value: Option<Parked>) -> Parked {
        value
            .filter(|p| p.v == PARKED_VERSION)
            .map(|p| Parked { accounts: p.accounts.into_iter().filter(|s| s.restore().is_some()).collect(), ..p })
            .unwrap_or_default()
    }

    /// Parks a session (one per user: a newer one replaces it).
    pub fn park(&mut self, session: StoredSession) {
        self.v = PARKED_VERSION;
        self.accounts.retain(|s| s.sub != session.sub);
        self.accounts.push(session);
    }

    /// Takes a user's session out.
    pub fn take(&mut self, sub: u64) -> Option<StoredSession> {
        let at = self.accounts.iter().position(|s| s.sub == sub)?;
        Some(self.accounts.remove(at))
    }

    /// The users parked, the most recently parked first.
    pub fn users(&self) -> Vec<u64> {
        self.accounts.iter().rev().map(|s| s.sub).collect()
    }

    pub fn is_empty(&self) -> bool {
        self.accounts.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::callback::AccessToken;
    use crate::auth::jwt::{self, tests::token_with};

    fn session(sub: u64) -> StoredSession {
        let raw = token_with(&format!(r#"{{"aud":"1000","jti":"j","iat":1,"nbf":1,"exp":1900000000,"sub":"{sub}","scopes":[]}}"#));
        let decoded = jwt::decode(&raw).unwrap();
        StoredSession::new(&AccessToken::new(raw), &decoded, "https://graphql.anilist.co")
    }

    #[test]
    fn accounts_park_and_come_back_one_per_user() {
        let mut p = Parked::default();
        p.park(session(1));
        p.park(session(2));
        p.park(session(1));
        assert_eq!(p.users(), [1, 2], "parked again: one entry, now the latest");
        let text = serde_json::to_string(&p).unwrap();
        let back = Parked::read(Some(&text));
        assert_eq!(back, p);
        let mut back = back;
        assert_eq!(back.take(2).map(|s| s.sub), Some(2));
        assert_eq!(back.take(2), None);
        assert_eq!(back.users(), [1]);
        assert!(!back.is_empty());
    }

    #[test]
    fn unreadable_or_foreign_values_count_as_none() {
        for text in [None, Some(""), Some("null"), Some("{\"v\":9,\"accounts\":[]}"), Some("[1,2]")] {
            assert_eq!(Parked::read(text), Parked::default(), "{text:?}");
        }
        // A corrupt account is dropped; the good ones stay.
        let mut p = Parked::default();
        p.park(session(1));
        p.park(StoredSession { sub: 99, ..session(2) });
        let text = serde_json::to_string(&p).unwrap();
        assert_eq!(Parked::read(Some(&text)).users(), [1]);
    }
}
