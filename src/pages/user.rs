//! `/user/:id`: another AniList member's page: their profile (avatar,
//! name, bio through the allowlist), their totals and favourites, whether
//! they follow you, a follow toggle, and their lists (each title with their
//! status and score, and yours). Readable signed out.

use leptos::prelude::*;

use crate::api::ops::member_list::{ListPage, MemberList, TheirEntry, Vars};
use crate::api::ops::user::{Members, UserPage as Query, Vars as UserVars};
use crate::api::ops::viewer::Written;
use crate::api::{Api, ApiError};
use crate::components::empty_state::EmptyState;
use crate::components::follow::FollowToggle;
use crate::components::activity::ActivityCard;
use crate::components::profile::{FavouritesCard, MembersCard, Profile, ProfileCard, ReviewsCard, TotalsCards};
use crate::components::api_status::{LoadMore, Paged};
use crate::components::read::read_from_anilist;
use crate::components::tiles::{MediaTile, OnListToggle};
use crate::media::{ListStatus, MediaKind, ScoreFormat};
use crate::store::use_list_store;
use crate::routes::Page;
use crate::session::use_session;

#[component]
pub fn UserPage() -> impl IntoView {
    let id = crate::pages::id_param();
    move || match id.get() {
        Some(id) => view! { <UserView id=id.unsigned_abs()/> }.into_any(),
        None => view! {
            <EmptyState title="No such member">
                <p>"This address does not name an AniList member."</p>
            </EmptyState>
        }
        .into_any(),
    }
}

#[component]
fn UserView(id: u64) -> impl IntoView {
    let api = expect_context::<Api>();
    let session = use_session();
    read_from_anilist(
        "Loading the member…",
        move |fresh| {
            let api = api.clone();
            async move {
                let credential = session.credential();
                let data = api.run::<Query>(credential.as_ref(), &UserVars { id }, fresh).await?;
                let profile = data.viewer.map(Profile::from).ok_or_else(|| ApiError::Shape(format!("no user {id}")))?;
                Ok((profile, data.following.unwrap_or_default(), data.followers.unwrap_or_default(), data.reviews))
            }
        },
        move |(p, following, followers, reviews), again| view! { <UserBody profile=p following=following followers=followers reviews=reviews reload=again/> }.into_any(),
    )
}

#[component]
fn UserBody(profile: Profile, following: Members, followers: Members, reviews: Option<Written>, reload: Callback<()>) -> impl IntoView {
    let session = use_session();
    let p = profile;
    crate::pages::set_title(&p.name);
    let me = session.user_untracked() == Some(p.id);
    let follow = RwSignal::new(p.is_following.unwrap_or(false));
    let follows_you = p.is_follower == Some(true) && !me;
    view! {
        <div class="page-intro">
            <h1>{p.name.clone()}</h1>
            <p class="lead">{if me { "This is you, as other members see you." } else { "An AniList member." }}</p>
        </div>
        <ProfileCard profile=p.clone()>
            {follows_you.then(|| view! { <span class="chip" data-testid="follows-you">"Follows you"</span> })}
            <FollowToggle user=p.id on=follow/>
            {me.then(|| view! { <a class="button button--small button--secondary" href=Page::Profile.href()>"Your profile"</a> })}
            <button type="button" class="button button--small button--secondary" on:click=move |_| reload.run(()) data-testid="reload">"Reload from AniList"</button>
        </ProfileCard>
        <TotalsCards anime=p.anime.clone() manga=p.manga.clone() stats=me/>
        <TheirLists user=p.id/>
        <FavouritesCard user=p.id favourites=p.favourites empty="No favourites yet." yours=!me/>
        <ReviewsCard user=p.id written=reviews/>
        <ActivityCard user=p.id name=p.name.clone()/>
        <MembersCard user=p.id following=following followers=followers none_followed="They follow no one yet." none_following="No followers yet."/>
    }
}

/// The member's lists, anime or manga, most recently updated first, 25 at
/// a time: their status, progress and score on each title, and the
/// person's own status where the lists this browser keeps hold it.
#[component]
fn TheirLists(user: u64) -> impl IntoView {
    let kind = RwSignal::new(MediaKind::Anime);
    view! {
        <section class="card" data-testid="their-lists">
            <h2>"Their lists"</h2>
            <div class="actions" role="group" aria-label="Which list">
                {MediaKind::ALL.map(|k| view! {
                    <button type="button" class="button button--small" class:button--secondary=move || kind.get() != k
                        aria-pressed=move || (kind.get() == k).to_string() on:click=move |_| kind.set(k) data-testid=format!("their-{}", k.slug())>
                        {k.label()}
                    </button>
                })}
            </div>
            {move || view! { <TheirList user=user kind=kind.get()/> }}
        </section>
    }
}

