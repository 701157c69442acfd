//! What a member's profile shows, on the person's own profile page and on
//! another member's page: the head (avatar, name, bio), the totals, and the
//! favourites.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::ops::stats::Statistics;
use crate::api::ops::title::{Other, Person};
use crate::api::operation::has_next;
use crate::api::ops::user::{MemberPeople, MemberReviews, PeopleVars, ReviewsVars};
use crate::api::ops::viewer::{self, Favoured, Members, Written};
use crate::components::api_status::{LoadMore, Paged};
use crate::components::rich_text::RichText;
use crate::components::tiles::{review_item, MediaTile, MemberLink, PersonLink};
use crate::media::{MediaKind, ScoreFormat};
use crate::routes::Page;

/// A member's profile, as the page shows it (from the Viewer or the User query).
#[derive(Clone, Debug)]
pub struct Profile {
    pub id: u64,
    pub name: String,
    pub about: Option<String>,
    /// Their page on AniList, when it is a web address.
    pub site_url: Option<String>,
    /// The large avatar, else the medium one.
    pub avatar: Option<String>,
    /// The medium one (the header's).
    pub avatar_medium: Option<String>,
    pub score_format: Option<ScoreFormat>,
    pub anime: Statistics,
    pub manga: Statistics,
    pub favourites: viewer::Favourites,
    pub is_following: Option<bool>,
    pub is_follower: Option<bool>,
}

impl From<viewer::User> for Profile {
    fn from(v: viewer::User) -> Self {
        let stats = v.statistics.unwrap_or_default();
        Profile {
            id: v.id,
            name: v.name,
            about: v.about,
            // AniList content is shown as text; a link only when it is a web address.
            site_url: v.site_url.filter(|u| u.starts_with("https://") || u.starts_with("http://")),
            avatar_medium: v.avatar.as_ref().and_then(|a| a.medium.clone()),
            avatar: v.avatar.and_then(|a| a.large.or(a.medium)),
            score_format: v.media_list_options.and_then(|o| o.score_format),
            anime: stats.anime.unwrap_or_default(),
            manga: stats.manga.unwrap_or_default(),
            favourites: v.favourites.unwrap_or_default(),
            is_following: v.is_following,
            is_follower: v.is_follower,
        }
    }
}

/// The profile's card: avatar, name, id, a link to AniList, `actions`
/// under the name, and the bio (through the allowlist).
#[component]
pub fn ProfileCard(profile: Profile, children: Children) -> impl IntoView {
    let p = profile;
    view! {
        <section class="card profile" data-testid="profile">
            <div class="profile__head">
                {p.avatar.map(|src| view! { <img class="avatar" src=src alt=format!("{}'s avatar", p.name) width="96" height="96"/> })}
                <div>
                    <h2 data-testid="profile-name">{p.name.clone()}</h2>
                    <p class="muted">"AniList user " <span data-testid="profile-id">{p.id}</span></p>
                    {p.site_url.map(|u| view! { <p><a href=u rel="noopener noreferrer" target="_blank">"Open on AniList"</a></p> })}
                </div>
            </div>
            <h3>"About"</h3>
            <div class="about rich" data-testid="profile-about">
                {match p.about.filter(|a| !a.trim().is_empty()) {
                    Some(html) => view! { <RichText html=html/> }.into_any(),
                    None => view! { <p class="muted">"Nothing written yet."</p> }.into_any(),
                }}
            </div>
            <div class="actions">{children()}</div>
        </section>
    }
}

