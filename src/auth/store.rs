//! Where the session, the pending sign-in and a person's own client id are
//! kept. Thin glue over [`crate::storage`]; the checks are in
//! [`crate::auth::stored`] and [`crate::auth::callback`].

use crate::auth::accounts::Parked;
use crate::auth::callback::{AccessToken, PendingSignIn};
use crate::auth::jwt::DecodedToken;
use crate::config::validate_client_id;
use crate::auth::stored::{Keep, Kept, StoredSession};
use crate::storage::{self, Area, StorageProblem};

/// One versioned key for the session, in localStorage or sessionStorage.
pub const SESSION_KEY: &str = "tsuzuki.session.v1";
/// The other accounts signed in, each where its session was kept
/// (localStorage for the device, sessionStorage for this tab).
pub const PARKED_KEY: &str = "tsuzuki.accounts.v1";
/// The accounts' names and avatars as AniList gave them, by user id
/// (localStorage), for the accounts menu.
pub const NAMES_KEY: &str = "tsuzuki.account-names.v1";
/// The sign-in this tab began (sessionStorage).
pub const PENDING_KEY: &str = "tsuzuki.pending-sign-in.v1";
/// A client id the person entered themselves (localStorage).
pub const CLIENT_ID_KEY: &str = "tsuzuki.client-id.v1";
/// The GraphQL console's last runs: kept where the session is kept (a
/// tab-only session keeps them in the tab only), deleted at sign-out.
pub const HISTORY_KEY: &str = "tsuzuki.console-history.v1";

/// Where the console history goes for a session kept `kept` (`None`:
/// signed out).
pub fn history_area(kept: Option<Kept>) -> Area {
    match kept {
        Some(Kept::Tab) | Some(Kept::MemoryOnly) => Area::Tab,
        Some(Kept::Device) | None => Area::Local,
    }
}

/// Sign-out: what the app keeps of the person in web storage goes too
/// (the session itself: [`clear`]).
pub fn forget_person() {
    storage::delete(Area::Local, HISTORY_KEY);
    storage::delete(Area::Tab, HISTORY_KEY);
}

/// What was found in storage at start-up.
// Made once at a load and taken apart at once: the size of its variants
// costs nothing worth a box.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub enum Loaded {
    Nothing,
    /// The token, what it says, where it was kept, and the GraphQL origin
    /// it was signed in for.
    Session(AccessToken, DecodedToken, Kept, String),
    /// A value was there but could not be trusted; it has been removed.
    Corrupt,
}

/// The stored session: this tab's first, then the device's.
pub fn load() -> Loaded {
    for (area, kept) in [(Area::Tab, Kept::Tab), (Area::Local, Kept::Device)] {
        match storage::get::<StoredSession>(area, SESSION_KEY) {
            Ok(None) | Err(StorageProblem::Unavailable) | Err(StorageProblem::Full) => continue,
            Ok(Some(value)) => match StoredSession::restore(&value) {
                Some((token, decoded, origin)) => return Loaded::Session(token, decoded, kept, origin),
                None => {
                    storage::delete(area, SESSION_KEY);
                    return Loaded::Corrupt;
                }
            },
            Err(StorageProblem::Corrupt) => {
                storage::delete(area, SESSION_KEY);
                return Loaded::Corrupt;
            }
        }
    }
    Loaded::Nothing
}

/// Keeps the session where the person asked; falls back to memory (and
/// says so through the returned `Kept`) when storage refuses.
pub fn save(token: &AccessToken, decoded: &DecodedToken, keep: Keep, origin: &str) -> (Kept, Option<StorageProblem>) {
    let stored = StoredSession::new(token, decoded, origin);
    let (area, kept, other) = match keep {
        Keep::Device => (Area::Local, Kept::Device, Area::Tab),
        Keep::Tab => (Area::Tab, Kept::Tab, Area::Local),
    };
    storage::delete(other, SESSION_KEY);
    match storage::set(area, SESSION_KEY, &stored) {
        Ok(()) => (kept, None),
        Err(problem) => (Kept::MemoryOnly, Some(problem)),
    }
}

/// Forgets the session everywhere (sign-out, expiry).
pub fn clear() {
    storage::delete(Area::Local, SESSION_KEY);
    storage::delete(Area::Tab, SESSION_KEY);
}

fn parked_in(area: Area) -> Parked {
    Parked::checked(storage::get::<Parked>(area, PARKED_KEY).ok().flatten())
}

fn keep_parked(area: Area, parked: &Parked) -> Result<(), StorageProblem> {
    if parked.is_empty() {
        storage::delete(area, PARKED_KEY);
        Ok(())
    } else {
        storage::set(area, PARKED_KEY, parked)
    }
}

