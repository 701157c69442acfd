//! The one place a request to AniList is built and sent: POST to the
//! configured GraphQL URL with `Authorization: Bearer` when a token is
//! given, through the client-side limiter, with a timeout; the answer read
//! by [`crate::api::response::judge`], its data into the operation's type.
//! Queries that are already on their way are sent once; a query answered a
//! moment ago is served from memory.
//!
//! The client only reports: it returns errors, and publishes what it saw
//! (the rate-limit budget, a refused token) on its own signals. What to do
//! about them is for the app state (session, outbox) to decide.
//! Browser glue: the decisions are in the pure modules beside it.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

use futures::future::{FutureExt, LocalBoxFuture, Shared};
use gloo_net::http::Request;
use leptos::prelude::*;
use web_sys::{AbortController, RequestCredentials, RequestRedirect};

use crate::api::error::ApiError;
use crate::api::limiter::Limiter;
use crate::api::operation::Operation;
use crate::api::response::{judge, RateLimit, RawResponse};
use crate::auth::callback::Credential;

/// How long a request may take before it is abandoned.
pub const TIMEOUT: Duration = Duration::from_secs(20);
/// How long an answer is served from memory.
pub const CACHE_FOR_MS: f64 = 30_000.0;
/// Automatic retries of a rate-limited query (never of a mutation).
pub const MAX_RETRIES: u32 = 2;

/// An HTTP answer as it came, before it is read.
#[derive(Debug)]
struct Raw {
    status: u16,
    body: String,
    retry_after: Option<String>,
}

impl Raw {
    /// The text of the answer's `data`, or the error it is.
    fn data(&self) -> Result<&str, ApiError> {
        judge(&RawResponse { status: self.status, body: &self.body, retry_after: self.retry_after.as_deref() })
    }
}

/// What the transport gives: an answer, or no answer (network, timeout).
type Transport = Result<Rc<Raw>, ApiError>;

/// A whole exchange with AniList, for the console.
#[derive(Clone, Debug)]
pub struct Exchange {
    /// `None` when no answer came.
    pub status: Option<u16>,
    pub body: String,
    pub rate: RateLimit,
    pub millis: f64,
    pub outcome: Result<(), ApiError>,
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
struct State {
    limiter: Limiter,
    cache: HashMap<String, (f64, Rc<Raw>)>,
    in_flight: HashMap<String, Shared<LocalBoxFuture<'static, Transport>>>,
    /// Bare network failures in a row (a 429 without CORS looks like one).
    network_failures: u32,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State::default());
}

/// A handle on the client; cheap to clone into async blocks.
#[derive(Clone)]
pub struct Api {
    url: Arc<str>,
    /// The URL's origin: a token is sent only when it was signed in for it.
    origin: Arc<str>,
    /// The page's policy refuses the URL: nothing is tried.
    refused_by_policy: bool,
    pub budget: RwSignal<Budget>,
    /// Bumped each time AniList refuses a token ("Invalid token"), with the
    /// token's user id: the session reacts.
    pub token_refused: RwSignal<Option<(u64, u32)>>,
}

impl Api {
    pub fn new(graphql_url: &str, refused_by_policy: bool) -> Self {
        Self {
            url: graphql_url.into(),
            origin: crate::config::origin_of(graphql_url).unwrap_or_default().into(),
            refused_by_policy,
            budget: RwSignal::new(Budget::default()),
            token_refused: RwSignal::new(None),
        }
    }

    /// Runs an operation with `token` (or none). Queries may come from
    /// memory or join an identical request already under way; `fresh`
    /// skips the memory. Mutations are sent once, as they are.
    ///
    /// Only the typed ends are generic (the variables written, the `data`
    /// read); sending and judging the answer are the same code for every
    /// operation.
    pub async fn run<O: Operation>(&self, token: Option<&Credential>, vars: &O::Vars, fresh: bool) -> Result<O::Data, ApiError> {
        let variables = serde_json::to_value(vars).map_err(|e| ApiError::Shape(e.to_string()))?;
        let (raw, key) = self.run_untyped(O::NAME, O::QUERY, O::MUTATION, variables, token, fresh).await?;
        let data = raw.data().and_then(|text| serde_json::from_str::<O::Data>(text).map_err(|e| ApiError::Shape(e.to_string())))?;
        if let Some(key) = key {
            STATE.with(|s| s.borrow_mut().cache.insert(key, (js_sys::Date::now(), raw)));
        }
        Ok(data)
    }