/// The anime and manga totals; `stats`: each links to the statistics page
/// (the person's own).
#[component]
pub fn TotalsCards(anime: Statistics, manga: Statistics, stats: bool, #[prop(optional)] children: Option<Children>) -> impl IntoView {
    let link = move |kind: MediaKind, id: &'static str, label: &'static str| {
        stats.then(|| view! { <p><A href=Page::Stats(kind).href() attr:data-testid=id>{label}</A></p> })
    };
    view! {
        <section class="stat-grid" aria-label="Statistics">
            <article class="card" data-testid="anime-stats">
                <h2>"Anime"</h2>
                <dl class="facts facts--compact">
                    <div class="facts__row"><dt>"Titles"</dt><dd>{anime.count}</dd></div>
                    <div class="facts__row"><dt>"Episodes"</dt><dd>{anime.episodes_watched}</dd></div>
                    <div class="facts__row"><dt>"Time"</dt><dd data-testid="minutes-watched">{crate::text::time_spent(anime.minutes_watched)}</dd></div>
                    <div class="facts__row"><dt>"Mean score"</dt><dd>{format_score(anime.mean_score)}</dd></div>
                </dl>
                {link(MediaKind::Anime, "anime-stats-link", "All anime statistics")}
            </article>
            <article class="card" data-testid="manga-stats">
                <h2>"Manga"</h2>
                <dl class="facts facts--compact">
                    <div class="facts__row"><dt>"Titles"</dt><dd>{manga.count}</dd></div>
                    <div class="facts__row"><dt>"Chapters"</dt><dd data-testid="chapters-read">{manga.chapters_read}</dd></div>
                    <div class="facts__row"><dt>"Volumes"</dt><dd>{manga.volumes_read}</dd></div>
                    <div class="facts__row"><dt>"Mean score"</dt><dd>{format_score(manga.mean_score)}</dd></div>
                </dl>
                {link(MediaKind::Manga, "manga-stats-link", "All manga statistics")}
            </article>
            {children.map(|c| c())}
        </section>
    }
}

/// The member's favourites, by kind, each a link to its page; `all`:
/// their page of every favourite on AniList; `yours`: another member's,
/// where the person's own status on a title says whose it is.
#[component]
pub fn FavouritesCard(favourites: viewer::Favourites, all: Option<String>, empty: &'static str, #[prop(optional)] yours: bool) -> impl IntoView {
    let f = favourites;
    let titles = |label: &'static str, id: &'static str, list: Option<Favoured<Other>>| {
        let list = list.filter(|l| !l.nodes.is_empty())?;
        let more = list.more();
        Some(view! {
            <h3>{label}</h3>
            <ul class="tiles" data-testid=id>{list.nodes.into_iter().map(|o| view! { <MediaTile other=o note="" yours=yours/> }).collect_view()}</ul>
            {more_line(more, all.clone())}
        })
    };
    let people = |label: &'static str, id: &'static str, list: Option<Favoured<Person>>, page: fn(i64) -> Page| {
        let list = list.filter(|l| !l.nodes.is_empty())?;
        let more = list.more();
        Some(view! {
            <h3>{label}</h3>
            <ul class="people" data-testid=id>
                {list.nodes.into_iter().map(|p| view! { <li class="people__row"><PersonLink page=page(p.id) who=p note=""/></li> }).collect_view()}
            </ul>
            {more_line(more, all.clone())}
        })
    };
    let none = [f.anime.as_ref().map(|l| l.nodes.len()), f.manga.as_ref().map(|l| l.nodes.len()), f.characters.as_ref().map(|l| l.nodes.len()), f.staff.as_ref().map(|l| l.nodes.len())]
        .into_iter()
        .all(|n| n.unwrap_or(0) == 0);
    view! {
        <section class="card favourites" data-testid="favourites">
            <h2>"Favourites"</h2>
            {none.then(|| view! { <p class="muted">{empty}</p> })}
            {titles("Anime", "favourite-anime", f.anime)}
            {titles("Manga", "favourite-manga", f.manga)}
            {people("Characters", "favourite-characters", f.characters, Page::Character)}
            {people("Staff", "favourite-staff", f.staff, Page::Staff)}
        </section>
    }
}

