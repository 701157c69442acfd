//! The keyboard shortcuts on the page ([`crate::shortcuts`] says which key
//! does what, and when): one listener for the app, and the "?" help. The
//! row actions press the row's own buttons, so a shortcut does exactly what
//! a click does.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use crate::routes::Page;
use crate::shortcuts::{shortcut, takes_typing, Shortcut, ALL};

fn typing_in(el: Option<Element>) -> bool {
    let Some(el) = el else { return false };
    let editable = el.dyn_ref::<HtmlElement>().is_some_and(|h| h.is_content_editable());
    takes_typing(&el.tag_name(), el.get_attribute("type").as_deref(), editable)
}

/// The list rows in the page, in order.
fn rows() -> Vec<Element> {
    let Ok(list) = document().query_selector_all("li.entry") else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into::<Element>().ok()).collect()
}

fn focused_row() -> Option<Element> {
    document().active_element()?.closest("li.entry").ok().flatten()
}

fn press(row: &Element, testid: &str) {
    if let Ok(Some(b)) = row.query_selector(&format!("[data-testid={testid}]")) {
        if let Some(b) = b.dyn_ref::<HtmlElement>() {
            if !b.has_attribute("disabled") {
                b.click();
            }
        }
    }
}

/// Moves to the next (`by` 1) or previous (−1) row, or to the first one on
/// screen when none has focus.
fn move_row(by: i32) {
    let all = rows();
    let here = focused_row().and_then(|r| all.iter().position(|x| *x == r));
    let height = window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
    let target = match here {
        Some(i) => usize::try_from(i as i64 + i64::from(by)).ok().and_then(|i| all.get(i)),
        None => all.iter().find(|r| {
            let rect = r.get_bounding_client_rect();
            rect.bottom() > 0.0 && rect.top() < height
        }),
    };
    let Some(row) = target else { return };
    if let Ok(Some(link)) = row.query_selector("[data-testid=entry-title]") {
        if let Some(link) = link.dyn_ref::<HtmlElement>() {
            let _ = link.focus();
            link.scroll_into_view_with_bool(by < 0);
        }
    }
}

#[component]
pub fn Shortcuts() -> impl IntoView {
    let (help, set_help) = signal(false);
    let navigate = use_navigate();
    let handle = window_event_listener(leptos::ev::keydown, move |ev: web_sys::KeyboardEvent| {
        if ev.default_prevented() {
            return;
        }
        let Some(action) = shortcut(&ev.key(), ev.ctrl_key(), ev.alt_key(), ev.meta_key(), typing_in(document().active_element())) else { return };
        // A dialog open: only its own keys.
        if document().query_selector("dialog[open]").ok().flatten().is_some() {
            return;
        }
        ev.prevent_default();
        match action {
            Shortcut::Find => match document().query_selector("[data-shortcut=find]").ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                Some(input) => {
                    let _ = input.focus();
                    input.select();
                }
                None => navigate(&Page::Search.href(), Default::default()),
            },
            Shortcut::Next => move_row(1),
            Shortcut::Previous => move_row(-1),
            Shortcut::Increment => {
                if let Some(r) = focused_row() {
                    press(&r, "plus-one");
                }
            }
            Shortcut::Decrement => {
                if let Some(r) = focused_row() {
                    press(&r, "minus-one");
                }
            }
            Shortcut::Select => {
                if let Some(r) = focused_row() {
                    press(&r, "pick");
                }
            }
            Shortcut::Edit => {
                if let Some(r) = focused_row() {
                    press(&r, "edit");
                }
            }
            Shortcut::Write => {
                if let Some(field) = document().query_selector("[data-shortcut=write]").ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                    let _ = field.focus();
                }
            }
            Shortcut::Help => set_help.update(|h| *h = !*h),
        }
    });
    on_cleanup(move || handle.remove());
    move || help.get().then(|| view! { <ShortcutHelp on_close=Callback::new(move |_| set_help.set(false))/> })
}

#[component]
fn ShortcutHelp(on_close: Callback<()>) -> impl IntoView {
    let dialog = crate::components::modal_dialog(None);
    view! {
        <dialog class="editor shortcuts" node_ref=dialog aria-labelledby="shortcuts-title" data-testid="shortcuts"
            on:close=move |_| on_close.run(())>
            <div class="editor__head">
                <h2 id="shortcuts-title" class="editor__title">"Keyboard shortcuts"</h2>
                <button type="button" class="button button--small button--secondary" aria-label="Close"
                    on:click=move |_| on_close.run(())>"✕"</button>
            </div>
            <dl class="facts facts--compact">
                {ALL.iter().map(|(key, what)| view! { <div class="facts__row"><dt><kbd>{*key}</kbd></dt><dd>{*what}</dd></div> }).collect_view()}
            </dl>
            <p class="muted small">"Not while typing in a field, and never with Ctrl, Alt or ⌘."</p>
        </dialog>
    }
}
