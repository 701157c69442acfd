//! The one place a request to AniList is built and sent: POST to the
//! configured GraphQL URL with `Authorization: Bearer` when signed in,
//! through the client-side limiter, with a timeout; the answer read by
//! [`crate::api::response::interpret`]. Queries that are already on their
//! way are sent once; a query answered a moment ago is served from memory.
//! Browser glue: the decisions are in the pure modules beside it.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

use futures::future::{FutureExt, LocalBoxFuture, Shared};
use gloo_net::http::Request;
use leptos::prelude::*;
use serde_json::Value;
use web_sys::AbortController;

use crate::api::error::ApiError;
use crate::api::limiter::Limiter;
use crate::api::queries::Operation;
use crate::api::response::{interpret, RateLimit, RawResponse};
use crate::auth::callback::AccessToken;
use crate::auth::store;
use crate::auth::time::now_secs;
use crate::components::notice::{Flash, Flashes, Tone};
use crate::config::Config;
use crate::session::{Session, SessionContext};

/// How long a request may take before it is abandoned.
pub const TIMEOUT: Duration = Duration::from_secs(20);
/// How long an answer is served from memory.
pub const CACHE_FOR_MS: f64 = 30_000.0;
/// Automatic retries of a rate-limited query (never of a mutation).
pub const MAX_RETRIES: u32 = 2;

type Answer = Result<Value, ApiError>;

/// A whole exchange with AniList, for the console.
#[derive(Clone, Debug)]
pub struct Exchange {
    /// `None` when no answer came.
    pub status: Option<u16>,
    pub body: String,
    pub rate: RateLimit,
    pub millis: f64,
    pub outcome: Answer,
}

/// What the app knows of its request budget, for display.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Budget {
    /// From AniList's headers, when the browser can see them.
    pub server: RateLimit,
    /// When a rate-limit wait ends (ms since the epoch).
    pub waiting_until: Option<f64>,
}

#[derive(Default)]
struct Shared_ {
    limiter: Limiter,
    cache: HashMap<String, (f64, Value)>,
    in_flight: HashMap<String, Shared<LocalBoxFuture<'static, Answer>>>,
    /// Bare network failures in a row (a 429 without CORS looks like one).
    network_failures: u32,
}

thread_local! {
    static STATE: RefCell<Shared_> = RefCell::new(Shared_::default());
}

/// A handle on the client; cheap to clone into async blocks.
#[derive(Clone)]
pub struct Api {
    url: Arc<str>,
    session: SessionContext,
    flashes: Flashes,
    pub budget: RwSignal<Budget>,
}

impl Api {
    pub fn new(config: &Config, session: SessionContext, flashes: Flashes) -> Self {
        Self {
            url: config.graphql_url.value.clone().into(),
            session,
            flashes,
            budget: RwSignal::new(Budget::default()),
        }
    }

    /// Runs an operation. Queries may come from memory or join an identical
    /// request already under way; `fresh` skips the memory.
    pub async fn run(&self, op: &Operation, variables: Value, fresh: bool) -> Answer {
        let token = self.session.0.with_untracked(|s| s.signed_in().map(|s| s.token.clone()));
        let key = format!(
            "{}|{}|{}",
            op.name,
            crate::json::write(&variables),
            self.session.0.with_untracked(|s| s.signed_in().map(|s| s.user_id()).unwrap_or_default())
        );
        if op.mutation {
            STATE.with(|s| s.borrow_mut().cache.clear());
            return self.finish(self.send(op, variables, token).await);
        }
        if !fresh {
            let now = js_sys::Date::now();
            let hit = STATE.with(|s| {
                s.borrow().cache.get(&key).filter(|(at, _)| now - at < CACHE_FOR_MS).map(|(_, v)| v.clone())
            });
            if let Some(v) = hit {
                return Ok(v);
            }
        }
        let existing = STATE.with(|s| s.borrow().in_flight.get(&key).cloned());
        let fut = match existing {
            Some(f) => f,
            None => {
                let me = self.clone();
                let op = *op;
                let f = async move { me.send(&op, variables, token).await }.boxed_local().shared();
                STATE.with(|s| s.borrow_mut().in_flight.insert(key.clone(), f.clone()));
                f
            }
        };
        let answer = fut.await;
        STATE.with(|s| {
            let mut s = s.borrow_mut();
            s.in_flight.remove(&key);
            if let Ok(v) = &answer {
                s.cache.insert(key, (js_sys::Date::now(), v.clone()));
            }
        });
        self.finish(answer)
    }

    /// An answer that says the token is no good ends the session.
    fn finish(&self, answer: Answer) -> Answer {
        if let Err(e) = &answer {
            if e.ends_session() && self.session.0.with_untracked(Session::is_signed_in) {
                store::clear();
                self.session.0.set(Session::SignedOut);
                let here = window().location().pathname().unwrap_or_default();
                let base = crate::routes::base();
                let path = here.strip_prefix(&base).unwrap_or(&here).to_string();
                self.flashes.push(
                    Flash::new(Tone::Error, "AniList no longer accepts your sign-in")
                        .detail("The token may have been revoked or replaced. Sign in again; you will come back to this page.")
                        .with_retry_to(path),
                );
            }
        }
        answer
    }

