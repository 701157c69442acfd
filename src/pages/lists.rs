use std::time::Duration;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api::error::ApiError;
use crate::api::ops::delete_entry::{self, DeleteEntry};
use crate::api::ops::list_collection::{self, Collection, ListCollection};
use crate::api::ops::save_entry::{self, SaveEntry};
use crate::api::Api;
use crate::auth::callback::Credential;
use crate::components::api_status::{boundary_fallback, ApiErrorView};
use crate::components::empty_state::{EmptyState, SignInRequired};
use crate::media::{
    can_increment, compare, filter_key, matches_filter, offer_completion, progress_label, title_key, ListStatus,
    ScoreFormat, SortBy, SortFields,
};
use crate::pages::{not_found::NotFound, PageIntro};
use crate::routes::{MediaKind, Page};
use crate::session::SessionContext;

/// How long "+1" waits for more clicks before saving the final value.
pub const COALESCE: Duration = Duration::from_millis(700);

/// What AniList last confirmed for an entry.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Values {
    status: ListStatus,
    progress: u32,
    score: f64,
}

/// One entry on screen: its values change at once (optimistically) and
/// are rolled back when AniList refuses.
#[derive(Clone, Copy)]
struct Row {
    id: i64,
    title: StoredValue<String>,
    /// The title as the filter and the sort compare it (`title_key`), made
    /// once: in the wasm, lower-casing asks the browser.
    key: StoredValue<String>,
    format: StoredValue<String>,
    cover: StoredValue<Option<String>>,
    site: StoredValue<Option<String>>,
    total: Option<u32>,
    status: RwSignal<ListStatus>,
    progress: RwSignal<u32>,
    score: RwSignal<f64>,
    updated: RwSignal<i64>,
    confirmed: RwSignal<Values>,
    saving: RwSignal<bool>,
    error: RwSignal<Option<ApiError>>,
    deleted: RwSignal<bool>,
    confirm_delete: RwSignal<bool>,
}

impl Row {
    fn values(&self) -> Values {
        Values {
            status: self.status.get_untracked(),
            progress: self.progress.get_untracked(),
            score: self.score.get_untracked(),
        }
    }

    fn show(&self, v: Values) {
        self.status.set(v.status);
        self.progress.set(v.progress);
        self.score.set(v.score);
    }
}

/// `/lists/anime`, `/lists/manga`; `/lists` alone shows anime.
#[component]
pub fn ListsPage() -> impl IntoView {
    let params = use_params_map();
    let kind = move || {
        params.with(|p| match p.get("kind") {
            None => Some(MediaKind::Anime),
            Some(slug) => MediaKind::from_slug(&slug),
        })
    };
    move || match kind() {
        None => NotFound().into_any(),
        Some(kind) => view! { <ListsOf kind=kind/> }.into_any(),
    }
}

#[component]
fn ListsOf(kind: MediaKind) -> impl IntoView {
    let session = expect_context::<SessionContext>().0;
    let noun = kind.label().to_ascii_lowercase();
    view! {
        <PageIntro
            title=format!("Your {noun} list")
            lead="Everything you watch and read, grouped by status."
        />
        <nav class="tabs" aria-label="List type">
            {MediaKind::ALL
                .into_iter()
                .map(|k| view! { <A href=Page::Lists(k).href()>{k.label()}</A> })
                .collect_view()}
        </nav>
        {move || match session.with(|s| s.signed_in().map(|s| s.decoded.claims.sub)) {
            Some(user) => view! { <ListLoader kind=kind user=user/> }.into_any(),
            None => view! {
                <SignInRequired
                    title=format!("Sign in to see your {noun} list")
                    why="Your lists are read from AniList with your own token."
                    page=Page::Lists(kind)
                />
            }.into_any(),
        }}
    }
}

