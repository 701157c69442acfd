//! The anime and manga lists: views on the list store, filtered and
//! sorted as the URL says, each group windowed so that a list of thousands
//! has only the rows near the viewport in the page.

mod bulk;
mod group;
mod row;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use leptos_router::NavigateOptions;


use crate::auth::callback::Credential;
use crate::components::api_status::ApiErrorView;
use crate::components::empty_state::EmptyState;
use crate::components::entry_editor::{EntryEditor, OpenAt};
use crate::components::read::sign_in_gate;
use crate::components::KindTabs;
use crate::listing::{arrange, date_number, section_label, section_order, Facts, FilterChoices, ListQuery, SortBy};
use crate::media::{ListStatus, MediaFormat, MediaStatus};
use crate::outbox::use_outbox;
use crate::pages::{not_found::NotFound, PageIntro};
use crate::routes::{MediaKind, Page};
use crate::store::use_list_store;
use bulk::{BulkBar, Picking};
use group::{Group, Viewport};

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
        <KindTabs label="List type" page=Page::Lists/>
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
    let clock = crate::components::clock::clock(std::time::Duration::from_secs(30));
    provide_context(row::ListClock(clock));
    // Anime being watched whose episode time has passed: their next
    // episode asked again (rows say "Ep 8 aired" until it comes).
    if kind == MediaKind::Anime {
        outbox.follow_airing(credential.clone(), clock);
    }
    let refresh = move |force: bool| outbox.refresh_list(kind, credential.clone(), force);
    refresh(false);
    let state = Memo::new(move |_| store.refresh_state(kind));
    let has_data = Memo::new(move |_| store.with(kind, |d| d.is_some()));
    let refresh_again = refresh.clone();
    let again = Callback::new(move |_| refresh_again(true));
    view! {
        // The list, once there is one, is drawn once: a refresh that ends
        // (its state changes) must not draw it anew, which would close an
        // open editor and lose what is typed in it.
        {move || match has_data.get() {
            true => view! { <ListView kind=kind again=again/> }.into_any(),
            false => match state.get() {
                s if s.error.is_some() => s.error.map(|e| view! { <ApiErrorView error=e retry=again/> }.into_any()).unwrap_or_else(|| ().into_any()),
                s => view! {
                    <p class="loading" role="status" data-testid="loading">
                        "Loading your list…"
                        {(s.loaded > 0).then(|| view! { " " <span data-testid="list-progress">{format!("{} so far", crate::text::entries(s.loaded))}</span> })}
                    </p>
                }.into_any(),
            },
        }}
    }
}

pub(crate) use crate::text::group_digits;

thread_local! {
    /// Where each list page was scrolled to, by kind: a round trip to
    /// another page comes back to the same place.
    static SCROLLED: std::cell::Cell<[f64; 2]> = const { std::cell::Cell::new([0.0; 2]) };
}

/// Scrolls back to `y` once the page is laid out tall enough: tried on
/// each of the next `frames` frames until it holds (the router and the
/// browser's own restoration may scroll in between).
fn restore_scroll(y: f64, frames: u32) {
    request_animation_frame(move || {
        let Some(w) = web_sys::window() else { return };
        w.scroll_to_with_x_and_y(0.0, y);
        let there = w.scroll_y().is_ok_and(|now| (now - y).abs() < 2.0);
        if !there && frames > 0 {
            restore_scroll(y, frames - 1);
        }
    });
}

/// Which groups are collapsed (their test ids), kept across visits.
const COLLAPSED_KEY: &str = "tsuzuki.lists.collapsed";

/// The media ids of one group, out of all of them.
fn group_ids(groups: Memo<Vec<Vec<i64>>>, i: usize) -> Memo<Vec<i64>> {
    Memo::new(move |_| groups.with(|g| g.get(i).cloned().unwrap_or_default()))
}

/// Each entry's filter key and its title's place in the collation, by media id.
type Lexicon = Arc<HashMap<i64, (Arc<str>, u32)>>;

/// What a list filter offers (value, label) out of the list's choices,
/// and which value a query has chosen (empty for all).
type Choices = fn(&crate::listing::FilterChoices) -> Vec<(String, String)>;
type Chosen = fn(&ListQuery) -> String;

