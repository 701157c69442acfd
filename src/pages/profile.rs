use leptos::prelude::*;
use serde_json::{json, Value};

use crate::api::error::ApiError;
use crate::api::queries::VIEWER;
use crate::api::read;
use crate::api::Api;
use crate::components::api_status::boundary_fallback;
use crate::components::empty_state::SignInRequired;
use crate::pages::PageIntro;
use crate::routes::Page;
use crate::session::SessionContext;

/// The Viewer query's answer, as the page shows it.
#[derive(Clone, Debug)]
struct Viewer {
    id: u64,
    name: String,
    about: Option<String>,
    site_url: Option<String>,
    /// The large avatar, else the medium one.
    avatar: Option<String>,
    title_language: Option<String>,
    score_format: Option<String>,
    anime: Stat,
    manga: Stat,
}

#[derive(Clone, Debug, Default, PartialEq)]
struct Stat {
    count: u64,
    mean_score: f64,
    minutes_watched: u64,
    episodes_watched: u64,
    chapters_read: u64,
    volumes_read: u64,
}

/// Reads `{ Viewer { … } }` (see [`crate::api::read`]).
fn read_viewer(data: &Value) -> Result<Viewer, ApiError> {
    let v = read::object(data, "Viewer")?;
    let avatar = read::at(v, "avatar");
    let stat = |kind: &str| {
        let s = read::at(read::at(v, "statistics"), kind);
        let n = |key: &str| read::big_count(s, key).unwrap_or(0);
        Stat {
            count: n("count"),
            mean_score: read::number(s, "meanScore").unwrap_or(0.0),
            minutes_watched: n("minutesWatched"),
            episodes_watched: n("episodesWatched"),
            chapters_read: n("chaptersRead"),
            volumes_read: n("volumesRead"),
        }
    };
    Ok(Viewer {
        id: read::required(read::big_count(v, "id"), "user id")?,
        name: read::required(read::string(v, "name"), "user name")?,
        about: read::string(v, "about"),
        site_url: read::string(v, "siteUrl"),
        avatar: read::string(avatar, "large").or_else(|| read::string(avatar, "medium")),
        title_language: read::string(read::at(v, "options"), "titleLanguage"),
        score_format: read::string(read::at(v, "mediaListOptions"), "scoreFormat"),
        anime: stat("anime"),
        manga: stat("manga"),
    })
}

#[component]
pub fn ProfilePage() -> impl IntoView {
    let session = expect_context::<SessionContext>().0;
    view! {
        <PageIntro title="Profile" lead="Your AniList profile and statistics."/>
        {move || match session.with(|s| s.signed_in().map(|s| s.decoded.claims.sub)) {
            Some(sub) => view! { <ProfileLoader token_sub=sub/> }.into_any(),
            None => view! {
                <SignInRequired
                    title="Sign in to see your profile"
                    why="Your profile is read from AniList with your own token."
                    page=Page::Profile
                />
            }.into_any(),
        }}
    }
}

#[component]
fn ProfileLoader(token_sub: u64) -> impl IntoView {
    let api = expect_context::<Api>();
    // Bumped by "Try again" and "Reload": asks AniList afresh.
    let (asked, set_asked) = signal(0u32);
    // The resource holds AniList's data as it came (every page's resource
    // has the same type, so Leptos' async machinery is compiled once); it
    // is read into a Viewer when shown.
    let viewer = LocalResource::new(move || {
        let api = api.clone();
        let fresh = asked.get() > 0;
        async move { api.run(&VIEWER, json!({}), fresh).await }
    });
    let again = Callback::new(move |_| set_asked.update(|n| *n += 1));
    view! {
        <Transition fallback=|| view! { <p class="loading" role="status" data-testid="loading">"Loading your profile…"</p> }>
            <ErrorBoundary fallback=move |errors| boundary_fallback(errors, again)>
                {move || Suspend::new(async move {
                    let v = read_viewer(&viewer.await?)?;
                    Ok::<_, ApiError>(view! { <ProfileView viewer=v token_sub=token_sub reload=again/> }.into_any())
                })}
            </ErrorBoundary>
        </Transition>
    }
}