#[component]
fn ListLoader(kind: MediaKind, user: u64) -> impl IntoView {
    let api = expect_context::<Api>();
    let (asked, set_asked) = signal(0u32);
    let collection = LocalResource::new(move || {
        let api = api.clone();
        let fresh = asked.get() > 0;
        // AniList's data as it came, read when shown (as on the profile).
        async move {
            let session = expect_context::<SessionContext>().0;
            let credential = session.with_untracked(|s| s.signed_in().map(|s| s.credential()));
            let vars = list_collection::Vars { user_id: user, kind: kind.into() };
            api.run::<ListCollection>(credential.as_ref(), &vars, fresh).await
        }
    });
    let again = Callback::new(move |_| set_asked.update(|n| *n += 1));
    view! {
        <Transition fallback=move || view! { <p class="loading" role="status" data-testid="loading">"Loading your list…"</p> }>
            <ErrorBoundary fallback=move |errors| boundary_fallback(errors, again)>
                {move || Suspend::new(async move {
                    let c = collection.await?.collection.ok_or_else(|| ApiError::Shape("no MediaListCollection".into()))?;
                    Ok::<_, ApiError>(view! { <ListView kind=kind collection=c/> }.into_any())
                })}
            </ErrorBoundary>
        </Transition>
    }
}

fn rows_of(collection: &Collection) -> Vec<Row> {
    let mut seen = std::collections::HashSet::new();
    let mut rows = Vec::new();
    for group in &collection.lists {
        for e in &group.entries {
            // An entry in a custom list also stands in its status list.
            if !seen.insert(e.id) {
                continue;
            }
            let Some(status) = e.status.filter(|s| s.is_known()) else { continue };
            let media = e.media.clone();
            let values = Values { status, progress: e.progress.unwrap_or(0), score: e.score.unwrap_or(0.0) };
            let title = media.as_ref().map(|m| m.title()).unwrap_or_else(|| format!("Title #{}", e.media_id));
            rows.push(Row {
                id: e.id,
                key: StoredValue::new(title_key(&title)),
                title: StoredValue::new(title),
                format: StoredValue::new(media.as_ref().and_then(|m| m.format).map(|f| f.label().to_string()).unwrap_or_default()),
                cover: StoredValue::new(media.as_ref().and_then(|m| m.cover_image.as_ref()).and_then(|c| c.medium.clone())),
                site: StoredValue::new(media.as_ref().and_then(|m| m.site_url.clone()).filter(|u| u.starts_with("https://"))),
                total: media.as_ref().and_then(|m| m.total()),
                status: RwSignal::new(values.status),
                progress: RwSignal::new(values.progress),
                score: RwSignal::new(values.score),
                updated: RwSignal::new(e.updated_at.unwrap_or(0)),
                confirmed: RwSignal::new(values),
                saving: RwSignal::new(false),
                error: RwSignal::new(None),
                deleted: RwSignal::new(false),
                confirm_delete: RwSignal::new(false),
            });
        }
    }
    rows
}

fn save_vars(id: i64, v: Values) -> save_entry::Vars {
    save_entry::Vars { id: Some(id), status: Some(v.status), progress: Some(v.progress), score: Some(v.score), ..Default::default() }
}

fn credential() -> Option<Credential> {
    expect_context::<SessionContext>().0.with_untracked(|s| s.signed_in().map(|s| s.credential()))
}

/// Edits waiting for their save (the "+1" pause): entry id -> timer,
/// title, values on screen.
#[derive(Clone, Default)]
struct Pending(std::sync::Arc<std::sync::Mutex<std::collections::HashMap<i64, (Option<TimeoutHandle>, String, Values)>>>);

impl Pending {
    fn put(&self, id: i64, timer: Option<TimeoutHandle>, title: String, v: Values) {
        if let Ok(mut m) = self.0.lock() {
            if let Some((Some(old), _, _)) = m.insert(id, (timer, title, v)) {
                old.clear();
            }
        }
    }

    fn take(&self, id: i64) {
        if let Ok(mut m) = self.0.lock() {
            m.remove(&id);
        }
    }

    fn drain(&self) -> Vec<(i64, (Option<TimeoutHandle>, String, Values))> {
        self.0.lock().map(|mut m| m.drain().collect()).unwrap_or_default()
    }
}

/// The writes of a list. They belong to the list, not to an entry's row:
/// a row is drawn anew when its status moves it to another group, and a
/// save on its way must not be lost with it.
#[derive(Clone, Copy)]
struct Edits {
    save: Action<(Row, Values), ()>,
    delete: Action<Row, ()>,
}

