//! A title's recommendations ("if you liked this, try that"), from its
//! kept page: each with its standing ("+412": members who agree, less those
//! who do not) and, signed in, the person's say on it: agree or disagree,
//! pressed when given; pressing it again takes it back; and "Recommend a
//! title", found by name. AniList's answer is what shows, and the title's
//! kept page gets it too, even when it comes after the page is gone. A say
//! sets a state, so a lost answer is followed by one more send.

use leptos::prelude::*;

use crate::api::operation::Title as Names;
use crate::api::ops::recommendation::{RateRecommendation, RateVars, Saying};
use crate::api::ops::search::{Found, Search, Vars as SearchVars};
use crate::api::ops::title::{Images, Other, Recommendation};
use crate::api::sending::again_if_unknown;
use crate::api::{Api, ApiError};
use crate::auth::callback::Credential;
use crate::components::api_status::{ApiErrorView, Sending};
use crate::components::tiles::MediaTile;
use crate::media::{MediaKind, RecommendationRating};
use crate::session::names::AccountNames;
use crate::session::use_session;
use crate::store::titles::use_titles;

/// "+412", "−3", "0".
pub fn standing(rating: i32) -> String {
    match rating {
        r if r > 0 => format!("+{r}"),
        r if r < 0 => format!("−{}", r.unsigned_abs()),
        _ => "0".to_string(),
    }
}

/// Sends the say on the recommendation of `recommended` on `media`: AniList's
/// standing after it.
async fn rate(api: &Api, credential: &Credential, media: i64, recommended: i64, rating: RecommendationRating) -> Result<Saying, ApiError> {
    let vars = RateVars { media_id: media, recommendation_id: recommended, rating };
    let once = || async { api.run::<RateRecommendation>(Some(credential), &vars, false).await };
    again_if_unknown(once).await?.saved.ok_or_else(|| ApiError::Shape("no recommendation".into()))
}

/// The title's "Recommended" card: shown when it has recommendations, and
/// signed in (to recommend one). Rows are keyed by title, so a say keeps
/// its row (and the focus) while the kept page changes under it; each
/// row's standing follows the kept page.
#[component]
pub fn Recommendations(media: i64, kind: MediaKind, user: u64) -> impl IntoView {
    let titles = use_titles();
    let rows = Memo::new(move |_| {
        titles.get(user, media).title.map(|t| {
            t.recommendations.as_ref().map(|r| r.nodes.iter().filter_map(|n| n.media_recommendation.clone()).collect::<Vec<_>>()).unwrap_or_default()
        }).unwrap_or_default()
    });
    let shown = Signal::derive(move || rows.with(|r| r.iter().map(|o| o.id).collect::<Vec<_>>()));
    let signed_in = user != 0;
    view! {
        <Show when=move || signed_in || rows.with(|r| !r.is_empty())>
            <section class="card" data-testid="recommendations">
                <h2>"Recommended"</h2>
                <ul class="tiles">
                    <For each=move || rows.get() key=|o| o.id let:o>
                        {
                            let (recommended, name) = (o.id, o.name());
                            view! {
                                <MediaTile other=o note="">
                                    <RecommendationVote media=media recommended=recommended name=name user=user/>
                                </MediaTile>
                            }
                        }
                    </For>
                </ul>
                {move || (signed_in && rows.with(Vec::is_empty)).then(|| view! { <p class="muted small">"No one has recommended anything for it yet."</p> })}
                {signed_in.then(|| view! { <RecommendSearch media=media kind=kind user=user shown=shown/> })}
            </section>
        </Show>
    }
}

