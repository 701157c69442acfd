use leptos::prelude::*;

use crate::api::error::ApiError;
use crate::api::ops::viewer::{self, Members, Written};
use crate::api::Api;
use crate::components::api_status::ViewerMismatch;
use crate::components::activity::ActivityCard;
use crate::components::profile::{FavouritesCard, MembersCard, Profile, ProfileCard, ReviewsCard, TotalsCards};
use crate::components::read::{read_from_anilist, sign_in_gate};
use crate::media::{ScoreFormat, UserTitleLanguage};
use crate::pages::PageIntro;
use crate::routes::Page;
use crate::session::names::{use_account_names, AccountName};

/// The Viewer query's answer, as the page shows it: the profile, and the
/// person's own options.
#[derive(Clone, Debug)]
struct Viewer {
    profile: Profile,
    title_language: Option<UserTitleLanguage>,
    /// Whether the account lets titles for adults show.
    adult: bool,
    following: Members,
    followers: Members,
    reviews: Option<Written>,
}

fn read_viewer(data: viewer::Data) -> Result<Viewer, ApiError> {
    let v = data.viewer.ok_or_else(|| ApiError::Shape("no Viewer".into()))?;
    let title_language = v.options.as_ref().and_then(|o| o.title_language);
    let adult = v.options.as_ref().and_then(|o| o.display_adult_content).unwrap_or(false);
    Ok(Viewer { profile: Profile::from(v), title_language, adult, following: data.following.unwrap_or_default(), followers: data.followers.unwrap_or_default(), reviews: data.reviews })
}

#[component]
pub fn ProfilePage() -> impl IntoView {
    let api = expect_context::<Api>();
    let names = use_account_names();
    view! {
        <PageIntro title="Profile" lead="Your AniList profile and statistics."/>
        {sign_in_gate("Sign in to see your profile".into(), "Your profile is read from AniList with your own token.", Page::Profile, move |credential| {
            let api = api.clone();
            let token_sub = credential.user;
            read_from_anilist(
                "Loading your profile…",
                move |fresh| {
                    let (api, credential) = (api.clone(), credential.clone());
                    async move {
                        let v = read_viewer(api.run::<viewer::Viewer>(Some(&credential), &viewer::Vars { id: credential.user }, fresh).await?)?;
                        // The header shows the name from now on.
                        if v.profile.id == credential.user {
                            names.learn(v.profile.id, AccountName { name: v.profile.name.clone(), avatar: v.profile.avatar_medium.clone(), adult: v.adult });
                        }
                        Ok(v)
                    }
                },
                move |v, again| view! { <ProfileView viewer=v token_sub=token_sub reload=again/> }.into_any(),
            )
            .into_any()
        })}
    }
}

#[component]
fn ProfileView(viewer: Viewer, token_sub: u64, reload: Callback<()>) -> impl IntoView {
    let p = viewer.profile;
    let language = viewer.title_language;
    let score = p.score_format;
    let mismatch = p.id != token_sub;
    view! {
        {mismatch.then(|| view! { <ViewerMismatch answered=p.id token=token_sub/> })}
        <ProfileCard profile=p.clone() own=!mismatch>
            <button type="button" class="button button--secondary" on:click=move |_| reload.run(()) data-testid="reload">"Reload from AniList"</button>
        </ProfileCard>
        <TotalsCards anime=p.anime.clone() manga=p.manga.clone() stats=true>
            <article class="card">
                <h2>"Options"</h2>
                <dl class="facts facts--compact">
                    <div class="facts__row"><dt>"Titles in"</dt><dd data-testid="title-language">{language.map(|l| if l == UserTitleLanguage::Unknown { "another language" } else { l.label() }).unwrap_or("not set")}</dd></div>
                    <div class="facts__row"><dt>"Scores as"</dt><dd data-testid="score-format">{score.map(ScoreFormat::label).unwrap_or("not set")}</dd></div>
                </dl>
            </article>
        </TotalsCards>
        <FavouritesCard user=p.id favourites=p.favourites own=true empty="No favourites yet: a title's, a character's, a staff member's or a studio's page has a button for it."/>
        <ReviewsCard user=p.id written=viewer.reviews/>
        <ActivityCard user=p.id name=p.name.clone()/>
        <MembersCard user=p.id following=viewer.following followers=viewer.followers
            none_followed="You follow no one yet: a member's page has a button for it." none_following="No followers yet."/>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::ops::stats::Statistics;

    #[test]
    fn option_names() {
        let read = |s: &str| serde_json::from_value::<UserTitleLanguage>(serde_json::Value::String(s.into())).unwrap();
        assert_eq!(read("ENGLISH").label(), "English");
        assert_eq!(read("KLINGON"), UserTitleLanguage::Unknown);
        assert_eq!(ScoreFormat::Point5.label(), "5 stars");
        assert_eq!(ScoreFormat::from_api("POINT_1000").label(), "10 points with decimals (8.5/10)");
    }

    #[test]
    fn viewer_reads_the_fixture_shape() {
        let data: viewer::Data = serde_json::from_str(
            r#"{"Viewer":{"id":5,"name":"A","about":null,"siteUrl":null,"avatar":{"large":null,"medium":"m.png"},"options":null,"mediaListOptions":{"scoreFormat":"POINT_5"},
                "statistics":{"anime":{"count":2,"meanScore":7.5,"minutesWatched":10,"episodesWatched":3,"chaptersRead":0,"volumesRead":0},"manga":null}}}"#,
        )
        .unwrap();
        let v = read_viewer(data).unwrap();
        let p = &v.profile;
        assert_eq!((p.id, p.name.as_str(), p.about.clone()), (5, "A", None));
        assert_eq!(p.avatar.as_deref(), Some("m.png"));
        assert_eq!((v.title_language, p.score_format), (None, Some(ScoreFormat::Point5)));
        assert_eq!(p.anime, Statistics { count: 2, mean_score: 7.5, minutes_watched: 10, episodes_watched: 3, ..Statistics::default() });
        assert_eq!(p.manga, Statistics::default());
    }

    #[test]
    fn a_viewer_without_id_or_name_is_refused() {
        for text in [r#"{"Viewer":{"name":"A"}}"#, r#"{"Viewer":{"id":5}}"#] {
            assert!(serde_json::from_str::<viewer::Data>(text).is_err(), "{text}");
        }
        let none: viewer::Data = serde_json::from_str(r#"{"Viewer":null}"#).unwrap();
        assert_eq!(read_viewer(none).unwrap_err(), ApiError::Shape("no Viewer".into()));
    }
}