#[component]
fn TheirList(user: u64, kind: MediaKind) -> impl IntoView {
    let api = expect_context::<Api>();
    let session = use_session();
    // Their scores come in the person's own system (as far as the kept list knows it).
    let format = use_list_store().with_untracked(kind, |d| d.map(|d| d.score_format).unwrap_or_default());
    let entries = RwSignal::new(Vec::<TheirEntry>::new());
    let read = RwSignal::new(false);
    let pages = Paged::new(
        1,
        false,
        move |page, only| {
            let api = api.clone();
            let credential = session.credential();
            let vars = Vars { user_id: user, kind: kind.into(), page, compare: only.then_some(true), format };
            async move { api.run::<MemberList>(credential.as_ref(), &vars, false).await?.page.ok_or_else(|| ApiError::Shape("no Page".into())) }
        },
        move |got: ListPage, first| {
            let more = got.has_more();
            if first {
                entries.set(got.media_list);
            } else {
                entries.update(|e| e.extend(got.media_list));
            }
            read.set(true);
            more
        },
    );
    let load = pages.load;
    load.dispatch_local(());
    let only = pages.only;
    view! {
        <OnListToggle only=pages.only set=pages.set_only/>
        {move || match (read.get(), entries.with(Vec::is_empty)) {
            (false, _) => match load.pending().get() {
                true => view! { <p class="loading" role="status">"Loading their list…"</p> }.into_any(),
                false => view! { <button type="button" class="button button--secondary" on:click=move |_| { load.dispatch_local(()); } data-testid="their-retry">"Try again"</button> }.into_any(),
            },
            (true, true) => view! {
                <p class="muted" data-testid="their-empty">{if only.get() { "None of their titles is on your lists." } else { "Nothing on this list (or only private entries)." }}</p>
            }.into_any(),
            (true, false) => view! {
                <ul class="tiles" data-testid="their-entries">
                    {entries.get().into_iter().filter_map(|e| {
                        let note = their_note(&e, kind, format);
                        Some(view! { <MediaTile other=e.media? note=note yours=true/> })
                    }).collect_view()}
                </ul>
            }.into_any(),
        }}
        <LoadMore load=load more=pages.more/>
    }
}

/// "Watching · ep 3 · 8.5 / 10": their status, progress while under way,
/// and score.
fn their_note(e: &TheirEntry, kind: MediaKind, format: ScoreFormat) -> String {
    let status = e.status.filter(|s| s.is_known());
    let progress = e.progress.filter(|p| *p > 0 && status.is_some_and(|s| s.in_progress() || s == ListStatus::Paused || s == ListStatus::Dropped));
    crate::text::dotted([
        status.map(|s| s.label(kind).to_string()),
        progress.map(|p| format!("{} {p}", if kind == MediaKind::Anime { "ep" } else { "ch" })),
        e.score.filter(|s| *s > 0.0).map(|s| format.display(s)),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(status: ListStatus, progress: u32, score: f64) -> TheirEntry {
        TheirEntry { id: 1, status: Some(status), progress: Some(progress), progress_volumes: None, score: Some(score), media: None }
    }

    #[test]
    fn their_note_says_status_progress_under_way_and_score() {
        assert_eq!(their_note(&entry(ListStatus::Current, 3, 0.0), MediaKind::Anime, ScoreFormat::Point10Decimal), "Watching · ep 3");
        assert_eq!(their_note(&entry(ListStatus::Completed, 26, 9.5), MediaKind::Anime, ScoreFormat::Point10Decimal), "Completed · 9.5 / 10");
        assert_eq!(their_note(&entry(ListStatus::Paused, 40, 80.0), MediaKind::Manga, ScoreFormat::Point100), "Paused · ch 40 · 80 / 100");
        assert_eq!(their_note(&entry(ListStatus::Planning, 0, 0.0), MediaKind::Manga, ScoreFormat::Point5), "Planning");
        let none = TheirEntry { id: 2, status: None, progress: None, progress_volumes: None, score: None, media: None };
        assert_eq!(their_note(&none, MediaKind::Anime, ScoreFormat::Point3), "");
    }
}
