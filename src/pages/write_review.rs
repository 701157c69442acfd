//! `/anime/:id/review` and `/manga/:id/review`: the person's review of a
//! title, written or changed (AniList keeps one per member and title): a
//! summary, a score out of 100, the text in AniList's markdown, and whether
//! only they can see it; or deleted. Signed in only.
//!
//! What is typed is kept on this device as it is typed, per member and
//! title ([`crate::review_form`]), until AniList has it: a reload, a closed
//! tab, a refused or a lost save loses nothing, and the form comes back
//! with it (saying so, with a way back to what AniList holds). A change is
//! sent whole, so when its answer is lost it is sent once more; a new
//! review is sent once, then looked for by title and writer. An answer
//! that comes after the page is gone still clears what was kept here.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::api::ops::review::{DeleteReview, MineVars, MyReview, OwnReview, SaveReview, SaveVars, Vars};
use crate::api::ops::title::Other;
use crate::api::sending::{again_if_unknown, gone, sent_once};
use crate::api::{Api, ApiError};
use crate::auth::callback::Credential;
use crate::components::api_status::Sending;
use crate::components::draft_form::{forget_if_sent, Checked, DeleteCard, KeptDraft, RestoredNotice, SaveProblems};
use crate::components::empty_state::EmptyState;
use crate::components::read::{read_from_anilist, sign_in_gate};
use crate::media::{MediaKind, MediaType};
use crate::review_form::{self, Draft, Field};
use crate::routes::Page;
use crate::session::use_session;
use crate::store::titles::use_titles;
use crate::components::preview::MarkdownPreview;
use crate::text::group_digits;

#[component]
pub fn AnimeReviewPage() -> impl IntoView {
    view! { <WriteReviewRoute kind=MediaKind::Anime/> }
}

#[component]
pub fn MangaReviewPage() -> impl IntoView {
    view! { <WriteReviewRoute kind=MediaKind::Manga/> }
}

#[component]
fn WriteReviewRoute(kind: MediaKind) -> impl IntoView {
    let id = crate::pages::id_param();
    move || match id.get() {
        Some(id) => sign_in_gate("Your review".into(), "Reviews are written as your AniList account.", Page::WriteReview(kind, id), move |credential| {
            view! { <WriteReview id=id credential=credential/> }.into_any()
        })
        .into_any(),
        None => crate::pages::title::no_such_title().into_any(),
    }
}

/// Reads the title and the person's review of it (always AniList's latest:
/// a change starts from it), then shows the form.
#[component]
fn WriteReview(id: i64, credential: Credential) -> impl IntoView {
    let api = expect_context::<Api>();
    let user = credential.user;
    read_from_anilist(
        "Loading your review…",
        move |_| {
            let (api, credential) = (api.clone(), credential.clone());
            async move {
                match api.run::<MyReview>(Some(&credential), &MineVars { media_id: id, user_id: credential.user }, true).await {
                    Ok(data) => Ok(data.media.clone().map(|m| (m, data.review()))),
                    Err(e) if e.is_not_found() => Ok(None),
                    Err(e) => Err(e),
                }
            }
        },
        move |found, _| match found {
            Some((media, review)) => view! { <ReviewForm media=media review=review user=user/> }.into_any(),
            None => view! {
                <EmptyState title="No such title">
                    <p>"AniList has no title with this number."</p>
                </EmptyState>
            }
            .into_any(),
        },
    )
}

/// Sends the review. A change (with its id) sets every field, so a lost
/// answer is followed by one more send; a new one is sent once and, when
/// its answer is lost, looked for. `None`: AniList does not have it.
async fn save(api: &Api, credential: &Credential, id: Option<i64>, media: i64, draft: Draft) -> Result<Option<OwnReview>, ApiError> {
    let vars = SaveVars {
        id,
        media_id: media,
        body: draft.body.trim().to_string(),
        summary: draft.summary.trim().to_string(),
        score: draft.score().unwrap_or_default(),
        private: draft.private,
    };
    let once = || async { Ok(api.run::<SaveReview>(Some(credential), &vars, false).await?.review) };
    if id.is_some() {
        return again_if_unknown(once).await;
    }
    let mine = MineVars { media_id: media, user_id: credential.user };
    sent_once(once(), || async { Ok(api.run::<MyReview>(Some(credential), &mine, true).await?.review()) }).await
}