#[component]
fn ProfileView(viewer: Viewer, token_sub: u64, reload: Callback<()>) -> impl IntoView {
    let avatar = viewer.avatar.clone();
    // AniList content is shown as text; a link only when it is a web address.
    let site = viewer.site_url.clone().filter(|u| u.starts_with("https://") || u.starts_with("http://"));
    let anime = viewer.anime.clone();
    let manga = viewer.manga.clone();
    let language = viewer.title_language.clone();
    let score = viewer.score_format.clone();
    let mismatch = viewer.id != token_sub;
    view! {
        {mismatch.then(|| view! {
            <div class="notice notice--error" role="alert" data-testid="viewer-mismatch">
                <div class="notice__text">
                    <strong class="notice__title">"This is not the user your token names"</strong>
                    <p class="notice__detail">
                        {format!("AniList answered for user {}, but the token says user {token_sub}. Sign out and sign in again before changing anything.", viewer.id)}
                    </p>
                </div>
            </div>
        })}
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
            <p class="about" data-testid="profile-about">
                {viewer.about.clone().filter(|a| !a.trim().is_empty()).unwrap_or_else(|| "Nothing written yet.".into())}
            </p>
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
                    <div class="facts__row"><dt>"Time"</dt><dd data-testid="minutes-watched">{format_minutes(anime.minutes_watched)}</dd></div>
                    <div class="facts__row"><dt>"Mean score"</dt><dd>{format_score(anime.mean_score)}</dd></div>
                </dl>
            </article>
            <article class="card" data-testid="manga-stats">
                <h2>"Manga"</h2>
                <dl class="facts facts--compact">
                    <div class="facts__row"><dt>"Titles"</dt><dd>{manga.count}</dd></div>
                    <div class="facts__row"><dt>"Chapters"</dt><dd data-testid="chapters-read">{manga.chapters_read}</dd></div>
                    <div class="facts__row"><dt>"Volumes"</dt><dd>{manga.volumes_read}</dd></div>
                    <div class="facts__row"><dt>"Mean score"</dt><dd>{format_score(manga.mean_score)}</dd></div>
                </dl>
            </article>
            <article class="card">
                <h2>"Options"</h2>
                <dl class="facts facts--compact">
                    <div class="facts__row"><dt>"Titles in"</dt><dd data-testid="title-language">{language.as_deref().map(title_language).unwrap_or("not set")}</dd></div>
                    <div class="facts__row"><dt>"Scores as"</dt><dd data-testid="score-format">{score.as_deref().map(score_format).unwrap_or("not set")}</dd></div>
                </dl>
            </article>
        </section>
    }
}

/// "3 days 18 hours", "45 minutes".
pub fn format_minutes(minutes: u64) -> String {
    let (d, h, m) = (minutes / 1440, (minutes % 1440) / 60, minutes % 60);
    let unit = |n: u64, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match (d, h) {
        (0, 0) => unit(m, "minute", "minutes"),
        (0, _) => format!("{} {}", unit(h, "hour", "hours"), unit(m, "minute", "minutes")),
        _ => format!("{} {}", unit(d, "day", "days"), unit(h, "hour", "hours")),
    }
}

fn format_score(mean: f64) -> String {
    if mean > 0.0 { crate::number::fixed(mean, 1) } else { "none yet".into() }
}

pub fn title_language(code: &str) -> &'static str {
    match code {
        "ROMAJI" => "Romaji",
        "ENGLISH" => "English",
        "NATIVE" => "Native",
        "ROMAJI_STYLISED" => "Romaji (stylised)",
        "ENGLISH_STYLISED" => "English (stylised)",
        "NATIVE_STYLISED" => "Native (stylised)",
        _ => "another language",
    }
}

pub fn score_format(code: &str) -> &'static str {
    match code {
        "POINT_100" => "100 points (85/100)",
        "POINT_10_DECIMAL" => "10 points with decimals (8.5/10)",
        "POINT_10" => "10 points (8/10)",
        "POINT_5" => "5 stars",
        "POINT_3" => "3 smileys",
        _ => "another format",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minutes() {
        assert_eq!(format_minutes(0), "0 minutes");
        assert_eq!(format_minutes(1), "1 minute");
        assert_eq!(format_minutes(61), "1 hour 1 minute");
        assert_eq!(format_minutes(5424), "3 days 18 hours");
        assert_eq!(format_minutes(1440), "1 day 0 hours");
    }

    #[test]
    fn option_names() {
        assert_eq!(title_language("ENGLISH"), "English");
        assert_eq!(title_language("KLINGON"), "another language");
        assert_eq!(score_format("POINT_5"), "5 stars");
        assert_eq!(score_format(""), "another format");
    }

    #[test]
    fn viewer_reads_the_fixture_shape() {
        let data: Value = serde_json::from_str(
            r#"{"Viewer":{"id":5,"name":"A","about":null,"siteUrl":null,"avatar":{"large":null,"medium":"m.png"},"options":null,"mediaListOptions":{"scoreFormat":"POINT_5"},
                "statistics":{"anime":{"count":2,"meanScore":7.5,"minutesWatched":10,"episodesWatched":3,"chaptersRead":0,"volumesRead":0},"manga":null}}}"#,
        )
        .unwrap();
        let v = read_viewer(&data).unwrap();
        assert_eq!((v.id, v.name.as_str(), v.about), (5, "A", None));
        assert_eq!(v.avatar.as_deref(), Some("m.png"));
        assert_eq!((v.title_language, v.score_format.as_deref()), (None, Some("POINT_5")));
        assert_eq!(v.anime, Stat { count: 2, mean_score: 7.5, minutes_watched: 10, episodes_watched: 3, ..Stat::default() });
        assert_eq!(v.manga, Stat::default());
    }

    #[test]
    fn a_viewer_without_id_or_name_is_a_shape_error() {
        for (text, missing) in [
            (r#"{"Viewer":{"name":"A"}}"#, "no user id"),
            (r#"{"Viewer":{"id":5}}"#, "no user name"),
            (r#"{"Viewer":null}"#, "no Viewer"),
        ] {
            let data: Value = serde_json::from_str(text).unwrap();
            assert_eq!(read_viewer(&data).unwrap_err(), ApiError::Shape(missing.into()), "{text}");
        }
    }
}
