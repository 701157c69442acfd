//! One compact list row: cover, title, format, progress with −1 / +1, the
//! score in the user's format, and "Edit" for the full entry. Every row is
//! the same height (`--row-h` in the style), which the windowing counts on.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::airing::{behind, next_episode};
use crate::api::ApiError;
use crate::media::{can_increment, offer_completion, progress_label, ListStatus, MediaKind, ScoreFormat};
use crate::outbox::{use_outbox, SETTLE_MS};
use crate::api::ops::list_collection::Entry;
use crate::edit::Patch;
use crate::components::entry_editor::OpenAt;
use crate::store::use_list_store;

/// The list's clock (Unix seconds, ticking every 30 s), shared by its rows
/// for the airing countdowns.
#[derive(Clone, Copy)]
pub struct ListClock(pub ReadSignal<i64>);

/// What a row shows of an entry (cheap to copy: a row reads it often).
#[derive(Clone, Copy, PartialEq)]
struct Brief {
    status: ListStatus,
    progress: u32,
    score: f64,
    repeat: u32,
}

impl Brief {
    fn of(e: &Entry) -> Self {
        Self {
            status: e.status.unwrap_or(ListStatus::Planning),
            progress: e.progress.unwrap_or(0),
            score: e.score.unwrap_or(0.0),
            repeat: e.repeat.unwrap_or(0),
        }
    }
}

/// A refused change in one line: what AniList said, by field.
pub fn in_one_line(e: &ApiError) -> String {
    match e {
        ApiError::Validation { fields } if !fields.is_empty() => {
            fields.iter().map(|(f, m)| format!("{f}: {}", m.join(" "))).collect::<Vec<_>>().join(" · ")
        }
        e => e.to_string(),
    }
}

