use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::api::error::ApiError;
use crate::api::ops::list_collection::{self, Entry};
use crate::api::ops::search::{self, Found};
use crate::api::ops::tags::Tag;
use crate::api::ops::title::{Member, Named, Person};
use crate::api::Api;
use crate::browse::{formats, Browse, Order};
use crate::listing::YEARS;
use crate::media::{MediaSeason, MediaStatus};
use crate::auth::callback::Credential;
use crate::components::api_status::{boundary_fallback, ApiErrorView, LoadMore};
use crate::components::empty_state::EmptyState;
use crate::components::add_to_list::AddToList;
use crate::components::entry_editor::EntryEditor;
use crate::components::tiles::{MemberLink, PersonLink};
use crate::edit::Patch;
use crate::media::ListStatus;
use crate::outbox::use_outbox;
use crate::store::use_list_store;
use crate::pages::PageIntro;
use crate::routes::{MediaKind, Page};
use crate::session::names::use_account_names;
use crate::session::use_session;

pub const PER_PAGE: u32 = 10;

/// One page of results, whether there are more, and (on the first page of
/// a search by text) the characters, staff and studios it names.
type Results = (Vec<Found>, bool, People);

/// Characters, staff and studios a search's text names.
#[derive(Clone, Debug, Default, PartialEq)]
struct People {
    characters: Vec<Person>,
    staff: Vec<Person>,
    studios: Vec<Named>,
    members: Vec<Member>,
}

impl People {
    fn is_empty(&self) -> bool {
        self.characters.is_empty() && self.staff.is_empty() && self.studios.is_empty() && self.members.is_empty()
    }
}

fn read_results(data: search::Data) -> Result<Results, ApiError> {
    let page = data.page.ok_or_else(|| ApiError::Shape("no Page".into()))?;
    let more = page.page_info.and_then(|p| p.has_next_page).unwrap_or(false);
    let people = People {
        characters: data.characters.unwrap_or_default().characters,
        staff: data.staff.unwrap_or_default().staff,
        studios: data.studios.unwrap_or_default().studios,
        members: data.users.unwrap_or_default().users,
    };
    Ok((page.media, more, people))
}

/// One page of results, read; titles for adults only when the person lets
/// them show (`adult`).
async fn search_page(api: Api, credential: Option<Credential>, b: Browse, page: u32, adult: bool) -> Result<Results, ApiError> {
    let vars = search::Vars::of(&b, page, PER_PAGE, adult, credential.is_some());
    read_results(api.run::<search::Search>(credential.as_ref(), &vars, false).await?)
}

/// The search href for a query, as shared or reloaded.
pub fn search_href(q: &str, kind: MediaKind) -> String {
    browse_href(&Browse { text: q.trim().to_string(), kind, ..Browse::default() })
}

pub fn browse_href(b: &Browse) -> String {
    format!("{}{}", Page::Search.href(), b.to_query())
}