/// The accounts signed in besides the active one (this tab's first), the
/// most recently parked first.
pub fn parked_users() -> Vec<u64> {
    let mut users = parked_in(Area::Tab).users();
    for u in parked_in(Area::Local).users() {
        if !users.contains(&u) {
            users.push(u);
        }
    }
    users
}

/// Parks the active account's session where it is kept, to switch to
/// another. A session kept only in memory cannot be parked.
pub fn park(token: &AccessToken, decoded: &DecodedToken, kept: Kept, origin: &str) -> Result<(), StorageProblem> {
    let area = match kept {
        Kept::Device => Area::Local,
        Kept::Tab => Area::Tab,
        Kept::MemoryOnly => return Err(StorageProblem::Unavailable),
    };
    let mut parked = parked_in(area);
    parked.park(StoredSession::new(token, decoded, origin));
    keep_parked(area, &parked)
}

/// Takes a parked account out, to make it the active one.
pub fn unpark(sub: u64) -> Option<(AccessToken, DecodedToken, Keep, String)> {
    for (area, keep) in [(Area::Tab, Keep::Tab), (Area::Local, Keep::Device)] {
        let mut parked = parked_in(area);
        if let Some(s) = parked.take(sub) {
            let _ = keep_parked(area, &parked);
            let (token, decoded, origin) = s.restore()?;
            return Some((token, decoded, keep, origin));
        }
    }
    None
}

/// A parked account's credential, left parked (to ask AniList its name
/// with its own token); `None` when it is gone or its token has expired.
pub fn parked_credential(sub: u64, now_secs: i64) -> Option<crate::auth::callback::Credential> {
    [Area::Tab, Area::Local].into_iter().find_map(|area| {
        let (token, decoded, origin) = parked_in(area).accounts.into_iter().find(|s| s.sub == sub)?.restore()?;
        (decoded.claims.validity(now_secs) == crate::auth::jwt::Validity::Valid)
            .then(|| crate::auth::callback::Credential { token, user: sub, origin: origin.into() })
    })
}

/// Forgets a parked account (signed out of, or active again).
pub fn drop_parked(sub: u64) {
    let _ = unpark(sub);
}

/// An account's name and avatar, as AniList gave them, and whether the
/// account lets titles for adults show (its `displayAdultContent`; kept
/// before it was read: no).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AccountName {
    pub name: String,
    pub avatar: Option<String>,
    #[serde(default)]
    pub adult: bool,
}

fn names() -> std::collections::BTreeMap<u64, AccountName> {
    storage::get(Area::Local, NAMES_KEY).ok().flatten().unwrap_or_default()
}

pub fn account_name(user: u64) -> Option<AccountName> {
    names().remove(&user)
}

pub fn set_account_name(user: u64, name: AccountName) {
    let mut all = names();
    all.insert(user, name);
    let _ = storage::set(Area::Local, NAMES_KEY, &all);
}

/// Signed out of: its name goes too.
pub fn forget_account_name(user: u64) {
    let mut all = names();
    if all.remove(&user).is_some() {
        let _ = if all.is_empty() {
            storage::delete(Area::Local, NAMES_KEY);
            Ok(())
        } else {
            storage::set(Area::Local, NAMES_KEY, &all)
        };
    }
}

pub fn put_pending(pending: &PendingSignIn) -> Result<(), StorageProblem> {
    storage::set(Area::Tab, PENDING_KEY, pending)
}

/// The pending sign-in, left in place (the reply is checked again when it
/// is taken).
pub fn peek_pending() -> Option<PendingSignIn> {
    storage::get::<PendingSignIn>(Area::Tab, PENDING_KEY).ok().flatten()
}

/// The pending sign-in, removed as it is read: it is good for one reply.
pub fn take_pending() -> Option<PendingSignIn> {
    let pending = peek_pending();
    storage::delete(Area::Tab, PENDING_KEY);
    pending
}

/// The client id the person entered, if any and if still valid.
pub fn own_client_id() -> Option<String> {
    let raw: String = storage::get(Area::Local, CLIENT_ID_KEY).ok().flatten()?;
    validate_client_id(&raw).ok()
}

pub fn set_own_client_id(id: Option<&str>) -> Result<(), StorageProblem> {
    match id {
        Some(id) => storage::set(Area::Local, CLIENT_ID_KEY, id),
        None => {
            storage::delete(Area::Local, CLIENT_ID_KEY);
            Ok(())
        }
    }
}
