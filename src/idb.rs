//! The app's IndexedDB database: text values under text keys in a few
//! object stores. Thin glue over `indexed_db_futures`. Every call returns an error
//! instead of throwing; when IndexedDB is absent or refused (private
//! modes, storage blocked), or another version of the app in another tab
//! has it, every call fails with the reason ([`Unkept`]) and the caller
//! keeps its data in memory.

use std::cell::RefCell;
use std::rc::Rc;

use futures::future::{FutureExt, LocalBoxFuture, Shared};
use futures::StreamExt;

use indexed_db_futures::prelude::*;
use indexed_db_futures::web_sys::IdbTransactionMode;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};

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

/// Why the browser's database cannot be used. The app then keeps its
/// data in this tab's memory only, and tells the person which it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unkept {
    /// The browser has no database for the app, refuses it (private
    /// modes, storage blocked) or is full: in its own words, or plain ones.
    Refused(String),
    /// A newer version of the app, opened in another tab, took the
    /// database over (see [`open`]).
    Newer,
    /// A tab of an older version of the app holds the database, so this
    /// one cannot bring its layout up to date (see [`open`]).
    Older,
}

/// What went wrong, for a person: the browser's own words, or plain ones
/// when the storage is full (its words for that are about "quota").
fn why(e: impl Into<JsValue>) -> Unkept {
    let e = js_sys::Error::from(e.into());
    match String::from(e.name()).as_str() {
        "QuotaExceededError" => Unkept::Refused("the browser's storage for this site is full".into()),
        // The database is at a later version than this app knows.
        "VersionError" => Unkept::Newer,
        _ => Unkept::Refused(e.message().into()),
    }
}

/// The database could not be opened at all.
fn unavailable(e: impl Into<JsValue>) -> Unkept {
    match why(e) {
        Unkept::Refused(e) => Unkept::Refused(format!("the browser's database is not available ({e})")),
        other => other,
    }
}

/// What became of [`lay_out`]'s request.
enum Outcome {
    Blocked,
    Opened,
    Failed(JsValue),
}

/// Brings the database to this version's layout, or says why not.
///
/// A newer layout waits until every other tab lets go of the database.
/// Tabs of this version do at once (see [`open`]); a tab of a version from
/// before that rule does not, and keeps the open waiting for as long as it
/// stays open. This tab does not wait for it: it keeps its data in memory
/// and says so. The open still goes on and lets go as soon as it lands,
/// the layout changed, so a reload once the other tab is gone uses the
/// database.
///
/// By hand over web-sys: `indexed_db_futures` 0.4's `blocked` callback
/// panics (it reads the request's result, which a blocked request does not
/// have yet).
async fn lay_out() -> Result<(), Unkept> {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or_else(|| Unkept::Refused("the browser's database is not available (this browser offers none here)".into()))?;
    let request = factory.open_with_u32(DB_NAME, DB_VERSION).map_err(unavailable)?;
    let (tell, mut told) = futures::channel::mpsc::unbounded();
    let on_upgrade = {
        let request = request.clone();
        Closure::<dyn Fn()>::new(move || {
            let Ok(db) = request.result().map(web_sys::IdbDatabase::from) else { return };
            for name in [LISTS, OUTBOX, TITLES] {
                if !db.object_store_names().contains(name) {
                    let _ = db.create_object_store(name);
                }
            }
        })
    };
    let on_success = {
        let (request, tell) = (request.clone(), tell.clone());
        Closure::<dyn Fn()>::new(move || {
            if let Ok(db) = request.result() {
                web_sys::IdbDatabase::from(db).close();
            }
            let _ = tell.unbounded_send(Outcome::Opened);
        })
    };
    let on_error = {
        let (request, tell) = (request.clone(), tell.clone());
        Closure::<dyn Fn()>::new(move || {
            let error = request.error().ok().flatten().map(JsValue::from).unwrap_or(JsValue::NULL);
            let _ = tell.unbounded_send(Outcome::Failed(error));
        })
    };
    let on_blocked = Closure::<dyn Fn()>::new(move || {
        let _ = tell.unbounded_send(Outcome::Blocked);
    });
    request.set_onupgradeneeded(Some(on_upgrade.as_ref().unchecked_ref()));
    request.set_onsuccess(Some(on_success.as_ref().unchecked_ref()));
    request.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    request.set_onblocked(Some(on_blocked.as_ref().unchecked_ref()));
    let handlers = (on_upgrade, on_success, on_error, on_blocked);
    let outcome = told.next().await;
    // The request lets go of the handlers before they are dropped.
    let unset = |(request, handlers): (web_sys::IdbOpenDbRequest, _)| {
        request.set_onupgradeneeded(None);
        request.set_onsuccess(None);
        request.set_onerror(None);
        request.set_onblocked(None);
        drop::<(Closure<dyn Fn()>, Closure<dyn Fn()>, Closure<dyn Fn()>, Closure<dyn Fn()>)>(handlers);
    };
    match outcome {
        Some(Outcome::Blocked) => {
            // The handlers stay until the open lands (or fails).
            wasm_bindgen_futures::spawn_local(async move {
                while let Some(Outcome::Blocked) = told.next().await {}
                unset((request, handlers));
            });
            Err(Unkept::Older)
        }
        Some(Outcome::Opened) => {
            unset((request, handlers));
            Ok(())
        }
        Some(Outcome::Failed(e)) => {
            unset((request, handlers));
            Err(unavailable(e))
        }
        None => Err(Unkept::Refused("the browser's database is not available".into())),
    }
}

