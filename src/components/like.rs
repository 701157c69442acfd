//! Liking an activity, a thread or a comment: a toggle, sent once; when its outcome is unclear (no
//! answer), the state is read back, never sent again blind. The count shown
//! is AniList's after it.

use leptos::prelude::*;

use crate::api::ops::like::{LikeState, Likeable, Liked, StateVars, ToggleLike, Vars};
use crate::api::{Api, ApiError};
use crate::auth::callback::Credential;
use crate::components::api_status::{ApiErrorView, Sending};
use crate::session::use_session;

/// The like of `kind` `id` (`whose`: "Hana's activity", for its label),
/// showing `on` and `count` and setting them to what AniList holds after a
/// press. Signed out, only the count.
#[component]
pub fn LikeToggle(id: i64, kind: Likeable, on: RwSignal<bool>, count: RwSignal<u32>, #[prop(into)] whose: String) -> impl IntoView {
    let api = expect_context::<Api>();
    let session = use_session();
    let sending = Sending::new();
    let (busy, problem) = (sending.busy, sending.problem);
    if session.user_untracked().is_none() {
        return view! { <span data-testid="likes">{move || crate::text::count(count.get(), "like")}</span> }.into_any();
    }
    let toggle = move |_| {
        let Some(credential) = session.credential() else { return };
        let api = api.clone();
        sending.run(async move { toggled(&api, &credential, id, kind).await }, move |now| {
            if let Some(n) = now.like_count {
                count.try_set(n);
            }
            on.try_set(now.is_liked.unwrap_or(false));
        });
    };
    view! {
        <button type="button" class="like" class:like--on=move || on.get() aria-pressed=move || on.get().to_string()
            aria-label=move || format!("Like {whose}: {}", crate::text::count(count.get(), "like"))
            disabled=move || busy.get() on:click=toggle data-testid="like">
            <span aria-hidden="true">{move || if on.get() { "♥" } else { "♡" }}</span>
            " " {move || count.get()}
        </button>
        {move || problem.get().map(|e| view! { <div data-testid="like-error"><ApiErrorView error=e/></div> })}
    }
    .into_any()
}

/// Sends the toggle; AniList's answer says the state after it, and when
/// that answer was lost the state is read back.
async fn toggled(api: &Api, credential: &Credential, id: i64, kind: Likeable) -> Result<Liked, ApiError> {
    let read = match api.run::<ToggleLike>(Some(credential), &Vars { id, kind }, false).await {
        Ok(answer) => answer.liked,
        Err(e) if e.outcome_unknown() => api.run::<LikeState>(Some(credential), &StateVars::of(id, kind), true).await?.liked(),
        Err(e) => return Err(e),
    };
    read.ok_or_else(|| ApiError::Shape("no like state".into()))
}
