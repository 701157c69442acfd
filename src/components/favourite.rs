//! The favourite toggle of a title, a character or a staff member. A
//! toggle is sent once; when its outcome is unclear (no answer), the state
//! is read back, never sent again blind.

use leptos::prelude::*;

use crate::api::ops::favourite::{Favourable, FavouriteState, ToggleFavourite};
use crate::api::{Api, ApiError};
use crate::auth::callback::Credential;
use crate::components::api_status::{ApiErrorView, Sending};
use crate::session::use_session;
use crate::text::group_digits;

/// What a toggle's answer is given to: AniList's state after it. It is a
/// plain closure, not a Callback owned by the page, because the answer may
/// come after the page is gone, and the store must still hear it.
pub type SetFavourite = std::sync::Arc<dyn Fn(bool, Option<u32>) + Send + Sync>;

/// A [`SetFavourite`] for a toggle shown on its page only (a studio's, a
/// person's): an answer after the page is gone sets nothing.
pub fn on_page(on: RwSignal<bool>, count: RwSignal<Option<u32>>) -> SetFavourite {
    std::sync::Arc::new(move |now_on, now_count| {
        on.try_set(now_on);
        count.try_set(now_count);
    })
}

/// The toggle, showing `on` and `count`; `set` gets what AniList holds
/// after it (signed out: nothing is shown).
#[component]
pub fn FavouriteToggle(
    target: Favourable,
    #[prop(into)] on: Signal<bool>,
    #[prop(into)] count: Signal<Option<u32>>,
    set: SetFavourite,
) -> impl IntoView {
    let api = expect_context::<Api>();
    let session = use_session();
    let sending = Sending::new();
    let (busy, problem) = (sending.busy, sending.problem);
    let toggle = move |_| {
        let Some(credential) = session.credential() else { return };
        let api = api.clone();
        let (was, n) = (on.get_untracked(), count.get_untracked());
        let set = set.clone();
        sending.run_keeping(async move { toggled(&api, &credential, target, was, n).await }, move |(now_on, now_count)| set(now_on, now_count));
    };
    if session.user_untracked().is_none() {
        return ().into_any();
    }
    view! {
        <button type="button" class="button button--small button--secondary" aria-pressed=move || on.get().to_string()
            disabled=move || busy.get() on:click=toggle data-testid="favourite">
            {move || if on.get() { "♥ Favourite" } else { "♡ Add to favourites" }}
            {move || count.get().map(|n| view! { " " <span class="muted small">{group_digits(n as usize)}</span> })}
        </button>
        {move || problem.get().map(|e| view! { <div data-testid="favourite-error"><ApiErrorView error=e/></div> })}
    }
    .into_any()
}

/// Sends the toggle; the state after it: worked out from the state before
/// when AniList answered, read back when the answer was lost.
async fn toggled(api: &Api, credential: &Credential, target: Favourable, was: bool, n: Option<u32>) -> Result<(bool, Option<u32>), ApiError> {
    match api.run::<ToggleFavourite>(Some(credential), &target.toggle_vars(), false).await {
        Ok(_) => Ok((!was, n.map(|n| if was { n.saturating_sub(1) } else { n + 1 }))),
        Err(e) if e.outcome_unknown() => {
            let read = api.run::<FavouriteState>(Some(credential), &target.state_vars(), true).await?;
            read.item.map(|f| (f.is_favourite, f.favourites)).ok_or_else(|| ApiError::Shape("nothing read back".into()))
        }
        Err(e) => Err(e),
    }
}