/// "Recommend a title": titles of the same kind found by name (the title
/// itself and those recommended already left out), each a button that
/// recommends it (an agreeing say on a new recommendation).
#[component]
fn RecommendSearch(media: i64, kind: MediaKind, user: u64, #[prop(into)] shown: Signal<Vec<i64>>) -> impl IntoView {
    let api = StoredValue::new(expect_context::<Api>());
    let session = use_session();
    let titles = use_titles();
    let open = RwSignal::new(false);
    let text = RwSignal::new(String::new());
    let found = RwSignal::new(None::<Result<Vec<Found>, ApiError>>);
    let searching = RwSignal::new(false);
    // Only the latest search's answer is shown.
    let asked = StoredValue::new(0u32);
    let pause = crate::components::Debounce::new();
    let sending = Sending::new();
    let (busy, problem) = (sending.busy, sending.problem);
    let search = move |q: String| {
        let Some(credential) = session.credential() else { return };
        let n = asked.get_value() + 1;
        asked.set_value(n);
        if q.trim().chars().count() < 2 {
            found.set(None);
            searching.set(false);
            return;
        }
        searching.set(true);
        let api = api.get_value();
        let vars = SearchVars { search: Some(q.trim().to_string()), kind: kind.into(), page: 1, per_page: 8, format: None, status: None, season: None, season_year: None, genre: None, sort: None, is_adult: SearchVars::adult(AccountNames::adult_untracked(credential.user)), people: false };
        leptos::task::spawn_local(async move {
            let answer = api.run::<Search>(Some(&credential), &vars, false).await.map(|d| d.page.map(|p| p.media).unwrap_or_default());
            if asked.try_get_value() == Some(n) {
                found.try_set(Some(answer));
                searching.try_set(false);
            }
        });
    };
    let on_input = move |ev: leptos::ev::Event| {
        let q = event_target_value(&ev);
        text.set(q.clone());
        pause.after_pause(move || search(q));
    };
    let pick = move |f: Found| {
        let Some(credential) = session.credential() else { return };
        let api = api.get_value();
        let other = Other {
            id: f.id,
            kind: Some(kind.into()),
            format: f.format,
            title: f.title.clone().or_else(|| Some(Names::default())),
            cover_image: f.cover_image.as_ref().map(|c| Images { medium: c.medium.clone(), large: c.large.clone() }),
            start_date: f.start_date,
        };
        sending.run_keeping(async move { rate(&api, &credential, media, f.id, RecommendationRating::RateUp).await }, move |after: Saying| {
            titles.add_recommendation(user, media, Recommendation { id: Some(after.id), rating: after.rating, user_rating: after.user_rating, media_recommendation: Some(other) });
            open.try_set(false);
            text.try_set(String::new());
            found.try_set(None);
        });
    };
    let results = move || {
        found.get().map(|answer| match answer {
            Err(e) => view! { <ApiErrorView error=e/> }.into_any(),
            Ok(all) => {
                let all: Vec<Found> = shown.with(|s| all.into_iter().filter(|f| f.id != media && !s.contains(&f.id)).collect());
                if all.is_empty() {
                    return view! { <p class="muted small" role="status" data-testid="recommend-none">"No title of that name to recommend."</p> }.into_any();
                }
                view! {
                    <ul class="recommend-search__results" data-testid="recommend-results">
                        {all.into_iter().map(|f| {
                            let name = f.title.as_ref().and_then(|t| t.user_preferred.clone()).unwrap_or_else(|| format!("Title #{}", f.id));
                            let line = crate::text::format_year(f.format, f.start_date.and_then(|d| d.year));
                            let id = f.id;
                            view! {
                                <li data-testid=format!("recommend-found-{id}")>
                                    <span class="recommend-search__name">{name.clone()} " " <span class="muted small">{line}</span></span>
                                    <button type="button" class="button button--small" disabled=move || busy.get() on:click=move |_| pick(f.clone())
                                        aria-label=format!("Recommend {name}")>"Recommend"</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }
        })
    };
    view! {
        <Show when=move || open.get()
            fallback=move || view! {
                <button type="button" class="button button--small button--secondary" on:click=move |_| open.set(true) data-testid="recommend-open">"Recommend a title"</button>
            }>
            <div class="recommend-search" data-testid="recommend-search">
                <label class="field">
                    <span class="field__label">"Recommend a title to those who liked this one"</span>
                    <input type="search" autofocus autocomplete="off" placeholder="Its name" prop:value=move || text.get() on:input=on_input
                        on:keydown=move |ev| if ev.key() == "Escape" { open.set(false) } data-testid="recommend-input"/>
                </label>
                {move || searching.get().then(|| view! { <p class="muted small" role="status">"Searching…"</p> })}
                {results}
                {move || problem.get().map(|e| view! { <div data-testid="recommend-add-error"><ApiErrorView error=e/></div> })}
                <button type="button" class="button button--small button--secondary" on:click=move |_| open.set(false)>"Close"</button>
            </div>
        </Show>
    }
}

/// The say on the recommendation of `recommended` (named `name`) on title
/// `media`; `user` 0 when signed out (the standing only).
#[component]
pub fn RecommendationVote(media: i64, recommended: i64, #[prop(into)] name: String, user: u64) -> impl IntoView {
    let api = StoredValue::new(expect_context::<Api>());
    let session = use_session();
    let titles = use_titles();
    // The standing and the say as the kept title holds them (AniList's
    // last answer: the say's own, or the title read again).
    let now = Memo::new(move |_| {
        let kept = titles.get(user, media).title;
        let row = kept.as_ref().and_then(|t| t.recommendations.as_ref()?.nodes.iter().find(|r| r.media_recommendation.as_ref().is_some_and(|m| m.id == recommended)).cloned());
        row.map_or((0, RecommendationRating::NoRating), |r| (r.rating.unwrap_or(0), r.user_rating.unwrap_or(RecommendationRating::NoRating)))
    });
    let sending = Sending::new();
    let (busy, problem) = (sending.busy, sending.problem);
    let say = move |want: RecommendationRating| {
        let Some(credential) = session.credential() else { return };
        let rating = if now.get_untracked().1 == want { RecommendationRating::NoRating } else { want };
        let api = api.get_value();
        sending.run_keeping(async move { rate(&api, &credential, media, recommended, rating).await }, move |after: Saying| {
            titles.set_recommendation(user, media, recommended, after.rating, after.user_rating.unwrap_or(rating));
        });
    };
    let button = move |want: RecommendationRating, glyph: &'static str, testid: &'static str, label: String| {
        view! {
            // Not disabled while it is sent (a disabled button drops the
            // focus): a press meanwhile is not taken.
            <button type="button" class="recommend__say" aria-pressed=move || (now.get().1 == want).to_string() aria-label=label title=want.label()
                aria-disabled=move || busy.get().then_some("true") on:click=move |_| if !busy.get_untracked() { say(want) } data-testid=testid>{glyph}</button>
        }
    };
    let signed_in = user != 0;
    view! {
        <div class="recommend" role="group" aria-label=format!("Members on recommending {name}")>
            {signed_in.then(|| button(RecommendationRating::RateUp, "▲", "recommend-up", format!("Agree: recommend {name}")))}
            <span class="recommend__standing small" data-testid="recommend-standing" title="Members who agree, less those who do not">
                {move || standing(now.get().0)}
            </span>
            {signed_in.then(|| button(RecommendationRating::RateDown, "▼", "recommend-down", format!("Disagree: do not recommend {name}")))}
        </div>
        {move || problem.get().map(|e| view! { <div class="recommend__error" data-testid="recommend-error"><ApiErrorView error=e/></div> })}
    }
}

#[cfg(test)]
mod tests {
    use super::standing;

    #[test]
    fn the_standing_has_its_sign() {
        assert_eq!(standing(412), "+412");
        assert_eq!(standing(-3), "−3");
        assert_eq!(standing(0), "0");
        assert_eq!(standing(i32::MIN), "−2147483648");
    }
}
