//! How the app stands with AniList's rate limit: a countdown while it waits,
//! and the remaining budget, discreetly, in the footer.

use std::time::Duration;

use leptos::prelude::*;

use crate::api::error::ApiError;
use crate::api::Api;
use crate::components::clock::clock;

/// Shown while the app waits out a rate limit before trying again.
#[component]
pub fn RateLimitWait() -> impl IntoView {
    let api = expect_context::<Api>();
    let until = Memo::new(move |_| api.budget.with(|b| b.waiting_until));
    move || until.get().map(|until| view! { <WaitNotice until=until/> })
}

/// The notice and its countdown; the clock ticks only while it is shown.
#[component]
fn WaitNotice(until: f64) -> impl IntoView {
    let now = clock(Duration::from_millis(500));
    let secs = move || {
        let _ = now.get();
        ((until - js_sys::Date::now()) / 1000.0).ceil().max(0.0) as u64
    };
    view! {
        <div class="notices">
            <div class="notice notice--warning" role="status" data-testid="rate-limit-wait">
                <div class="notice__text">
                    <strong class="notice__title">"AniList asked the app to slow down"</strong>
                    <p class="notice__detail">"Trying again in " <span data-testid="rate-limit-countdown">{secs}</span> " s."</p>
                </div>
            </div>
        </div>
    }
}

/// The request budget, as AniList reports it or as the app counts it.
#[component]
pub fn BudgetLine() -> impl IntoView {
    let api = expect_context::<Api>();
    let now = clock(Duration::from_secs(5));
    let api2 = api.clone();
    let text = move || {
        let _ = now.get();
        let b = api2.budget.get();
        match (b.server.remaining, b.server.limit) {
            (Some(r), Some(l)) => format!("AniList requests left this minute: {r} of {l}."),
            (Some(r), None) => format!("AniList requests left this minute: {r}."),
            _ => format!(
                "This app sends at most {} requests a minute; {} left now.",
                crate::api::limiter::PER_MINUTE,
                api2.own_budget_left()
            ),
        }
    };
    view! { <p class="budget" data-testid="budget">{text}</p> }
}

/// The fallback of an `ErrorBoundary` around a read from AniList: the
/// first error, with what to do and "Try again".
pub fn boundary_fallback(errors: ArcRwSignal<Errors>, retry: Callback<()>) -> impl IntoView {
    let error = errors
        .get()
        .into_iter()
        .next()
        .and_then(|(_, e)| e.downcast_ref::<ApiError>().cloned())
        .unwrap_or(ApiError::Network);
    view! { <ApiErrorView error=error retry=retry/> }
}

/// An error from AniList, with what to do and a way to try again.
#[component]
pub fn ApiErrorView(error: ApiError, #[prop(optional, into)] retry: Option<Callback<()>>) -> impl IntoView {
    let details = match &error {
        ApiError::Validation { fields } => Some(
            fields
                .iter()
                .map(|(f, m)| view! { <li><strong>{f.clone()}</strong> ": " {m.join(" ")}</li> })
                .collect_view(),
        ),
        _ => None,
    };
    view! {
        <div class="notice notice--error api-error" role="alert" data-testid="api-error">
            <div class="notice__text">
                <strong class="notice__title">{error.to_string()}</strong>
                {details.map(|d| view! { <ul class="field-errors">{d}</ul> })}
                <p class="notice__detail">{error.next_step()}</p>
                {retry.map(|r| view! {
                    <div class="actions">
                        <button type="button" class="button" on:click=move |_| r.run(()) data-testid="retry">"Try again"</button>
                    </div>
                })}
            </div>
        </div>
    }
}

/// A list read a page at a time, for [`LoadMore`]: `load` reads the next
/// page; `set_only` reads page 1 again with "only titles on my lists" on or
/// off (an answer to a choice changed since it was asked is dropped).
/// `fetch(page, only)` reads a page; `apply(page, first)` puts it in (the
/// first page replaces what is shown) and says whether there are more.
#[derive(Clone, Copy)]
pub struct Paged {
    pub more: RwSignal<bool>,
    pub only: RwSignal<bool>,
    pub load: Action<(), Result<(), ApiError>>,
    pub set_only: Callback<bool>,
}

impl Paged {
    /// `next`: the page "Load more" reads first; `more`: whether there is one.
    pub fn new<T, Fut>(next: u32, more: bool, fetch: impl Fn(u32, bool) -> Fut + 'static, apply: impl Fn(T, bool) -> bool + 'static) -> Paged
    where
        T: 'static,
        Fut: std::future::Future<Output = Result<T, ApiError>> + 'static,
    {
        let more = RwSignal::new(more);
        let only = RwSignal::new(false);
        let next_page = RwSignal::new(next);
        // Counts the choices made: an answer asked before the latest one is
        // dropped (even when the choice has come back to what it asked).
        let choice = StoredValue::new(0_u32);
        let apply = std::rc::Rc::new(apply);
        let load = Action::new_local(move |_: &()| {
            let (page, asked, when) = (next_page.get_untracked(), only.get_untracked(), choice.get_value());
            let read = fetch(page, asked);
            let apply = apply.clone();
            async move {
                let got = read.await?;
                // Changed again while this was read: the newer reading counts.
                if choice.try_get_value() != Some(when) {
                    return Ok(());
                }
                more.set(apply(got, page == 1));
                next_page.set(page + 1);
                Ok(())
            }
        });
        let set_only = Callback::new(move |v: bool| {
            choice.update_value(|c| *c += 1);
            only.set(v);
            next_page.set(1);
            load.dispatch_local(());
        });
        Paged { more, only, load, set_only }
    }

