//! Reusable pieces of the interface.

pub mod activity;
pub mod add_to_list;
pub mod api_status;
pub mod clock;
pub mod compose;
pub mod copy;
pub mod draft_form;
pub mod empty_state;
pub mod entry_editor;
pub mod export_lists;
pub mod favourite;
pub mod follow;
pub mod import_lists;
pub mod tidy_lists;
pub mod like;
pub mod notice;
pub mod profile;
pub mod preview;
pub mod read;
pub mod recommend;
pub mod rich_text;
pub mod shell;
pub mod shortcuts;
pub mod threads;
pub mod tiles;
pub mod title_search;
pub mod watch_row;
pub mod written;

use leptos::prelude::*;

/// The Anime / Manga tabs of a page that has one of each (`page` gives
/// each kind's address; the router marks the current one).
#[component]
pub fn KindTabs(label: &'static str, page: fn(crate::media::MediaKind) -> crate::routes::Page) -> impl IntoView {
    use leptos_router::components::A;
    view! {
        <nav class="tabs" aria-label=label>
            {crate::media::MediaKind::ALL.into_iter().map(|k| view! { <A href=page(k).href()>{k.label()}</A> }).collect_view()}
        </nav>
    }
}

/// The airing pages' tabs: what the person is watching, and the schedule.
#[component]
pub fn AiringTabs() -> impl IntoView {
    use crate::routes::Page;
    use leptos_router::components::A;
    view! {
        <nav class="tabs" aria-label="Airing">
            <A href=Page::Airing.href() exact=true>"Watching"</A>
            <A href=Page::Schedule.href()>"Schedule"</A>
        </nav>
    }
}

/// A `<dialog>`'s node ref that opens it as a modal once it is in the page:
/// the browser keeps focus inside, Escape closes it (its `close` event), a
/// click on the backdrop does nothing.
///
/// When it goes, the focus goes back to what had it before (the button
/// that opened it), or, when that is gone, hidden, or now stands for
/// something else, to the first element `fallback` (a CSS selector) finds
/// that takes it: a row's button after the row moved to another list. The
/// browser does this itself only for a dialog closed, not one taken out of
/// the page, which is how the app's dialogs end.
pub fn modal_dialog(fallback: Option<String>) -> NodeRef<leptos::html::Dialog> {
    use wasm_bindgen::JsCast;
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let opener = document().active_element().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    let opener = send_wrapper::SendWrapper::new(opener);
    Effect::new(move |_| {
        if let Some(d) = dialog.get() {
            if !d.open() {
                let _ = d.show_modal();
            }
        }
    });
    on_cleanup(move || {
        let opener = opener.take();
        // After the dialog has left the page: until then all else is inert.
        request_animation_frame(move || focus_back(opener, fallback, None, 20));
    });
    dialog
}

/// A call put off until typing pauses ([`crate::browse::DEBOUNCE`]): each
/// new one replaces the one waiting, and none is made once the component
/// that asked is gone (its values with it).
#[derive(Clone, Copy)]
pub struct Debounce(StoredValue<Option<leptos::leptos_dom::helpers::TimeoutHandle>>);

impl Debounce {
    pub fn new() -> Self {
        let me = Debounce(StoredValue::new(None));
        on_cleanup(move || me.cancel());
        me
    }

    /// `f` after the pause, unless another comes first.
    pub fn after_pause(self, f: impl FnOnce() + 'static) {
        self.cancel();
        let handle = leptos::leptos_dom::helpers::set_timeout_with_handle(f, crate::browse::DEBOUNCE).ok();
        self.0.try_set_value(handle);
    }

    /// The call waiting, if any, is not made.
    pub fn cancel(self) {
        if let Some(Some(t)) = self.0.try_update_value(Option::take) {
            t.clear();
        }
    }
}

impl Default for Debounce {
    fn default() -> Self {
        Self::new()
    }
}

/// Gives the focus, once the page is drawn (the next frame), to the first
/// element `selectors` finds that takes it (a disabled one does not).
pub fn focus_first(selectors: String) {
    use wasm_bindgen::JsCast;
    request_animation_frame(move || {
        let document = document();
        let Ok(found) = document.query_selector_all(&selectors) else { return };
        for i in 0..found.length() {
            if let Some(e) = found.item(i).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = e.focus();
                if document.active_element().is_some_and(|a| a == *e) {
                    return;
                }
            }
        }
    });
}

/// Gives the focus back after a dialog (see [`modal_dialog`]), and again
/// for a few frames while it falls back to the page (a row moved to
/// another list is drawn a frame or two later, and may be drawn anew once
/// more). It stops as soon as anything else has the focus.
fn focus_back(opener: Option<web_sys::HtmlElement>, fallback: Option<String>, given: Option<web_sys::Element>, frames: u8) {
    use wasm_bindgen::JsCast;
    let document = document();
    let body: Option<web_sys::Element> = document.body().map(Into::into);
    let again = move |opener, fallback, given| {
        if frames > 0 {
            request_animation_frame(move || focus_back(opener, fallback, given, frames - 1));
        }
    };
    match document.active_element().filter(|a| Some(a) != body.as_ref()) {
        // Where it was given: kept an eye on.
        Some(a) if given.as_ref() == Some(&a) => return again(opener, fallback, given),
        // Still in a dialog: this one, not yet out of the page.
        Some(a) if a.closest("dialog").ok().flatten().is_some() => return again(opener, fallback, given),
        Some(_) => return, // something else has the focus now
        None => {}
    }
    // What `fallback` finds, and the opener first unless it now stands for
    // something else (a row shown for another entry).
    let mut tries: Vec<web_sys::HtmlElement> = Vec::new();
    if let Some(list) = fallback.as_deref().and_then(|f| document.query_selector_all(f).ok()) {
        tries.extend((0..list.length()).filter_map(|i| list.item(i)?.dyn_into().ok()));
    }
    let opener = opener.filter(|o| o.is_connected());
    if let Some(o) = &opener {
        if tries.is_empty() || fallback.as_deref().is_some_and(|f| o.matches(f).unwrap_or(false)) {
            tries.insert(0, o.clone());
        }
    }
    // The first that takes it (a hidden one does not).
    let given = tries.into_iter().find_map(|t| {
        let _ = t.focus();
        document.active_element().filter(|a| *a == *t)
    });
    again(opener, fallback, given);
}