/// Deletes the review (deleting twice deletes once).
async fn delete(api: &Api, credential: &Credential, id: i64) -> Result<(), ApiError> {
    gone(again_if_unknown(|| async { api.run::<DeleteReview>(Some(credential), &Vars { id }, false).await.map(|d| d.result) }).await)
}

#[component]
fn ReviewForm(media: Other, review: Option<OwnReview>, user: u64) -> impl IntoView {
    let api = StoredValue::new(expect_context::<Api>());
    let session = use_session();
    let titles = use_titles();
    let navigate = StoredValue::new(use_navigate());
    let name = media.name();
    let kind = media.kind.and_then(MediaType::kind).unwrap_or(MediaKind::Anime);
    let media_id = media.id;
    let saved = review.as_ref().map(|r| Draft::of_saved(r.summary.as_deref(), r.body.as_deref(), r.score, r.private)).unwrap_or_default();
    let kept = KeptDraft::new(review_form::kept_key(user, media_id), saved);
    let draft = kept.draft;
    let review_id = RwSignal::new(review.as_ref().map(|r| r.id));
    let lost = RwSignal::new(false);
    let sending = Sending::new();
    let busy = sending.busy;
    let deleting = Sending::new();
    let heading = if review.is_some() { format!("Your review of {name}") } else { format!("Write a review of {name}") };
    crate::pages::set_title(&heading);
    let title_href = Page::Title(kind, media_id).href();

    let edit = move |f: &dyn Fn(&mut Draft)| kept.edit(f);
    let checked = Checked::new(move || draft.with(|d| d.problems(group_digits)));
    let (invalid, described, field_error) = (move |f: Field| checked.invalid(f), move |f: Field, hint: &'static str| checked.described(f, hint), move |f: Field| checked.error(f));

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(credential) = checked.sendable(busy, session, user) else { return };
        let sent = draft.get_untracked();
        let (api, key) = (api.get_value(), kept.key());
        let id = review_id.get_untracked();
        lost.set(false);
        sending.run_keeping(async move { save(&api, &credential, id, media_id, sent.clone()).await.map(|r| (r, sent)) }, move |(answer, sent)| {
            let Some(r) = answer else {
                lost.try_set(true);
                return;
            };
            // AniList has it: what was kept here goes, and the title's
            // kept page lists its reviews anew.
            forget_if_sent(&key, Some(&sent));
            titles.stale(user, media_id);
            if review_id.try_set(Some(r.id)).is_none() {
                navigate.with_value(|go| go(&Page::Review(r.id).href(), Default::default()));
            }
        });
    };

    let remove = Callback::new(move |_: ()| {
        let Some(credential) = session.credential() else { return };
        let Some(id) = review_id.get_untracked() else { return };
        let (api, key) = (api.get_value(), kept.key());
        deleting.run_keeping(async move { delete(&api, &credential, id).await }, move |()| {
            forget_if_sent::<Draft>(&key, None);
            titles.stale(user, media_id);
            if review_id.try_set(None).is_none() {
                navigate.with_value(|go| go(&Page::Title(kind, media_id).href(), Default::default()));
            }
        });
    });

    let back_to_saved = Callback::new(move |_| {
        kept.back_to_saved();
        checked.tried.set(false);
    });
    let discard_label = if review.is_some() { "Use AniList's version" } else { "Start over" };

    let cancel_href = move || review_id.get().map(|id| Page::Review(id).href()).unwrap_or_else(|| title_href.clone());
    let status = kept.status(busy);

    view! {
        <div class="page-intro">
            <h1 data-testid="write-review-heading">{heading}</h1>
            <p class="lead">
                <a href=Page::Title(kind, media_id).href()>{name.clone()}</a>
                " · AniList keeps one review per member and title: a summary, a score and at least "
                {group_digits(review_form::BODY_MIN)} " characters."
            </p>
        </div>
        <RestoredNotice at=kept.restored discard=back_to_saved discard_label=discard_label testid="review-restored"/>
        <form class="card review-form" novalidate on:submit=submit data-testid="review-form">
            <label class="field">
                <span class="field__label">"Summary"</span>
                <input id=Field::Summary.id() type="text" autocomplete="off" prop:readOnly=move || busy.get()
                    prop:value=move || draft.with(|d| d.summary.clone())
                    on:input=move |ev| { let t = event_target_value(&ev); edit(&|d| d.summary = t.clone()); }
                    aria-invalid=invalid(Field::Summary) aria-describedby=described(Field::Summary, "review-summary-count")
                    data-testid="review-summary-input"/>
                <span class="muted small" id="review-summary-count">"A line that leads to your review: " {move || draft.with(Draft::summary_count)} "."</span>
                {field_error(Field::Summary)}
            </label>
            <label class="field review-form__score">
                <span class="field__label">"Score " <span class="muted small">"(out of 100)"</span></span>
                <input id=Field::Score.id() type="number" min="0" max="100" step="1" inputmode="numeric" prop:readOnly=move || busy.get()
                    prop:value=move || draft.with(|d| d.score.clone())
                    on:input=move |ev| { let t = event_target_value(&ev); edit(&|d| d.score = t.clone()); }
                    aria-invalid=invalid(Field::Score) aria-describedby=described(Field::Score, "") data-testid="review-score-input"/>
                {field_error(Field::Score)}
            </label>
            <label class="field">
                <span class="field__label">"Your review"</span>
                <textarea id=Field::Body.id() rows="18" data-shortcut="write" prop:readOnly=move || busy.get()
                    prop:value=move || draft.with(|d| d.body.clone())
                    on:input=move |ev| { let t = event_target_value(&ev); edit(&|d| d.body = t.clone()); }
                    aria-invalid=invalid(Field::Body) aria-describedby=described(Field::Body, "review-body-count review-body-hint")
                    data-testid="review-body-input"></textarea>
                <span class="muted small" id="review-body-count" data-testid="review-body-count">{move || draft.with(|d| d.body_count(group_digits))}</span>
                <span class="muted small" id="review-body-hint">
                    "In AniList's markdown: __bold__, _italic_, ~!a spoiler!~, [a link](https://…), img(https://…) for a picture. Preview shows it as AniList will."
                </span>
                {field_error(Field::Body)}
            </label>
            <MarkdownPreview text=Signal::derive(move || draft.with(|d| d.body.clone()))/>
            <label class="choice">
                <input type="checkbox" prop:checked=move || draft.with(|d| d.private) prop:disabled=move || busy.get()
                    on:change=move |ev| { let on = event_target_checked(&ev); edit(&|d| d.private = on); } data-testid="review-private-input"/>
                <span>"Private " <span class="muted small">"(only you can see it: a draft on AniList)"</span></span>
            </label>
            <SaveProblems checked=checked lost=lost sending=sending prefix="review" what="review"/>
            <div class="review-form__actions">
                <p class="muted small" role="status" data-testid="review-status">{status}</p>
                <a class="button button--secondary" href=cancel_href data-testid="review-cancel">"Cancel"</a>
                <button type="submit" class="button" disabled=move || busy.get() data-testid="review-save">
                    {move || if busy.get() { "Saving…" } else if review_id.get().is_some() { "Save changes" } else { "Post review" }}
                </button>
            </div>
        </form>
        {move || review_id.get().is_some().then(|| view! {
            <DeleteCard prefix="review" what="review" warning="Delete your review from AniList? Its text, score and the members' say on it go for good." deleting=deleting delete=remove/>
        })}
    }
}
