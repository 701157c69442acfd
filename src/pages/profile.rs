use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::rich_text::RichText;
use crate::components::tiles::{MediaTile, PersonLink};

use crate::api::error::ApiError;
use crate::api::ops::stats::Statistics;
use crate::api::ops::title::{Other, Person};
use crate::api::ops::viewer::{self, Favoured};
use crate::api::Api;
use crate::components::api_status::ViewerMismatch;
use crate::components::read::{read_from_anilist, sign_in_gate};
use crate::media::{MediaKind, ScoreFormat, UserTitleLanguage};
use crate::pages::PageIntro;
use crate::routes::Page;
use crate::session::names::{use_account_names, AccountName};

/// The Viewer query's answer, as the page shows it.
#[derive(Clone, Debug)]
struct Viewer {
    id: u64,
    name: String,
    about: Option<String>,
    site_url: Option<String>,
    /// The large avatar, else the medium one.
    avatar: Option<String>,
    /// The medium one (the header's).
    avatar_medium: Option<String>,
    title_language: Option<UserTitleLanguage>,
    score_format: Option<ScoreFormat>,
    anime: Statistics,
    manga: Statistics,
    favourites: viewer::Favourites,
}

impl From<viewer::User> for Viewer {
    fn from(v: viewer::User) -> Self {
        let stats = v.statistics.unwrap_or_default();
        Viewer {
            id: v.id,
            name: v.name,
            about: v.about,
            site_url: v.site_url,
            avatar_medium: v.avatar.as_ref().and_then(|a| a.medium.clone()),
            avatar: v.avatar.and_then(|a| a.large.or(a.medium)),
            title_language: v.options.and_then(|o| o.title_language),
            score_format: v.media_list_options.and_then(|o| o.score_format),
            anime: stats.anime.unwrap_or_default(),
            manga: stats.manga.unwrap_or_default(),
            favourites: v.favourites.unwrap_or_default(),
        }
    }
}