impl Edits {
    fn new(api: Api) -> Self {
        let save_api = api.clone();
        // Sends the values on screen; rolls back to what AniList last
        // confirmed when it refuses. A change made while a save is on its
        // way is sent after it (the row's timer sees it differ).
        let save = Action::new_local(move |(row, sent): &(Row, Values)| {
            let api = save_api.clone();
            let (row, sent) = (*row, *sent);
            let credential = credential();
            async move {
                row.saving.set(true);
                let result = api.run::<SaveEntry>(credential.as_ref(), &save_vars(row.id, sent), false).await;
                row.saving.set(false);
                match result.and_then(|d| d.saved.ok_or_else(|| ApiError::Shape("no SaveMediaListEntry".into()))) {
                    Ok(saved) => {
                        let confirmed = Values {
                            status: saved.status.filter(|s| s.is_known()).unwrap_or(sent.status),
                            progress: saved.progress.unwrap_or(sent.progress),
                            score: saved.score.unwrap_or(sent.score),
                        };
                        row.confirmed.set(confirmed);
                        row.error.set(None);
                        if let Some(t) = saved.updated_at {
                            row.updated.set(t);
                        }
                        if row.values() == sent {
                            row.show(confirmed);
                        }
                    }
                    Err(e) => {
                        row.show(row.confirmed.get_untracked());
                        row.error.set(Some(e));
                    }
                }
            }
        });
        let delete = Action::new_local(move |row: &Row| {
            let api = api.clone();
            let row = *row;
            let credential = credential();
            async move {
                row.saving.set(true);
                let result = api.run::<DeleteEntry>(credential.as_ref(), &delete_entry::Vars { id: row.id }, false).await;
                row.saving.set(false);
                row.confirm_delete.set(false);
                match result {
                    Ok(d) if d.result.as_ref().and_then(|r| r.deleted) == Some(true) => row.deleted.set(true),
                    Ok(_) => row.error.set(Some(ApiError::Shape("AniList did not delete the entry".into()))),
                    Err(e) => row.error.set(Some(e)),
                }
            }
        });
        Self { save, delete }
    }
}