/// One of the list's filters: "All", then the choices the list has.
fn choice_select(label: &'static str, testid: &'static str, choices: Memo<FilterChoices>, of: Choices, query: Memo<ListQuery>, chosen: Chosen, pick: Callback<String>) -> impl IntoView {
    view! {
        <label>
            <span>{label}</span>
            <select on:change=move |ev| pick.run(event_target_value(&ev)) data-testid=testid>
                <option value="" selected=move || query.with(|q| chosen(q).is_empty())>"All"</option>
                {move || choices.with(of).into_iter().map(|(value, text)| {
                    let this = value.clone();
                    view! { <option value=value selected=move || query.with(|q| chosen(q) == this)>{text}</option> }
                }).collect_view()}
            </select>
        </label>
    }
}

/// Every entry's titles, and which entries there are, as one number: what
/// the filter keys and the title order are made from ([`ListView`]).
fn titles_fingerprint(entries: &[crate::api::ops::list_collection::Entry]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    for e in entries {
        e.media_id.hash(&mut h);
        e.media.as_ref().map(|m| m.all_titles()).hash(&mut h);
    }
    h.finish()
}

/// What an entry is filtered and sorted by.
fn facts_of(e: &crate::api::ops::list_collection::Entry, lexicon: &HashMap<i64, (Arc<str>, u32)>) -> Facts {
    let m = e.media.as_ref();
    let start = m.and_then(|m| m.start_date);
    let (key, rank) = lexicon.get(&e.media_id).cloned().unwrap_or_else(|| (Arc::from(""), u32::MAX));
    let status = e.status.unwrap_or(ListStatus::Unknown);
    Facts {
        media_id: e.media_id,
        group: (e.hidden_from_status_lists != Some(true)).then_some(status),
        status,
        format: m.and_then(|m| m.format),
        release: m.and_then(|m| m.status),
        genres: m.map_or(0, |m| crate::media::genre_bits(&m.genres)),
        country: m.and_then(|m| crate::media::country_code(m.country_of_origin.as_deref()?)),
        year: start.and_then(|s| s.year),
        key,
        rank,
        score: e.score.unwrap_or(0.0),
        progress: e.progress.unwrap_or(0),
        updated_at: e.updated_at.unwrap_or(0),
        started: start.and_then(|s| date_number(s.year, s.month, s.day)),
        began: e.started_at.and_then(|d| date_number(d.year, d.month, d.day)),
        finished: e.completed_at.and_then(|d| date_number(d.year, d.month, d.day)),
        average: m.and_then(|m| m.average_score),
        popularity: m.and_then(|m| m.popularity),
        added: e.id,
    }
}

