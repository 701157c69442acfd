//! Following a member: a toggle, sent once; when its outcome is unclear (no
//! answer), the state is read back, never sent again blind.

use leptos::prelude::*;

use crate::api::ops::follow::{FollowState, ToggleFollow, ToggleVars};
use crate::api::ops::user::Vars;
use crate::api::{Api, ApiError};
use crate::auth::callback::Credential;
use crate::components::api_status::{ApiErrorView, Sending};
use crate::session::use_session;

/// The toggle for member `user`, showing `on` and setting it to what
/// AniList holds after it (signed out, or on the person's own page:
/// nothing is shown).
#[component]
pub fn FollowToggle(user: u64, on: RwSignal<bool>) -> impl IntoView {
    let api = expect_context::<Api>();
    let session = use_session();
    let titles = crate::store::titles::use_titles();
    let sending = Sending::new();
    let (busy, problem) = (sending.busy, sending.problem);
    let me = session.user_untracked();
    if me.is_none() || me == Some(user) {
        return ().into_any();
    }
    let toggle = move |_| {
        let Some(credential) = session.credential() else { return };
        let api = api.clone();
        sending.run_keeping(async move { toggled(&api, &credential, user).await }, move |now| {
            // Every title's "Following" may differ now: read again at its next visit.
            titles.outdate();
            on.try_set(now);
        });
    };
    view! {
        <button type="button" class="button button--small" class:button--secondary=move || on.get() aria-pressed=move || on.get().to_string()
            disabled=move || busy.get() on:click=toggle data-testid="follow">
            {move || if on.get() { "✓ Following" } else { "Follow" }}
        </button>
        {move || problem.get().map(|e| view! { <div data-testid="follow-error"><ApiErrorView error=e/></div> })}
    }
    .into_any()
}

/// Sends the toggle; AniList's answer says the state after it, and when
/// that answer was lost the state is read back.
async fn toggled(api: &Api, credential: &Credential, user: u64) -> Result<bool, ApiError> {
    let read = match api.run::<ToggleFollow>(Some(credential), &ToggleVars { user_id: user }, false).await {
        Ok(answer) => answer.user,
        Err(e) if e.outcome_unknown() => api.run::<FollowState>(Some(credential), &Vars { id: user }, true).await?.user,
        Err(e) => return Err(e),
    };
    read.map(|f| f.is_following).ok_or_else(|| ApiError::Shape("no follow state".into()))
}