#[component]
pub fn SearchPage() -> impl IntoView {
    let query = use_query_map();
    let navigate = use_navigate();
    let browse = Memo::new(move |_| query.with(|m| Browse::from_params(|k| m.get(k))));
    let kind = Memo::new(move |_| browse.with(|b| b.kind));
    let (draft, set_draft) = signal(browse.with_untracked(|b| b.text.clone()));
    let pause = crate::components::Debounce::new();
    // The URL holds the search, so it can be shared or reloaded; typing
    // updates it after a pause, not at every key.
    let go = move |b: Browse| {
        navigate(&browse_href(&b), NavigateOptions { replace: true, ..Default::default() });
    };
    let with_text = move |text: String| Browse { text: text.trim().to_string(), ..browse.get_untracked() };
    let on_input = {
        let go = go.clone();
        move |ev: leptos::ev::Event| {
            let text = event_target_value(&ev);
            set_draft.set(text.clone());
            let go = go.clone();
            pause.after_pause(move || go(with_text(text)));
        }
    };
    let on_submit = {
        let go = go.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            pause.cancel();
            go(with_text(draft.get_untracked()));
        }
    };
    // A filter changed: the text as typed so far goes with it.
    let set = {
        let go = go.clone();
        move |f: &dyn Fn(&mut Browse)| {
            let mut b = with_text(draft.get_untracked());
            f(&mut b);
            go(b);
        }
    };
    let on_kind = {
        let set = set.clone();
        move |k: MediaKind| set(&|b| {
            b.kind = k;
            // A format of the other kind does not apply, nor a season to manga.
            b.format = None;
            b.season = None;
        })
    };
    let select = {
        let set = set.clone();
        move |label: &'static str, testid: &'static str, options: Vec<(String, String)>, current: Signal<String>, apply: fn(&mut Browse, &str)| {
            let set = set.clone();
            view! {
                <label class="field field--inline">
                    <span class="field__label">{label}</span>
                    <select data-testid=testid on:change=move |ev| { let v = event_target_value(&ev); set(&|b| apply(b, &v)); }>
                        {options.into_iter().map(|(value, text)| {
                            let v = value.clone();
                            view! { <option value=value selected=move || current.get() == v>{text}</option> }
                        }).collect_view()}
                    </select>
                </label>
            }
        }
    };
    let any = |label: &str| vec![(String::new(), label.to_string())];
    let session = use_session();
    let signed_in = Memo::new(move |_| session.user().is_some());
    let lower = |s: &str| s.to_ascii_lowercase();
    let filters = move || {
        let b = browse.get();
        let k = b.kind;
        let cur = |v: String| Signal::derive(move || v.clone());
        view! {
            <div class="filters search-filters" role="group" aria-label="Filters">
                {select("Format", "filter-format",
                    any("Any").into_iter().chain(formats(k).iter().map(|f| (lower(f.as_api()), f.label().to_string()))).collect(),
                    cur(b.format.map(|f| lower(f.as_api())).unwrap_or_default()),
                    |b, v| b.format = formats(b.kind).iter().copied().find(|f| f.as_api().eq_ignore_ascii_case(v)))}
                {select("Status", "filter-status",
                    any("Any").into_iter().chain(MediaStatus::ALL.iter().map(|s| (lower(s.as_api()), s.label_for(k).to_string()))).collect(),
                    cur(b.status.map(|s| lower(s.as_api())).unwrap_or_default()),
                    |b, v| b.status = MediaStatus::from_api(&v.to_ascii_uppercase()))}
                {(k == MediaKind::Anime).then(|| select("Season", "filter-season",
                    any("Any").into_iter().chain(MediaSeason::ALL.iter().map(|s| (lower(s.as_api()), s.label().to_string()))).collect(),
                    cur(b.season.map(|s| lower(s.as_api())).unwrap_or_default()),
                    |b, v| b.season = MediaSeason::from_api(&v.to_ascii_uppercase())))}
                {select("Year", "filter-year",
                    any("Any").into_iter().chain(YEARS.rev().map(|y| (y.to_string(), y.to_string()))).collect(),
                    cur(b.year.map(|y| y.to_string()).unwrap_or_default()),
                    |b, v| b.year = v.parse().ok())}
                {select("Genre", "filter-genre",
                    any("Any").into_iter().chain(crate::browse::genres().map(|g| (g.to_string(), g.to_string()))).collect(),
                    cur(b.genre.clone().unwrap_or_default()),
                    |b, v| b.genre = crate::browse::genre(v).map(str::to_string))}
                <TagChoice current=b.tag.clone() kind=k set=Callback::new({ let set = set.clone(); move |t: Option<String>| set(&|b| b.tag = t.clone()) })/>
                {(!signed_in.get() && b.on_list.is_some()).then(|| view! {
                    <p class="muted small search-filters__note" data-testid="filter-list-signed-out">"Browsing by your lists needs you signed in: every title shows."</p>
                })}
                {signed_in.get().then(|| select("Your lists", "filter-list",
                    vec![(String::new(), "Any".to_string()), ("on".to_string(), "On your lists".to_string()), ("off".to_string(), "Not on your lists".to_string())],
                    cur(Browse::list_word(b.on_list).to_string()),
                    |b, v| b.on_list = Browse::on_list_of(v)))}
                {select("Sort", "filter-sort",
                    Order::ALL.iter().map(|o| (o.as_str().to_string(), o.label().to_string())).collect(),
                    cur(b.order.as_str().to_string()),
                    |b, v| b.order = Order::ALL.into_iter().find(|o| o.as_str() == v).unwrap_or_default())}
                {b.narrows().then(|| {
                    let set = set.clone();
                    view! {
                        <button type="button" class="button button--small button--secondary" data-testid="clear-filters"
                            on:click=move |_| set(&|b| *b = Browse { text: b.text.clone(), kind: b.kind, ..Browse::default() })>"Clear filters"</button>
                    }
                })}
            </div>
        }
    };
    view! {
        <PageIntro title="Search" lead="Find anime and manga on AniList, browse by season, genre and more, and add them to your list."/>
        <form class="search-form" role="search" on:submit=on_submit>
            <label for="search-q" class="visually-hidden">"Title"</label>
            <input id="search-q" type="search" placeholder="Search by title…" autocomplete="off"
                prop:value=move || draft.get() on:input=on_input data-testid="search-input" data-shortcut="find"/>
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
        {filters}
        {move || {
            let b = browse.get();
            if b.asks() {
                view! { <SearchResults browse=b/> }.into_any()
            } else {
                // Ways to start, from this season (the device's date).
                let today = js_sys::Date::new_0();
                let now = crate::browse::season_of(today.get_full_year() as i32, today.get_month() + 1);
                view! {
                    <p class="muted" data-testid="search-hint">"Type a title to search AniList, or choose a filter to browse. Or start with:"</p>
                    <ul class="chips search-starts" data-testid="search-starts">
                        {crate::browse::starts(b.kind, now, signed_in.get()).into_iter().map(|(words, asks)| view! {
                            <li class="chip"><a href=browse_href(&asks)>{words}</a></li>
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }
        }}
    }
}

/// The tag filter: a name typed or picked from AniList's tags (asked for,
/// or read from this device, when the field is first used), by category.
/// A name AniList does not have is said, not searched.
#[component]
fn TagChoice(current: Option<String>, kind: MediaKind, set: Callback<Option<String>>) -> impl IntoView {
    let api = StoredValue::new(expect_context::<Api>());
    let session = use_session();
    let names = use_account_names();
    let tags = RwSignal::new(None::<Result<Vec<Tag>, ApiError>>);
    let asked = StoredValue::new(false);
    let unknown = RwSignal::new(None::<String>);
    let load = move || {
        if asked.get_value() {
            return;
        }
        asked.set_value(true);
        let api = api.get_value();
        leptos::task::spawn_local(async move {
            let got = crate::store::tags::known(&api).await;
            tags.try_set(Some(got));
        });
    };
    // A tag chosen (a title's tag led here): what it means is said, from
    // AniList's tags.
    let about = current.clone().map(|name| {
        load();
        Memo::new(move |_| tags.with(|t| crate::store::tags::about(t.as_ref()?.as_ref().ok()?, &name)))
    });
    let adult = move || session.user().is_some_and(|u| names.adult(u));
    let choose = move |ev: leptos::ev::Event| {
        let typed = event_target_value(&ev).trim().to_string();
        if typed.is_empty() {
            unknown.set(None);
            return set.run(None);
        }
        // AniList's own spelling when it is known; as typed when AniList's
        // tags could not be read.
        let known = tags.with_untracked(|t| match t {
            Some(Ok(all)) => all.iter().find(|x| x.name.eq_ignore_ascii_case(&typed)).map(|x| Some(x.name.clone())),
            _ => Some(None),
        });
        match known {
            Some(name) => {
                unknown.set(None);
                set.run(Some(name.unwrap_or(typed)));
            }
            None => unknown.set(Some(typed)),
        }
    };
    let list_id = format!("tag-choices-{}", kind.slug());
    view! {
        <label class="field field--inline">
            <span class="field__label">"Tag"</span>
            <input type="search" list=list_id.clone() placeholder="Any" autocomplete="off" prop:value=current
                on:focus=move |_| load() on:change=choose
                aria-invalid=move || unknown.with(Option::is_some).then_some("true")
                aria-describedby=move || unknown.with(Option::is_some).then_some("filter-tag-error")
                data-testid="filter-tag"/>
            <datalist id=list_id>
                {move || tags.with(|t| match t {
                    Some(Ok(all)) => crate::store::tags::grouped(all, adult()).into_iter().flat_map(|(category, names)| {
                        names.into_iter().map(move |n| view! { <option value=n label=category.clone()></option> })
                    }).collect_view().into_any(),
                    _ => ().into_any(),
                })}
            </datalist>
        </label>
        // A row of its own under the filters' row, so the fields stay in line.
        {move || unknown.get().map(|t| view! {
            <p class="field__error search-filters__note" id="filter-tag-error" role="alert" data-testid="filter-tag-error">"AniList has no tag “" {t} "”."</p>
        })}
        {move || tags.with(|t| matches!(t, Some(Err(_)))).then(|| view! {
            <p class="muted small search-filters__note" data-testid="filter-tag-unread">"AniList's tags could not be read: a name is searched as typed."</p>
        })}
        {move || about.and_then(|a| a.get()).map(|(name, about)| view! {
            <p class="muted small search-filters__note" data-testid="filter-tag-about"><strong>{name}</strong>": " {about}</p>
        })}
    }
}

#[component]
fn SearchResults(browse: Browse) -> impl IntoView {
    let kind = browse.kind;
    let api = expect_context::<Api>();
    let session = use_session();
    let names = use_account_names();
    let credential = move || session.credential();
    // The person's entries live in the list store: a result on the list
    // opens the editor once that list is there (asked for unless fresh).
    if let Some(c) = credential() {
        use_outbox().refresh_list(kind, c, false);
    }
    // Whether titles for adults show: the search is asked again when that
    // changes.
    let adult = Memo::new(move |_| credential().is_some_and(|c| names.adult(c.user)));
    let first = {
        let (api, b) = (api.clone(), browse.clone());
        LocalResource::new(move || search_page(api.clone(), credential(), b.clone(), 1, adult.get()))
    };
    let retry = Callback::new(move |_| first.refetch());
    // Later pages, appended by "Load more".
    let more = RwSignal::new(Vec::<Found>::new());
    let has_more = RwSignal::new(None::<bool>);
    let next_page = RwSignal::new(2u32);
    let load_more = Action::new_local(move |_: &()| {
        let (api, b) = (api.clone(), browse.clone());
        let page = next_page.get_untracked();
        async move {
            let r = search_page(api, credential(), b, page, adult.get_untracked()).await;
            if let Ok((items, next, _)) = &r {
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
                    let (items, next, people) = first.await?;
                    let people = (!people.is_empty()).then(|| view! { <PeopleFound people=people/> });
                    if items.is_empty() {
                        return Ok::<_, ApiError>(view! {
                            {people}
                            <EmptyState title="Nothing found">
                                <p>"No " {kind.label().to_ascii_lowercase()} " matches this search. Try fewer words, another spelling, or fewer filters."</p>
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
                        {people}
                        <LoadMore load=load_more more=Signal::derive(move || has_more.get().unwrap_or(next))/>
                    }.into_any())
                })}
            </ErrorBoundary>
        </Transition>
    }
}

/// The characters, staff and studios the text names, each a link to its page.
#[component]
fn PeopleFound(people: People) -> impl IntoView {
    let group = |label: &'static str, id: &'static str, list: Vec<Person>, page: fn(i64) -> Page| {
        (!list.is_empty()).then(|| view! {
            <h3 class="small">{label}</h3>
            <ul class="people" data-testid=id>
                {list.into_iter().map(|p| view! { <li class="people__row"><PersonLink page=page(p.id) who=p note=""/></li> }).collect_view()}
            </ul>
        })
    };
    let (studios, members) = (people.studios, people.members);
    view! {
        <section class="card people-found" data-testid="people-found" aria-label="Characters, staff, studios and members">
            {group("Characters", "found-characters", people.characters, Page::Character)}
            {group("Staff", "found-staff", people.staff, Page::Staff)}
            {(!studios.is_empty()).then(|| view! {
                <h3 class="small">"Studios"</h3>
                <ul class="chips" data-testid="found-studios">
                    {studios.into_iter().filter_map(|s| Some(view! { <li><a class="chip" href=Page::Studio(s.id).href()>{s.name?}</a></li> })).collect_view()}
                </ul>
            })}
            {(!members.is_empty()).then(|| view! {
                <h3 class="small">"Members"</h3>
                <ul class="people" data-testid="found-members">
                    {members.into_iter().map(|m| view! { <li class="people__row"><MemberLink member=m note=""/></li> }).collect_view()}
                </ul>
            })}
        </section>
    }
}

/// What the search found, as a list entry to add (the outbox creates it).
fn new_entry(found: &Found, kind: MediaKind) -> Entry {
    Entry::new_for(list_collection::Media {
        id_mal: None,
        id: found.id,
        kind: Some(kind.into()),
        format: found.format,
        episodes: found.episodes,
        chapters: found.chapters,
        volumes: found.volumes,
        site_url: found.site_url.clone(),
        title: found.title.clone(),
        synonyms: found.synonyms.clone(),
        genres: found.genres.clone(),
        country_of_origin: found.country_of_origin.clone(),
        start_date: found.start_date,
        average_score: found.average_score,
        popularity: found.popularity,
        cover_image: found.cover_image.clone(),
        status: found.status,
        next_airing_episode: None,
    })
}

#[component]
fn ResultItem(found: Found, kind: MediaKind) -> impl IntoView {
    let session = use_session();
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
    // On the list in the store: the editor opens here.
    let in_store = move || store.with(kind, |d| d.is_some_and(|d| d.entry(id).is_some()));
    let format = Memo::new(move |_| store.score_format(kind));
    let (editing, set_editing) = signal(false);
    let title = found.title.clone().and_then(|t| t.user_preferred).unwrap_or_else(|| format!("Title #{id}"));
    let total = found.episodes.or(found.chapters);
    let facts = crate::text::dotted([
        Some(crate::text::format_year(found.format, found.start_date.and_then(|d| d.year))).filter(|l| !l.is_empty()),
        total.map(|t| crate::text::count(t, kind.unit())),
        found.average_score.map(|s| format!("{s}% average")),
    ]);
    let label = title.clone();
    let edit_label = StoredValue::new(format!("Edit {title}"));
    view! {
        <li class="result" data-testid=format!("result-{id}")>
            {found.cover_image.and_then(|c| c.medium).map(|src| view! { <img class="entry__cover" src=src alt="" loading="lazy" width="46" height="65"/> })}
            <div class="entry__main">
                <div class="entry__title">
                    <a href=crate::routes::Page::Title(kind, id).href() data-testid="result-title">{title.clone()}</a>
                </div>
                <p class="muted small">{facts}</p>
                <div class="entry__controls">
                    {move || match (status(), session.user().is_some()) {
                        (Some(s), _) => view! {
                            <span class="on-list" data-testid="on-list">"On your list: " {s.label(kind)}</span>
                            {move || pending().then(|| view! { <span class="muted small" data-testid="add-saving">" (saving…)"</span> })}
                            {move || in_store().then(|| view! {
                                " " <button type="button" class="button button--small button--secondary" aria-haspopup="dialog"
                                    aria-label=edit_label.get_value() on:click=move |_| set_editing.set(true) data-testid="edit">"Edit"</button>
                            })}
                        }.into_any(),
                        (None, true) => view! { <AddToList kind=kind title=label.clone() on_add=add/> }.into_any(),
                        (None, false) => view! { <span class="muted small">"Sign in to add it to your list."</span> }.into_any(),
                    }}
                </div>
                {move || error().map(|e| view! { <div data-testid="entry-error"><ApiErrorView error=e/></div> })}
                {move || editing.get().then(|| view! {
                    <EntryEditor media_id=id kind=kind format=format on_close=Callback::new(move |_| set_editing.set(false))/>
                })}
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
                {"id":1,"format":"TV","episodes":24,"chapters":null,"startDate":{"year":2004,"month":10,"day":null},"averageScore":81,"popularity":99000,"genres":["Slice of Life"],"siteUrl":"https://anilist.co/anime/1",
                 "title":{"userPreferred":"Mushishi"},"coverImage":{"medium":"m.png"},"mediaListEntry":{"id":9,"status":"PLANNING","progress":0}},
                null,
                {"id":2,"chapters":40,"title":null,"coverImage":null,"mediaListEntry":null}]}}"#,
        )
        .unwrap();
        let (found, more, people) = read_results(data).unwrap();
        assert!(more);
        assert!(people.is_empty(), "not asked: none");
        assert_eq!(found.len(), 2);
        assert_eq!((found[0].id, found[0].format, found[0].episodes, found[0].start_date.and_then(|d| d.year)), (1, Some(MediaFormat::Tv), Some(24), Some(2004)));
        assert_eq!((found[0].popularity, found[0].genres.as_slice()), (Some(99000), ["Slice of Life".to_string()].as_slice()));
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
        assert_eq!(read_results(empty).unwrap(), (vec![], false, People::default()));
    }

    #[test]
    fn the_characters_staff_and_studios_a_text_names_come_with_the_first_page() {
        let data: search::Data = serde_json::from_str(
            r#"{"Page":{"media":[]},
                "characters":{"characters":[{"id":1,"name":{"userPreferred":"Spike Spiegel"},"image":null},null]},
                "staff":{"staff":[]},"studios":{"studios":[{"id":14,"name":"Sunrise"}]}}"#,
        )
        .unwrap();
        let (_, _, people) = read_results(data).unwrap();
        assert_eq!(people.characters.iter().map(|c| (c.id, c.name())).collect::<Vec<_>>(), [(1, "Spike Spiegel".to_string())]);
        assert!(people.staff.is_empty());
        assert_eq!(people.studios.iter().map(|s| (s.id, s.name.as_deref())).collect::<Vec<_>>(), [(14, Some("Sunrise"))]);
        assert!(!people.is_empty());
        let b = crate::browse::Browse { text: "spike".into(), ..Default::default() };
        assert!(search::Vars::of(&b, 1, 10, false, true).people, "the first page of a search by text asks");
        assert!(!search::Vars::of(&b, 2, 10, false, true).people, "a later page does not");
        assert!(!search::Vars::of(&crate::browse::Browse::default(), 1, 10, false, true).people, "browsing without text does not");
    }

    #[test]
    fn titles_for_adults_are_left_out_unless_the_person_lets_them_show() {
        let b = crate::browse::Browse { text: "train".into(), ..Default::default() };
        let sent = |adult| serde_json::to_value(search::Vars::of(&b, 1, 10, adult, true)).unwrap();
        assert_eq!(sent(false)["isAdult"], serde_json::json!(false));
        assert!(sent(true).get("isAdult").is_none(), "every title: AniList is not told: {}", sent(true));
    }

    #[test]
    fn on_the_lists_or_not_is_asked_only_for_someone_signed_in() {
        let b = crate::browse::Browse { on_list: Some(false), tag: Some("Space".into()), ..Default::default() };
        let sent = |signed_in| serde_json::to_value(search::Vars::of(&b, 1, 10, true, signed_in)).unwrap();
        assert_eq!((sent(true)["onList"].clone(), sent(true)["tag"].clone()), (serde_json::json!(false), serde_json::json!("Space")));
        assert!(sent(false).get("onList").is_none(), "signed out: every title");
        assert_eq!(sent(false)["tag"], serde_json::json!("Space"));
    }
}
