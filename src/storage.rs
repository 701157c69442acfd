//! Web storage, never throwing: gloo-storage does the JSON, but it throws a
//! JS exception when storage is disabled, so every call first checks that
//! the storage is there. Failures come back as [`StorageProblem`].
//!
//! Values go in and out as `serde_json::Value`; each stored type reads
//! itself from it (`from_json`), so serde's derived code is not compiled
//! once more for every stored type (see [`crate::api::read`]).

use gloo_storage::{errors::StorageError, LocalStorage, SessionStorage, Storage};
use serde_json::Value;

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
pub fn get(area: Area, key: &str) -> Result<Option<Value>, StorageProblem> {
    if !available(area) {
        return Err(StorageProblem::Unavailable);
    }
    let got = match area {
        Area::Local => LocalStorage::get(key),
        Area::Tab => SessionStorage::get(key),
    };
    match got {
        Ok(v) => Ok(Some(v)),
        Err(StorageError::KeyNotFound(_)) => Ok(None),
        Err(StorageError::SerdeError(_)) => Err(StorageProblem::Corrupt),
        Err(StorageError::JsError(_)) => Err(StorageProblem::Unavailable),
    }
}

pub fn set(area: Area, key: &str, value: &Value) -> Result<(), StorageProblem> {
    if !available(area) {
        return Err(StorageProblem::Unavailable);
    }
    let done = match area {
        Area::Local => LocalStorage::set(key, value),
        Area::Tab => SessionStorage::set(key, value),
    };
    done.map_err(|e| match e {
        StorageError::JsError(js) if js.name == "QuotaExceededError" => StorageProblem::Full,
        StorageError::SerdeError(_) => StorageProblem::Corrupt,
        _ => StorageProblem::Unavailable,
    })
}

pub fn delete(area: Area, key: &str) {
    if let Some(s) = raw(area) {
        let _ = s.remove_item(key);
    }
}