#[component]
fn ListView(kind: MediaKind, collection: Collection) -> impl IntoView {
    let edits = Edits::new(expect_context::<Api>());
    let format = collection
        .user
        .as_ref()
        .and_then(|u| u.media_list_options.as_ref())
        .and_then(|o| o.score_format)
        .unwrap_or_default();
    let rows = StoredValue::new(rows_of(&collection));
    // Leaving the page with a "+1" still waiting to be saved: send it now,
    // and say so if AniList refuses, since its row is gone. The waiting
    // saves are kept outside the reactive system, which is being torn down.
    let pending = Pending::default();
    let pending_handle = StoredValue::new(pending.clone());
    {
        let pending = pending.clone();
        let api = expect_context::<Api>();
        let flashes = expect_context::<crate::components::notice::Flashes>();
        let credential = credential();
        on_cleanup(move || {
            for (id, (timer, title, v)) in pending.drain() {
                if let Some(t) = timer {
                    t.clear();
                }
                let api = api.clone();
                let credential = credential.clone();
                leptos::task::spawn_local(async move {
                    if let Err(e) = api.run::<SaveEntry>(credential.as_ref(), &save_vars(id, v), false).await {
                        flashes.push(
                            crate::components::notice::Flash::new(
                                crate::components::notice::Tone::Error,
                                format!("Your change to {title} was not saved"),
                            )
                            .detail(format!("{e} {}", e.next_step())),
                        );
                    }
                });
            }
        });
    }
    // Custom lists: a name and the entries in it (each also under its status).
    let custom: Vec<(String, Vec<i64>)> = collection
        .lists
        .iter()
        .filter(|g| g.is_custom_list == Some(true))
        .map(|g| {
            let ids = g.entries.iter().map(|e| e.id).collect();
            (g.name.clone().unwrap_or_else(|| "Custom list".into()), ids)
        })
        .collect();
    let (filter, set_filter) = signal(String::new());
    let (sort, set_sort) = signal(SortBy::Title);
    let total_rows = rows.with_value(|r| r.len());
    if total_rows == 0 {
        let noun = kind.label().to_ascii_lowercase();
        return view! {
            <EmptyState title=format!("Your {noun} list is empty")>
                <p>"Find something to add on the " <A href=Page::Search.href()>"Search"</A> " page."</p>
            </EmptyState>
        }
        .into_any();
    }
    let section = move |heading: String, testid: String, member: std::sync::Arc<dyn Fn(&Row) -> bool + Send + Sync>| {
        let visible = Signal::derive(move || {
            let f = filter_key(&filter.get());
            let by = sort.get();
            let mut list: Vec<Row> = rows.with_value(|r| {
                r.iter()
                    .copied()
                    .filter(|row| !row.deleted.get() && member(row))
                    .filter(|row| row.key.with_value(|k| matches_filter(k, &f)))
                    .collect()
            });
            list.sort_by(|a, b| {
                a.key.with_value(|ka| {
                    b.key.with_value(|kb| {
                        compare(
                            &SortFields { key: ka, score: a.score.get(), progress: a.progress.get(), updated_at: a.updated.get() },
                            &SortFields { key: kb, score: b.score.get(), progress: b.progress.get(), updated_at: b.updated.get() },
                            by,
                        )
                    })
                })
            });
            list
        });
        view! {
            <Show when=move || !visible.with(Vec::is_empty)>
                <section class="list-group" data-testid=testid.clone()>
                    <h2>{heading.clone()} " " <span class="muted count">{move || format!("({})", visible.with(Vec::len))}</span></h2>
                    <ul class="entries">
                        <For each=move || visible.get() key=|row| row.id let:row>
                            <EntryRow row=row kind=kind format=format edits=edits pending=pending_handle.get_value()/>
                        </For>
                    </ul>
                </section>
            </Show>
        }
    };
    let nothing_matches = move || {
        let f = filter_key(&filter.get());
        !f.is_empty() && rows.with_value(|r| r.iter().all(|row| row.deleted.get() || !row.key.with_value(|k| matches_filter(k, &f))))
    };
    view! {
        <div class="list-tools">
            <label class="list-tools__filter">
                <span>"Filter"</span>
                <input type="search" placeholder="Title…" prop:value=move || filter.get()
                    on:input=move |ev| set_filter.set(event_target_value(&ev)) data-testid="list-filter"/>
            </label>
            <label>
                <span>"Sort by"</span>
                <select on:change=move |ev| set_sort.set(SortBy::parse(&event_target_value(&ev))) data-testid="list-sort">
                    {SortBy::ALL.into_iter().map(|s| view! { <option value=s.as_str()>{s.label()}</option> }).collect_view()}
                </select>
            </label>
        </div>
        <Show when=nothing_matches>
            <p class="muted" data-testid="no-match">"No title in this list matches “" {move || filter.get()} "”."</p>
        </Show>
        {ListStatus::ALL
            .into_iter()
            .map(|status| section(
                status.label(kind).to_string(),
                format!("group-{}", status.as_api().to_ascii_lowercase()),
                std::sync::Arc::new(move |r: &Row| r.status.get() == status),
            ))
            .collect_view()}
        {custom
            .into_iter()
            .enumerate()
            .map(|(i, (name, ids))| section(
                name,
                format!("group-custom-{i}"),
                std::sync::Arc::new(move |r: &Row| ids.contains(&r.id)),
            ))
            .collect_view()}
    }
    .into_any()
}

