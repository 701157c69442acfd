//! `/stats/anime`, `/stats/manga`: the person's statistics as AniList
//! counts them (one request for both kinds): the totals, then tables by
//! score, status, format, release year, genre, tag, studio and staff.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api::ops::stats::{self, Statistics};
use crate::api::{Api, ApiError};
use crate::components::api_status::ViewerMismatch;
use crate::components::read::{read_from_anilist, sign_in_gate};
use crate::components::KindTabs;
use crate::media::MediaKind;
use crate::pages::not_found::NotFound;
use crate::pages::PageIntro;
use crate::routes::Page;
use crate::text::{group_digits, time_spent};

#[component]
pub fn StatsPage() -> impl IntoView {
    let params = use_params_map();
    let kind = move || params.with(|p| p.get("kind").and_then(|slug| MediaKind::from_slug(&slug)));
    move || match kind() {
        None => NotFound().into_any(),
        Some(kind) => view! { <StatsOf kind=kind/> }.into_any(),
    }
}

#[component]
fn StatsOf(kind: MediaKind) -> impl IntoView {
    let api = expect_context::<Api>();
    let noun = kind.label().to_ascii_lowercase();
    view! {
        <PageIntro title=format!("Your {noun} statistics") lead="Your list as AniList counts it: totals, scores, genres, studios and more."/>
        <KindTabs label="Statistics of" page=Page::Stats/>
        {sign_in_gate(format!("Sign in to see your {noun} statistics"), "Your statistics are read from AniList with your own token.", Page::Stats(kind), move |credential| {
            let api = api.clone();
            let token = credential.user;
            read_from_anilist(
                "Loading your statistics…",
                move |fresh| {
                    let (api, credential) = (api.clone(), credential.clone());
                    async move { of_kind(api.run::<stats::UserStats>(Some(&credential), &stats::Vars {}, fresh).await?, kind) }
                },
                move |(answered, s), again| view! {
                    {(answered != token).then(|| view! { <ViewerMismatch answered=answered token=token/> })}
                    <StatsView kind=kind stats=s reload=again/>
                }.into_any(),
            )
            .into_any()
        })}
    }
}

/// Whom AniList answered for, and the kind's statistics (none yet: all zero).
fn of_kind(data: stats::Data, kind: MediaKind) -> Result<(u64, Statistics), ApiError> {
    let viewer = data.viewer.ok_or_else(|| ApiError::Shape("no Viewer".into()))?;
    let stats = viewer
        .statistics
        .and_then(|k| match kind {
            MediaKind::Anime => k.anime,
            MediaKind::Manga => k.manga,
        })
        .unwrap_or_default();
    Ok((viewer.id, stats))
}

#[component]
fn StatsView(kind: MediaKind, stats: Statistics, reload: Callback<()>) -> impl IntoView {
    if stats.count == 0 {
        let noun = kind.label().to_ascii_lowercase();
        return view! {
            <section class="card empty" data-testid="stats-empty">
                <h2>{format!("No {noun} counted yet")}</h2>
                <p>{format!("AniList counts the {noun} on your list: add some from Search, and they show here.")}</p>
                <p><A href=Page::Search.href()>"Search"</A></p>
            </section>
        }
        .into_any();
    }
    let totals = totals(&stats, kind);
    let tables = tables(&stats, kind);
    view! {
        <section class="card" data-testid="stats-totals">
            <h2>"Totals"</h2>
            <dl class="stats-totals">
                {totals.into_iter().map(|(term, value)| view! { <div><dt>{term}</dt><dd>{value.words()}</dd></div> }).collect_view()}
            </dl>
            <div class="actions">
                <button type="button" class="button button--secondary" on:click=move |_| reload.run(()) data-testid="reload">"Reload from AniList"</button>
            </div>
        </section>
        <div class="stats-tables">
            {tables.into_iter().map(|t| view! { <StatsTable table=t/> }).collect_view()}
        </div>
    }
    .into_any()
}

