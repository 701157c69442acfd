//! What a member's profile shows, on the person's own profile page and on
//! another member's page: the head (avatar, name, bio), the totals, the
//! favourites (titles, characters, staff, studios) and the reviews written.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::ops::stats::Statistics;
use crate::api::ops::title::{Other, Person};
use crate::api::operation::has_next;
use crate::api::ops::user::{MemberPeople, MemberReviews, PeopleVars, ReviewsVars};
use crate::api::ops::viewer::{self, Favoured, Members, Written};
use crate::api::ops::favourite::{moved, FavouriteKind, MemberFavourites, OrderFavourites};
use crate::components::api_status::{ApiErrorView, LoadMore, Paged, Sending};
use crate::components::focus_first;
use crate::components::written::{self, DeleteMine, Mine};
use crate::components::tiles::{review_item, MediaTile, MemberLink, PersonLink};
use crate::media::{MediaKind, ScoreFormat};
use crate::routes::Page;

/// A member's profile, as the page shows it (from the Viewer or the User query).
#[derive(Clone, Debug)]
pub struct Profile {
    pub id: u64,
    pub name: String,
    pub about: Option<String>,
    /// The bio as written (markdown): the person's own only.
    pub about_source: Option<String>,
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
            about_source: v.source,
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
/// under the name, and the bio (through the allowlist). `own`: the
/// person's own, whose bio they can change (from its markdown) or delete.
#[component]
pub fn ProfileCard(profile: Profile, #[prop(optional)] own: bool, children: Children) -> impl IntoView {
    let p = profile;
    let written = written::Written::new(p.about.clone(), p.about_source.clone());
    let mine = Mine::About(p.id as i64);
    let text = written.view(mine, "profile-about-text");
    let edit = own.then(|| view! {
        <p class="muted small" data-testid="profile-about-actions">
            "Your bio" {written.edit_button()}
            {move || written.has_text().then(|| view! { <DeleteMine mine=mine gone=Callback::new(move |()| written.clear())/> })}
        </p>
    });
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
                {move || text().unwrap_or_else(|| view! { <p class="muted">"Nothing written yet."</p> }.into_any())}
            </div>
            {edit}
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

/// The member's favourites, by kind and in their order, each a link to its
/// page: the first 25 of each kind came with the profile, "Load more" reads
/// the next 25. `yours`: another member's, where the person's own status
/// on a title says whose it is; `own`: the person's own, which they can
/// put in another order.
#[component]
pub fn FavouritesCard(user: u64, favourites: viewer::Favourites, empty: &'static str, #[prop(optional)] yours: bool, #[prop(optional)] own: bool) -> impl IntoView {
    let mut f = favourites;
    let groups: Vec<_> = FavouriteKind::ALL.into_iter().map(|kind| (kind, of_kind(&mut f, kind))).filter(|(_, (first, _))| !first.is_empty()).collect();
    let none = groups.is_empty();
    view! {
        <section class="card favourites" data-testid="favourites">
            <h2>"Favourites"</h2>
            {none.then(|| view! { <p class="muted">{empty}</p> })}
            {groups.into_iter().map(|(kind, (first, total))| view! { <FavouriteGroup user=user kind=kind first=first total=total yours=yours own=own/> }).collect_view()}
        </section>
    }
}

/// One favourite, as its kind shows it.
#[derive(Clone, Debug, PartialEq)]
enum Fav {
    Title(Other),
    Person(Person),
    Studio(viewer::FavStudio),
}

impl Fav {
    fn id(&self) -> i64 {
        match self {
            Fav::Title(o) => o.id,
            Fav::Person(p) => p.id,
            Fav::Studio(s) => s.id,
        }
    }

    fn name(&self) -> String {
        match self {
            Fav::Title(o) => o.name(),
            Fav::Person(p) => p.name(),
            Fav::Studio(s) if s.name.is_empty() => format!("Studio {}", s.id),
            Fav::Studio(s) => s.name.clone(),
        }
    }
}

/// Takes this kind's favourites out of `f`, with how many there are in all.
fn of_kind(f: &mut viewer::Favourites, kind: FavouriteKind) -> (Vec<Fav>, u32) {
    fn split<T>(list: Option<Favoured<T>>, wrap: fn(T) -> Fav) -> (Vec<Fav>, u32) {
        let Some(list) = list else { return (Vec::new(), 0) };
        let total = list.total();
        (list.nodes.into_iter().map(wrap).collect(), total)
    }
    match kind {
        FavouriteKind::Anime => split(f.anime.take(), Fav::Title),
        FavouriteKind::Manga => split(f.manga.take(), Fav::Title),
        FavouriteKind::Characters => split(f.characters.take(), Fav::Person),
        FavouriteKind::Staff => split(f.staff.take(), Fav::Person),
        FavouriteKind::Studios => split(f.studios.take(), Fav::Studio),
    }
}

/// One kind of favourites: the first page, "Load more", and on the
/// person's own profile "Change order": every one of them is read first (an
/// order is given for all, so none left out falls in between), then each
/// moves up or down with its buttons, and "Save order" sends the whole
/// order (safe to send again when the answer is lost).
#[component]
fn FavouriteGroup(user: u64, kind: FavouriteKind, first: Vec<Fav>, total: u32, yours: bool, own: bool) -> impl IntoView {
    let api = StoredValue::new(expect_context::<crate::api::Api>());
    let session = crate::session::use_session();
    let more_at_first = first.len() < total as usize;
    let shown = RwSignal::new(first);
    let total = RwSignal::new(total);
    // `fresh`: from AniList, not from memory.
    let read = move |page: u32, fresh: bool| {
        let (api, credential) = (api.get_value(), session.credential());
        async move { Ok::<_, crate::api::ApiError>(of_kind(&mut api.run::<MemberFavourites>(credential.as_ref(), &kind.page_vars(user, page), fresh).await?.favourites(), kind)) }
    };
    let pages = Paged::new(2, more_at_first, move |page, _| read(page, false), move |(got, all): (Vec<Fav>, u32), _| {
        total.set(all);
        // Favourites added or taken off while the pages are read: none twice.
        shown.update(|s| crate::api::operation::add_unseen(s, got, Fav::id));
        shown.with(Vec::len) < all as usize
    });
    // The order before "Change order", for Cancel; `None`: not ordering.
    let before = RwSignal::new(None::<Vec<Fav>>);
    let saved = RwSignal::new(false);
    let sending = Sending::new();
    let (busy, problem) = (sending.busy, sending.problem);
    // Read again even when all are shown: one added or taken off
    // elsewhere since would be left out of the order, or given a place.
    let start = move |_| {
        saved.set(false);
        sending.run(
            async move {
                let (mut all, mut page) = (Vec::new(), 1);
                loop {
                    let (got, n) = read(page, true).await?;
                    let before = all.len();
                    crate::api::operation::add_unseen(&mut all, got, Fav::id);
                    // All read, or a page brought nothing new (the last).
                    if all.len() >= n as usize || all.len() == before {
                        return Ok((all, n));
                    }
                    page += 1;
                }
            },
            move |(all, n): (Vec<Fav>, u32)| {
                total.set(n);
                pages.more.set(false);
                shown.set(all.clone());
                before.set(Some(all));
                focus_first(format!("[data-testid={}-order] [data-move]", kind.testid()));
            },
        );
    };
    let step = move |id: i64, up: bool| {
        let at = shown.try_update(|v| v.iter().position(|f| f.id() == id).and_then(|at| moved(v, at, up))).flatten();
        if at.is_some() {
            // The row moved in the page: the focus goes with it (to the
            // other button when this one can go no further).
            let row = format!("[data-testid={}-order] [data-fav=\"{id}\"]", kind.testid());
            let (this, other) = if up { ("up", "down") } else { ("down", "up") };
            focus_first(format!("{row} [data-move={this}]:not([disabled]), {row} [data-move={other}]"));
        }
    };
    let save = move |_| {
        let Some(credential) = session.credential() else { return };
        let api = api.get_value();
        let vars = kind.order_vars(&shown.with_untracked(|v| v.iter().map(Fav::id).collect::<Vec<_>>()));
        sending.run(async move { crate::api::sending::again_if_unknown(|| api.run::<OrderFavourites>(Some(&credential), &vars, false)).await.map(|_| ()) }, move |()| {
            before.set(None);
            saved.set(true);
        });
    };
    let cancel = move |_| {
        if let Some(b) = before.get_untracked() {
            shown.set(b);
        }
        before.set(None);
        problem.set(None);
    };
    let ordering = move || before.with(Option::is_some);
    let can_order = move || own && total.get() > 1;
    let person_page = match kind {
        FavouriteKind::Staff => Page::Staff,
        _ => Page::Character,
    };
    let titles = matches!(kind, FavouriteKind::Anime | FavouriteKind::Manga);
    let rows = move || {
        view! {
            <ul class=if titles { "tiles" } else { "people" } data-testid=kind.testid()>
                <For each=move || shown.get() key=Fav::id let:fav>
                    {let name = fav.name();
                    match fav {
                        Fav::Title(o) => view! { <MediaTile other=o note="" yours=yours/> }.into_any(),
                        Fav::Person(p) => view! { <li class="people__row"><PersonLink page=person_page(p.id) who=p note=""/></li> }.into_any(),
                        Fav::Studio(s) => view! { <li class="people__row"><a href=Page::Studio(s.id).href()>{name}</a></li> }.into_any(),
                    }}
                </For>
            </ul>
        }
    };
    let order = move || {
        view! {
            <p class="small muted" id=format!("{}-order-help", kind.testid())>"Move each up or down, then save: AniList shows them in this order."</p>
            <ol class="reorder" data-testid=format!("{}-order", kind.testid()) aria-describedby=format!("{}-order-help", kind.testid())>
                <For each=move || shown.get() key=Fav::id let:fav>
                    {
                        let (id, name) = (fav.id(), fav.name());
                        let at = move || shown.with(|v| v.iter().position(|f| f.id() == id));
                        let last = move || shown.with(Vec::len).saturating_sub(1);
                        view! {
                            <li class="reorder__row" data-fav=id.to_string()>
                                <span class="reorder__place" aria-hidden="true">{move || at().map(|i| i + 1)}</span>
                                <span class="reorder__name">{name.clone()}</span>
                                <button type="button" class="button button--small button--secondary" data-move="up" aria-label=format!("Move {name} up")
                                    disabled=move || busy.get() || at() == Some(0) on:click=move |_| step(id, true)>"↑"</button>
                                <button type="button" class="button button--small button--secondary" data-move="down" aria-label=format!("Move {name} down")
                                    disabled=move || busy.get() || at() == Some(last()) on:click=move |_| step(id, false)>"↓"</button>
                            </li>
                        }
                    }
                </For>
            </ol>
            <div class="actions">
                <button type="button" class="button" data-testid="order-save" disabled=move || busy.get() on:click=save>
                    {move || if busy.get() { "Saving…" } else { "Save order" }}
                </button>
                <button type="button" class="button button--secondary" data-testid="order-cancel" disabled=move || busy.get() on:click=cancel>"Cancel"</button>
            </div>
        }
    };
    view! {
        <div class="favourites__group" data-testid=format!("{}-group", kind.testid())>
            <h3>{kind.label()}</h3>
            <Show when=ordering fallback=move || view! {
                {rows}
                <div data-testid=format!("{}-more", kind.testid())><LoadMore load=pages.load more=pages.more/></div>
                <Show when=can_order>
                    <div class="actions">
                        <button type="button" class="button button--small button--secondary" data-testid="order-start" disabled=move || busy.get() on:click=start>
                            {move || if busy.get() { format!("Reading all {}…", total.get()) } else { "Change order".to_string() }}
                        </button>
                    </div>
                </Show>
                {move || saved.get().then(|| view! { <p class="small" role="status" data-testid="order-saved">"Order saved."</p> })}
            }>
                {order}
            </Show>
            {move || problem.get().map(|e| view! { <div data-testid="order-error"><ApiErrorView error=e/></div> })}
        </div>
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
        let pages = Paged::appending(shown, |m| m.id, 2, more, move |page| {
            let (api, credential) = (api.get_value(), session.credential());
            async move {
                let got = api.run::<MemberPeople>(credential.as_ref(), &PeopleVars { id: user, page, followers }, false).await?.members();
                let more = got.has_more();
                Ok((got.members, more))
            }
        });
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
    let pages = Paged::appending(shown, |r| r.id, 2, has_next(written.page_info.as_ref()), move |page| {
        let (api, credential) = (api.get_value(), session.credential());
        async move { Ok(api.run::<MemberReviews>(credential.as_ref(), &ReviewsVars { id: user, page }, false).await?.items()) }
    });
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

fn format_score(mean: f64) -> String {
    if mean > 0.0 { format!("{mean:.1}") } else { "none yet".into() }
}
