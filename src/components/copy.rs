//! Values a person copies: the redirect URL, the token.

use leptos::prelude::*;

/// A read-only value with a copy button.
#[component]
pub fn CopyField(label: &'static str, #[prop(into)] value: Signal<String>) -> impl IntoView {
    let (status, set_status) = signal(String::new());
    let copy = move |_| {
        let text = value.get_untracked();
        let clipboard = window().navigator().clipboard();
        wasm_bindgen_futures::spawn_local(async move {
            let done = wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text)).await;
            set_status.set(
                if done.is_ok() { "Copied." } else { "Copying failed: select the text and copy it." }
                    .to_string(),
            );
        });
    };
    let id = format!("copy-{}", label.to_ascii_lowercase().replace(' ', "-"));
    view! {
        <div class="copy-field">
            <label for=id.clone()>{label}</label>
            <div class="copy-field__row">
                <input id=id type="text" readonly autocomplete="off" spellcheck="false" prop:value=move || value.get()/>
                <button type="button" class="button button--secondary" on:click=copy>"Copy"</button>
            </div>
            <p class="muted copy-field__status" role="status" aria-live="polite">{move || status.get()}</p>
        </div>
    }
}

/// Where AniList must send the person back: this app's root URL.
pub fn redirect_url() -> String {
    let origin = window().location().origin().unwrap_or_default();
    format!("{origin}{}/", crate::routes::base())
}
