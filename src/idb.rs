//! The app's IndexedDB database: text values under text keys in a few
//! object stores. Thin glue over `rexie`. Every call returns an error
//! instead of throwing; when IndexedDB is absent or refused (private
//! modes, storage blocked), every call fails with the reason and the
//! caller keeps its data in memory.

use std::cell::RefCell;
use std::rc::Rc;

use rexie::{ObjectStore, Rexie, TransactionMode};
use wasm_bindgen::JsValue;

pub const DB_NAME: &str = "tsuzuki";
const DB_VERSION: u32 = 1;
/// A user's lists: key `"{user}:{kind}"`.
pub const LISTS: &str = "lists";
/// A user's waiting changes: key `"{user}"`.
pub const OUTBOX: &str = "outbox";

thread_local! {
    static DB: RefCell<Option<Result<Rc<Rexie>, String>>> = const { RefCell::new(None) };
}

async fn db() -> Result<Rc<Rexie>, String> {
    if let Some(known) = DB.with(|d| d.borrow().clone()) {
        return known;
    }
    let opened = Rexie::builder(DB_NAME)
        .version(DB_VERSION)
        .add_object_store(ObjectStore::new(LISTS))
        .add_object_store(ObjectStore::new(OUTBOX))
        .build()
        .await
        .map(Rc::new)
        .map_err(|e| format!("the browser's database is not available ({e})"));
    DB.with(|d| *d.borrow_mut() = Some(opened.clone()));
    opened
}

/// Whether the database could be opened (opens it the first time).
pub async fn available() -> Result<(), String> {
    db().await.map(|_| ())
}

pub async fn get(store: &str, key: &str) -> Result<Option<String>, String> {
    let db = db().await?;
    let tx = db.transaction(&[store], TransactionMode::ReadOnly).map_err(|e| e.to_string())?;
    let s = tx.store(store).map_err(|e| e.to_string())?;
    let value = s.get(JsValue::from_str(key)).await.map_err(|e| e.to_string())?;
    Ok(value.and_then(|v| v.as_string()))
}

pub async fn put(store: &str, key: &str, value: &str) -> Result<(), String> {
    let db = db().await?;
    let tx = db.transaction(&[store], TransactionMode::ReadWrite).map_err(|e| e.to_string())?;
    let s = tx.store(store).map_err(|e| e.to_string())?;
    s.put(&JsValue::from_str(value), Some(&JsValue::from_str(key))).await.map_err(|e| e.to_string())?;
    tx.done().await.map_err(|e| e.to_string())?;
    Ok(())
}

pub async fn delete(store: &str, key: &str) -> Result<(), String> {
    let db = db().await?;
    let tx = db.transaction(&[store], TransactionMode::ReadWrite).map_err(|e| e.to_string())?;
    let s = tx.store(store).map_err(|e| e.to_string())?;
    s.delete(JsValue::from_str(key)).await.map_err(|e| e.to_string())?;
    tx.done().await.map_err(|e| e.to_string())?;
    Ok(())
}

pub async fn keys(store: &str) -> Result<Vec<String>, String> {
    let db = db().await?;
    let tx = db.transaction(&[store], TransactionMode::ReadOnly).map_err(|e| e.to_string())?;
    let s = tx.store(store).map_err(|e| e.to_string())?;
    let keys = s.get_all_keys(None, None).await.map_err(|e| e.to_string())?;
    Ok(keys.into_iter().filter_map(|k| k.as_string()).collect())
}
