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

/// The preview of `text` (read when the button is pressed; a text changed
/// since says so, to preview again).
#[component]
pub fn MarkdownPreview(#[prop(into)] text: Signal<String>) -> impl IntoView {
    let api = StoredValue::new(expect_context::<Api>());
    let session = use_session();
    let sending = Sending::new();
    let (busy, problem) = (sending.busy, sending.problem);
    // The text previewed and AniList's HTML of it.
    let shown = RwSignal::new(None::<(String, String)>);
    let preview = move |_| {
        let Some(credential) = session.credential() else { return };
        let markdown = text.get_untracked();
        let api = api.get_value();
        let asked = markdown.clone();
        sending.run(async move { api.run::<Markdown>(Some(&credential), &Vars { markdown }, false).await }, move |d| shown.set(Some((asked, d.html()))));
    };
    let changed = move || shown.with(|s| s.as_ref().is_some_and(|(t, _)| text.with(|now| now != t)));
    let empty = move || text.with(|t| t.trim().is_empty());
    view! {
        <div class="preview" data-testid="preview">
            <div class="actions">
                <button type="button" class="button button--small button--secondary" data-testid="preview-open"
                    disabled=move || busy.get() || empty() on:click=preview>
                    {move || if busy.get() { "Previewing…" } else if shown.with(Option::is_some) { "Preview again" } else { "Preview" }}
                </button>
                <Show when=move || shown.with(Option::is_some)>
                    <button type="button" class="button button--small button--secondary" data-testid="preview-hide" on:click=move |_| shown.set(None)>"Hide preview"</button>
                </Show>
            </div>
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
        </div>
    }
}
