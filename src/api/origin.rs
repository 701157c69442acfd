//! Where a request may go, and with what. Pure: tested natively.
//!
//! The token is attached only to requests to the GraphQL origin it was
//! signed in for; a configuration that names another origin gets an error
//! and no request at all (signing in again for it is the way). An endpoint
//! the page's Content-Security-Policy refuses is not tried.

use crate::api::error::ApiError;

/// `configured`: the origin of the GraphQL URL in use; `signed_in_for`:
/// the origin of the token's sign-in, when a token goes with the request.
pub fn may_send(configured: &str, refused_by_policy: bool, signed_in_for: Option<&str>) -> Result<(), ApiError> {
    if refused_by_policy {
        return Err(ApiError::RefusedByPolicy);
    }
    match signed_in_for {
        Some(origin) if origin.is_empty() || configured.is_empty() || origin != configured => {
            Err(ApiError::WrongOrigin { signed_in_for: origin.to_string(), configured: configured.to_string() })
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ANILIST: &str = "https://graphql.anilist.co";

    #[test]
    fn the_token_goes_only_to_its_own_origin() {
        assert_eq!(may_send(ANILIST, false, Some(ANILIST)), Ok(()));
        assert_eq!(may_send(ANILIST, false, None), Ok(()), "no token: anywhere the policy allows");
        for other in ["https://graphql.anilist.co.evil.example", "http://graphql.anilist.co", "https://graphql.anilist.co:8443", ""] {
            assert!(matches!(may_send(other, false, Some(ANILIST)), Err(ApiError::WrongOrigin { .. })), "{other:?}");
        }
        assert!(matches!(may_send(ANILIST, false, Some("")), Err(ApiError::WrongOrigin { .. })), "a sign-in with no origin sends nothing");
    }

    #[test]
    fn nothing_is_tried_where_the_policy_refuses() {
        assert_eq!(may_send(ANILIST, true, Some(ANILIST)), Err(ApiError::RefusedByPolicy));
        assert_eq!(may_send(ANILIST, true, None), Err(ApiError::RefusedByPolicy));
    }

    #[test]
    fn the_message_names_both_origins_and_never_the_token() {
        let e = may_send("http://127.0.0.1:4000", false, Some(ANILIST)).unwrap_err();
        let text = format!("{e} {}", e.next_step());
        assert!(text.contains(ANILIST) && text.contains("http://127.0.0.1:4000"), "{text}");
    }
}
