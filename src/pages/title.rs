//! A title's page, `/anime/:id` and `/manga/:id`: cover and banner, its
//! names, facts and rankings, tags (spoilers hidden until asked), the
//! description (rich text through the allowlist), relations, characters and
//! their voice actors, the main staff, the best-rated reviews (each a link
//! to its page), recommendations, links, the next episode with a countdown, the
//! person's own entry with the editor (or "Add to list"), and a favourite
//! toggle. One request, kept for revisits ([`crate::store::titles`]).

use std::any::Any;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;

use crate::airing::{behind, next_episode};
use crate::api::ops::list_collection::{self, Entry};
use crate::api::ops::favourite::Favourable;
use crate::api::ops::title::{Cast, CastVars, CharacterEdge, Edges, Followed, MediaStats, Other, ReviewEdge, StaffEdge, Title, TitleCast};
use crate::api::Api;
use crate::components::add_to_list::AddToList;
use crate::components::api_status::{ApiErrorView, LoadMore, Paged};
use crate::components::clock::clock;
use crate::components::empty_state::EmptyState;
use crate::components::entry_editor::EntryEditor;
use crate::components::favourite::FavouriteToggle;
use crate::components::recommend::Recommendations;
use crate::components::threads::ForumThreads;
use crate::components::rich_text::RichText;
use crate::components::tiles::{review_item, MediaTile, MemberLink, PersonLink};
use crate::edit::{Patch, Values};
use crate::media::{can_increment, offer_completion, progress_label, ExternalLinkType, ListStatus, MediaKind};
use crate::outbox::{use_outbox, SETTLE_MS};
use crate::routes::Page;
use crate::text::count;
use crate::session::use_session;
use crate::store::titles::use_titles;
use crate::store::{use_list_store, values_of};

#[component]
pub fn AnimeTitlePage() -> impl IntoView {
    view! { <TitleRoute kind=MediaKind::Anime/> }
}

#[component]
pub fn MangaTitlePage() -> impl IntoView {
    view! { <TitleRoute kind=MediaKind::Manga/> }
}

#[component]
fn TitleRoute(kind: MediaKind) -> impl IntoView {
    let id = crate::pages::id_param();
    move || match id.get() {
        Some(id) => view! { <TitleView kind=kind id=id/> }.into_any(),
        None => no_such_title().into_any(),
    }
}

/// An address that names no title (the title's page, its review form).
pub fn no_such_title() -> impl IntoView {
    view! {
        <EmptyState title="No such title">
            <p>"This address does not name a title. " <a href=Page::Search.href()>"Search for one"</a> "."</p>
        </EmptyState>
    }
}

/// An address from AniList, kept only when it is a web address.
/// A tag, a link to the titles of this kind that have it (what the tag
/// means on hover; the browse page says it too), and how relevant it is
/// here.
fn tag_chip(kind: MediaKind, tag: crate::api::ops::title::Tag) -> impl IntoView {
    let href = crate::pages::search::browse_href(&crate::browse::Browse { kind, tag: Some(tag.name.clone()), ..Default::default() });
    let browse = format!("Browse {} tagged {}", kind.label().to_lowercase(), tag.name);
    let hint = match crate::text::said(tag.description.as_deref()) {
        Some(about) => format!("{about}\n{browse}"),
        None => browse,
    };
    view! {
        <a href=href title=hint data-testid="tag-link">{tag.name}</a>
        {tag.rank.map(|r| view! { " " <span class="muted small">{format!("{r}%")}</span> })}
    }
}

fn https(u: Option<&String>) -> Option<String> {
    u.filter(|u| u.starts_with("https://")).cloned()
}

