//! `/review/:id`: a review of a title: the title (a link to its page), the
//! writer (a link to theirs), the score, the summary, the text through the
//! rich-text allowlist, how many found it helpful, and the person's own say
//! on it (helpful or not; pressing it again takes it back); on the person's
//! own, a way to change it ([`crate::pages::write_review`]). Readable
//! signed out.

use leptos::prelude::*;

use crate::api::ops::review::{RateReview, RateVars, Rating, Review, ReviewPage as Query, Vars};
use crate::api::ops::title::helpful;
use crate::api::{Api, ApiError};
use crate::auth::callback::Credential;
use crate::auth::time::{local_date_time, now_secs, relative_words};
use crate::components::api_status::{ApiErrorView, Sending};
use crate::components::empty_state::EmptyState;
use crate::components::read::read_from_anilist;
use crate::components::rich_text::RichText;
use crate::components::tiles::{MediaTile, MemberLink};
use crate::media::ReviewRating;
use crate::routes::Page;
use crate::session::use_session;
use crate::store::titles::use_titles;

#[component]
pub fn ReviewPage() -> impl IntoView {
    let id = crate::pages::id_param();
    move || match id.get() {
        Some(id) => view! { <ReviewView id=id/> }.into_any(),
        None => view! {
            <EmptyState title="No such review">
                <p>"This address does not name a review."</p>
            </EmptyState>
        }
        .into_any(),
    }
}

#[component]
fn ReviewView(id: i64) -> impl IntoView {
    let api = expect_context::<Api>();
    let session = use_session();
    read_from_anilist(
        "Loading the review…",
        move |fresh| {
            let api = api.clone();
            async move {
                let credential = session.credential();
                api.run::<Query>(credential.as_ref(), &Vars { id }, fresh).await?.review.ok_or_else(|| ApiError::Shape(format!("no review {id}")))
            }
        },
        move |review, _| view! { <ReviewBody review=review/> }.into_any(),
    )
}

#[component]
fn ReviewBody(review: Review) -> impl IntoView {
    let r = review;
    let title = r.media.as_ref().map(|m| m.name()).unwrap_or_else(|| "a title".to_string());
    let heading = format!("Review of {title}");
    crate::pages::set_title(&heading);
    let when = r.created_at.map(|at| view! { <time title=local_date_time(at)>{relative_words(at - now_secs())}</time> });
    let site = r.site_url.clone().filter(|u| u.starts_with("https://"));
    let body = r.body.clone().filter(|b| !b.trim().is_empty());
    // The person's own: a way to change it.
    let me = use_session().user_untracked();
    let edit = r.media.as_ref().filter(|_| me.is_some() && me == r.user.as_ref().map(|u| u.id)).and_then(|m| Some(Page::WriteReview(m.kind?.kind()?, m.id).href()));
    let private = r.private == Some(true);
    view! {
        <div class="page-intro">
            <h1 data-testid="review-heading">{heading}</h1>
            {r.summary.clone().map(|s| view! { <p class="lead" data-testid="review-summary">{s}</p> })}
        </div>
        <article class="card review" data-testid="review">
            <div class="review__head">
                {r.user.clone().map(|u| view! { <MemberLink member=u note="Reviewer"/> })}
                <p class="muted small">{when}</p>
                {private.then(|| view! { <p class="activity__private" data-testid="review-private">"Private: only you can see it"</p> })}
                {r.score.map(|s| view! { <p class="review__score" data-testid="review-score"><strong>{s}</strong>"/100"</p> })}
            </div>
            <div class="rich review__body" data-testid="review-body">
                {match body {
                    Some(html) => view! { <RichText html=html/> }.into_any(),
                    None => view! { <p class="muted">"This review has no text."</p> }.into_any(),
                }}
            </div>
            <ReviewVote rating=r.rating() media=r.media.as_ref().map(|m| m.id) writer=r.user.as_ref().map(|u| u.id)/>
            <p class="actions">
                {edit.map(|href| view! { <a class="button button--small" href=href data-testid="review-edit">"Edit your review"</a> })}
                {site.map(|u| view! { <a href=u rel="noopener noreferrer" target="_blank">"Open on AniList"</a> })}
            </p>
        </article>
        {r.media.map(|m| view! {
            <section class="card">
                <h2>"The title"</h2>
                <ul class="tiles">
                    <MediaTile other=m note=""/>
                </ul>
            </section>
        })}
    }
}

/// How many found the review helpful, and, signed in, the person's say:
/// "Helpful" / "Not helpful", pressed when given; pressing it again takes
/// it back. AniList's answer is what shows; when it is lost, the review is
/// read back (the say is absolute, but nothing is sent twice unasked).
/// The title's kept page (`media`) gets the new counts too. On the
/// person's own review (`writer`) there is no say to give.
#[component]
fn ReviewVote(rating: Rating, media: Option<i64>, writer: Option<u64>) -> impl IntoView {
    let api = expect_context::<Api>();
    let session = use_session();
    let titles = use_titles();
    let me = session.user_untracked();
    let own = me.is_some() && me == writer;
    let now = RwSignal::new(rating);
    let sending = Sending::new();
    let (busy, problem) = (sending.busy, sending.problem);
    let signed_in = me.is_some() && !own;
    let say = move |want: ReviewRating| {
        let Some(credential) = session.credential() else { return };
        let current = now.get_untracked();
        // Pressing the say already given takes it back.
        let rating = if current.user_rating == Some(want) { ReviewRating::NoVote } else { want };
        let api = api.clone();
        let user = credential.user;
        sending.run_keeping(async move { rated(&api, &credential, current.id, rating).await }, move |after| {
            if let Some(media) = media {
                titles.set_review_rating(user, media, after.id, after.rating, after.rating_amount);
            }
            now.try_set(after);
        });
    };
    let button = move |want: ReviewRating, testid: &'static str| {
        let say = say.clone();
        view! {
            <button type="button" class="button button--small" class:button--secondary=move || now.get().user_rating != Some(want)
                aria-pressed=move || (now.get().user_rating == Some(want)).to_string()
                disabled=move || busy.get() on:click=move |_| say(want) data-testid=testid>
                {want.label()}
            </button>
        }
    };
    view! {
        <div class="review__vote" data-testid="review-vote">
            <p class="muted small" role="status" data-testid="review-helpful">
                {move || now.with(|r| helpful(r.rating, r.rating_amount)).unwrap_or_else(|| "No one has rated it yet.".to_string())}
            </p>
            {own.then(|| view! { <p class="muted small" data-testid="review-own">"Your review: members say whether it helped."</p> })}
            {signed_in.then(|| view! {
                <div class="actions" role="group" aria-label="Was this review helpful?">
                    {button(ReviewRating::UpVote, "review-up")}
                    {button(ReviewRating::DownVote, "review-down")}
                </div>
            })}
            {move || problem.get().map(|e| view! { <div data-testid="review-vote-error"><ApiErrorView error=e/></div> })}
        </div>
    }
}

/// Sends the say; when its answer was lost, the review's rating is read back.
async fn rated(api: &Api, credential: &Credential, id: i64, rating: ReviewRating) -> Result<Rating, ApiError> {
    let read = match api.run::<RateReview>(Some(credential), &RateVars { id, rating }, false).await {
        Ok(answer) => answer.rated,
        Err(e) if e.outcome_unknown() => api.run::<Query>(Some(credential), &Vars { id }, true).await?.review.map(|r| r.rating()),
        Err(e) => return Err(e),
    };
    read.ok_or_else(|| ApiError::Shape("no rating".into()))
}
