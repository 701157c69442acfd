use std::time::Duration;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::api::error::ApiError;
use crate::api::ops::list_collection::{self, Entry};
use crate::api::ops::search::{self, Found};
use crate::api::Api;
use crate::auth::callback::Credential;
use crate::components::api_status::{boundary_fallback, ApiErrorView};
use crate::components::empty_state::EmptyState;
use crate::components::add_to_list::AddToList;
use crate::edit::Patch;
use crate::media::ListStatus;
use crate::outbox::use_outbox;
use crate::store::use_list_store;
use crate::pages::PageIntro;
use crate::routes::{MediaKind, Page};
use crate::session::SessionContext;

/// Typing pauses this long before a search is sent.
pub const DEBOUNCE: Duration = Duration::from_millis(400);
pub const PER_PAGE: u32 = 10;

/// One page of results and whether there are more.
type Results = (Vec<Found>, bool);

fn read_results(data: search::Data) -> Result<Results, ApiError> {
    let page = data.page.ok_or_else(|| ApiError::Shape("no Page".into()))?;
    let more = page.page_info.and_then(|p| p.has_next_page).unwrap_or(false);
    Ok((page.media, more))
}

/// One page of results, read.
async fn search_page(api: Api, credential: Option<Credential>, q: String, kind: MediaKind, page: u32) -> Result<Results, ApiError> {
    let vars = search::Vars { search: q, kind: kind.into(), page, per_page: PER_PAGE };
    read_results(api.run::<search::Search>(credential.as_ref(), &vars, false).await?)
}

/// The search href for a query, as shared or reloaded.
pub fn search_href(q: &str, kind: MediaKind) -> String {
    format!("{}?q={}&type={}", Page::Search.href(), crate::routes::query_value(q), kind.slug())
}