#[component]
fn TitleView(kind: MediaKind, id: i64) -> impl IntoView {
    let session = use_session();
    let api = expect_context::<Api>();
    let titles = use_titles();
    let outbox = use_outbox();
    let credential = session.credential();
    let user = credential.as_ref().map_or(0, |c| c.user);
    let store = use_list_store();
    let load = {
        let (api, credential) = (api.clone(), credential.clone());
        // The person's scoring system, as far as the kept list knows it.
        move |force: bool| titles.load(id, kind, credential.clone(), api.clone(), force, store.with_untracked(kind, |d| d.map(|d| d.score_format).unwrap_or_default()))
    };
    load(false);
    // The person's entry lives in the list store: it is asked for too.
    if let Some(c) = credential.clone() {
        outbox.refresh_list(kind, c, false);
    }
    let kept = Memo::new(move |_| {
        let k = titles.get(user, id);
        (k.title, k.loading, k.error)
    });
    // A next episode whose time passes while the page is open (or had
    // passed when the kept copy was read): the title is read again, at
    // most once in ten minutes while AniList has not moved on.
    let tick = clock(Duration::from_secs(30));
    let asked = StoredValue::new(0_i64);
    let load_again = load.clone();
    Effect::new(move |_| {
        let now = tick.get();
        let k = titles.get(user, id);
        let Some(airing_at) = k.title.as_ref().and_then(|t| t.next_airing_episode).map(|a| a.airing_at) else { return };
        let read_at = ((k.fetched_at / 1000.0) as i64).max(asked.get_value());
        if !k.loading && crate::airing::read_again(airing_at, read_at, now) {
            asked.set_value(now);
            load_again(true);
        }
    });
    let again = Callback::new(move |_| load(true));
    // The page is drawn anew only when the title itself changes (not when
    // a refresh starts or ends), and the entry editor lives outside it: an
    // answer arriving while the person edits closes nothing.
    let title = Memo::new_with_compare(move |_| kept.with(|k| k.0.clone()), drawn_anew);
    let loading = Memo::new(move |_| kept.with(|k| k.1));
    let error = Memo::new(move |_| kept.with(|k| k.2.clone()));
    let editing = RwSignal::new(false);
    provide_context(EditingEntry(editing));
    provide_context(CastKept(StoredValue::new_local(HashMap::new())));
    let format = Memo::new(move |_| store.score_format(kind));
    view! {
        {move || match title.get() {
            Some(t) => view! {
                {move || loading.get().then(|| view! { <p class="muted small" role="status">"Refreshing…"</p> })}
                {move || error.get().map(|e| view! { <ApiErrorView error=e retry=again/> })}
                <TitleBody title=t kind=kind user=user/>
            }
            .into_any(),
            None => match error.get() {
                Some(e) => view! { <ApiErrorView error=e retry=again/> }.into_any(),
                None => view! { <p class="loading" role="status" data-testid="loading">"Loading the title…"</p> }.into_any(),
            },
        }}
        {move || editing.get().then(|| view! {
            <EntryEditor media_id=id kind=kind format=format on_close=Callback::new(move |_| editing.set(false))/>
        })}
    }
}

/// Whether the title's page is drawn anew: not for a favourite (its toggle
/// follows the kept title itself) nor for its recommendations (their card
/// follows it, a row for each): both keep the focus where it is.
fn drawn_anew(old: Option<&Option<Arc<Title>>>, new: Option<&Option<Arc<Title>>>) -> bool {
    let plain = |t: Option<&Option<Arc<Title>>>| {
        t.cloned().flatten().map(|t| {
            let mut t = Title { is_favourite: false, favourites: None, ..(*t).clone() };
            t.recommendations = None;
            t
        })
    };
    plain(old) != plain(new)
}

