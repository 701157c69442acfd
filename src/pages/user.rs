//! `/user/:id`: another AniList member's page: their profile (avatar,
//! name, bio through the allowlist), their totals and favourites, whether
//! they follow you, and a follow toggle. Readable signed out.

use leptos::prelude::*;

use crate::api::ops::user::{UserPage as Query, Vars};
use crate::api::{Api, ApiError};
use crate::components::empty_state::EmptyState;
use crate::components::follow::FollowToggle;
use crate::components::profile::{all_favourites, FavouritesCard, Profile, ProfileCard, TotalsCards};
use crate::components::read::read_from_anilist;
use crate::routes::Page;
use crate::session::SessionContext;

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
    let session = expect_context::<SessionContext>().0;
    read_from_anilist(
        "Loading the member…",
        move |fresh| {
            let api = api.clone();
            async move {
                let credential = session.with_untracked(|s| s.signed_in().map(|s| s.credential()));
                let user = api.run::<Query>(credential.as_ref(), &Vars { id }, fresh).await?.user;
                user.map(Profile::from).ok_or_else(|| ApiError::Shape(format!("no user {id}")))
            }
        },
        move |p, again| view! { <UserBody profile=p reload=again/> }.into_any(),
    )
}

#[component]
fn UserBody(profile: Profile, reload: Callback<()>) -> impl IntoView {
    let session = expect_context::<SessionContext>().0;
    let p = profile;
    document().set_title(&format!("{} · {} for AniList", p.name, crate::APP_NAME));
    let me = session.with_untracked(|s| s.signed_in().map(|s| s.credential().user)) == Some(p.id);
    let following = RwSignal::new(p.is_following.unwrap_or(false));
    let all = all_favourites(p.site_url.as_ref());
    let follows_you = p.is_follower == Some(true) && !me;
    view! {
        <div class="page-intro">
            <h1>{p.name.clone()}</h1>
            <p class="lead">{if me { "This is you, as other members see you." } else { "An AniList member." }}</p>
        </div>
        <ProfileCard profile=p.clone()>
            {follows_you.then(|| view! { <span class="chip" data-testid="follows-you">"Follows you"</span> })}
            <FollowToggle user=p.id on=following/>
            {me.then(|| view! { <a class="button button--small button--secondary" href=Page::Profile.href()>"Your profile"</a> })}
            <button type="button" class="button button--small button--secondary" on:click=move |_| reload.run(()) data-testid="reload">"Reload from AniList"</button>
        </ProfileCard>
        <TotalsCards anime=p.anime.clone() manga=p.manga.clone() stats=me/>
        <FavouritesCard favourites=p.favourites all=all empty="No favourites yet."/>
    }
}
