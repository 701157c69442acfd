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
use crate::api::ops::search::Found;
use crate::api::ops::title::{Images, Other, Recommendation};
use crate::api::sending::again_if_unknown;
use crate::api::{Api, ApiError};
use crate::auth::callback::Credential;
use crate::components::api_status::{ApiErrorView, Sending};
use crate::components::tiles::MediaTile;
use crate::components::title_search::{TitleSearch, Wording};
use crate::media::{MediaKind, RecommendationRating};
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
    let sending = Sending::new();
    let (busy, problem) = (sending.busy, sending.problem);
    let pick = Callback::new(move |f: Found| {
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
        });
    });
    // The title itself and those recommended already are not offered.
    let exclude = Signal::derive(move || shown.with(|s| s.iter().copied().chain([media]).collect::<Vec<_>>()));
    let words = Wording { label: "Recommend a title to those who liked this one", button: "Recommend", none: "No title of that name to recommend.", prefix: "recommend" };
    view! {
        <Show when=move || open.get()
            fallback=move || view! {
                <button type="button" class="button button--small button--secondary" on:click=move |_| open.set(true) data-testid="recommend-open">"Recommend a title"</button>
            }>
            <div class="recommend-search" data-testid="recommend-search">
                <TitleSearch kind=kind exclude=exclude words=words busy=busy pick=pick escape=Callback::new(move |_| open.set(false)) focused=true/>
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