async fn open() -> Result<IdbDatabase, Unkept> {
    lay_out().await?;
    let mut db = IdbDatabase::open_u32(DB_NAME, DB_VERSION).map_err(unavailable)?.await.map_err(unavailable)?;
    // A newer version of the app, in another tab, changes the database's
    // layout: it waits until every connection is closed. This tab lets go
    // at once and keeps its data in memory from then on (its calls fail
    // with the reason, which the app shows).
    db.set_on_version_change(Some(|_: &IdbVersionChangeEvent| -> Result<(), JsValue> {
        let gone = DB.with(|d| d.borrow_mut().replace(futures::future::ready(Err(Unkept::Newer)).boxed_local().shared()));
        if let Some(Ok(db)) = gone.as_ref().and_then(|o| o.peek()) {
            db.close();
        }
        // Not dropped: it holds this very callback, still running.
        std::mem::forget(gone);
        Ok(())
    }));
    Ok(db)
}

type Opening = Shared<LocalBoxFuture<'static, Result<Rc<IdbDatabase>, Unkept>>>;

async fn db() -> Result<Rc<IdbDatabase>, Unkept> {
    let opening = DB.with(|d| d.borrow_mut().get_or_insert_with(|| async { open().await.map(Rc::new) }.boxed_local().shared()).clone());
    opening.await
}

/// Whether the database could be opened (opens it the first time).
pub async fn available() -> Result<(), Unkept> {
    db().await.map(|_| ())
}

pub async fn get(store: &str, key: &str) -> Result<Option<String>, Unkept> {
    let db = db().await?;
    let tx = db.transaction_on_one_with_mode(store, IdbTransactionMode::Readonly).map_err(why)?;
    let s = tx.object_store(store).map_err(why)?;
    let value = s.get_owned(key).map_err(why)?.await.map_err(why)?;
    Ok(value.and_then(|v| v.as_string()))
}

/// Several values read in one transaction (the requests go together).
pub async fn get_many(store: &str, keys: &[String]) -> Result<Vec<Option<String>>, Unkept> {
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

pub async fn put(store: &str, key: &str, value: &str) -> Result<(), Unkept> {
    let db = db().await?;
    let tx = db.transaction_on_one_with_mode(store, IdbTransactionMode::Readwrite).map_err(why)?;
    let s = tx.object_store(store).map_err(why)?;
    s.put_key_val_owned(key, &JsValue::from_str(value)).map_err(why)?;
    tx.await.into_result().map_err(why)
}

pub async fn delete(store: &str, key: &str) -> Result<(), Unkept> {
    let db = db().await?;
    let tx = db.transaction_on_one_with_mode(store, IdbTransactionMode::Readwrite).map_err(why)?;
    let s = tx.object_store(store).map_err(why)?;
    s.delete_owned(key).map_err(why)?;
    tx.await.into_result().map_err(why)
}

pub async fn keys(store: &str) -> Result<Vec<String>, Unkept> {
    let db = db().await?;
    let tx = db.transaction_on_one_with_mode(store, IdbTransactionMode::Readonly).map_err(why)?;
    let s = tx.object_store(store).map_err(why)?;
    let keys = s.get_all_keys().map_err(why)?.await.map_err(why)?;
    Ok(keys.iter().filter_map(|k| k.as_string()).collect())
}

/// Puts and deletes in one transaction: all of them happen, or none.
pub async fn write_all(store: &str, puts: &[(String, String)], deletes: &[String]) -> Result<(), Unkept> {
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
