//! This tab among the app's other open tabs. Each page load has an id and
//! holds a Web Lock named by it for as long as it lives, so another tab can
//! tell whether the tab that kept some changes is gone (its lock is free),
//! and take them over while holding that lock (one tab only does).
//! Browsers without Web Locks (an origin that is not secure) say so with
//! [`can_tell`]; the caller then treats kept changes as before.

use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    static ID: String = format!("{:x}", (js_sys::Math::random() * 4_503_599_627_370_496.0) as u64);
}

/// This page load's id.
pub fn id() -> String {
    ID.with(Clone::clone)
}

fn lock_name(tab: &str) -> String {
    format!("tsuzuki-tab-{tab}")
}

fn locks() -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    let locks = js_sys::Reflect::get(&navigator, &"locks".into()).ok()?;
    (!locks.is_undefined() && !locks.is_null()).then_some(locks)
}

/// `navigator.locks.request(name[, options], callback)`.
fn request(locks: &JsValue, name: &str, options: Option<&js_sys::Object>, callback: &JsValue) -> Option<js_sys::Promise> {
    let request: js_sys::Function = js_sys::Reflect::get(locks, &"request".into()).ok()?.dyn_into().ok()?;
    let asked = match options {
        Some(o) => request.call3(locks, &name.into(), o, callback),
        None => request.call2(locks, &name.into(), callback),
    };
    asked.ok()?.dyn_into().ok()
}

/// Whether this browser can tell a closed tab from an open one.
pub fn can_tell() -> bool {
    locks().is_some()
}

/// Holds this tab's lock for as long as the page lives (the browser lets
/// it go when the tab closes or reloads).
pub fn hold() {
    let Some(locks) = locks() else { return };
    let forever = Closure::once_into_js(|_lock: JsValue| js_sys::Promise::new(&mut |_, _| {}));
    let _ = request(&locks, &lock_name(&id()), None, &forever);
}

/// Runs `work` if tab `other` is gone (no one holds its lock), holding its
/// lock meanwhile so that no other tab runs the same; `false` when that
/// tab is open (or another tab is taking its changes over right now), or
/// when this browser cannot tell.
pub async fn while_gone(other: &str, work: impl Future<Output = ()> + 'static) -> bool {
    let Some(locks) = locks() else { return false };
    let ran = Rc::new(Cell::new(false));
    let flag = ran.clone();
    let callback = Closure::once_into_js(move |lock: JsValue| -> js_sys::Promise {
        if lock.is_null() {
            return js_sys::Promise::resolve(&JsValue::FALSE);
        }
        flag.set(true);
        wasm_bindgen_futures::future_to_promise(async move {
            work.await;
            Ok(JsValue::TRUE)
        })
    });
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"ifAvailable".into(), &JsValue::TRUE);
    let Some(done) = request(&locks, &lock_name(other), Some(&options), &callback) else { return false };
    let _ = wasm_bindgen_futures::JsFuture::from(done).await;
    ran.get()
}

thread_local! {
    /// The app's channel between its open tabs (`None` where the browser
    /// has none).
    static CHANNEL: Option<web_sys::BroadcastChannel> = web_sys::BroadcastChannel::new("tsuzuki").ok();
}

/// Tells the app's other open tabs (of this origin) `text`.
pub fn tell(text: &str) {
    CHANNEL.with(|c| {
        if let Some(c) = c {
            let _ = c.post_message(&JsValue::from_str(text));
        }
    });
}

/// Hears what the app's other open tabs tell, for the page's life (each
/// listener hears every message: each reads only its own kind).
pub fn hear(f: impl Fn(String) + 'static) {
    CHANNEL.with(|c| {
        let Some(c) = c else { return };
        let heard = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            if let Some(text) = e.data().as_string() {
                f(text);
            }
        });
        let _ = c.add_event_listener_with_callback("message", heard.as_ref().unchecked_ref());
        heard.forget();
    });
}