fn read_viewer(data: viewer::Data) -> Result<Viewer, ApiError> {
    data.viewer.map(Viewer::from).ok_or_else(|| ApiError::Shape("no Viewer".into()))
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
                        let v = read_viewer(api.run::<viewer::Viewer>(Some(&credential), &viewer::Vars {}, fresh).await?)?;
                        // The header shows the name from now on.
                        if v.id == credential.user {
                            names.learn(v.id, AccountName { name: v.name.clone(), avatar: v.avatar_medium.clone() });
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
    let avatar = viewer.avatar.clone();
    // AniList content is shown as text; a link only when it is a web address.
    let site = viewer.site_url.clone().filter(|u| u.starts_with("https://") || u.starts_with("http://"));
    let anime = viewer.anime.clone();
    let manga = viewer.manga.clone();
    let language = viewer.title_language;
    let score = viewer.score_format;
    let mismatch = viewer.id != token_sub;
    // AniList's page of every favourite.
    let all_favourites = site.as_ref().map(|u| format!("{}/favorites", u.trim_end_matches('/')));
    view! {
        {mismatch.then(|| view! { <ViewerMismatch answered=viewer.id token=token_sub/> })}
        <section class="card profile" data-testid="profile">
            <div class="profile__head">
                {avatar.map(|src| view! { <img class="avatar" src=src alt=format!("{}'s avatar", viewer.name) width="96" height="96"/> })}
                <div>
                    <h2 data-testid="profile-name">{viewer.name.clone()}</h2>
                    <p class="muted">"AniList user " <span data-testid="profile-id">{viewer.id}</span></p>
                    {site.map(|u| view! { <p><a href=u.clone() rel="noopener noreferrer" target="_blank">"Open on AniList"</a></p> })}
                </div>
            </div>
            <h3>"About"</h3>
            <div class="about rich" data-testid="profile-about">
                {match viewer.about.clone().filter(|a| !a.trim().is_empty()) {
                    Some(html) => view! { <RichText html=html/> }.into_any(),
                    None => view! { <p class="muted">"Nothing written yet."</p> }.into_any(),
                }}
            </div>
            <div class="actions">
                <button type="button" class="button button--secondary" on:click=move |_| reload.run(()) data-testid="reload">"Reload from AniList"</button>
            </div>
        </section>
        <section class="stat-grid" aria-label="Statistics">
            <article class="card" data-testid="anime-stats">
                <h2>"Anime"</h2>
                <dl class="facts facts--compact">
                    <div class="facts__row"><dt>"Titles"</dt><dd>{anime.count}</dd></div>
                    <div class="facts__row"><dt>"Episodes"</dt><dd>{anime.episodes_watched}</dd></div>
                    <div class="facts__row"><dt>"Time"</dt><dd data-testid="minutes-watched">{crate::text::time_spent(anime.minutes_watched)}</dd></div>
                    <div class="facts__row"><dt>"Mean score"</dt><dd>{format_score(anime.mean_score)}</dd></div>
                </dl>
                <p><A href=Page::Stats(MediaKind::Anime).href() attr:data-testid="anime-stats-link">"All anime statistics"</A></p>
            </article>
            <article class="card" data-testid="manga-stats">
                <h2>"Manga"</h2>
                <dl class="facts facts--compact">
                    <div class="facts__row"><dt>"Titles"</dt><dd>{manga.count}</dd></div>
                    <div class="facts__row"><dt>"Chapters"</dt><dd data-testid="chapters-read">{manga.chapters_read}</dd></div>
                    <div class="facts__row"><dt>"Volumes"</dt><dd>{manga.volumes_read}</dd></div>
                    <div class="facts__row"><dt>"Mean score"</dt><dd>{format_score(manga.mean_score)}</dd></div>
                </dl>
                <p><A href=Page::Stats(MediaKind::Manga).href() attr:data-testid="manga-stats-link">"All manga statistics"</A></p>
            </article>
            <article class="card">
                <h2>"Options"</h2>
                <dl class="facts facts--compact">
                    <div class="facts__row"><dt>"Titles in"</dt><dd data-testid="title-language">{language.map(|l| if l == UserTitleLanguage::Unknown { "another language" } else { l.label() }).unwrap_or("not set")}</dd></div>
                    <div class="facts__row"><dt>"Scores as"</dt><dd data-testid="score-format">{score.map(ScoreFormat::label).unwrap_or("not set")}</dd></div>
                </dl>
            </article>
        </section>
        <FavouritesCard favourites=viewer.favourites.clone() all=all_favourites/>
    }
}

/// The person's favourites, by kind, each a link to its page.
#[component]
fn FavouritesCard(favourites: viewer::Favourites, all: Option<String>) -> impl IntoView {
    let f = favourites;
    let titles = |label: &'static str, id: &'static str, list: Option<Favoured<Other>>| {
        let list = list.filter(|l| !l.nodes.is_empty())?;
        let more = list.more();
        Some(view! {
            <h3>{label}</h3>
            <ul class="tiles" data-testid=id>{list.nodes.into_iter().map(|o| view! { <MediaTile other=o note=""/> }).collect_view()}</ul>
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
    let empty = [f.anime.as_ref().map(|l| l.nodes.len()), f.manga.as_ref().map(|l| l.nodes.len()), f.characters.as_ref().map(|l| l.nodes.len()), f.staff.as_ref().map(|l| l.nodes.len())]
        .into_iter()
        .all(|n| n.unwrap_or(0) == 0);
    view! {
        <section class="card favourites" data-testid="favourites">
            <h2>"Favourites"</h2>
            {empty.then(|| view! { <p class="muted">"No favourites yet: a title's, a character's or a staff member's page has a button for it."</p> })}
            {titles("Anime", "favourite-anime", f.anime)}
            {titles("Manga", "favourite-manga", f.manga)}
            {people("Characters", "favourite-characters", f.characters, Page::Character)}
            {people("Staff", "favourite-staff", f.staff, Page::Staff)}
        </section>
    }
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

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!((v.id, v.name.as_str(), v.about), (5, "A", None));
        assert_eq!(v.avatar.as_deref(), Some("m.png"));
        assert_eq!((v.title_language, v.score_format), (None, Some(ScoreFormat::Point5)));
        assert_eq!(v.anime, Statistics { count: 2, mean_score: 7.5, minutes_watched: 10, episodes_watched: 3, ..Statistics::default() });
        assert_eq!(v.manga, Statistics::default());
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