    /// Runs an operation whose text is made for the call (as many aliased
    /// fields as it needs: [`crate::api::ops::save_entries`],
    /// [`crate::api::ops::by_ids::many_query`]); a mutation is sent once,
    /// a query as [`Api::run`]'s.
    pub async fn run_made<V: serde::Serialize, D: serde::de::DeserializeOwned>(&self, token: Option<&Credential>, name: &str, text: &str, mutation: bool, vars: &V) -> Result<D, ApiError> {
        let variables = serde_json::to_value(vars).map_err(|e| ApiError::Shape(e.to_string()))?;
        let (raw, _) = self.run_untyped(name, text, mutation, variables, token, false).await?;
        raw.data().and_then(|text| serde_json::from_str::<D>(text).map_err(|e| ApiError::Shape(e.to_string())))
    }

    /// Sends (or finds in memory) and judges an answer. A good one comes
    /// back with its memory key (a query's), kept once its data is read.
    async fn run_untyped(
        &self,
        name: &str,
        query: &str,
        mutation: bool,
        variables: serde_json::Value,
        token: Option<&Credential>,
        fresh: bool,
    ) -> Result<(Rc<Raw>, Option<String>), ApiError> {
        let key = format!("{name}|{variables}|{}", token.map(|t| t.user).unwrap_or_default());
        let body = serde_json::json!({ "query": query, "variables": variables, "operationName": name }).to_string();
        if mutation {
            STATE.with(|s| s.borrow_mut().cache.clear());
            let answer = self.send(body, token.cloned(), false).await;
            return self.judged(token, answer).map(|raw| (raw, None));
        }
        if !fresh {
            let now = js_sys::Date::now();
            let hit = STATE.with(|s| s.borrow().cache.get(&key).filter(|(at, _)| now - at < CACHE_FOR_MS).map(|(_, raw)| raw.clone()));
            if let Some(raw) = hit {
                return Ok((raw, None));
            }
        }
        let existing = STATE.with(|s| s.borrow().in_flight.get(&key).cloned());
        let fut = match existing {
            Some(f) => f,
            None => {
                let me = self.clone();
                let token = token.cloned();
                let f = async move { me.send(body, token, true).await }.boxed_local().shared();
                STATE.with(|s| s.borrow_mut().in_flight.insert(key.clone(), f.clone()));
                f
            }
        };
        let answer = fut.await;
        STATE.with(|s| s.borrow_mut().in_flight.remove(&key));
        self.judged(token, answer).map(|raw| (raw, Some(key)))
    }

    /// Judges the answer; a refused token is also published.
    fn judged(&self, token: Option<&Credential>, answer: Transport) -> Result<Rc<Raw>, ApiError> {
        let judged = answer.and_then(|raw| raw.data().map(|_| raw.clone()));
        if let (Err(ApiError::InvalidToken), Some(token)) = (&judged, token) {
            let user = token.user;
            self.token_refused.update(|r| *r = Some((user, r.map(|(_, n)| n + 1).unwrap_or(1))));
        }
        judged
    }

    /// Sends, waiting out rate limits and retrying queries (`retry`) at
    /// most twice.
    async fn send(&self, body: String, token: Option<Credential>, retry: bool) -> Transport {
        let mut attempt = 0;
        loop {
            let answer = self.exchange(&body, token.as_ref()).await.0;
            let retry_after = match &answer {
                Ok(raw) if raw.status == 429 => match raw.data() {
                    Err(ApiError::RateLimited { retry_after, .. }) => Some(retry_after),
                    _ => None,
                },
                Err(ApiError::RateLimited { retry_after, .. }) => Some(*retry_after),
                _ => None,
            };
            match retry_after {
                Some(secs) if retry && attempt < MAX_RETRIES => {
                    attempt += 1;
                    // Jitter spreads retries from several tabs or queries.
                    let jitter = js_sys::Math::random() * 1000.0 * f64::from(attempt);
                    self.wait_out(secs as f64 * 1000.0 + jitter).await;
                }
                _ => return answer,
            }
        }
    }