/// Whom member `user` follows and who follows them, by name, each a link
/// to their page: the first 50 of each came with the profile, "Load more"
/// reads the next 50 (`MemberPeople`).
#[component]
pub fn MembersCard(user: u64, following: Members, followers: Members, none_followed: &'static str, none_following: &'static str) -> impl IntoView {
    let api = StoredValue::new(expect_context::<crate::api::Api>());
    let session = crate::session::use_session();
    let group = move |label: &'static str, id: &'static str, list: Members, none: &'static str, followers: bool| {
        let more = list.has_more();
        let shown = RwSignal::new(list.members);
        let pages = Paged::new(
            2,
            more,
            move |page, _| {
                let (api, credential) = (api.get_value(), session.credential());
                async move { Ok(api.run::<MemberPeople>(credential.as_ref(), &PeopleVars { id: user, page, followers }, false).await?.members()) }
            },
            move |got: Members, _| {
                let more = got.has_more();
                // Names come and go while the pages are read: none twice.
                shown.update(|s| crate::api::operation::add_unseen(s, got.members, |m| m.id));
                more
            },
        );
        view! {
            <h3>{label}</h3>
            <Show when=move || !shown.with(Vec::is_empty) fallback=move || view! { <p class="muted">{none}</p> }>
                <ul class="people" data-testid=id>
                    <For each=move || shown.get() key=|m| m.id let:m>
                        <li class="people__row"><MemberLink member=m note=""/></li>
                    </For>
                </ul>
            </Show>
            <div data-testid=format!("{id}-more")><LoadMore load=pages.load more=pages.more/></div>
        }
    };
    view! {
        <section class="card" data-testid="members">
            <h2>"People"</h2>
            {group("Following", "following", following, none_followed, false)}
            {group("Followers", "followers", followers, none_following, true)}
        </section>
    }
}

/// The reviews member `user` wrote, newest first, each a link to its page:
/// the first 10 came with the profile, "Load more" reads the next 10
/// (`MemberReviews`). Nothing when they wrote none.
#[component]
pub fn ReviewsCard(user: u64, written: Option<Written>) -> impl IntoView {
    let api = StoredValue::new(expect_context::<crate::api::Api>());
    let session = crate::session::use_session();
    let written = written.unwrap_or_default();
    let shown = RwSignal::new(written.reviews);
    let pages = Paged::new(
        2,
        has_next(written.page_info.as_ref()),
        move |page, _| {
            let (api, credential) = (api.get_value(), session.credential());
            async move { Ok(api.run::<MemberReviews>(credential.as_ref(), &ReviewsVars { id: user, page }, false).await?.items()) }
        },
        move |(got, more), _| {
            // A review written while the pages are read moves the rest
            // down by one: none is shown twice.
            shown.update(|s| crate::api::operation::add_unseen(s, got, |r| r.id));
            more
        },
    );
    view! {
        <Show when=move || !shown.with(Vec::is_empty)>
            <section class="card" data-testid="written-reviews">
                <h2>"Reviews"</h2>
                <ul class="reviews">
                    <For each=move || shown.get() key=|r| r.id children=review_item/>
                </ul>
                <div data-testid="written-reviews-more"><LoadMore load=pages.load more=pages.more/></div>
            </section>
        </Show>
    }
}

/// AniList's page of the member's every favourite.
pub fn all_favourites(site_url: Option<&String>) -> Option<String> {
    site_url.map(|u| format!("{}/favorites", u.trim_end_matches('/')))
}

/// "And 3 more on AniList", when AniList has more than it gave.
fn more_line(more: u32, all: Option<String>) -> Option<impl IntoView> {
    (more > 0).then(|| {
        let text = format!("And {more} more");
        match all {
            Some(href) => view! { <p class="small"><a href=href rel="noopener noreferrer" target="_blank">{text} " on AniList"</a></p> }.into_any(),
            None => view! { <p class="small muted">{text} "."</p> }.into_any(),
        }
    })
}

fn format_score(mean: f64) -> String {
    if mean > 0.0 { format!("{mean:.1}") } else { "none yet".into() }
}
