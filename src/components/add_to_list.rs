//! "Add to list" with the status the person chooses (Planning unless they
//! choose another): a search result and a title's page use it. The add
//! goes through the outbox like every edit.

use leptos::prelude::*;

use crate::media::{ListStatus, MediaKind};

#[component]
pub fn AddToList(kind: MediaKind, title: String, on_add: Callback<ListStatus>) -> impl IntoView {
    let (status, set_status) = signal(ListStatus::Planning);
    let select_label = format!("Status for {title}");
    view! {
        <span class="add-to-list">
            <select class="add-to-list__status" aria-label=select_label data-testid="add-status"
                on:change=move |ev| {
                    if let Some(s) = ListStatus::from_api(&event_target_value(&ev)) {
                        set_status.set(s);
                    }
                }>
                {ListStatus::ALL.into_iter().map(|s| view! {
                    <option value=s.as_api() selected=s == ListStatus::Planning>{s.label(kind)}</option>
                }).collect_view()}
            </select>
            <button type="button" class="button button--small" data-testid="add"
                aria-label=move || format!("Add to {}: {title}", status.get().label(kind))
                on:click=move |_| on_add.run(status.get_untracked())>
                {move || format!("Add to {}", status.get().label(kind))}
            </button>
        </span>
    }
}