    /// Shows the rate-limit countdown for `ms` and waits for it.
    pub async fn wait_out(&self, ms: f64) {
        let until = js_sys::Date::now() + ms;
        self.budget.update(|b| b.waiting_until = Some(b.waiting_until.map_or(until, |u| u.max(until))));
        sleep_ms(ms).await;
        self.budget.update(|b| {
            if b.waiting_until.is_some_and(|u| u <= js_sys::Date::now() + 50.0) {
                b.waiting_until = None;
            }
        });
    }

    /// Sends any query as it is (the GraphQL console): through the limiter
    /// and the timeout, never from memory, never retried; the whole answer
    /// comes back for display.
    pub async fn exchange_raw(&self, token: Option<&Credential>, query: &str, variables: serde_json::Value) -> Exchange {
        let body = serde_json::json!({ "query": query, "variables": variables }).to_string();
        let (answer, rate, millis) = self.exchange(&body, token).await;
        match answer {
            Ok(raw) => Exchange {
                status: Some(raw.status),
                outcome: self.judged(token, Ok(raw.clone())).map(|_| ()),
                body: raw.body.clone(),
                rate,
                millis,
            },
            Err(e) => Exchange { status: None, body: String::new(), rate, millis, outcome: Err(e) },
        }
    }

    async fn exchange(&self, body: &str, token: Option<&Credential>) -> (Transport, RateLimit, f64) {
        if let Err(e) = crate::api::origin::may_send(&self.origin, self.refused_by_policy, token.map(|t| &*t.origin)) {
            return (Err(e), RateLimit::default(), 0.0);
        }
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
        // No cookies or HTTP credentials go with the token, and a redirect
        // (which would carry it elsewhere) is an error, not followed.
        let mut builder = Request::post(&self.url)
            .credentials(RequestCredentials::Omit)
            .redirect(RequestRedirect::Error)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .abort_signal(signal.as_ref());
        if let Some(token) = token {
            builder = builder.header("Authorization", &format!("Bearer {}", token.token.expose()));
        }
        let failed = |timed_out: &Rc<Cell<bool>>| {
            if timed_out.get() {
                ApiError::Timeout { secs: TIMEOUT.as_secs() }
            } else {
                self.network_failure()
            }
        };
        let mut rate = RateLimit::default();
        let answer = match builder.body(body.to_string()) {
            Err(_) => Err(ApiError::Network),
            Ok(request) => match request.send().await {
                Err(_) => Err(failed(&timed_out)),
                Ok(response) => {
                    let status = response.status();
                    let headers = response.headers();
                    rate = RateLimit::from_headers(
                        headers.get("x-ratelimit-limit").as_deref(),
                        headers.get("x-ratelimit-remaining").as_deref(),
                        headers.get("x-ratelimit-reset").as_deref(),
                    );
                    if rate.is_known() {
                        self.budget.update(|b| b.server = rate);
                    }
                    let retry_after = headers.get("retry-after").map(|v| retry_after_in_seconds(&v, js_sys::Date::now()));
                    match response.text().await {
                        Err(_) => Err(failed(&timed_out)),
                        Ok(body) => {
                            STATE.with(|s| s.borrow_mut().network_failures = 0);
                            Ok(Rc::new(Raw { status, body, retry_after }))
                        }
                    }
                }
            },
        };
        if let Some(timer) = timer {
            timer.clear();
        }
        (answer, rate, js_sys::Date::now() - started)
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

/// `Retry-After` as seconds from `now_ms`: an HTTP date ("Wed, 21 Oct 2015
/// 07:28:00 GMT") is read by the browser's `Date.parse`; seconds and what
/// cannot be read are passed on as they are.
pub fn retry_after_in_seconds(value: &str, now_ms: f64) -> String {
    let value = value.trim();
    if value.bytes().all(|b| b.is_ascii_digit()) {
        return value.to_string();
    }
    let at = js_sys::Date::parse(value);
    if at.is_nan() {
        return value.to_string();
    }
    (((at - now_ms) / 1000.0).ceil().max(0.0) as u64).to_string()
}

/// Waits `ms` milliseconds (a browser timer).
pub async fn sleep_ms(ms: f64) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms.ceil() as i32);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