#[component]
pub fn SearchPage() -> impl IntoView {
    let query = use_query_map();
    let navigate = use_navigate();
    let q = Memo::new(move |_| query.with(|m| m.get("q").unwrap_or_default().trim().to_string()));
    let kind = Memo::new(move |_| {
        query.with(|m| m.get("type").and_then(|t| MediaKind::from_slug(&t)).unwrap_or(MediaKind::Anime))
    });
    let (draft, set_draft) = signal(q.get_untracked());
    let timer = StoredValue::new(None::<TimeoutHandle>);
    // The URL holds the search, so it can be shared or reloaded; typing
    // updates it after a pause, not at every key.
    let go = move |text: String, k: MediaKind| {
        navigate(&search_href(text.trim(), k), NavigateOptions { replace: true, ..Default::default() });
    };
    let on_input = {
        let go = go.clone();
        move |ev: leptos::ev::Event| {
            let text = event_target_value(&ev);
            set_draft.set(text.clone());
            if let Some(t) = timer.get_value() {
                t.clear();
            }
            let go = go.clone();
            let k = kind.get_untracked();
            timer.set_value(set_timeout_with_handle(move || go(text, k), DEBOUNCE).ok());
        }
    };
    let on_submit = {
        let go = go.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if let Some(t) = timer.get_value() {
                t.clear();
            }
            go(draft.get_untracked(), kind.get_untracked());
        }
    };
    let on_kind = move |k: MediaKind| go(draft.get_untracked(), k);
    view! {
        <PageIntro title="Search" lead="Find anime and manga on AniList and add them to your list."/>
        <form class="search-form" role="search" on:submit=on_submit>
            <label for="search-q" class="visually-hidden">"Title"</label>
            <input id="search-q" type="search" placeholder="Search by title…" autocomplete="off"
                prop:value=move || draft.get() on:input=on_input data-testid="search-input"/>
            <fieldset class="choice-group" aria-label="Type">
                {MediaKind::ALL.into_iter().map(|k| {
                    let on_kind = on_kind.clone();
                    view! {
                        <label class="choice">
                            <input type="radio" name="kind" value=k.slug() prop:checked=move || kind.get() == k
                                on:change=move |_| on_kind(k)/>
                            <span>{k.label()}</span>
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            <button type="submit" class="button">"Search"</button>
        </form>
        {move || {
            let (q, k) = (q.get(), kind.get());
            if q.is_empty() {
                view! { <p class="muted" data-testid="search-hint">"Type a title to search AniList."</p> }.into_any()
            } else {
                view! { <SearchResults q=q kind=k/> }.into_any()
            }
        }}
    }
}

#[component]
fn SearchResults(q: String, kind: MediaKind) -> impl IntoView {
    let api = expect_context::<Api>();
    let session = expect_context::<SessionContext>().0;
    let credential = move || session.with_untracked(|s| s.signed_in().map(|s| s.credential()));
    let first = {
        let (api, q) = (api.clone(), q.clone());
        LocalResource::new(move || search_page(api.clone(), credential(), q.clone(), kind, 1))
    };
    let retry = Callback::new(move |_| first.refetch());
    // Later pages, appended by "Load more".
    let more = RwSignal::new(Vec::<Found>::new());
    let has_more = RwSignal::new(None::<bool>);
    let next_page = RwSignal::new(2u32);
    let load_more = Action::new_local(move |_: &()| {
        let (api, q) = (api.clone(), q.clone());
        let page = next_page.get_untracked();
        async move {
            let r = search_page(api, credential(), q, kind, page).await;
            if let Ok((items, next)) = &r {
                more.update(|m| m.extend(items.iter().cloned()));
                has_more.set(Some(*next));
                next_page.set(page + 1);
            }
            r.map(|_| ())
        }
    });
    view! {
        <Transition fallback=|| view! { <p class="loading" role="status" data-testid="loading">"Searching…"</p> }>
            <ErrorBoundary fallback=move |errors| boundary_fallback(errors, retry)>
                {move || Suspend::new(async move {
                    let (items, next) = first.await?;
                    if items.is_empty() {
                        return Ok::<_, ApiError>(view! {
                            <EmptyState title="Nothing found">
                                <p>"No " {kind.label().to_ascii_lowercase()} " matches this title. Try fewer words or another spelling."</p>
                            </EmptyState>
                        }.into_any());
                    }
                    Ok(view! {
                        <ul class="results" data-testid="results">
                            {items.into_iter().map(|f| view! { <ResultItem found=f kind=kind/> }).collect_view()}
                            <For each=move || more.get() key=|f| f.id let:f>
                                <ResultItem found=f kind=kind/>
                            </For>
                        </ul>
                        <Show when=move || has_more.get().unwrap_or(next)>
                            <div class="actions">
                                <button type="button" class="button button--secondary" data-testid="load-more"
                                    disabled=move || load_more.pending().get()
                                    on:click=move |_| { load_more.dispatch_local(()); }>
                                    {move || if load_more.pending().get() { "Loading…" } else { "Load more" }}
                                </button>
                            </div>
                        </Show>
                        {move || load_more.value().get().and_then(|r| r.err()).map(|e| view! { <ApiErrorView error=e/> })}
                    }.into_any())
                })}
            </ErrorBoundary>
        </Transition>
    }
}

/// What the search found, as a list entry to add (the outbox creates it).
fn new_entry(found: &Found, kind: MediaKind) -> Entry {
    Entry {
        id: 0,
        media_id: found.id,
        status: Some(ListStatus::Planning),
        progress: Some(0),
        progress_volumes: None,
        score: Some(0.0),
        media: Some(list_collection::Media {
            id: found.id,
            kind: Some(kind.into()),
            format: found.format,
            episodes: found.episodes,
            chapters: found.chapters,
            volumes: None,
            site_url: found.site_url.clone(),
            title: found.title.clone(),
            synonyms: found.synonyms.clone(),
            start_date: found.season_year.map(|year| list_collection::FuzzyDate { year: Some(year), month: None, day: None }),
            average_score: found.average_score,
            cover_image: found.cover_image.clone(),
            status: None,
            next_airing_episode: None,
        }),
        ..Entry::default()
    }
}

#[component]
fn ResultItem(found: Found, kind: MediaKind) -> impl IntoView {
    let session = expect_context::<SessionContext>().0;
    let store = use_list_store();
    let outbox = use_outbox();
    let id = found.id;
    // What the store holds wins (it has the person's latest change), then
    // what AniList said with the result, then an add made here.
    let found_status = found.media_list_entry.as_ref().and_then(|e| e.status);
    let added = RwSignal::new(None::<ListStatus>);
    let status = move || {
        let held = store.with(kind, |d| d.map(|d| d.entry(id).map(|e| e.status)));
        match held {
            Some(Some(s)) => s,
            // The list is loaded and does not hold it: an add made here was
            // refused; otherwise AniList's answer with the result is newer.
            Some(None) => added.get().is_none().then_some(found_status).flatten(),
            None => found_status.or(added.get()),
        }
    };
    store.watch(id);
    on_cleanup(move || store.unwatch(id));
    let error = move || store.errors.with(|e| e.get(&id).cloned());
    let entry = new_entry(&found, kind);
    let add = Callback::new(move |status: ListStatus| {
        added.set(Some(status));
        outbox.add(kind, entry.clone(), Patch { status: Some(status), ..Patch::default() });
    });
    let pending = move || outbox.is_pending(id);
    let title = found.title.clone().and_then(|t| t.user_preferred).unwrap_or_else(|| format!("Title #{id}"));
    let total = found.episodes.or(found.chapters);
    let facts = [
        found.format.map(|f| f.label().to_string()),
        found.season_year.map(|y| y.to_string()),
        total.map(|t| format!("{t} {}", if kind == MediaKind::Anime { "episodes" } else { "chapters" })),
        found.average_score.map(|s| format!("{s}% average")),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    let label = title.clone();
    view! {
        <li class="result" data-testid=format!("result-{id}")>
            {found.cover_image.and_then(|c| c.medium).map(|src| view! { <img class="entry__cover" src=src alt="" loading="lazy" width="46" height="65"/> })}
            <div class="entry__main">
                <div class="entry__title">
                    <a href=crate::routes::Page::Title(kind, id).href() data-testid="result-title">{title.clone()}</a>
                </div>
                <p class="muted small">{facts}</p>
                <div class="entry__controls">
                    {move || match (status(), session.with(|s| s.is_signed_in())) {
                        (Some(s), _) => view! {
                            <span class="on-list" data-testid="on-list">"On your list: " {s.label(kind)}</span>
                            {move || pending().then(|| view! { <span class="muted small" data-testid="add-saving">" (saving…)"</span> })}
                        }.into_any(),
                        (None, true) => view! { <AddToList kind=kind title=label.clone() on_add=add/> }.into_any(),
                        (None, false) => view! { <span class="muted small">"Sign in to add it to your list."</span> }.into_any(),
                    }}
                </div>
                {move || error().map(|e| view! { <div data-testid="entry-error"><ApiErrorView error=e/></div> })}
            </div>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::media::MediaFormat;

    #[test]
    fn a_page_of_results_reads_and_skips_nulls() {
        let data: search::Data = serde_json::from_str(
            r#"{"Page":{"pageInfo":{"hasNextPage":true},"media":[
                {"id":1,"format":"TV","episodes":24,"chapters":null,"seasonYear":2004,"averageScore":81,"siteUrl":"https://anilist.co/anime/1",
                 "title":{"userPreferred":"Mushishi"},"coverImage":{"medium":"m.png"},"mediaListEntry":{"id":9,"status":"PLANNING","progress":0}},
                null,
                {"id":2,"chapters":40,"title":null,"coverImage":null,"mediaListEntry":null}]}}"#,
        )
        .unwrap();
        let (found, more) = read_results(data).unwrap();
        assert!(more);
        assert_eq!(found.len(), 2);
        assert_eq!((found[0].id, found[0].format, found[0].episodes, found[0].season_year), (1, Some(MediaFormat::Tv), Some(24), Some(2004)));
        assert_eq!(found[0].title.as_ref().and_then(|t| t.user_preferred.as_deref()), Some("Mushishi"));
        assert_eq!(found[0].media_list_entry.as_ref().and_then(|e| e.status), Some(ListStatus::Planning));
        assert_eq!((found[1].chapters, found[1].title.is_none(), found[1].media_list_entry.is_none()), (Some(40), true, true));
    }

    #[test]
    fn no_page_is_named_and_a_result_without_id_is_refused() {
        let none: search::Data = serde_json::from_str(r#"{"Page":null}"#).unwrap();
        assert_eq!(read_results(none).unwrap_err(), ApiError::Shape("no Page".into()));
        assert!(serde_json::from_str::<search::Data>(r#"{"Page":{"media":[{"title":{"userPreferred":"X"}}]}}"#).is_err());
        let empty: search::Data = serde_json::from_str(r#"{"Page":{"pageInfo":null,"media":null}}"#).unwrap();
        assert_eq!(read_results(empty).unwrap(), (vec![], false));
    }
}