    /// Sends, waiting out rate limits and retrying queries (at most twice).
    async fn send(&self, op: &Operation, variables: Value, token: Option<AccessToken>) -> Answer {
        let body = crate::json::write(&crate::json::object([
            ("query", op.query.into()),
            ("variables", variables),
            ("operationName", op.name.into()),
        ]));
        let mut attempt = 0;
        loop {
            let answer = self.send_once(&body, token.as_ref()).await;
            match answer {
                Err(ApiError::RateLimited { retry_after, .. }) if !op.mutation && attempt < MAX_RETRIES => {
                    attempt += 1;
                    // Jitter spreads retries from several tabs or queries.
                    let jitter = js_sys::Math::random() * 1000.0 * f64::from(attempt);
                    let wait = retry_after as f64 * 1000.0 + jitter;
                    let until = js_sys::Date::now() + wait;
                    self.budget.update(|b| b.waiting_until = Some(until));
                    sleep_ms(wait).await;
                    self.budget.update(|b| {
                        if b.waiting_until == Some(until) {
                            b.waiting_until = None;
                        }
                    });
                }
                other => return other,
            }
        }
    }

    async fn send_once(&self, body: &str, token: Option<&AccessToken>) -> Answer {
        self.exchange(body, token).await.outcome
    }

    /// Sends any query as it is (the GraphQL console): through the limiter
    /// and the timeout, never from memory, never retried; the whole answer
    /// comes back for display.
    pub async fn exchange_raw(&self, query: &str, variables: Value) -> Exchange {
        let token = self.session.0.with_untracked(|s| s.signed_in().map(|s| s.token.clone()));
        let body = crate::json::write(&crate::json::object([("query", query.into()), ("variables", variables)]));
        let mut exchange = self.exchange(&body, token.as_ref()).await;
        exchange.outcome = self.finish(exchange.outcome);
        exchange
    }

    async fn exchange(&self, body: &str, token: Option<&AccessToken>) -> Exchange {
        let now = js_sys::Date::now();
        let at = STATE.with(|s| s.borrow_mut().limiter.reserve(now));
        if at > now {
            sleep_ms(at - now).await;
        }
        let started = js_sys::Date::now();
        let controller = AbortController::new().ok();
        let timed_out = Rc::new(Cell::new(false));
        let timer = controller.clone().and_then(|c| {
            let flag = timed_out.clone();
            set_timeout_with_handle(
                move || {
                    flag.set(true);
                    c.abort();
                },
                TIMEOUT,
            )
            .ok()
        });
        let signal = controller.as_ref().map(|c| c.signal());
        let mut builder = Request::post(&self.url)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .abort_signal(signal.as_ref());
        if let Some(token) = token {
            builder = builder.header("Authorization", &format!("Bearer {}", token.expose()));
        }
        let mut exchange = Exchange { status: None, body: String::new(), rate: RateLimit::default(), millis: 0.0, outcome: Err(ApiError::Network) };
        let failed = |timed_out: &Rc<Cell<bool>>| {
            if timed_out.get() {
                ApiError::Timeout { secs: TIMEOUT.as_secs() }
            } else {
                self.network_failure()
            }
        };
        match builder.body(body.to_string()) {
            Err(_) => {}
            Ok(request) => match request.send().await {
                Err(_) => exchange.outcome = Err(failed(&timed_out)),
                Ok(response) => {
                    let status = response.status();
                    let headers = response.headers();
                    let rate = RateLimit::from_headers(
                        headers.get("x-ratelimit-limit").as_deref(),
                        headers.get("x-ratelimit-remaining").as_deref(),
                        headers.get("x-ratelimit-reset").as_deref(),
                    );
                    if rate.is_known() {
                        self.budget.update(|b| b.server = rate);
                    }
                    exchange.status = Some(status);
                    exchange.rate = rate;
                    let retry_after = headers.get("retry-after");
                    match response.text().await {
                        Err(_) => exchange.outcome = Err(failed(&timed_out)),
                        Ok(text) => {
                            STATE.with(|s| s.borrow_mut().network_failures = 0);
                            exchange.outcome = interpret(
                                &RawResponse { status, body: &text, retry_after: retry_after.as_deref() },
                                now_secs(),
                            );
                            exchange.body = text;
                        }
                    }
                }
            },
        }
        exchange.millis = js_sys::Date::now() - started;
        if let Some(timer) = timer {
            timer.clear();
        }
        exchange
    }

    /// One bare failure is a network problem; the second in a row is most
    /// likely AniList's rate limit answering without CORS headers.
    fn network_failure(&self) -> ApiError {
        let n = STATE.with(|s| {
            let mut s = s.borrow_mut();
            s.network_failures += 1;
            s.network_failures
        });
        if n >= 2 {
            STATE.with(|s| s.borrow_mut().network_failures = 0);
            ApiError::RateLimited { retry_after: crate::api::response::DEFAULT_RETRY_AFTER, inferred: true }
        } else {
            ApiError::Network
        }
    }

    /// Requests the app may still send this minute by its own limit.
    pub fn own_budget_left(&self) -> usize {
        STATE.with(|s| s.borrow().limiter.free_now(js_sys::Date::now()))
    }
}

async fn sleep_ms(ms: f64) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms.ceil() as i32);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