#[component]
fn StatsTable(table: Table) -> impl IntoView {
    let max = table.rows.iter().map(|r| r.count).max().unwrap_or(1);
    let spent = table.spent;
    let means = table.rows.iter().any(|r| r.mean.is_some());
    view! {
        <section class="card stats-table" data-testid=format!("stats-{}", table.id)>
            <table>
                <caption>{table.title}</caption>
                <thead>
                    <tr>
                        <th scope="col">{table.what}</th>
                        <th scope="col" class="num">"Titles"</th>
                        {means.then(|| view! { <th scope="col" class="num">"Mean score"</th> })}
                        {spent.map(|s| view! { <th scope="col" class="num">{s.heading()}</th> })}
                    </tr>
                </thead>
                <tbody>
                    {table.rows.into_iter().map(|r| view! {
                        <tr>
                            <th scope="row">{match r.link {
                                Some(page) => view! { <a href=page.href()>{r.label}</a> }.into_any(),
                                None => r.label.into_any(),
                            }}</th>
                            <td class="num count">
                                <meter min="0" max=max value=r.count aria-hidden="true"></meter>
                                {group_digits(r.count as usize)}
                            </td>
                            {means.then(|| view! { <td class="num">{mean_words(r.mean)}</td> })}
                            {spent.map(|s| view! { <td class="num">{s.words(r.spent)}</td> })}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}

/// What a table's last column counts.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Spent {
    Minutes,
    Chapters,
}

impl Spent {
    fn of(kind: MediaKind) -> Spent {
        match kind {
            MediaKind::Anime => Spent::Minutes,
            MediaKind::Manga => Spent::Chapters,
        }
    }

    fn heading(self) -> &'static str {
        match self {
            Spent::Minutes => "Time watched",
            Spent::Chapters => "Chapters read",
        }
    }

    fn words(self, n: u64) -> String {
        match self {
            Spent::Minutes => time_spent(n),
            Spent::Chapters => group_digits(n as usize),
        }
    }
}

/// One table of the page: by what, and a row a value.
#[derive(Clone, Debug, PartialEq)]
struct Table {
    id: &'static str,
    title: &'static str,
    /// The first column's heading.
    what: &'static str,
    /// Time watched or chapters read, when AniList gives it by this value.
    spent: Option<Spent>,
    rows: Vec<Row>,
}

#[derive(Clone, Debug, PartialEq)]
struct Row {
    label: String,
    count: u32,
    /// `None` when AniList has no scored title there (or gives no mean).
    mean: Option<f64>,
    spent: u64,
    /// The value's own page (a studio's, a staff member's).
    link: Option<Page>,
}

impl Row {
    fn new(label: String, c: &stats::Count) -> Row {
        Row { label, count: c.count, mean: (c.mean_score > 0.0).then_some(c.mean_score), spent: c.minutes_watched.max(c.chapters_read), link: None }
    }
}

fn mean_words(mean: Option<f64>) -> String {
    mean.map_or_else(|| "–".into(), |m| format!("{m:.1}"))
}

/// A total: a number (written with the browser's digit grouping) or words.
#[derive(Clone, Debug, PartialEq)]
enum Amount {
    Number(u64),
    Words(String),
}

impl Amount {
    fn words(self) -> String {
        match self {
            Amount::Number(n) => group_digits(n as usize),
            Amount::Words(w) => w,
        }
    }
}

/// The totals: what, and how much.
fn totals(s: &Statistics, kind: MediaKind) -> Vec<(&'static str, Amount)> {
    let mut out = vec![("Titles", Amount::Number(s.count.into()))];
    match kind {
        MediaKind::Anime => {
            out.push(("Episodes watched", Amount::Number(s.episodes_watched)));
            out.push(("Time watched", Amount::Words(time_spent(s.minutes_watched))));
        }
        MediaKind::Manga => {
            out.push(("Chapters read", Amount::Number(s.chapters_read)));
            out.push(("Volumes read", Amount::Number(s.volumes_read)));
        }
    }
    let scored = s.mean_score > 0.0;
    out.push(("Mean score", Amount::Words(mean_words(scored.then_some(s.mean_score)))));
    out.push(("Standard deviation", Amount::Words(mean_words(scored.then_some(s.standard_deviation)))));
    out
}

/// The counts that have a number (`number`), lowest first (one sort for
/// scores and years alike).
fn by_number(list: &[stats::Count], number: fn(&stats::Count) -> Option<i32>) -> Vec<(i32, &stats::Count)> {
    let mut out: Vec<(i32, &stats::Count)> = list.iter().filter_map(|c| number(c).map(|n| (n, c))).collect();
    out.sort_unstable_by_key(|(n, _)| *n);
    out
}

/// The tables, each with a row a value AniList counted, empty ones left
/// out: scores from the lowest, statuses, formats, genres, tags, studios
/// and staff by how many titles (as AniList sorts them), release years from
/// the newest.
fn tables(s: &Statistics, kind: MediaKind) -> Vec<Table> {
    let spent = Some(Spent::of(kind));
    // The rows of `list` whose value `label` reads.
    let rows = |list: &[stats::Count], label: &dyn Fn(&stats::Count) -> Option<String>| -> Vec<Row> {
        list.iter().filter_map(|c| label(c).map(|l| Row::new(l, c))).collect()
    };
    let named = |n: &Option<stats::Named>| n.as_ref().map(|n| n.name.clone());
    // The rows of `list` whose value has a name and a page.
    let linked = |list: &[stats::Count], of: &dyn Fn(&stats::Count) -> Option<(String, Page)>| -> Vec<Row> {
        list.iter().filter_map(|c| of(c).map(|(l, page)| Row { link: Some(page), ..Row::new(l, c) })).collect()
    };
    let scores = by_number(&s.scores, |c| c.score.filter(|n| *n > 0));
    let mut years = by_number(&s.release_years, |c| c.release_year);
    years.reverse();
    let all = [
        Table {
            id: "scores",
            title: "Scores",
            what: "Score",
            spent: None,
            rows: scores.into_iter().map(|(n, c)| Row { mean: None, spent: 0, ..Row::new(n.to_string(), c) }).collect(),
        },
        Table { id: "statuses", title: "Status", what: "Status", spent, rows: rows(&s.statuses, &|c| Some(c.status.map_or("Other", |st| st.label(kind)).into())) },
        Table { id: "formats", title: "Format", what: "Format", spent, rows: rows(&s.formats, &|c| Some(c.format.map_or("Other", |f| f.label()).into())) },
        Table { id: "genres", title: "Genres", what: "Genre", spent, rows: rows(&s.genres, &|c| c.genre.clone()) },
        Table { id: "tags", title: "Tags", what: "Tag", spent, rows: rows(&s.tags, &|c| named(&c.tag)) },
        Table { id: "studios", title: "Studios", what: "Studio", spent, rows: linked(&s.studios, &|c| c.studio.as_ref().map(|n| (n.name.clone(), Page::Studio(n.id)))) },
        Table {
            id: "staff",
            title: "Staff",
            what: "Person",
            spent,
            rows: linked(&s.staff, &|c| c.staff.as_ref().and_then(|p| Some((p.name.as_ref()?.user_preferred.clone()?, Page::Staff(p.id))))),
        },
        Table {
            id: "years",
            title: "Release years",
            what: "Year",
            spent,
            rows: years.into_iter().map(|(n, c)| Row::new(n.to_string(), c)).collect(),
        },
    ];
    all.into_iter().filter(|t| !t.rows.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Statistics {
        let data: stats::Data = serde_json::from_str(text).unwrap();
        let (answered, s) = of_kind(data, MediaKind::Anime).unwrap();
        assert_eq!(answered, 1, "whom AniList answered for");
        s
    }

    #[test]
    fn tables_read_every_kind_of_value_and_leave_empty_ones_out() {
        let s = read(
            r#"{"Viewer":{"id":1,"statistics":{"anime":{"count":3,"meanScore":81.5,"standardDeviation":4.26,"minutesWatched":5424,"episodesWatched":206,
              "statuses":[{"status":"COMPLETED","count":2,"meanScore":85,"minutesWatched":5000},{"status":"DREAMING","count":1,"meanScore":0,"minutesWatched":424}],
              "formats":[{"format":"TV","count":3,"meanScore":81.5,"minutesWatched":5424}],
              "scores":[{"score":90,"count":1},{"score":70,"count":1},{"score":null,"count":5},{"score":0,"count":1}],
              "releaseYears":[{"releaseYear":1998,"count":1,"meanScore":90},{"releaseYear":2013,"count":2,"meanScore":0}],
              "genres":[{"genre":"Action","count":3,"meanScore":81.5,"minutesWatched":5424},{"genre":null,"count":1}],
              "tags":null,"studios":[{"studio":{"id":14,"name":"Sunrise"},"count":1,"meanScore":90}],
              "staff":[{"staff":{"id":1,"name":{"userPreferred":"Shinichirou Watanabe"}},"count":2,"meanScore":88},{"staff":{"id":2,"name":null},"count":1}]},
              "manga":null}}}"#,
        );
        let t = tables(&s, MediaKind::Anime);
        let ids: Vec<&str> = t.iter().map(|t| t.id).collect();
        assert_eq!(ids, ["scores", "statuses", "formats", "genres", "studios", "staff", "years"], "no tags: no table");
        let labels = |id: &str| t.iter().find(|t| t.id == id).unwrap().rows.iter().map(|r| r.label.clone()).collect::<Vec<_>>();
        assert_eq!(labels("scores"), ["70", "90"], "lowest first; unscored left out");
        assert_eq!(labels("statuses"), ["Completed", "Other"], "a status AniList adds later");
        assert_eq!(labels("years"), ["2013", "1998"], "newest first");
        assert_eq!(labels("genres"), ["Action"]);
        assert_eq!(labels("staff"), ["Shinichirou Watanabe"]);
        let links = |id: &str| t.iter().find(|t| t.id == id).unwrap().rows.iter().map(|r| r.link).collect::<Vec<_>>();
        assert_eq!(links("staff"), [Some(Page::Staff(1))], "a person leads to their page");
        assert_eq!(links("studios"), [Some(Page::Studio(14))]);
        assert_eq!(links("genres"), [None]);
        let completed = &t[1].rows[0];
        assert_eq!((completed.count, completed.mean, completed.spent), (2, Some(85.0), 5000));
        assert_eq!(t[1].spent.map(|s| s.words(completed.spent)), Some("3 days 11 hours".into()));
        assert_eq!(t[6].rows[0].mean, None, "a year with no score");
        let totals = totals(&s, MediaKind::Anime);
        assert_eq!(totals[..2], [("Titles", Amount::Number(3)), ("Episodes watched", Amount::Number(206))]);
        assert_eq!(totals[2..], [("Time watched", Amount::Words("3 days 18 hours".into())), ("Mean score", Amount::Words("81.5".into())), ("Standard deviation", Amount::Words("4.3".into()))]);
    }

    #[test]
    fn nothing_counted_yet_is_all_zero_and_a_missing_viewer_is_an_error() {
        let none: stats::Data = serde_json::from_str(r#"{"Viewer":{"id":7,"statistics":{"anime":null,"manga":null}}}"#).unwrap();
        let (answered, s) = of_kind(none, MediaKind::Manga).unwrap();
        assert_eq!(answered, 7);
        assert_eq!(s, Statistics::default());
        assert!(tables(&s, MediaKind::Manga).is_empty());
        assert_eq!(totals(&s, MediaKind::Manga)[1..], [("Chapters read", Amount::Number(0)), ("Volumes read", Amount::Number(0)), ("Mean score", Amount::Words("–".into())), ("Standard deviation", Amount::Words("–".into()))]);
        let gone: stats::Data = serde_json::from_str(r#"{"Viewer":null}"#).unwrap();
        assert_eq!(of_kind(gone, MediaKind::Anime).unwrap_err(), ApiError::Shape("no Viewer".into()));
    }
}
