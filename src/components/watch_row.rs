//! One title the person is watching or reading, as the Airing page and the
//! home page show it: cover, title, the next episode's countdown and how
//! many aired episodes are unseen (anime), progress and "+1". A view on the
//! list store: the +1 goes through the outbox like any edit.

use leptos::prelude::*;

use crate::airing::{behind, next_episode};
use crate::api::ops::list_collection::Entry;
use crate::edit::Patch;
use crate::media::{offer_completion, progress_label, ListStatus, MediaKind};
use crate::outbox::{use_outbox, SETTLE_MS};
use crate::routes::Page;
use crate::store::use_list_store;

/// One title being watched or read, as a row shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Watched {
    pub kind: MediaKind,
    pub media_id: i64,
    pub title: String,
    pub cover: Option<String>,
    pub progress: u32,
    pub total: Option<u32>,
    /// The next episode and when (Unix seconds), when AniList knows.
    pub next: Option<(u32, i64)>,
}

impl Watched {
    pub fn of(kind: MediaKind, e: &Entry) -> Self {
        let m = e.media.as_ref();
        Watched {
            kind,
            media_id: e.media_id,
            title: e.title(),
            cover: m.and_then(|m| m.cover_image.as_ref()).and_then(|c| c.medium.clone()),
            progress: e.progress.unwrap_or(0),
            total: m.and_then(|m| m.total()),
            next: m.and_then(|m| m.next_airing_episode).map(|a| (a.episode, a.airing_at)),
        }
    }
}

/// `testid`: the row's `data-testid` is `{testid}-{media id}`.
#[component]
pub fn WatchRow(w: Watched, now: ReadSignal<i64>, testid: &'static str) -> impl IntoView {
    let store = use_list_store();
    let (kind, id) = (w.kind, w.media_id);
    let progress = Memo::new(move |_| store.with(kind, |d| d.and_then(|d| d.entry(id)).and_then(|e| e.progress)).unwrap_or(w.progress));
    let next = w.next;
    let total = w.total;
    let title = w.title.clone();
    view! {
        <li class="airing-row" data-testid=format!("{testid}-{id}")>
            {w.cover.map(|src| view! { <img class="entry__cover" src=src alt="" loading="lazy" width="40" height="56"/> })}
            <div class="entry__main">
                <a href=Page::Title(kind, id).href() class="entry__title">{w.title}</a>
                <div class="entry__controls">
                    {next.map(|(ep, at)| view! {
                        <span class="airing" data-testid="next-episode">{move || next_episode(ep, at, now.get())}</span>
                        {move || {
                            let b = behind(ep, at, now.get(), progress.get());
                            (b > 0).then(|| view! { <span class="behind" data-testid="behind">{format!("{b} behind")}</span> })
                        }}
                    })}
                    <ProgressStep kind=kind id=id title=title progress=progress total=total/>
                </div>
            </div>
        </li>
    }
}

/// Progress with its +1 (they wrap together on a narrow screen), and
/// "Complete" at the last episode, for an entry of the list store.
#[component]
pub fn ProgressStep(kind: MediaKind, id: i64, title: String, progress: Memo<u32>, total: Option<u32>) -> impl IntoView {
    let store = use_list_store();
    let outbox = use_outbox();
    // Status and rewatches, for "Complete" at the last episode.
    let standing = Memo::new(move |_| store.with(kind, |d| d.and_then(|d| d.entry(id)).map(|e| (e.status.unwrap_or(ListStatus::Current), e.repeat.unwrap_or(0)))));
    let complete_label = format!("Mark completed: {title}");
    let step = kind.unit();
    view! {
        <span class="airing-row__step">
            <span class="entry__progress">{move || progress_label(progress.get(), total)}</span>
            <button type="button" class="step" aria-label=format!("+1 {step}: {title}") data-testid="plus-one"
                disabled=move || total.is_some_and(|t| t > 0 && progress.get() >= t)
                on:click=move |_| outbox.save(id, Patch::step(progress.get_untracked(), None, 1), SETTLE_MS)>"+"</button>
            <Show when=move || standing.get().is_some_and(|(status, _)| offer_completion(progress.get(), total, status))>
                <button type="button" class="button button--small" aria-label=complete_label.clone() data-testid="mark-completed"
                    on:click=move |_| {
                        if let Some((status, repeat)) = standing.get_untracked() {
                            outbox.save(id, Patch::completed(status, repeat), 0.0);
                        }
                    }>"Complete"</button>
            </Show>
        </span>
    }
}
