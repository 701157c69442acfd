use std::collections::HashSet;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api::Api;
use crate::auth::callback::Credential;
use crate::components::api_status::ApiErrorView;
use crate::components::empty_state::EmptyState;
use crate::components::read::sign_in_gate;
use crate::media::{
    can_increment, compare, filter_key, matches_filter, offer_completion, progress_label, title_key, ListStatus,
    ScoreFormat, SortBy, SortFields,
};
use crate::outbox::{use_outbox, SETTLE_MS};
use crate::pages::{not_found::NotFound, PageIntro};
use crate::routes::{MediaKind, Page};
use crate::store::{use_list_store, values_of};

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
        {sign_in_gate(format!("Sign in to see your {noun} list"), "Your lists are read from AniList with your own token.", Page::Lists(kind), move |credential| {
            view! { <ListBody kind=kind credential=credential/> }.into_any()
        })}
    }
}

/// The list from the store, refreshed from AniList in the background.
#[component]
fn ListBody(kind: MediaKind, credential: Credential) -> impl IntoView {
    let store = use_list_store();
    let outbox = use_outbox();
    let api = expect_context::<Api>();
    let refresh = {
        let (api, credential) = (api.clone(), credential.clone());
        move |force: bool| store.refresh(kind, credential.clone(), force, api.clone(), outbox.reapply())
    };
    refresh(false);
    let state = Memo::new(move |_| store.refresh_state(kind));
    let has_data = Memo::new(move |_| store.with(kind, |d| d.is_some()));
    let refresh_again = refresh.clone();
    let again = Callback::new(move |_| refresh_again(true));
    view! {
        {move || match (has_data.get(), state.get()) {
            (false, s) if s.error.is_some() => s.error.map(|e| view! { <ApiErrorView error=e retry=again/> }.into_any()).unwrap_or_else(|| ().into_any()),
            (false, s) => view! {
                <p class="loading" role="status" data-testid="loading">
                    "Loading your list…"
                    {(s.loaded > 0).then(|| view! { " " <span data-testid="list-progress">{format!("{} entries so far", group_digits(s.loaded))}</span> })}
                </p>
            }.into_any(),
            (true, _) => view! { <ListView kind=kind again=again/> }.into_any(),
        }}
    }
}

/// 1500 as "1,500" (the browser's number formatting).
fn group_digits(n: usize) -> String {
    js_sys::Number::from(n as f64).to_locale_string("en").into()
}

/// "Updated 3 min ago", "Updated just now".
fn updated_words(fetched_at: f64, now: f64) -> String {
    let mins = ((now - fetched_at) / 60_000.0).floor().max(0.0) as u64;
    match mins {
        0 => "Updated just now".into(),
        1 => "Updated 1 min ago".into(),
        m if m < 120 => format!("Updated {m} min ago"),
        m => format!("Updated {} h ago", m / 60),
    }
}