#[component]
fn EntryRow(row: Row, kind: MediaKind, format: ScoreFormat, edits: Edits, pending: Pending) -> impl IntoView {
    let Edits { save, delete } = edits;
    let title_for_pending = row.title.get_value();
    let save_later = Callback::new(move |delay: Duration| {
        let fire = {
            let pending = pending.clone();
            move || {
                pending.take(row.id);
                let (Some(status), Some(progress), Some(score), Some(confirmed)) = (
                    row.status.try_get_untracked(),
                    row.progress.try_get_untracked(),
                    row.score.try_get_untracked(),
                    row.confirmed.try_get_untracked(),
                ) else {
                    return;
                };
                let now = Values { status, progress, score };
                if now != confirmed {
                    save.dispatch_local((row, now));
                }
            }
        };
        let handle = set_timeout_with_handle(fire, delay).ok();
        pending.put(row.id, handle, title_for_pending.clone(), row.values());
    });
    let plus_one = move |_| {
        row.error.set(None);
        row.progress.update(|p| *p += 1);
        if row.status.get_untracked() == ListStatus::Planning {
            row.status.set(ListStatus::Current);
        }
        save_later.run(COALESCE);
    };
    let set_progress = move |ev: leptos::ev::Event| {
        if let Ok(p) = event_target_value(&ev).trim().parse::<u32>() {
            row.error.set(None);
            row.progress.set(p);
            save_later.run(Duration::ZERO);
        }
    };
    let set_status = move |ev: leptos::ev::Event| {
        if let Some(s) = ListStatus::from_api(&event_target_value(&ev)) {
            row.error.set(None);
            row.status.set(s);
            save_later.run(Duration::ZERO);
        }
    };
    let (score_problem, set_score_problem) = signal(None::<String>);
    let set_score = move |ev: leptos::ev::Event| {
        match event_target_value(&ev).trim().parse::<f64>().ok() {
            Some(s) if format.accepts(s) => {
                set_score_problem.set(None);
                row.error.set(None);
                row.score.set(s);
                save_later.run(Duration::ZERO);
            }
            _ => set_score_problem.set(Some(format!("A score is a number from 0 to {}.", format!("{:.0}", format.max())))),
        }
    };
    let complete = move |_| {
        row.error.set(None);
        row.status.set(ListStatus::Completed);
        save_later.run(Duration::ZERO);
    };
    let title = row.title.get_value();
    let id = row.id;
    let noun = if kind == MediaKind::Anime { "episode" } else { "chapter" };
    view! {
        <li class="entry" data-testid=format!("entry-{id}") class:entry--saving=move || row.saving.get()>
            {row.cover.get_value().map(|src| view! { <img class="entry__cover" src=src alt="" loading="lazy" width="46" height="65"/> })}
            <div class="entry__main">
                <div class="entry__title">
                    {match row.site.get_value() {
                        Some(u) => view! { <a href=u rel="noopener noreferrer" target="_blank" data-testid="entry-title">{title.clone()}</a> }.into_any(),
                        None => view! { <span data-testid="entry-title">{title.clone()}</span> }.into_any(),
                    }}
                    <span class="muted small">" · " {row.format.get_value()}</span>
                </div>
                <div class="entry__controls">
                    <span class="entry__progress" data-testid="entry-progress">{move || progress_label(row.progress.get(), row.total)}</span>
                    <button type="button" class="button button--small"
                        aria-label=format!("+1 {noun}: {title}")
                        disabled=move || !can_increment(row.progress.get(), row.total)
                        on:click=plus_one data-testid="plus-one">"+1"</button>
                    <label class="entry__field">
                        <span class="visually-hidden">{format!("Progress of {title}")}</span>
                        <input type="number" min="0" max=row.total.map(|t| t.to_string()) inputmode="numeric"
                            prop:value=move || row.progress.get().to_string() on:change=set_progress data-testid="progress-input"/>
                    </label>
                    <label class="entry__field">
                        <span class="visually-hidden">{format!("Status of {title}")}</span>
                        <select on:change=set_status data-testid="status-select">
                            {ListStatus::ALL.into_iter().map(|s| view! {
                                <option value=s.as_api() selected=move || row.status.get() == s>{s.label(kind)}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    <label class="entry__field">
                        <span class="visually-hidden">{format!("Score of {title}")}</span>
                        <input type="number" min="0" max=short(format.max()) step=short(format.step())
                            prop:value=move || short(row.score.get()) on:change=set_score data-testid="score-input"/>
                    </label>
                    <span class="muted small" data-testid="score-display">{move || format.display(row.score.get())}</span>
                    <button type="button" class="button button--small button--danger"
                        on:click=move |_| row.confirm_delete.set(true) data-testid="delete">"Delete"</button>
                </div>
                <Show when=move || offer_completion(row.progress.get(), row.total, row.status.get())>
                    <p class="entry__offer">
                        "That was the last " {noun} ". "
                        <button type="button" class="button button--small" on:click=complete data-testid="mark-completed">"Mark completed"</button>
                    </p>
                </Show>
                <Show when=move || row.confirm_delete.get()>
                    <p class="entry__confirm" role="alert">
                        {format!("Delete {title} from your list? This cannot be undone.")} " "
                        <button type="button" class="button button--small button--danger" on:click=move |_| { delete.dispatch_local(row); } data-testid="confirm-delete">"Delete"</button>
                        " "
                        <button type="button" class="button button--small button--secondary" on:click=move |_| row.confirm_delete.set(false)>"Keep"</button>
                    </p>
                </Show>
                {move || score_problem.get().map(|p| view! { <p class="form-error" role="alert">{p}</p> })}
                {move || row.error.get().map(|e| view! {
                    <div data-testid="entry-error"><ApiErrorView error=e/></div>
                })}
            </div>
        </li>
    }
}

/// A score or a step as an input shows it: "8.5", "85".
fn short(x: f64) -> String {
    if x.fract() == 0.0 { format!("{x:.0}") } else { format!("{x:.1}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_collection_reads_with_its_custom_lists_and_skips_nulls() {
        let data: list_collection::Data = serde_json::from_str(
            r#"{"MediaListCollection":{"user":{"id":1,"mediaListOptions":{"scoreFormat":"POINT_10"}},"lists":[
                {"name":"Watching","isCustomList":false,"entries":[
                    {"id":11,"mediaId":101,"status":"CURRENT","progress":3,"score":7.5,"updatedAt":1700000000,
                     "media":{"id":101,"format":"TV_SHORT","episodes":12,"chapters":null,"siteUrl":"https://anilist.co/anime/101",
                              "title":{"userPreferred":"Ōkami"},"coverImage":{"medium":"c.png"}}},
                    null,
                    {"id":12,"mediaId":102,"status":"CURRENT","progress":null,"score":null,"updatedAt":null,"media":null}]},
                null,
                {"name":"Favourites","isCustomList":true,"entries":[{"id":11,"mediaId":101,"status":"CURRENT","media":{"id":101}}]}]}}"#,
        )
        .unwrap();
        let c = data.collection.unwrap();
        assert_eq!(c.user.unwrap().media_list_options.unwrap().score_format, Some(ScoreFormat::Point10));
        assert_eq!(c.lists.len(), 2);
        let first = &c.lists[0].entries;
        assert_eq!(first.iter().map(|e| e.id).collect::<Vec<_>>(), [11, 12]);
        assert_eq!((first[0].progress, first[0].score, first[0].updated_at), (Some(3), Some(7.5), Some(1_700_000_000)));
        let m = first[0].media.as_ref().unwrap();
        assert_eq!((m.id, m.total(), m.title(), m.cover_image.as_ref().unwrap().medium.as_deref()), (101, Some(12), "Ōkami".to_string(), Some("c.png")));
        assert!(first[1].media.is_none() && first[1].progress.is_none());
        assert_eq!((c.lists[1].is_custom_list, c.lists[0].is_custom_list), (Some(true), Some(false)));
        assert_eq!(c.lists[1].name.as_deref(), Some("Favourites"));
    }

    #[test]
    fn a_manga_entry_counts_chapters() {
        let data: list_collection::Data = serde_json::from_str(
            r#"{"MediaListCollection":{"user":null,"lists":[{"entries":[{"id":1,"mediaId":2,"media":{"id":2,"episodes":null,"chapters":90}}]}]}}"#,
        )
        .unwrap();
        let c = data.collection.unwrap();
        assert!(c.user.is_none());
        assert_eq!(c.lists[0].entries[0].media.as_ref().unwrap().total(), Some(90));
    }

    #[test]
    fn an_entry_without_its_ids_is_refused() {
        for text in [
            r#"{"MediaListCollection":{"lists":[{"entries":[{"status":"CURRENT","mediaId":1}]}]}}"#,
            r#"{"MediaListCollection":{"lists":[{"entries":[{"id":1,"mediaId":1,"media":{"format":"TV"}}]}]}}"#,
        ] {
            assert!(serde_json::from_str::<list_collection::Data>(text).is_err(), "{text}");
        }
    }

    #[test]
    fn inputs_show_short_numbers() {
        assert_eq!((short(8.5), short(85.0), short(10.0), short(0.5)), ("8.5".into(), "85".into(), "10".into(), "0.5".into()));
    }
}
