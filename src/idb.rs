//! The app's IndexedDB database: text values under text keys in a few
//! object stores. Thin glue over `indexed_db_futures`. Every call returns an error
//! instead of throwing; when IndexedDB is absent or refused (private
//! modes, storage blocked), every call fails with the reason and the
//! caller keeps its data in memory.

use std::cell::RefCell;
use std::rc::Rc;

use futures::future::{FutureExt, LocalBoxFuture, Shared};

use indexed_db_futures::prelude::*;
use indexed_db_futures::web_sys::IdbTransactionMode;
use wasm_bindgen::JsValue;

pub const DB_NAME: &str = "tsuzuki";
/// 2 added [`TITLES`].
const DB_VERSION: u32 = 2;
/// A user's lists: key `"{user}:{kind}"`.
pub const LISTS: &str = "lists";
/// A user's waiting changes: key `"{user}"`.
pub const OUTBOX: &str = "outbox";
/// Titles' pages as last read: key `"{user}:{media id}"` (user 0: signed out).
pub const TITLES: &str = "titles";

thread_local! {
    /// The one connection, opened at the first call (the calls made
    /// meanwhile wait for the same one).
    static DB: RefCell<Option<Opening>> = const { RefCell::new(None) };
}

/// What went wrong, for a person: the browser's own words, or plain ones
/// when the storage is full (its words for that are about "quota").
fn why(e: impl Into<JsValue>) -> String {
    let e = js_sys::Error::from(e.into());
    if e.name() == "QuotaExceededError" {
        return "the browser's storage for this site is full".into();
    }
    e.message().into()
}

async fn open() -> Result<IdbDatabase, String> {
    let mut request = IdbDatabase::open_u32(DB_NAME, DB_VERSION).map_err(why)?;
    request.set_on_upgrade_needed(Some(|event: &IdbVersionChangeEvent| -> Result<(), JsValue> {
        for name in [LISTS, OUTBOX, TITLES] {
            if !event.db().object_store_names().any(|n| n == name) {
                event.db().create_object_store(name)?;
            }
        }
        Ok(())
    }));
    let mut db = request.await.map_err(why)?;
    // A newer version of the app, in another tab, changes the database's
    // layout: it waits until every connection is closed. This tab lets go
    // at once and keeps its data in memory from then on (its calls fail
    // with the reason, which the app shows).
    db.set_on_version_change(Some(|_: &IdbVersionChangeEvent| -> Result<(), JsValue> {
        let gone = DB.with(|d| d.borrow_mut().replace(futures::future::ready(Err(NEWER.to_owned())).boxed_local().shared()));
        if let Some(Ok(db)) = gone.as_ref().and_then(|o| o.peek()) {
            db.close();
        }
        // Not dropped: it holds this very callback, still running.
        std::mem::forget(gone);
        Ok(())
    }));
    Ok(db)
}

type Opening = Shared<LocalBoxFuture<'static, Result<Rc<IdbDatabase>, String>>>;

/// Why the database went away: see [`open`].
const NEWER: &str = "a newer version of Tsuzuki opened in another tab took over the browser's database; reload this tab to use it";

async fn db() -> Result<Rc<IdbDatabase>, String> {
    let opening = DB.with(|d| {
        d.borrow_mut()
            .get_or_insert_with(|| async { open().await.map(Rc::new).map_err(|e| format!("the browser's database is not available ({e})")) }.boxed_local().shared())
            .clone()
    });
    opening.await
}

/// Whether the database could be opened (opens it the first time).
pub async fn available() -> Result<(), String> {
    db().await.map(|_| ())
}

pub async fn get(store: &str, key: &str) -> Result<Option<String>, String> {
    let db = db().await?;
    let tx = db.transaction_on_one_with_mode(store, IdbTransactionMode::Readonly).map_err(why)?;
    let s = tx.object_store(store).map_err(why)?;
    let value = s.get_owned(key).map_err(why)?.await.map_err(why)?;
    Ok(value.and_then(|v| v.as_string()))
}

/// Several values read in one transaction (the requests go together).
pub async fn get_many(store: &str, keys: &[String]) -> Result<Vec<Option<String>>, String> {
    let db = db().await?;
    let tx = db.transaction_on_one_with_mode(store, IdbTransactionMode::Readonly).map_err(why)?;
    let s = tx.object_store(store).map_err(why)?;
    let asked = keys.iter().map(|k| s.get_owned(k.as_str()).map_err(why)).collect::<Result<Vec<_>, _>>()?;
    let mut values = Vec::with_capacity(asked.len());
    for request in asked {
        values.push(request.await.map_err(why)?.and_then(|v| v.as_string()));
    }
    Ok(values)
}

pub async fn put(store: &str, key: &str, value: &str) -> Result<(), String> {
    let db = db().await?;
    let tx = db.transaction_on_one_with_mode(store, IdbTransactionMode::Readwrite).map_err(why)?;
    let s = tx.object_store(store).map_err(why)?;
    s.put_key_val_owned(key, &JsValue::from_str(value)).map_err(why)?;
    tx.await.into_result().map_err(why)
}

pub async fn delete(store: &str, key: &str) -> Result<(), String> {
    let db = db().await?;
    let tx = db.transaction_on_one_with_mode(store, IdbTransactionMode::Readwrite).map_err(why)?;
    let s = tx.object_store(store).map_err(why)?;
    s.delete_owned(key).map_err(why)?;
    tx.await.into_result().map_err(why)
}

pub async fn keys(store: &str) -> Result<Vec<String>, String> {
    let db = db().await?;
    let tx = db.transaction_on_one_with_mode(store, IdbTransactionMode::Readonly).map_err(why)?;
    let s = tx.object_store(store).map_err(why)?;
    let keys = s.get_all_keys().map_err(why)?.await.map_err(why)?;
    Ok(keys.iter().filter_map(|k| k.as_string()).collect())
}

/// Puts and deletes in one transaction: all of them happen, or none.
pub async fn write_all(store: &str, puts: &[(String, String)], deletes: &[String]) -> Result<(), String> {
    let db = db().await?;
    let tx = db.transaction_on_one_with_mode(store, IdbTransactionMode::Readwrite).map_err(why)?;
    let s = tx.object_store(store).map_err(why)?;
    for (key, value) in puts {
        s.put_key_val_owned(key.as_str(), &JsValue::from_str(value)).map_err(why)?;
    }
    for key in deletes {
        s.delete_owned(key.as_str()).map_err(why)?;
    }
    tx.await.into_result().map_err(why)
}
