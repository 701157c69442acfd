//! A recommendation's standing on a title's page ("+412": members who
//! agree, less those who do not) and, signed in, the person's say on it:
//! agree or disagree, pressed when given; pressing it again takes it back.
//! AniList's answer is what shows, and the title's kept page gets it too,
//! even when it comes after the page is gone. The say sets a state, so a
//! lost answer is followed by one more send.

use leptos::prelude::*;

use crate::api::ops::recommendation::{RateRecommendation, RateVars, Saying};
use crate::api::sending::again_if_unknown;
use crate::api::{Api, ApiError};
use crate::components::api_status::{ApiErrorView, Sending};
use crate::media::RecommendationRating;
use crate::session::SessionContext;
use crate::store::titles::use_titles;

/// "+412", "−3", "0".
pub fn standing(rating: i32) -> String {
    match rating {
        r if r > 0 => format!("+{r}"),
        r if r < 0 => format!("−{}", r.unsigned_abs()),
        _ => "0".to_string(),
    }
}

/// The say on the recommendation of `recommended` (named `name`) on title
/// `media`; `user` 0 when signed out (the standing only).
#[component]
pub fn RecommendationVote(media: i64, recommended: i64, #[prop(into)] name: String, rating: Option<i32>, said: Option<RecommendationRating>, user: u64) -> impl IntoView {
    let api = StoredValue::new(expect_context::<Api>());
    let session = expect_context::<SessionContext>().0;
    let titles = use_titles();
    let now = RwSignal::new((rating.unwrap_or(0), said.unwrap_or(RecommendationRating::NoRating)));
    let sending = Sending::new();
    let (busy, problem) = (sending.busy, sending.problem);
    let say = move |want: RecommendationRating| {
        let Some(credential) = session.with_untracked(|s| s.signed_in().map(|s| s.credential())) else { return };
        let rating = if now.get_untracked().1 == want { RecommendationRating::NoRating } else { want };
        let api = api.get_value();
        let vars = RateVars { media_id: media, recommendation_id: recommended, rating };
        let send = async move {
            let once = || async { api.run::<RateRecommendation>(Some(&credential), &vars, false).await };
            again_if_unknown(once).await?.saved.ok_or_else(|| ApiError::Shape("no recommendation".into()))
        };
        sending.run_keeping(send, move |after: Saying| {
            let given = after.user_rating.unwrap_or(rating);
            titles.set_recommendation(user, media, recommended, after.rating, given);
            now.try_set((after.rating.unwrap_or(0), given));
        });
    };
    let button = move |want: RecommendationRating, glyph: &'static str, testid: &'static str, label: String| {
        view! {
            <button type="button" class="recommend__say" aria-pressed=move || (now.get().1 == want).to_string() aria-label=label title=want.label()
                disabled=move || busy.get() on:click=move |_| say(want) data-testid=testid>{glyph}</button>
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