#[component]
fn ListView(kind: MediaKind, again: Callback<()>) -> impl IntoView {
    let store = use_list_store();
    let format = Memo::new(move |_| store.with(kind, |d| d.map(|d| d.score_format).unwrap_or_default()));
    let (filter, set_filter) = signal(String::new());
    let (sort, set_sort) = signal(SortBy::Title);
    // Each title's key for filtering and sorting, made once per title.
    // Where each entry is in the store's list, made once per change (a row
    // finds its entry here instead of searching thousands).
    let index = Memo::new(move |_| {
        store.with(kind, |d| d.map(|d| d.entries.iter().enumerate().map(|(i, e)| (e.media_id, i)).collect::<std::collections::HashMap<i64, usize>>()).unwrap_or_default())
    });
    let keys = Memo::new(move |_| {
        store.with(kind, |d| {
            d.map(|d| d.entries.iter().map(|e| (e.media_id, title_key(&e.media.as_ref().map(|m| m.title()).unwrap_or_default()))).collect::<std::collections::HashMap<_, _>>())
                .unwrap_or_default()
        })
    });
    let state = Memo::new(move |_| store.refresh_state(kind));
    let now = crate::components::clock::clock(std::time::Duration::from_secs(30));
    let updated = move || {
        let _ = now.get();
        store.with(kind, |d| d.map(|d| updated_words(d.fetched_at, js_sys::Date::now()))).unwrap_or_default()
    };
    let empty = Memo::new(move |_| store.with(kind, |d| d.is_none_or(|d| d.entries.is_empty())));
    let section = move |heading: String, testid: String, member: std::sync::Arc<dyn Fn(i64, ListStatus) -> bool + Send + Sync>| {
        let visible = Memo::new(move |_| {
            let f = filter_key(&filter.get());
            let by = sort.get();
            keys.with(|keys| {
                store.with(kind, |d| {
                    let Some(d) = d else { return Vec::new() };
                    let mut list: Vec<_> = d
                        .entries
                        .iter()
                        // An entry hidden from status lists is in no status group.
                        .filter(|e| {
                            let hidden = e.hidden_from_status_lists == Some(true);
                            member(e.media_id, if hidden { ListStatus::Unknown } else { e.status.unwrap_or(ListStatus::Unknown) })
                        })
                        .filter(|e| keys.get(&e.media_id).is_some_and(|k| matches_filter(k, &f)))
                        .collect();
                    let none = String::new();
                    let fields = |e: &crate::api::ops::list_collection::Entry| {
                        let v = values_of(e);
                        (v.score, v.progress, e.updated_at.unwrap_or(0))
                    };
                    list.sort_by(|a, b| {
                        let (sa, pa, ua) = fields(a);
                        let (sb, pb, ub) = fields(b);
                        compare(
                            &SortFields { key: keys.get(&a.media_id).unwrap_or(&none), score: sa, progress: pa, updated_at: ua },
                            &SortFields { key: keys.get(&b.media_id).unwrap_or(&none), score: sb, progress: pb, updated_at: ub },
                            by,
                        )
                    });
                    list.into_iter().map(|e| e.media_id).collect::<Vec<i64>>()
                })
            })
        });
        view! {
            <Show when=move || !visible.with(Vec::is_empty)>
                <section class="list-group" data-testid=testid.clone()>
                    <h2>{heading.clone()} " " <span class="muted count">{move || format!("({})", visible.with(Vec::len))}</span></h2>
                    <ul class="entries">
                        <For each=move || visible.get() key=|id| *id let:media_id>
                            <EntryRow media_id=media_id kind=kind format=format index=index/>
                        </For>
                    </ul>
                </section>
            </Show>
        }
    };
    let nothing_matches = move || {
        let f = filter_key(&filter.get());
        !f.is_empty() && keys.with(|k| k.values().all(|k| !matches_filter(k, &f)))
    };
    let custom = Memo::new(move |_| store.with(kind, |d| d.map(|d| d.custom.clone()).unwrap_or_default()));
    view! {
        <p class="muted small list-updated" data-testid="list-updated">
            {updated} " "
            <button type="button" class="button button--small button--secondary" data-testid="refresh"
                disabled=move || state.with(|s| s.loading) on:click=move |_| again.run(())>
                {move || if state.with(|s| s.loading) { "Refreshing…" } else { "Refresh" }}
            </button>
        </p>
        {move || {
            let s = state.get();
            (s.loading && s.loaded > 0).then(|| view! {
                <p class="muted small" role="status" data-testid="list-progress">
                    {format!("{} entries loaded, more coming…", group_digits(s.loaded))}
                </p>
            })
        }}
        {move || state.get().error.map(|e| view! { <ApiErrorView error=e retry=again/> })}
        <Show when=move || empty.get() fallback=move || ()>
            <EmptyState title=format!("Your {} list is empty", kind.label().to_ascii_lowercase())>
                <p>"Find something to add on the " <A href=Page::Search.href()>"Search"</A> " page."</p>
            </EmptyState>
        </Show>
        <Show when=move || !empty.get()>
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
                    std::sync::Arc::new(move |_, s| s == status),
                ))
                .collect_view()}
            {move || custom
                .get()
                .into_iter()
                .enumerate()
                .map(|(i, (name, ids))| {
                    let ids: HashSet<i64> = ids.into_iter().collect();
                    section(name, format!("group-custom-{i}"), std::sync::Arc::new(move |id, _| ids.contains(&id)))
                })
                .collect_view()}
        </Show>
    }
}