    /// "Load more" under `shown`: `fetch(page)` reads a page's items and
    /// whether more follow; each page is added to what is shown, leaving
    /// out what is shown already (by `key`: AniList's pages shift while
    /// things come and go, so none is shown twice).
    pub fn appending<T, K, Fut>(shown: RwSignal<Vec<T>>, key: fn(&T) -> K, next: u32, more: bool, fetch: impl Fn(u32) -> Fut + 'static) -> Paged
    where
        T: Send + Sync + 'static,
        K: Eq + std::hash::Hash + 'static,
        Fut: std::future::Future<Output = Result<(Vec<T>, bool), ApiError>> + 'static,
    {
        Paged::new(next, more, move |page, _| fetch(page), move |(got, more): (Vec<T>, bool), _| {
            shown.update(|s| crate::api::operation::add_unseen(s, got, key));
            more
        })
    }
}

/// A toggle's request under way (a favourite, a follow, a like, a say on a
/// review): `busy` while it runs (its button disabled), and its error.
/// Each toggle is sent once and read back when its answer is lost (see
/// each). Its answer reaches the page only while the page is there
/// ([`Sending::run`]); what must outlive the page (a kept title) is given
/// it with [`Sending::run_keeping`].
#[derive(Clone, Copy)]
pub struct Sending {
    pub busy: RwSignal<bool>,
    pub problem: RwSignal<Option<ApiError>>,
}

impl Sending {
    pub fn new() -> Self {
        Sending { busy: RwSignal::new(false), problem: RwSignal::new(None) }
    }

    /// Runs `request`; `done` gets AniList's state after it, only while
    /// the page is there (an answer to a page that is gone is dropped, so
    /// `done` may read the page's values).
    pub fn run<T: 'static>(self, request: impl std::future::Future<Output = Result<T, ApiError>> + 'static, done: impl FnOnce(T) + 'static) {
        self.send(request, move |after, here| {
            if here {
                done(after);
            }
        });
    }

    /// Like [`Sending::run`], but `keep` gets the answer even after the
    /// page is gone: it must touch what outlives the page (a store) and
    /// nothing of the page's.
    pub fn run_keeping<T: 'static>(self, request: impl std::future::Future<Output = Result<T, ApiError>> + 'static, keep: impl FnOnce(T) + 'static) {
        self.send(request, move |after, _| keep(after));
    }

    fn send<T: 'static>(self, request: impl std::future::Future<Output = Result<T, ApiError>> + 'static, done: impl FnOnce(T, bool) + 'static) {
        self.busy.set(true);
        self.problem.set(None);
        leptos::task::spawn_local(async move {
            let answer = request.await;
            // The page's own values go with it: then only `done` may hear.
            let here = self.busy.try_set(false).is_none();
            match answer {
                Ok(after) => done(after, here),
                Err(e) => {
                    self.problem.try_set(Some(e));
                }
            }
        });
    }
}

impl Default for Sending {
    fn default() -> Self {
        Self::new()
    }
}

/// "Load more" under a list read a page at a time: shown while `more`
/// holds, "Loading…" while `load` runs, and its error if it fails (the
/// button stays, saying "Try again").
#[component]
pub fn LoadMore(load: Action<(), Result<(), ApiError>>, #[prop(into)] more: Signal<bool>) -> impl IntoView {
    view! {
        <Show when=move || more.get()>
            <div class="actions">
                <button type="button" class="button button--secondary" data-testid="load-more"
                    disabled=move || load.pending().get()
                    on:click=move |_| { load.dispatch_local(()); }>
                    {move || if load.pending().get() {
                        "Loading…"
                    } else if load.value().with(|v| matches!(v, Some(Err(_)))) {
                        "Try again"
                    } else {
                        "Load more"
                    }}
                </button>
            </div>
        </Show>
        {move || load.value().get().and_then(|r| r.err()).map(|e| view! { <ApiErrorView error=e/> })}
    }
}


/// Said above what AniList answered for another user than the token's own
/// (an answer from a proxy or a cache that is not this person's).
#[component]
pub fn ViewerMismatch(answered: u64, token: u64) -> impl IntoView {
    view! {
        <div class="notice notice--error" role="alert" data-testid="viewer-mismatch">
            <div class="notice__text">
                <strong class="notice__title">"This is not the user your token names"</strong>
                <p class="notice__detail">
                    {format!("AniList answered for user {answered}, but the token says user {token}. Sign out and sign in again before changing anything.")}
                </p>
            </div>
        </div>
    }
}
