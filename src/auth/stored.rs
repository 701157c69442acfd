//! What is kept of a session in web storage, and where the person asked it
//! to be kept. Pure: tested natively.

use serde::{Deserialize, Serialize};

use crate::auth::callback::AccessToken;
use crate::auth::jwt::{self, DecodedToken};

/// Where the person asked the session to be kept.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Keep {
    /// This tab only (sessionStorage).
    Tab,
    /// On this device, across visits (localStorage). Also what an unknown
    /// stored value reads as.
    #[default]
    #[serde(other)]
    Device,
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

/// The session as kept in storage, under one versioned key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredSession {
    pub v: u32,
    pub token: String,
    pub sub: u64,
    pub exp: i64,
    /// The origin of the GraphQL endpoint the sign-in was made for: the
    /// token is sent there and nowhere else. Missing in sessions kept
    /// before it was recorded, which were all AniList's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
}

pub const STORED_VERSION: u32 = 1;

/// The origin of a session kept before origins were recorded.
pub const ANILIST_GRAPHQL_ORIGIN: &str = "https://graphql.anilist.co";

impl StoredSession {
    pub fn new(token: &AccessToken, decoded: &DecodedToken, origin: &str) -> Self {
        Self {
            v: STORED_VERSION,
            token: token.expose().to_string(),
            sub: decoded.claims.sub,
            exp: decoded.claims.exp,
            origin: Some(origin.to_string()),
        }
    }

    /// Reads the stored token again and checks it agrees with what was
    /// stored beside it. Anything off means the value is corrupt.
    pub fn restore(&self) -> Option<(AccessToken, DecodedToken, String)> {
        if self.v != STORED_VERSION {
            return None;
        }
        let decoded = jwt::decode(&self.token).ok()?;
        let origin = self.origin.clone().unwrap_or_else(|| ANILIST_GRAPHQL_ORIGIN.to_string());
        (decoded.claims.sub == self.sub && decoded.claims.exp == self.exp)
            .then(|| (AccessToken::new(self.token.clone()), decoded, origin))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::auth::jwt::tests::{anilist_payload, token_with};

    /// A token of AniList's shape expiring at `exp`, decoded.
    pub(crate) fn signed_in(exp: i64) -> (AccessToken, DecodedToken) {
        let raw = token_with(&anilist_payload(exp));
        let decoded = jwt::decode(&raw).unwrap();
        (AccessToken::new(raw), decoded)
    }

    #[test]
    fn stored_round_trip() {
        let (t, d) = signed_in(1_900_000_000);
        let stored = StoredSession::new(&t, &d, "http://127.0.0.1:4000");
        let json = serde_json::to_string(&stored).unwrap();
        assert_eq!(json.matches('"').count(), 14, "{{\"v\":1,\"token\":…,\"sub\":…,\"exp\":…,\"origin\":…}}: {json}");
        let back: StoredSession = serde_json::from_str(&json).unwrap();
        assert_eq!(back, stored);
        assert_eq!(back.restore(), Some((t.clone(), d.clone(), "http://127.0.0.1:4000".to_string())));
        // Kept before origins were recorded: AniList's.
        let older = StoredSession { origin: None, ..stored };
        let text = serde_json::to_string(&older).unwrap();
        assert!(!text.contains("origin"));
        assert_eq!(serde_json::from_str::<StoredSession>(&text).unwrap().restore(), Some((t, d, ANILIST_GRAPHQL_ORIGIN.to_string())));
    }

    #[test]
    fn stored_values_that_disagree_are_corrupt() {
        let (t, d) = signed_in(1_900_000_000);
        let good = StoredSession::new(&t, &d, ANILIST_GRAPHQL_ORIGIN);
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
            assert!(serde_json::from_str::<StoredSession>(text).is_err(), "{text}");
        }
    }

    #[test]
    fn keep_reads_old_and_unknown_values_as_the_device() {
        assert_eq!(serde_json::from_str::<Keep>("\"Tab\"").unwrap(), Keep::Tab);
        assert_eq!(serde_json::from_str::<Keep>("\"Device\"").unwrap(), Keep::Device);
        assert_eq!(serde_json::from_str::<Keep>("\"Cloud\"").unwrap(), Keep::Device);
    }
}
