//! The full entry, in a dialog over the list: status, progress, score,
//! delete, and AniList's whole answer when it refused a change. A list row
//! opens it; it reads and edits the entry through the store and the outbox,
//! so it stays right whatever the row does meanwhile (the row may scroll
//! out of the page).

use leptos::prelude::*;

use crate::components::api_status::ApiErrorView;
use crate::media::{offer_completion, ListStatus, MediaKind, ScoreFormat, Values};
use crate::outbox::use_outbox;
use crate::store::{use_list_store, values_of};

/// A score or a step as an input shows it: "8.5", "85".
pub fn short(x: f64) -> String {
    if x.fract() == 0.0 { format!("{x:.0}") } else { format!("{x:.1}") }
}

#[component]
pub fn EntryEditor(media_id: i64, kind: MediaKind, format: Memo<ScoreFormat>, on_close: Callback<()>) -> impl IntoView {
    let store = use_list_store();
    let outbox = use_outbox();
    store.watch(media_id);
    on_cleanup(move || store.unwatch(media_id));
    let entry = Memo::new(move |_| store.with(kind, |d| d.and_then(|d| d.entry(media_id).cloned())));
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    // Opened as a modal once in the page: the browser keeps focus inside
    // and closes it on Escape.
    Effect::new(move |_| {
        if let Some(d) = dialog.get() {
            if !d.open() {
                let _ = d.show_modal();
            }
        }
    });
    // Deleted (here or by a refresh): nothing left to edit.
    Effect::new(move |_| {
        if entry.with(Option::is_none) {
            on_close.run(());
        }
    });
    let Some(first) = entry.get_untracked() else { return ().into_any() };
    let title = first.title();
    let total = first.media.as_ref().and_then(|m| m.total());
    let fallback = values_of(&first);
    let values = move || entry.with(|e| e.as_ref().map(values_of)).unwrap_or(fallback);
    let error = move || store.errors.with(|e| e.get(&media_id).cloned());
    let (confirm_delete, set_confirm_delete) = signal(false);
    let (score_problem, set_score_problem) = signal(None::<String>);
    let change = move |f: &dyn Fn(&mut Values)| {
        let mut v = values();
        f(&mut v);
        outbox.save(media_id, v, 0.0);
    };
    let set_progress = move |ev: leptos::ev::Event| {
        if let Ok(p) = event_target_value(&ev).trim().parse::<u32>() {
            change(&|v| v.progress = p);
        }
    };
    let set_status = move |ev: leptos::ev::Event| {
        if let Some(s) = ListStatus::from_api(&event_target_value(&ev)) {
            change(&|v| v.status = s);
        }
    };
    let set_score = move |ev: leptos::ev::Event| {
        let f = format.get_untracked();
        match event_target_value(&ev).trim().parse::<f64>().ok() {
            Some(s) if f.accepts(s) => {
                set_score_problem.set(None);
                change(&|v| v.score = s);
            }
            _ => set_score_problem.set(Some(format!("A score is a number from 0 to {:.0}.", f.max()))),
        }
    };
    let noun = if kind == MediaKind::Anime { "Episodes" } else { "Chapters" };
    let heading_id = format!("editor-title-{media_id}");
    let labelled_by = heading_id.clone();
    view! {
        <dialog class="editor" node_ref=dialog aria-labelledby=labelled_by data-testid="entry-editor"
            on:close=move |_| on_close.run(())>
            <form method="dialog" class="editor__head">
                <h2 id=heading_id class="editor__title">{title.clone()}</h2>
                <button class="button button--small button--secondary" aria-label="Close" data-testid="editor-close">"Close"</button>
            </form>
            <div class="editor__fields">
                <label class="field">
                    <span class="field__label">"Status"</span>
                    <select on:change=set_status data-testid="status-select">
                        {ListStatus::ALL.into_iter().map(|s| view! {
                            <option value=s.as_api() selected=move || values().status == s>{s.label(kind)}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label class="field">
                    <span class="field__label">{noun} {total.map(|t| view! { " " <span class="muted small">{format!("(of {t})")}</span> })}</span>
                    <input type="number" min="0" max=total.map(|t| t.to_string()) inputmode="numeric"
                        prop:value=move || values().progress.to_string() on:change=set_progress data-testid="progress-input"/>
                </label>
                <label class="field">
                    <span class="field__label">"Score " <span class="muted small">{move || format!("(0 to {})", short(format.get().max()))}</span></span>
                    <input type="number" min="0" max=move || short(format.get().max()) step=move || short(format.get().step())
                        prop:value=move || short(values().score) on:change=set_score data-testid="score-input"/>
                </label>
            </div>
            {move || score_problem.get().map(|p| view! { <p class="form-error" role="alert">{p}</p> })}
            <Show when=move || offer_completion(values().progress, total, values().status)>
                <p class="entry__offer">
                    "That was the last one. "
                    <button type="button" class="button button--small" on:click=move |_| change(&|v| v.status = ListStatus::Completed)>"Mark completed"</button>
                </p>
            </Show>
            {move || error().map(|e| view! { <div data-testid="editor-error"><ApiErrorView error=e/></div> })}
            <div class="editor__danger">
                <Show when=move || confirm_delete.get()
                    fallback=move || view! {
                        <button type="button" class="button button--small button--danger"
                            on:click=move |_| set_confirm_delete.set(true) data-testid="delete">"Delete from my list"</button>
                    }>
                    <p class="entry__confirm" role="alert">
                        {format!("Delete {title} from your list? This cannot be undone.")} " "
                        <button type="button" class="button button--small button--danger" on:click=move |_| outbox.delete(media_id) data-testid="confirm-delete">"Delete"</button>
                        " "
                        <button type="button" class="button button--small button--secondary" on:click=move |_| set_confirm_delete.set(false)>"Keep"</button>
                    </p>
                </Show>
            </div>
        </dialog>
    }
    .into_any()
}
