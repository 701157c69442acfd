//! "Preview": what a text written in AniList's markdown will look like
//! there, rendered by AniList itself (its `Markdown` query, so spoilers,
//! links and the rest come out as they will) and shown through the
//! allowlist like any of AniList's rich text.

use leptos::prelude::*;

use crate::api::ops::markdown::{Markdown, Vars};
use crate::api::Api;
use crate::components::api_status::{ApiErrorView, Sending};
use crate::components::rich_text::RichText;
use crate::session::use_session;

/// The preview of a text, in two parts: its buttons (placed where the
/// form's other buttons are) and what AniList makes of it (read when the
/// button is pressed; a text changed since says so, to preview again).
#[derive(Clone, Copy)]
pub struct Preview {
    text: Signal<String>,
    sending: Sending,
    /// The text previewed and AniList's HTML of it.
    shown: RwSignal<Option<(String, String)>>,
}

impl Preview {
    pub fn new(text: Signal<String>) -> Self {
        Preview { text, sending: Sending::new(), shown: RwSignal::new(None) }
    }

    /// "Preview" ("Preview again" once shown) and "Hide preview".
    pub fn buttons(self) -> impl IntoView {
        let Preview { text, sending, shown } = self;
        let api = StoredValue::new(expect_context::<Api>());
        let session = use_session();
        let busy = sending.busy;
        let preview = move |_| {
            let Some(credential) = session.credential() else { return };
            let markdown = text.get_untracked();
            let api = api.get_value();
            let asked = markdown.clone();
            sending.run(async move { api.run::<Markdown>(Some(&credential), &Vars { markdown }, false).await }, move |d| shown.set(Some((asked, d.html()))));
        };
        let empty = move || text.with(|t| t.trim().is_empty());
        view! {
            <button type="button" class="button button--small button--secondary" data-testid="preview-open"
                disabled=move || busy.get() || empty() on:click=preview>
                {move || if busy.get() { "Previewing…" } else if shown.with(Option::is_some) { "Preview again" } else { "Preview" }}
            </button>
            <Show when=move || shown.with(Option::is_some)>
                <button type="button" class="button button--small button--secondary" data-testid="preview-hide" on:click=move |_| shown.set(None)>"Hide preview"</button>
            </Show>
        }
    }

    /// Why it failed, or AniList's rendering of the text.
    pub fn body(self) -> impl IntoView {
        let Preview { text, sending, shown } = self;
        let problem = sending.problem;
        let changed = move || shown.with(|s| s.as_ref().is_some_and(|(t, _)| text.with(|now| now != t)));
        view! {
            {move || problem.get().map(|e| view! { <div data-testid="preview-error"><ApiErrorView error=e/></div> })}
            {move || shown.get().map(|(_, html)| view! {
                <section class="preview__body" aria-label="Preview" data-testid="preview-body">
                    <p class="muted small">
                        "As AniList will show it"
                        {move || changed().then(|| view! { <span data-testid="preview-stale">" (the text has changed since: preview again)"</span> })}
                    </p>
                    <div class="rich">{if html.trim().is_empty() { view! { <p class="muted">"Nothing to show."</p> }.into_any() } else { view! { <RichText html=html/> }.into_any() }}</div>
                </section>
            })}
        }
    }
}

/// The preview of `text`, its buttons above what AniList makes of it.
#[component]
pub fn MarkdownPreview(#[prop(into)] text: Signal<String>) -> impl IntoView {
    let preview = Preview::new(text);
    view! {
        <div class="preview" data-testid="preview">
            <div class="actions">{preview.buttons()}</div>
            {preview.body()}
        </div>
    }
}