#[component]
fn EntryRow(media_id: i64, kind: MediaKind, format: Memo<ScoreFormat>, index: Memo<std::collections::HashMap<i64, usize>>) -> impl IntoView {
    let store = use_list_store();
    let outbox = use_outbox();
    store.watch(media_id);
    on_cleanup(move || store.unwatch(media_id));
    let entry = Memo::new(move |_| {
        let at = index.with(|ix| ix.get(&media_id).copied());
        store.with(kind, |d| d.and_then(|d| at.and_then(|i| d.entries.get(i)).filter(|e| e.media_id == media_id).cloned()))
    });
    let Some(first) = entry.get_untracked() else { return ().into_any() };
    let media = first.media.clone();
    let title = first.title();
    let total = media.as_ref().and_then(|m| m.total());
    let fallback = values_of(&first);
    let values = move || entry.with(|e| e.as_ref().map(values_of)).unwrap_or(fallback);
    let saving = move || outbox.is_pending(media_id);
    let error = move || store.errors.with(|e| e.get(&media_id).cloned());
    let (confirm_delete, set_confirm_delete) = signal(false);
    let (score_problem, set_score_problem) = signal(None::<String>);
    let change = move |f: &dyn Fn(&mut crate::outbox::rules::Values), settle: f64| {
        let mut v = values();
        f(&mut v);
        outbox.save(media_id, v, settle);
    };
    let plus_one = move |_| {
        change(&|v| {
            v.progress += 1;
            if v.status == ListStatus::Planning {
                v.status = ListStatus::Current;
            }
        }, SETTLE_MS)
    };
    let set_progress = move |ev: leptos::ev::Event| {
        if let Ok(p) = event_target_value(&ev).trim().parse::<u32>() {
            change(&|v| v.progress = p, 0.0);
        }
    };
    let set_status = move |ev: leptos::ev::Event| {
        if let Some(s) = ListStatus::from_api(&event_target_value(&ev)) {
            change(&|v| v.status = s, 0.0);
        }
    };
    let set_score = move |ev: leptos::ev::Event| {
        let f = format.get_untracked();
        match event_target_value(&ev).trim().parse::<f64>().ok() {
            Some(s) if f.accepts(s) => {
                set_score_problem.set(None);
                change(&|v| v.score = s, 0.0);
            }
            _ => set_score_problem.set(Some(format!("A score is a number from 0 to {:.0}.", f.max()))),
        }
    };
    let complete = move |_| change(&|v| v.status = ListStatus::Completed, 0.0);
    let cover = media.as_ref().and_then(|m| m.cover_image.as_ref()).and_then(|c| c.medium.clone());
    let site = media.as_ref().and_then(|m| m.site_url.clone()).filter(|u| u.starts_with("https://"));
    let format_label = media.as_ref().and_then(|m| m.format).map(|f| f.label()).unwrap_or_default();
    let first_id = first.id;
    let id = move || entry.with(|e| e.as_ref().map(|e| e.id)).unwrap_or(first_id);
    let noun = if kind == MediaKind::Anime { "episode" } else { "chapter" };
    view! {
        <li class="entry" data-testid=move || format!("entry-{}", id()) class:entry--saving=saving>
            {cover.map(|src| view! { <img class="entry__cover" src=src alt="" loading="lazy" width="46" height="65"/> })}
            <div class="entry__main">
                <div class="entry__title">
                    {match site {
                        Some(u) => view! { <a href=u rel="noopener noreferrer" target="_blank" data-testid="entry-title">{title.clone()}</a> }.into_any(),
                        None => view! { <span data-testid="entry-title">{title.clone()}</span> }.into_any(),
                    }}
                    <span class="muted small">" · " {format_label}</span>
                </div>
                <div class="entry__controls">
                    <span class="entry__progress" data-testid="entry-progress">{move || progress_label(values().progress, total)}</span>
                    <button type="button" class="button button--small"
                        aria-label=format!("+1 {noun}: {title}")
                        disabled=move || !can_increment(values().progress, total)
                        on:click=plus_one data-testid="plus-one">"+1"</button>
                    <label class="entry__field">
                        <span class="visually-hidden">{format!("Progress of {title}")}</span>
                        <input type="number" min="0" max=total.map(|t| t.to_string()) inputmode="numeric"
                            prop:value=move || values().progress.to_string() on:change=set_progress data-testid="progress-input"/>
                    </label>
                    <label class="entry__field">
                        <span class="visually-hidden">{format!("Status of {title}")}</span>
                        <select on:change=set_status data-testid="status-select">
                            {ListStatus::ALL.into_iter().map(|s| view! {
                                <option value=s.as_api() selected=move || values().status == s>{s.label(kind)}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    <label class="entry__field">
                        <span class="visually-hidden">{format!("Score of {title}")}</span>
                        <input type="number" min="0" max=move || short(format.get().max()) step=move || short(format.get().step())
                            prop:value=move || short(values().score) on:change=set_score data-testid="score-input"/>
                    </label>
                    <span class="muted small" data-testid="score-display">{move || format.get().display(values().score)}</span>
                    <button type="button" class="button button--small button--danger"
                        on:click=move |_| set_confirm_delete.set(true) data-testid="delete">"Delete"</button>
                </div>
                <Show when=move || offer_completion(values().progress, total, values().status)>
                    <p class="entry__offer">
                        "That was the last " {noun} ". "
                        <button type="button" class="button button--small" on:click=complete data-testid="mark-completed">"Mark completed"</button>
                    </p>
                </Show>
                <Show when=move || confirm_delete.get()>
                    <p class="entry__confirm" role="alert">
                        {format!("Delete {title} from your list? This cannot be undone.")} " "
                        <button type="button" class="button button--small button--danger" on:click=move |_| outbox.delete(media_id) data-testid="confirm-delete">"Delete"</button>
                        " "
                        <button type="button" class="button button--small button--secondary" on:click=move |_| set_confirm_delete.set(false)>"Keep"</button>
                    </p>
                </Show>
                {move || score_problem.get().map(|p| view! { <p class="form-error" role="alert">{p}</p> })}
                {move || error().map(|e| view! {
                    <div data-testid="entry-error"><ApiErrorView error=e/></div>
                })}
            </div>
        </li>
    }
    .into_any()
}

/// A score or a step as an input shows it: "8.5", "85".
fn short(x: f64) -> String {
    if x.fract() == 0.0 { format!("{x:.0}") } else { format!("{x:.1}") }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::ops::list_collection;

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
    fn updated_in_words() {
        assert_eq!(updated_words(0.0, 30_000.0), "Updated just now");
        assert_eq!(updated_words(0.0, 61_000.0), "Updated 1 min ago");
        assert_eq!(updated_words(0.0, 7_200_000.0), "Updated 2 h ago");
    }

    #[test]
    fn inputs_show_short_numbers() {
        assert_eq!((short(8.5), short(85.0), short(10.0), short(0.5)), ("8.5".into(), "85".into(), "10".into(), "0.5".into()));
    }
}
