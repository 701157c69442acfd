//! The two wrappers every page that needs AniList uses: the sign-in gate,
//! and "read from AniList" (loading, the error with what to do, "Try
//! again").

use std::future::Future;
use std::sync::Arc;

use leptos::prelude::*;

use crate::api::ApiError;
use crate::auth::callback::Credential;
use crate::components::api_status::boundary_fallback;
use crate::components::empty_state::SignInRequired;
use crate::routes::Page;
use crate::session::use_session;

/// Shows `signed_in` with the person's credential, or, signed out, why the
/// page needs a sign-in and a way to it that comes back to `page`. Drawn
/// anew only when the signed-in user changes.
pub fn sign_in_gate(
    title: String,
    why: &'static str,
    page: Page,
    signed_in: impl Fn(Credential) -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    let session = use_session();
    let user = Memo::new(move |_| session.user());
    move || match user.get() {
        Some(_) => match session.credential() {
            Some(c) => signed_in(c),
            None => ().into_any(),
        },
        None => view! { <SignInRequired title=title.clone() why=why page=page/> }.into_any(),
    }
}

/// Reads with `load` (its argument: whether to skip the client's memory,
/// true after "Try again"), says so while it waits, shows the error with a
/// way to try again, and shows the answer with `show` (which also gets the
/// "ask again" callback, for a reload button).
pub fn read_from_anilist<T, Fut>(
    loading: &'static str,
    load: impl Fn(bool) -> Fut + 'static,
    show: impl Fn(T, Callback<()>) -> AnyView + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let (asked, set_asked) = signal(0u32);
    let resource = LocalResource::new(move || load(asked.get() > 0));
    let again = Callback::new(move |_| set_asked.update(|n| *n += 1));
    let show = Arc::new(show);
    view! {
        <Transition fallback=move || view! { <p class="loading" role="status" data-testid="loading">{loading}</p> }>
            <ErrorBoundary fallback=move |errors| boundary_fallback(errors, again)>
                {move || {
                    let show = show.clone();
                    Suspend::new(async move {
                        let value = resource.await?;
                        Ok::<_, ApiError>(show(value, again))
                    })
                }}
            </ErrorBoundary>
        </Transition>
    }
}