#[component]
fn ListView(kind: MediaKind, again: Callback<()>) -> impl IntoView {
    let store = use_list_store();
    let format = Memo::new(move |_| store.score_format(kind));
    // The filter and sort live in the URL; the text applies at each key
    // and reaches the URL after a pause.
    let params = use_query_map();
    let navigate = use_navigate();
    // The user's default order on AniList, once the list says it.
    let default_sort = Memo::new(move |_| store.with(kind, |d| SortBy::from_row_order(d.and_then(|d| d.row_order.as_deref()))));
    let url_query = Memo::new(move |_| params.with(|m| ListQuery::from_params(|k| m.get(k), default_sort.get())));
    let (text, set_text) = signal(url_query.get_untracked().text);
    let typing = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        let from_url = url_query.with(|q| q.text.clone());
        // Back or forward to another filter (not one still being typed).
        if typing.with_value(Option::is_none) && from_url != text.get_untracked() {
            set_text.set(from_url);
        }
    });
    let query = Memo::new(move |_| ListQuery { text: text.get(), ..url_query.get() });
    let go = Callback::new(move |q: ListQuery| {
        navigate(&format!("{}{}", Page::Lists(kind).href(), q.to_query()), NavigateOptions { replace: true, scroll: false, ..Default::default() });
    });
    let on_text = move |ev: leptos::ev::Event| {
        set_text.set(event_target_value(&ev));
        if let Some(t) = typing.get_value() {
            t.clear();
        }
        typing.set_value(
            set_timeout_with_handle(
                move || {
                    let _ = typing.try_set_value(None);
                    if let Some(q) = query.try_get_untracked() {
                        go.run(q);
                    }
                },
                std::time::Duration::from_millis(400),
            )
            .ok(),
        );
    };
    let set = move |f: &dyn Fn(&mut ListQuery)| {
        let mut q = query.get_untracked();
        f(&mut q);
        go.run(q);
    };

    // The filter's key of each entry and its title's place in the user's
    // collation: made again only when a title changed or an entry came or
    // went (not at each edit: the fingerprint stays the same, and nothing
    // after it runs), each key made once.
    let titles = Memo::new(move |_| store.with(kind, |d| d.map(|d| titles_fingerprint(&d.entries))));
    let keys = StoredValue::new(HashMap::<i64, (String, Arc<str>)>::new());
    let lexicon = Memo::new(move |_: Option<&Lexicon>| {
        // Read, not only tracked: a memo never read is never worked out,
        // and so never learns of a change.
        let _ = titles.get();
        let now: Vec<(i64, String, String)> = untrack(|| {
            store.with(kind, |d| {
                d.map(|d| d.entries.iter().map(|e| (e.media_id, e.title(), e.media.as_ref().map(|m| crate::listing::titles_text(&m.all_titles())).unwrap_or_default())).collect())
                    .unwrap_or_default()
            })
        });
        let ranks = crate::text::collation_ranks(&now.iter().map(|(_, title, _)| title.as_str()).collect::<Vec<_>>());
        let lexicon = keys.try_update_value(|cache| {
            now.iter()
                .zip(ranks)
                .map(|((id, title, all), rank)| {
                    let all = if all.is_empty() { title } else { all };
                    if cache.get(id).is_none_or(|(source, _)| source != all) {
                        cache.insert(*id, (all.clone(), crate::listing::title_key(all).into()));
                    }
                    (*id, (cache.get(id).map(|(_, k)| k.clone()).unwrap_or_else(|| Arc::from("")), rank))
                })
                .collect::<HashMap<_, _>>()
        });
        Arc::new(lexicon.unwrap_or_default())
    });
    let custom = Memo::new(move |_| store.with(kind, |d| d.map(|d| d.custom.clone()).unwrap_or_default()));
    // Each group's media ids, filtered and sorted: the facts of each entry
    // made again at each change (a few ms at 5,000), the rest is listing.rs.
    let groups = Memo::new(move |_| {
        lexicon.with(|lex| {
            store.with(kind, |d| {
                let facts: Vec<Facts> = d.map(|d| d.entries.iter().map(|e| facts_of(e, lex)).collect()).unwrap_or_default();
                let split = d.is_some_and(|d| d.split_completed).then_some(kind);
                custom.with(|c| query.with(|q| arrange(&facts, c, q, split)))
            })
        })
    });
    // Where each entry is in the store's list, made once per change (a row
    // finds its entry here instead of searching thousands).
    let index = Memo::new(move |_| {
        store.with(kind, |d| d.map(|d| d.entries.iter().enumerate().map(|(i, e)| (e.media_id, i)).collect::<HashMap<i64, usize>>()).unwrap_or_default())
    });
    let total = Memo::new(move |_| store.with(kind, |d| d.map_or(0, |d| d.entries.len())));
    // The groups in the order the user gave them on AniList: each one's
    // place in `groups`, heading and test id.
    let sections = Memo::new(move |_| {
        let (order, split) = store.with(kind, |d| d.map(|d| (d.section_order.clone(), d.split_completed)).unwrap_or_default());
        custom.with(|c| {
            let names: Vec<&str> = c.iter().map(|(n, _)| n.as_str()).collect();
            section_order(&order, kind, &names, split)
                .into_iter()
                .map(|i| {
                    let (heading, testid) = section_label(i, kind, &names);
                    (i, heading, testid)
                })
                .collect::<Vec<_>>()
        })
    });
    // The entries shown, top to bottom, each once (an entry can be in a
    // status group and custom lists): what "Select all" and a shift-click's
    // range take.
    let order = Memo::new(move |_| {
        groups.with(|g| {
            let mut seen = HashSet::new();
            let shown = sections.with(|s| s.iter().map(|(i, ..)| *i).collect::<Vec<_>>());
            shown.into_iter().filter_map(|i| g.get(i)).flatten().filter(|id| seen.insert(**id)).copied().collect::<Vec<_>>()
        })
    });
    let shown = Memo::new(move |_| order.with(Vec::len));
    let picking = Picking { selection: RwSignal::new(crate::bulk::Selection::default()), order };
    provide_context(picking);
    // What is no longer on the list is no longer chosen.
    Effect::new(move |_| {
        index.with(|ix| {
            if picking.selection.with_untracked(|s| !s.is_empty()) {
                picking.selection.update(|s| s.keep(|id| ix.contains_key(&id)));
            }
        })
    });
    // The formats, release states, genres, countries and years the list has, for the
    // filters' choices: made again at each change, passed on only when
    // they differ (a +1 redraws none of them).
    let choices = Memo::new(move |_| {
        store.with(kind, |d| {
            crate::listing::filter_choices(d.iter().flat_map(|d| &d.entries).filter_map(|e| e.media.as_ref()).map(|m| crate::listing::ChoiceFacts {
                format: m.format,
                release: m.status,
                genres: crate::media::genre_bits(&m.genres),
                country: m.country_of_origin.as_deref().and_then(crate::media::country_code),
                year: m.start_date.and_then(|s| s.year),
            }))
        })
    });

    let state = Memo::new(move |_| store.refresh_state(kind));
    let now = crate::components::clock::clock(std::time::Duration::from_secs(30));
    let updated = move || {
        let _ = now.get();
        store.with(kind, |d| d.map(|d| crate::auth::time::updated_words(d.fetched_at, js_sys::Date::now()))).unwrap_or_default()
    };
    let empty = Memo::new(move |_| total.get() == 0);
    // The status, format, release, genre, country, year, score and sort choices unfolded (phones only).
    let choices_open = RwSignal::new(false);

    // Windowing: the groups follow the viewport; a change of layout
    // above them (filter, collapse, more entries) makes them look again.
    let viewport = Viewport::follow();
    let collapsed = RwSignal::new(
        crate::storage::get::<Vec<String>>(crate::storage::Area::Local, COLLAPSED_KEY).ok().flatten().unwrap_or_default().into_iter().collect::<HashSet<String>>(),
    );
    Effect::new(move |_| {
        groups.track();
        collapsed.track();
        viewport.relayout();
    });
    let toggle = move |id: String| {
        collapsed.update(|c| {
            if !c.remove(&id) {
                c.insert(id);
            }
        });
        let _ = crate::storage::set(crate::storage::Area::Local, COLLAPSED_KEY, &collapsed.with_untracked(|c| c.iter().cloned().collect::<Vec<_>>()));
    };
    // The scroll position, kept for a round trip to another page.
    let slot = kind.index();
    let keep_scroll = window_event_listener(leptos::ev::scroll, move |_| {
        if let Some(y) = web_sys::window().and_then(|w| w.scroll_y().ok()) {
            SCROLLED.with(|s| {
                let mut v = s.get();
                v[slot] = y;
                s.set(v);
            });
        }
    });
    on_cleanup(move || keep_scroll.remove());
    // The page puts the list back where it was itself: the browser's own
    // restoration on Back would scroll while the page before is still
    // shown, and land at the top.
    if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = h.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    }
    let back_to = SCROLLED.with(|s| s.get()[slot]);
    if back_to > 0.0 {
        restore_scroll(back_to, 60);
    }

    let (editing, set_editing) = signal(None::<(i64, OpenAt)>);
    let on_edit = Callback::new(move |at: (i64, OpenAt)| set_editing.set(Some(at)));
    let close_editor = Callback::new(move |_| set_editing.set(None));

    let section = move |heading: String, testid: String, i: usize| {
        let id = testid.clone();
        let folded = Signal::derive({
            let id = id.clone();
            move || collapsed.with(|c| c.contains(&id))
        });
        view! {
            <Group heading=heading testid=testid ids=group_ids(groups, i) collapsed=folded on_toggle=Callback::new(move |_| toggle(id.clone()))
                kind=kind format=format index=index on_edit=on_edit viewport=viewport/>
        }
    };
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
                    {format!("{} loaded, more coming…", crate::text::entries(s.loaded))}
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
            <div class="list-tools" class:list-tools--open=move || choices_open.get() role="search">
                <label class="list-tools__filter">
                    <span>"Filter"</span>
                    <input type="search" placeholder="Any title, English, native…" prop:value=move || text.get()
                        on:input=on_text data-testid="list-filter" data-shortcut="find"/>
                </label>
                // On a phone the other choices are folded away under this
                // (the rows start a screen's third higher); elsewhere it is
                // not shown and they always are.
                <button type="button" class="button button--small button--secondary list-tools__more" data-testid="list-choices"
                    aria-expanded=move || choices_open.get().to_string() on:click=move |_| choices_open.update(|o| *o = !*o)>
                    {move || match query.with(ListQuery::choices_made) {
                        0 => "More filters, sort".to_string(),
                        n => format!("More filters, sort ({n} set)"),
                    }}
                </button>
                <label>
                    <span>"Status"</span>
                    <select on:change=move |ev| { let v = event_target_value(&ev); set(&|q| q.status = ListStatus::from_api(&v)) }
                        data-testid="list-status">
                        <option value="" selected=move || query.with(|q| q.status.is_none())>"All"</option>
                        {ListStatus::ALL.into_iter().map(|s| view! {
                            <option value=s.as_api() selected=move || query.with(|q| q.status == Some(s))>{s.label(kind)}</option>
                        }).collect_view()}
                    </select>
                </label>
                {choice_select("Format", "list-format",
                    choices, |c| c.formats.iter().map(|f| (f.as_api().to_string(), f.label().to_string())).collect(),
                    query, |q| q.format.map(|f| f.as_api().to_string()).unwrap_or_default(),
                    Callback::new(move |v: String| set(&|q| q.format = MediaFormat::ALL.into_iter().find(|f| f.as_api() == v))))}
                {choice_select("Release", "list-release",
                    choices, match kind {
                        MediaKind::Anime => |c: &FilterChoices| c.releases.iter().map(|r| (r.as_api().to_ascii_lowercase(), r.label_for(MediaKind::Anime).to_string())).collect(),
                        MediaKind::Manga => |c: &FilterChoices| c.releases.iter().map(|r| (r.as_api().to_ascii_lowercase(), r.label_for(MediaKind::Manga).to_string())).collect(),
                    },
                    query, |q| q.release.map(|r| r.as_api().to_ascii_lowercase()).unwrap_or_default(),
                    Callback::new(move |v: String| set(&|q| q.release = MediaStatus::from_api(&v.to_ascii_uppercase()))))}
                {choice_select("Genre", "list-genre",
                    choices, |c| c.genres.iter().map(|&g| (crate::media::GENRES[g].to_string(), crate::media::GENRES[g].to_string())).collect(),
                    query, |q| q.genre.map(|g| crate::media::GENRES[g].to_string()).unwrap_or_default(),
                    Callback::new(move |v: String| set(&|q| q.genre = crate::media::genre_index(&v))))}
                {choice_select("Country", "list-country",
                    choices, |c| {
                        // By name, in the reader's language (a handful).
                        let mut named: Vec<(String, String)> = Vec::new();
                        for &code in &c.countries {
                            let name = crate::text::region_name(&crate::media::country_text(code));
                            let at = named.iter().position(|(_, n)| *n > name).unwrap_or(named.len());
                            named.insert(at, (crate::media::country_text(code), name));
                        }
                        named
                    },
                    query, |q| q.country.map(crate::media::country_text).unwrap_or_default(),
                    Callback::new(move |v: String| set(&|q| q.country = crate::media::country_code(&v))))}
                {choice_select("Year", "list-year",
                    choices, |c| c.years.iter().map(|y| (y.to_string(), y.to_string())).collect(),
                    query, |q| q.year.map(|y| y.to_string()).unwrap_or_default(),
                    Callback::new(move |v: String| set(&|q| q.year = v.parse().ok())))}
                <label>
                    <span>"Score"</span>
                    <select on:change=move |ev| { let v = event_target_value(&ev); set(&|q| q.scored = (!v.is_empty()).then(|| v == "yes")) }
                        data-testid="list-scored">
                        {[(None, "", "All"), (Some(true), "yes", "Scored"), (Some(false), "no", "Not scored")].into_iter().map(|(s, value, text)| view! {
                            <option value=value selected=move || query.with(|q| q.scored == s)>{text}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label>
                    <span>"Sort by"</span>
                    <select on:change=move |ev| { let v = event_target_value(&ev); set(&|q| q.sort = SortBy::parse(&v)) }
                        data-testid="list-sort">
                        {SortBy::ALL.into_iter().map(|s| view! {
                            <option value=s.as_str() selected=move || query.with(|q| q.sort == s)>{s.label()}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label class="choice list-tools__reverse">
                    <input type="checkbox" data-testid="list-reverse" prop:checked=move || query.with(|q| q.reverse)
                        on:change=move |ev| { let on = event_target_checked(&ev); set(&|q| q.reverse = on) }/>
                    <span>{move || query.with(|q| q.sort.reversed())}</span>
                </label>
            </div>
            <div class="list-summary">
                <p class="muted small" role="status" data-testid="list-summary">
                    {move || if query.with(ListQuery::narrows) {
                        let n = shown.get();
                        format!("{} of {} {}.", group_digits(n), crate::text::entries(total.get()), if n == 1 { "matches" } else { "match" })
                    } else {
                        format!("{}.", crate::text::entries(total.get()))
                    }}
                    {move || query.with(ListQuery::narrows).then(|| {
                        view! {
                            " "
                            <button type="button" class="button button--small button--secondary" data-testid="clear-filters"
                                on:click=move |_| {
                                    set_text.set(String::new());
                                    set(&|q| *q = ListQuery { sort: q.sort, reverse: q.reverse, default_sort: q.default_sort, ..ListQuery::default() });
                                }>"Clear filters"</button>
                        }
                    })}
                </p>
                <button type="button" class="button button--small button--secondary" data-testid="select-all"
                    disabled=move || shown.get() == 0 on:click=move |_| picking.select_all()>
                    {move || format!("Select all {} shown", group_digits(shown.get()))}
                </button>
            </div>
            <Show when=move || shown.get() == 0 && query.with(ListQuery::narrows)>
                <p class="muted" data-testid="no-match">"No entry in this list matches these filters."</p>
            </Show>
            // Keyed: a new custom list, or a new order, moves the groups
            // on screen and draws only what is new.
            <For each=move || sections.get() key=|s| s.clone() let:s>
                {section(s.1, s.2, s.0)}
            </For>
        </Show>
        <BulkBar kind=kind format=format picking=picking/>
        {move || editing.get().map(|(id, at)| view! { <EntryEditor media_id=id kind=kind format=format on_close=close_editor at=at/> })}
    }
}

#[cfg(test)]
mod tests {
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
        assert_eq!(c.user.unwrap().media_list_options.unwrap().score_format, Some(crate::media::ScoreFormat::Point10));
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
    fn the_titles_fingerprint_changes_with_a_title_or_an_entry_not_with_an_edit() {
        let entry = |id: i64, synonyms: &[&str]| -> list_collection::Entry {
            serde_json::from_value(serde_json::json!({
                "id": id, "mediaId": id * 10, "status": "CURRENT", "progress": 3,
                "media": {"id": id * 10, "title": {"userPreferred": format!("Title {id}"), "romaji": "Same"}, "synonyms": synonyms},
            }))
            .unwrap()
        };
        let list = vec![entry(1, &["One"]), entry(2, &[])];
        let was = super::titles_fingerprint(&list);
        let mut edited = list.clone();
        edited[0].progress = Some(4);
        edited[1].score = Some(7.5);
        edited[1].notes = Some("good".into());
        assert_eq!(super::titles_fingerprint(&edited), was, "an edit leaves the titles as they were");
        let mut renamed = list.clone();
        renamed[0].media.as_mut().unwrap().synonyms = vec!["Uno".into()];
        assert_ne!(super::titles_fingerprint(&renamed), was, "another synonym");
        let mut more = list.clone();
        more.push(entry(3, &[]));
        assert_ne!(super::titles_fingerprint(&more), was, "an entry added");
        assert_ne!(super::titles_fingerprint(&list[..1]), was, "an entry gone");
        // A title moved from one entry to the next is another list of titles.
        let moved = vec![entry(1, &[]), entry(2, &["One"])];
        assert_ne!(super::titles_fingerprint(&moved), was);
    }

    #[test]
    fn inputs_show_short_numbers() {
        use crate::components::entry_editor::short;
        assert_eq!((short(8.5), short(85.0), short(10.0), short(0.5)), ("8.5".into(), "85".into(), "10".into(), "0.5".into()));
    }
}
