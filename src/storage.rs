//! Web storage, never throwing: gloo-storage's handles throw a JS exception
//! when storage is disabled, so every call first checks that the storage is
//! there. Failures come back as [`StorageProblem`].
//!
//! Values go in and out as JSON text of their serde types.

use gloo_storage::{LocalStorage, SessionStorage, Storage};
use serde::de::DeserializeOwned;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Area {
    /// Kept across visits (localStorage).
    Local,
    /// This tab only (sessionStorage).
    Tab,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StorageProblem {
    #[error("this browser does not let the app store anything here (storage is disabled or blocked)")]
    Unavailable,
    #[error("the browser's storage for this site is full")]
    Full,
    #[error("the stored value could not be read")]
    Corrupt,
}

fn raw(area: Area) -> Option<web_sys::Storage> {
    let window = web_sys::window()?;
    match area {
        Area::Local => window.local_storage().ok().flatten(),
        Area::Tab => window.session_storage().ok().flatten(),
    }
}

pub fn available(area: Area) -> bool {
    raw(area).is_some()
}

/// `Ok(None)` when nothing is stored under `key`.
/// A value that is there but not of type `T` is [`StorageProblem::Corrupt`].
pub fn get<T: DeserializeOwned>(area: Area, key: &str) -> Result<Option<T>, StorageProblem> {
    let storage = gloo(area)?;
    match storage.get_item(key) {
        Ok(None) => Ok(None),
        Ok(Some(text)) => serde_json::from_str(&text).map(Some).map_err(|_| StorageProblem::Corrupt),
        Err(_) => Err(StorageProblem::Unavailable),
    }
}

pub fn set<T: Serialize + ?Sized>(area: Area, key: &str, value: &T) -> Result<(), StorageProblem> {
    let storage = gloo(area)?;
    let text = serde_json::to_string(value).map_err(|_| StorageProblem::Corrupt)?;
    storage.set_item(key, &text).map_err(|e| {
        let name = js_sys::Reflect::get(&e, &"name".into()).ok().and_then(|n| n.as_string());
        if name.as_deref() == Some("QuotaExceededError") {
            StorageProblem::Full
        } else {
            StorageProblem::Unavailable
        }
    })
}

/// gloo-storage's handle on the area, once it is known to be there (its
/// `raw()` throws otherwise).
fn gloo(area: Area) -> Result<web_sys::Storage, StorageProblem> {
    if !available(area) {
        return Err(StorageProblem::Unavailable);
    }
    Ok(match area {
        Area::Local => LocalStorage::raw(),
        Area::Tab => SessionStorage::raw(),
    })
}

pub fn delete(area: Area, key: &str) {
    if let Some(s) = raw(area) {
        let _ = s.remove_item(key);
    }
}

/// Where a post being written is kept in this tab (see
/// `components::compose`): per person and place.
pub fn draft_key(user: u64, place: &str) -> String {
    format!("tsuzuki.draft.{user}.{place}")
}

/// Forgets every draft of `user` in this tab (at sign-out).
pub fn forget_drafts(user: u64) {
    let Some(tab) = raw(Area::Tab) else { return };
    let prefix = draft_key(user, "");
    let keys: Vec<String> = (0..tab.length().unwrap_or(0)).filter_map(|i| tab.key(i).ok().flatten()).filter(|k| k.starts_with(&prefix)).collect();
    for key in keys {
        let _ = tab.remove_item(&key);
    }
}