#[component]
pub fn EntryRow(
    media_id: i64,
    /// Its place in its group (from 0) and the group's size, for screen readers.
    pos: usize,
    size: Signal<usize>,
    kind: MediaKind,
    format: Memo<ScoreFormat>,
    index: Memo<HashMap<i64, usize>>,
    on_edit: Callback<(i64, OpenAt)>,
) -> impl IntoView {
    let store = use_list_store();
    let outbox = use_outbox();
    store.watch(media_id);
    on_cleanup(move || store.unwatch(media_id));
    let entry = Memo::new(move |_| {
        let at = index.with(|ix| ix.get(&media_id).copied());
        store.with(kind, |d| d.and_then(|d| at.and_then(|i| d.entries.get(i)).filter(|e| e.media_id == media_id).cloned()))
    });
    let Some(first) = entry.get_untracked() else { return ().into_any() };
    // The name follows the entry: titles come in another language after
    // the person chooses one (the list is read again under the row).
    let title = Memo::new(move |was: Option<&String>| entry.with(|e| e.as_ref().map(|e| e.title())).or_else(|| was.cloned()).unwrap_or_default());
    // What AniList says of the title follows the entry too: a whole read of
    // the list brings its episodes once known, a new cover, a start date.
    let about = |e: &Entry| {
        let m = e.media.as_ref();
        let cover = m.and_then(|m| m.cover_image.as_ref()).and_then(|c| c.medium.clone());
        let format_label = m.and_then(|m| m.format).map(|f| f.label()).unwrap_or_default();
        (m.and_then(|m| m.total()), cover, format_label, m.and_then(|m| m.start_date).and_then(|d| d.year))
    };
    let first_about = about(&first);
    let media = Memo::new(move |_| entry.with(|e| e.as_ref().map(about)).unwrap_or_else(|| first_about.clone()));
    let total = move || media.with(|m| m.0);
    let fallback = Brief::of(&first);
    let values = move || entry.with(|e| e.as_ref().map(Brief::of)).unwrap_or(fallback);
    let saving = move || outbox.is_pending(media_id);
    // A memo: the store's refusals change at each save (of any row), and
    // this row's part of the view is built again only when its own does.
    let error = Memo::new(move |_| store.errors.with(|e| e.get(&media_id).map(in_one_line)));
    let step = move |by: i64| {
        let v = values();
        outbox.save(media_id, Patch::step(v.progress, Some(v.status), by), SETTLE_MS);
    };
    let complete = move |_| {
        let v = values();
        outbox.save(media_id, Patch::completed(v.status, v.repeat), 0.0);
    };
    // Airing: "2 behind · Ep 8 in 2 d 4 h", while it is being watched.
    // (Read from the entry each time: AniList is asked again once an
    // episode's time has passed, and the store takes the new one.)
    let next = move || entry.with(|e| e.as_ref().and_then(|e| e.media.as_ref()).and_then(|m| m.next_airing_episode)).filter(|_| kind == MediaKind::Anime);
    let now = use_context::<ListClock>().map(|c| c.0);
    let airing = move || {
        let (a, now) = (next()?, now?.get());
        let v = values();
        v.status.in_progress().then(|| (behind(a.episode, a.airing_at, now, v.progress), next_episode(a.episode, a.airing_at, now)))
    };
    // Your notes (the whole text on hover, and for screen readers) and
    // whether only you see the entry, as AniList's list marks them.
    let notes = move || entry.with(|e| e.as_ref().and_then(|e| e.notes.clone()).filter(|n| !n.trim().is_empty()));
    let private = move || entry.with(|e| e.as_ref().and_then(|e| e.private)) == Some(true);
    let first_id = first.id;
    let id = move || entry.with(|e| e.as_ref().map(|e| e.id)).unwrap_or(first_id);
    let noun = kind.unit();
    let picking = use_context::<super::bulk::Picking>();
    let picked = move || picking.is_some_and(|p| p.selection.with(|s| s.contains(media_id)));
    view! {
        <li class="entry" data-testid=move || format!("entry-{}", id()) class:entry--saving=saving class:entry--picked=picked
            aria-posinset=pos + 1 aria-setsize=move || size.get()>
            {picking.map(|p| view! {
                <input type="checkbox" class="entry__pick" aria-label=move || format!("Select {}", title.get()) prop:checked=picked
                    on:click=move |ev: leptos::ev::MouseEvent| p.click(media_id, ev.shift_key()) data-testid="pick"/>
            })}
            {move || match media.with(|m| m.1.clone()) {
                Some(src) => view! { <img class="entry__cover" src=src alt="" loading="lazy" width="40" height="56"/> }.into_any(),
                None => view! { <span class="entry__cover"></span> }.into_any(),
            }}
            <div class="entry__main">
                <div class="entry__title entry__title--flagged">
                    <a href=crate::routes::Page::Title(kind, media_id).href() data-testid="entry-title">{title}</a>
                    // Pressed (a touch screen has no hover): the editor, at the notes.
                    {move || notes().map(|n| view! {
                        <button type="button" class="entry__flag entry__flag--notes" title=n.clone() aria-haspopup="dialog"
                            on:click=move |_| on_edit.run((media_id, OpenAt::Notes)) data-testid="entry-notes">
                            <span aria-hidden="true">"✎"</span>
                            <span class="visually-hidden">{format!("Notes: {n}")}</span>
                        </button>
                    })}
                    <Show when=private>
                        <span class="entry__flag entry__flag--private muted" title="Only you see this entry" data-testid="entry-private">"Private"</span>
                    </Show>
                </div>
                <div class="entry__controls">
                    <button type="button" class="step" aria-label=move || format!("−1 {noun}: {}", title.get())
                        disabled=move || values().progress == 0
                        on:click=move |_| step(-1) data-testid="minus-one">"−"</button>
                    <span class="entry__progress" data-testid="entry-progress">{move || progress_label(values().progress, total())}</span>
                    <button type="button" class="step" aria-label=move || format!("+1 {noun}: {}", title.get())
                        disabled=move || !can_increment(values().progress, total())
                        on:click=move |_| step(1) data-testid="plus-one">"+"</button>
                    {move || match error.get() {
                        // A refused change, in the row's one line (the whole
                        // answer is in the editor).
                        Some(e) => {
                            let whole = e.clone();
                            view! { <span class="entry__problem" role="alert" title=whole data-testid="entry-error">"Not saved: " {e}</span> }.into_any()
                        }
                        None => view! {
                            <span class="entry__score" data-testid="score-display">{move || {
                                let (value, scale) = format.get().display_parts(values().score);
                                view! { {value} <span class="entry__scale">{scale}</span> }
                            }}</span>
                            {move || match airing() {
                                Some((behind, next)) => view! {
                                    {(behind > 0).then(|| view! { <span class="behind" data-testid="behind">{format!("{behind} behind")}</span> })}
                                    <span class="entry__meta muted" data-testid="next-episode">{next}</span>
                                }.into_any(),
                                None => media.with(|m| {
                                    let (format_label, year) = (m.2, m.3);
                                    view! { <span class="entry__meta muted">{format_label} {year.map(|y| format!(" · {y}"))}</span> }.into_any()
                                }),
                            }}
                        }.into_any(),
                    }}
                    <Show when=move || offer_completion(values().progress, total(), values().status)>
                        <button type="button" class="button button--small entry__complete" aria-label=move || format!("Mark completed: {}", title.get())
                            on:click=complete data-testid="mark-completed">"Complete"</button>
                    </Show>
                </div>
            </div>
            <button type="button" class="button button--small button--secondary entry__edit"
                aria-label=move || format!("Edit {}", title.get()) aria-haspopup="dialog"
                on:click=move |_| on_edit.run((media_id, OpenAt::Start)) data-testid="edit">"Edit"</button>
        </li>
    }
    .into_any()
}