/// What "Load more" brought into the title's characters, staff and
/// reviews, kept by the page outside the part drawn anew when the title is
/// read again (an episode's time passing): each list as shown, the page
/// "Load more" reads next, and whether there is one.
#[derive(Clone, Copy)]
struct CastKept(StoredValue<HashMap<&'static str, KeptList>, LocalStorage>);

/// One list as shown (a `Vec` of its rows), the page read next, more or not.
type KeptList = (Rc<dyn Any>, u32, bool);

/// Whether the title's entry editor is open (the page holds it, so that
/// the title drawn anew leaves it open).
#[derive(Clone, Copy)]
struct EditingEntry(RwSignal<bool>);

#[component]
fn TitleBody(title: Arc<Title>, kind: MediaKind, user: u64) -> impl IntoView {
    let name = title.name();
    crate::pages::set_title(&name);
    let t = &title;
    let names: Vec<String> = {
        let n = t.title.clone().unwrap_or_default();
        let mut out = Vec::new();
        for other in [n.romaji, n.english, n.native].into_iter().flatten() {
            if other != name && !out.contains(&other) {
                out.push(other);
            }
        }
        out
    };
    let total = t.episodes.or(t.chapters);
    let line = crate::text::dotted([
        t.format.map(|f| f.label().to_string()),
        t.status.map(|s| s.label_for(kind).to_string()),
        match (t.season, t.season_year) {
            (Some(s), Some(y)) => Some(format!("{} {y}", s.label())),
            (None, Some(y)) => Some(y.to_string()),
            _ => t.start_date.and_then(|d| d.year).map(|y| y.to_string()),
        },
        match kind {
            MediaKind::Anime => t.episodes.map(|e| count(e, "episode")),
            MediaKind::Manga => t.chapters.map(|c| count(c, "chapter")),
        },
        t.volumes.map(|v| count(v, "volume")),
        t.duration.map(|d| format!("{d} min")),
    ]);
    // The main studios, each a link to its page.
    let studios: Vec<(i64, String)> = t.studios.as_ref().map(|s| s.nodes.iter().filter_map(|n| Some((n.id, n.name.clone()?))).collect()).unwrap_or_default();
    // Each genre a link to browsing its kind by it.
    let genres = t.genres.clone();
    let facts: Vec<(&'static str, String)> = [
        ("Source", t.source.map(|s| s.label().to_string())),
        ("Country", t.country_of_origin.as_deref().and_then(crate::media::country_code).map(|c| crate::text::region_name(&crate::media::country_text(c)))),
        ("Average score", t.average_score.map(|s| format!("{s}%"))),
        ("Mean score", t.mean_score.map(|s| format!("{s}%"))),
        ("Popularity", t.popularity.map(|p| crate::text::group_digits(p as usize))),
        ("Rankings", Some(t.rankings.iter().map(|r| r.label()).collect::<Vec<_>>().join(" · ")).filter(|s| !s.is_empty())),
        ("Started", t.start_date.map(|d| d.label()).filter(|s| !s.is_empty())),
        ("Ended", t.end_date.map(|d| d.label()).filter(|s| !s.is_empty())),
        ("Also known as", Some(t.synonyms.join(", ")).filter(|s| !s.is_empty())),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.map(|v| (k, v)))
    .collect();
    let (spoilers, tags): (Vec<_>, Vec<_>) = t.tags.iter().cloned().partition(|tag| tag.is_spoiler());
    let (show_spoilers, set_show_spoilers) = signal(false);
    let cover = t.cover_image.as_ref().and_then(|c| https(c.large.as_ref().or(c.medium.as_ref())).or(c.large.clone()));
    let banner = https(t.banner_image.as_ref());
    let site = https(t.site_url.as_ref());
    let airing = t.next_airing_episode;
    let relations: Vec<(String, Other)> = t.relations.as_ref().map(|r| r.edges.iter().filter_map(|e| Some((e.relation_type.map(|r| r.label()).unwrap_or("Related").to_string(), e.node.clone()?))).collect()).unwrap_or_default();
    let title_id = t.id;
    let characters = t.characters.clone();
    let staff = t.staff.clone();
    let reviews = t.reviews.clone();
    // The person's own (asked with the title; among the best rated when a
    // copy kept before that was asked is shown): a link to it.
    let reviewed = t.own_review.or_else(|| reviews.as_ref().and_then(|r| r.edges.iter().filter_map(|e| e.node.as_ref()).find(|n| n.user.as_ref().is_some_and(|u| u.id == user)).map(|n| n.id)));
    let links: Vec<(ExternalLinkType, String, String)> = t.external_links.iter().filter_map(|l| Some((l.kind.unwrap_or(ExternalLinkType::Unknown), l.site.clone(), https(l.url.as_ref())?))).collect();
    let description = t.description.clone().filter(|d| !d.trim().is_empty());
    let following = following_card(t.following.clone(), kind, total);
    let members = t.stats.as_ref().and_then(|s| stats_card(s, kind));
    view! {
        <article class="title-page" data-testid="title-page">
            {banner.map(|b| view! { <img class="title-page__banner" src=b alt="" data-testid="banner"/> })}
            <header class="title-page__head">
                {cover.map(|c| view! { <img class="title-page__cover" src=c alt="" width="150" height="212"/> })}
                <div class="title-page__names">
                    <h1 data-testid="title-name">{name.clone()}</h1>
                    {(!names.is_empty()).then(|| view! { <p class="muted" data-testid="other-names">{names.join(" · ")}</p> })}
                    <p data-testid="title-line">{line}</p>
                    {airing.map(|a| view! { <NextEpisode episode=a.episode airing_at=a.airing_at/> })}
                    <div class="title-page__actions">
                        {favourite(&title, kind, user)}
                        {(user != 0).then(|| match reviewed {
                            Some(id) => view! { <a class="button button--small button--secondary" href=Page::Review(id).href() data-testid="write-review">"Your review"</a> },
                            None => view! { <a class="button button--small button--secondary" href=Page::WriteReview(kind, t.id).href() data-testid="write-review">"Write a review"</a> },
                        })}
                        {site.map(|u| view! { <a class="button button--small button--secondary" href=u rel="noopener noreferrer" target="_blank" data-testid="on-anilist">"Open on AniList"</a> })}
                    </div>
                </div>
            </header>
            <YourEntry title=title.clone() kind=kind user=user total=total/>
            {(!facts.is_empty() || !studios.is_empty() || !genres.is_empty()).then(|| view! {
                <section class="card">
                    <h2>"About"</h2>
                    <dl class="facts facts--compact" data-testid="title-facts">
                        {(!studios.is_empty()).then(|| view! {
                            <div class="facts__row"><dt>{if studios.len() == 1 { "Studio" } else { "Studios" }}</dt><dd data-testid="studios">
                                {studios.into_iter().enumerate().map(|(i, (id, name))| view! { {(i > 0).then_some(", ")}<a href=Page::Studio(id).href()>{name}</a> }).collect_view()}
                            </dd></div>
                        })}
                        {(!genres.is_empty()).then(|| view! {
                            <div class="facts__row"><dt>"Genres"</dt><dd data-testid="genres">
                                {genres.into_iter().enumerate().map(|(i, g)| {
                                    // One the search cannot browse by (a new one) is only named.
                                    let link = crate::browse::genre(&g).is_some().then(|| crate::pages::search::browse_href(&crate::browse::Browse { kind, genre: Some(g.clone()), ..Default::default() }));
                                    view! { {(i > 0).then_some(", ")}{match link { Some(href) => view! { <a href=href>{g}</a> }.into_any(), None => g.into_any() }} }
                                }).collect_view()}
                            </dd></div>
                        })}
                        {facts.into_iter().map(|(k, v)| view! { <div class="facts__row"><dt>{k}</dt><dd>{v}</dd></div> }).collect_view()}
                    </dl>
                </section>
            })}
            {description.map(|d| view! {
                <section class="card" data-testid="description"><h2>"Description"</h2><RichText html=d/></section>
            })}
            {(!tags.is_empty() || !spoilers.is_empty()).then(|| {
                let n = spoilers.len();
                view! {
                    <section class="card" data-testid="tags">
                        <h2>"Tags"</h2>
                        <ul class="chips">
                            {tags.into_iter().map(|tag| view! { <li class="chip">{tag_chip(kind, tag)}</li> }).collect_view()}
                            {move || show_spoilers.get().then(|| spoilers.clone().into_iter().map(|tag| view! {
                                <li class="chip chip--spoiler" data-testid="spoiler-tag">{tag_chip(kind, tag)}</li>
                            }).collect_view())}
                        </ul>
                        {(n > 0).then(|| view! {
                            <button type="button" class="button button--small button--secondary" aria-pressed=move || show_spoilers.get().to_string()
                                on:click=move |_| set_show_spoilers.update(|s| *s = !*s) data-testid="show-spoilers">
                                {move || if show_spoilers.get() { "Hide spoiler tags".to_string() } else { format!("Show {}", count(n as u64, "spoiler tag")) }}
                            </button>
                        })}
                    </section>
                }
            })}
            {(!relations.is_empty()).then(|| view! {
                <section class="card" data-testid="relations">
                    <h2>"Relations"</h2>
                    <ul class="tiles">{relations.into_iter().map(|(how, o)| view! { <MediaTile other=o note=how/> }).collect_view()}</ul>
                </section>
            })}
            {characters.filter(|c| !c.edges.is_empty()).map(|first| cast_card(t.id, "characters", "Characters", first, |c| c.characters, character_row))}
            {staff.filter(|c| !c.edges.is_empty()).map(|first| cast_card(t.id, "staff", "Staff", first, |c| c.staff, staff_row))}
            {members}
            {following}
            {reviews.filter(|c| !c.edges.is_empty()).map(|first| cast_card(t.id, "reviews", "Reviews", first, |c| c.reviews, review_row))}
            <Recommendations media=title_id kind=kind user=user/>
            <ForumThreads media=title_id/>
            {(!links.is_empty()).then(|| view! {
                <section class="card" data-testid="links">
                    <h2>"Links"</h2>
                    <ul class="chips">
                        {links.into_iter().map(|(kind, site, url)| view! {
                            <li><a class="chip" href=url rel="noopener noreferrer" target="_blank">{site} {(kind == ExternalLinkType::Streaming).then(|| view! { " " <span class="muted small">"(streaming)"</span> })}</a></li>
                        }).collect_view()}
                    </ul>
                </section>
            })}
        </article>
    }
}

/// The members the person follows who have the title on their lists: each
/// a link to their page, with their status, progress and score (in the
/// person's own scoring system). Nothing when there are none.
fn following_card(followed: Option<Followed>, kind: MediaKind, total: Option<u32>) -> Option<impl IntoView> {
    let f = followed.filter(|f| f.entries.iter().any(|e| e.user.is_some()))?;
    let format = f.format;
    let rows = f.entries.into_iter().filter_map(move |e| {
        let u = e.user?;
        let status = e.status.filter(|s| s.is_known()).map(|s| s.label(kind));
        let progress = e.progress.filter(|p| *p > 0).map(|p| progress_label(p, total));
        let note = crate::text::dotted([status.map(str::to_string), progress]);
        let score = e.score.filter(|s| *s > 0.0).map(|s| format.display(s));
        Some(view! {
            <li class="people__row" data-testid="followed">
                <MemberLink member=u note=note/>
                {score.map(|s| view! { <span class="small" data-testid="followed-score">{s}</span> })}
            </li>
        })
    });
    Some(view! {
        <section class="card" data-testid="following">
            <h2>"Following"</h2>
            <ul class="people">{rows.collect_view()}</ul>
        </section>
    })
}

/// How many members' lists hold the title, by status and by score, each
/// count with a bar (hidden from screen readers, which hear the number).
/// Nothing when no list holds it.
fn stats_card(stats: &MediaStats, kind: MediaKind) -> Option<impl IntoView> {
    let statuses: Vec<(String, u32)> = stats.statuses(kind).into_iter().map(|(s, n)| (s.to_string(), n)).collect();
    let scores: Vec<(String, u32)> = stats.scores().into_iter().map(|(s, n)| (s.to_string(), n)).collect();
    if statuses.is_empty() && scores.is_empty() {
        return None;
    }
    let table = |caption: &'static str, what: &'static str, id: &'static str, rows: Vec<(String, u32)>| {
        let max = rows.iter().map(|r| r.1).max().unwrap_or(1).max(1);
        (!rows.is_empty()).then(|| view! {
            <table class="distribution" data-testid=id>
                <caption>{caption}</caption>
                <thead><tr><th scope="col">{what}</th><th scope="col" class="num">"Members"</th></tr></thead>
                <tbody>
                    {rows.into_iter().map(|(label, n)| view! {
                        <tr>
                            <th scope="row">{label}</th>
                            <td class="num count"><meter min="0" max=max value=n aria-hidden="true"></meter>{crate::text::group_digits(n as usize)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        })
    };
    Some(view! {
        <section class="card stats-table title-stats" data-testid="members-lists">
            <h2>"On members' lists"</h2>
            <div class="title-stats__tables">
                {table("By status", "Status", "status-distribution", statuses)}
                {table("By score", "Score", "score-distribution", scores)}
            </div>
        </section>
    })
}

/// "Ep 8 in 2 d 4 h", ticking.
#[component]
fn NextEpisode(episode: u32, airing_at: i64) -> impl IntoView {
    let now = clock(Duration::from_secs(30));
    view! { <p class="airing" data-testid="next-episode">{move || next_episode(episode, airing_at, now.get())}</p> }
}

/// The person's entry: what it holds, with the editor; or "Add to list".
#[component]
fn YourEntry(title: Arc<Title>, kind: MediaKind, user: u64, total: Option<u32>) -> impl IntoView {
    let store = use_list_store();
    let outbox = use_outbox();
    let id = title.id;
    let loaded = Memo::new(move |_| store.with(kind, |d| d.is_some()));
    // The entry's values, as the editor has them: found once a change.
    let entry = Memo::new(move |_| store.with(kind, |d| d.and_then(|d| d.entry(id)).map(|e| Values { status: e.status.unwrap_or(ListStatus::Unknown), ..values_of(e) })));
    let has_entry = Memo::new(move |_| entry.with(Option::is_some));
    let notes = Memo::new(move |_| entry.with(|e| e.as_ref().map(|v| v.notes.clone())).filter(|n| !n.trim().is_empty()));
    let format = Memo::new(move |_| store.score_format(kind));
    let editing = expect_context::<EditingEntry>().0;
    let error = move || store.errors.with(|e| e.get(&id).cloned());
    store.watch(id);
    on_cleanup(move || store.unwatch(id));
    let now = clock(Duration::from_secs(30));
    let airing = title.next_airing_episode;
    let name = title.name();
    let plus_label = format!("+1 {}: {name}", kind.unit());
    let add = {
        let title = title.clone();
        Callback::new(move |status: ListStatus| {
            outbox.add(kind, entry_of(&title, kind), Patch { status: Some(status), ..Patch::default() });
        })
    };
    if user == 0 {
        return view! {
            <section class="card your-entry"><p class="muted">
                <a href=Page::Title(kind, id).sign_in_then()>"Sign in"</a> " to add it to your list."
            </p></section>
        }
        .into_any();
    }
    view! {
        <section class="card your-entry" data-testid="your-entry" aria-label="Your entry">
            {move || match (loaded.get(), has_entry.get()) {
                // Drawn once while there is an entry, its values read as
                // they change (a +1 keeps its button, and the focus).
                (_, true) => {
                    let progress = move || entry.with(|e| e.as_ref().map_or(0, |v| v.progress));
                    let behind = move || {
                        let b = airing.map(|a| behind(a.episode, a.airing_at, now.get(), progress())).filter(|b| *b > 0 && kind == MediaKind::Anime)?;
                        Some(view! { " · " <span class="behind" data-testid="behind">{format!("{b} behind")}</span> })
                    };
                    view! {
                        <p class="your-entry__values">
                            <strong data-testid="your-status">{move || entry.with(|e| e.as_ref().map(|v| v.status.label(kind))).unwrap_or_default()}</strong>
                            " · " <span data-testid="your-progress">{move || progress_label(progress(), total)}</span>
                            " " <button type="button" class="step" aria-label=plus_label.clone() data-testid="plus-one"
                                disabled=move || !can_increment(progress(), total)
                                on:click=move |_| {
                                    if let Some(patch) = entry.with_untracked(|e| e.as_ref().map(|v| Patch::step(v.progress, Some(v.status), 1))) {
                                        outbox.save(id, patch, SETTLE_MS);
                                    }
                                }>"+"</button>
                            " · " <span>{move || entry.with(|e| e.as_ref().map(|v| format.get().display(v.score))).unwrap_or_default()}</span>
                            {behind}
                            {move || entry.with(|e| e.as_ref().is_some_and(|v| v.private)).then(|| view! { " · " <span class="muted" data-testid="your-private">"private"</span> })}
                        </p>
                        {move || notes.get().map(|n| view! { <p class="your-entry__notes" data-testid="your-notes">{n}</p> })}
                        <div class="actions">
                            <Show when=move || entry.with(|e| e.as_ref().is_some_and(|v| offer_completion(v.progress, total, v.status)))>
                                <button type="button" class="button button--small" data-testid="mark-completed"
                                    on:click=move |_| {
                                        if let Some(patch) = entry.with_untracked(|e| e.as_ref().map(|v| Patch::completed(v.status, v.repeat))) {
                                            outbox.save(id, patch, 0.0);
                                        }
                                    }>"Mark completed"</button>
                            </Show>
                            <button type="button" class="button button--small" aria-haspopup="dialog"
                                on:click=move |_| editing.set(true) data-testid="edit-entry">"Edit entry"</button>
                        </div>
                    }.into_any()
                }
                (true, false) => view! { <AddToList kind=kind title=name.clone() on_add=add/> }.into_any(),
                (false, false) => view! { <p class="muted" role="status">"Reading your list…"</p> }.into_any(),
            }}
            {move || error().map(|e| view! { <div data-testid="entry-error"><ApiErrorView error=e/></div> })}
        </section>
    }
    .into_any()
}

/// The title as a new list entry (the outbox creates it).
fn entry_of(t: &Title, kind: MediaKind) -> Entry {
    Entry::new_for(list_collection::Media {
        id_mal: None,
        id: t.id,
        kind: Some(kind.into()),
        format: t.format,
        episodes: t.episodes,
        chapters: t.chapters,
        volumes: t.volumes,
        site_url: t.site_url.clone(),
        title: t.title.clone(),
        synonyms: t.synonyms.clone(),
        genres: t.genres.clone(),
        country_of_origin: t.country_of_origin.clone(),
        start_date: t.start_date,
        average_score: t.average_score,
        popularity: t.popularity,
        cover_image: t.cover_image.as_ref().map(|c| crate::api::operation::Cover { medium: c.medium.clone(), large: c.large.clone() }),
        status: t.status,
        next_airing_episode: t.next_airing_episode,
    })
}

/// The title's favourite toggle, following the kept title.
fn favourite(title: &Title, kind: MediaKind, user: u64) -> impl IntoView {
    let titles = use_titles();
    let id = title.id;
    let target = match kind {
        MediaKind::Anime => Favourable::Anime(id),
        MediaKind::Manga => Favourable::Manga(id),
    };
    let on = Memo::new(move |_| titles.get(user, id).title.map(|t| t.is_favourite).unwrap_or(false));
    let count = Memo::new(move |_| titles.get(user, id).title.and_then(|t| t.favourites));
    // The kept title hears the answer even when it comes after the page is gone.
    let set: crate::components::favourite::SetFavourite = std::sync::Arc::new(move |now_on, now_count| titles.set_favourite(user, id, now_on, now_count));
    view! { <FavouriteToggle target=target on=on count=count set=set/> }
}

/// A character with their Japanese voice.
fn character_row(c: CharacterEdge) -> Option<AnyView> {
    let who = c.node?;
    let role = c.role.map(|r| r.label()).unwrap_or("");
    let actor = c.voice_actors.into_iter().next();
    Some(
        view! {
            <li class="people__row">
                <PersonLink page=Page::Character(who.id) who=who note=role/>
                {actor.map(|a| view! { <PersonLink page=Page::Staff(a.id) who=a note="Japanese voice" end=true/> })}
            </li>
        }
        .into_any(),
    )
}

/// Someone who made the title, with their role.
fn staff_row(e: StaffEdge) -> Option<AnyView> {
    let who = e.node?;
    Some(view! { <li class="people__row"><PersonLink page=Page::Staff(who.id) who=who note=e.role.unwrap_or_default()/></li> }.into_any())
}

/// A review of the title ([`review_item`]).
fn review_row(e: ReviewEdge) -> Option<AnyView> {
    e.node.map(review_item)
}

/// The title's characters, staff or reviews: the few its page came with, then all
/// of them 25 at a time ("Load more" reads page 1 of 25 first, which holds
/// the few shown, then the next).
fn cast_card<T: Clone + Send + Sync + 'static>(
    id: i64,
    testid: &'static str,
    heading: &'static str,
    first: Edges<T>,
    take: fn(Cast) -> Option<Edges<T>>,
    row: fn(T) -> Option<AnyView>,
) -> impl IntoView {
    let api = expect_context::<Api>();
    let session = use_session();
    // What was loaded before the title was drawn anew, else its first few.
    let kept = use_context::<CastKept>();
    let before = kept.and_then(|k| k.0.with_value(|m| m.get(testid).and_then(|(list, next, more)| Some((list.downcast_ref::<Vec<T>>()?.clone(), *next, *more)))));
    let (start, next, more) = before.unwrap_or_else(|| {
        let more = first.has_more();
        (first.edges, 1, more)
    });
    let shown = RwSignal::new(start);
    let next_page = StoredValue::new(next);
    let pages = Paged::new(
        next,
        more,
        move |page, _| {
            let api = api.clone();
            let credential = session.credential();
            let vars = CastVars { id, page, characters: testid == "characters", staff: testid == "staff", reviews: testid == "reviews" };
            async move { Ok(api.run::<TitleCast>(credential.as_ref(), &vars, false).await?.media.and_then(take)) }
        },
        move |got: Option<Edges<T>>, first| {
            let got = got.unwrap_or(Edges { page_info: None, edges: Vec::new() });
            let has_more = got.has_more();
            if first {
                shown.set(got.edges);
            } else {
                shown.update(|s| s.extend(got.edges));
            }
            next_page.update_value(|n| *n = if first { 2 } else { *n + 1 });
            if let Some(k) = kept {
                let list: Rc<dyn Any> = Rc::new(shown.get_untracked());
                k.0.update_value(|m| {
                    m.insert(testid, (list, next_page.get_value(), has_more));
                });
            }
            has_more
        },
    );
    view! {
        <section class="card" data-testid=testid>
            <h2>{heading}</h2>
            <ul class=if testid == "reviews" { "reviews" } else { "people" }>{move || shown.get().into_iter().filter_map(row).collect_view()}</ul>
            <LoadMore load=pages.load more=pages.more/>
        </section>
    }
}
