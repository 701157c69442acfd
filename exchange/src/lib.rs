//! Tsuzuki's token exchange: `POST /token {"code": …}` trades an AniList
//! authorization code for a token, adding the client secret that a browser
//! app must never hold (AniList's code grant has no PKCE).
//!
//! - Configured by environment variables ([`Config::from_env`]).
//! - CORS only for the app's configured origins; a request body of at most
//!   [`MAX_BODY`] bytes; at most `rate_per_minute` requests a minute from
//!   one address (per copy: it keeps no other state, so any number of
//!   copies can run behind a load balancer).
//! - It never logs a code, a secret or a token: a request's log line is its
//!   method, path, status and time.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::limit::RequestBodyLimitLayer;

/// AniList's token endpoint.
pub const ANILIST_TOKEN_URL: &str = "https://anilist.co/api/v2/oauth/token";
/// The largest request body taken (a code is a few hundred bytes).
pub const MAX_BODY: usize = 4 * 1024;
/// How long AniList's token endpoint is given.
pub const UPSTREAM_TIMEOUT: Duration = Duration::from_secs(15);

/// What the service needs, from the environment.
#[derive(Clone)]
pub struct Config {
    pub client_id: String,
    pub client_secret: String,
    /// Exactly the redirect URL registered with the AniList client (the
    /// app's address).
    pub redirect_uri: String,
    /// Origins allowed to call it (the app's), e.g. `https://tsuzuki.example`.
    pub allowed_origins: Vec<String>,
    pub token_url: String,
    pub rate_per_minute: u32,
    /// Whether to take the client's address from `X-Forwarded-For` (only
    /// behind a proxy that sets it).
    pub trust_forwarded: bool,
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("client_id", &self.client_id)
            .field("client_secret", &"<hidden>")
            .field("redirect_uri", &self.redirect_uri)
            .field("allowed_origins", &self.allowed_origins)
            .field("token_url", &self.token_url)
            .field("rate_per_minute", &self.rate_per_minute)
            .field("trust_forwarded", &self.trust_forwarded)
            .finish()
    }
}

impl Config {
    /// `EXCHANGE_CLIENT_ID`, `EXCHANGE_CLIENT_SECRET`, `EXCHANGE_REDIRECT_URI`,
    /// `EXCHANGE_ALLOWED_ORIGINS` (comma-separated) are required;
    /// `EXCHANGE_TOKEN_URL` (AniList's by default), `EXCHANGE_RATE_PER_MINUTE`
    /// (20) and `EXCHANGE_TRUST_FORWARDED` (`1` behind a proxy) are not.
    pub fn from_env(get: impl Fn(&str) -> Option<String>) -> Result<Config, String> {
        let need = |k: &str| get(k).map(|v| v.trim().to_string()).filter(|v| !v.is_empty()).ok_or_else(|| format!("{k} is not set"));
        let origins: Vec<String> = need("EXCHANGE_ALLOWED_ORIGINS")?
            .split(',')
            .map(|o| o.trim().trim_end_matches('/').to_string())
            .filter(|o| !o.is_empty())
            .collect();
        for o in &origins {
            if !(o.starts_with("https://") || o.starts_with("http://")) || o.matches('/').count() != 2 {
                return Err(format!("EXCHANGE_ALLOWED_ORIGINS: {o} is not an origin (scheme://host[:port])"));
            }
        }
        let rate = match get("EXCHANGE_RATE_PER_MINUTE") {
            Some(v) => v.trim().parse::<u32>().ok().filter(|r| *r > 0).ok_or("EXCHANGE_RATE_PER_MINUTE must be a whole number above 0")?,
            None => 20,
        };
        Ok(Config {
            client_id: need("EXCHANGE_CLIENT_ID")?,
            client_secret: need("EXCHANGE_CLIENT_SECRET")?,
            redirect_uri: need("EXCHANGE_REDIRECT_URI")?,
            allowed_origins: origins,
            token_url: get("EXCHANGE_TOKEN_URL").filter(|v| !v.trim().is_empty()).unwrap_or_else(|| ANILIST_TOKEN_URL.into()),
            rate_per_minute: rate,
            trust_forwarded: get("EXCHANGE_TRUST_FORWARDED").is_some_and(|v| v.trim() == "1"),
        })
    }
}

/// Where log lines go (stderr in the binary; the tests keep them).
pub type Log = Arc<dyn Fn(String) + Send + Sync>;

/// Requests counted per address, in one-minute windows.
#[derive(Default)]
pub struct Limiter {
    windows: Mutex<HashMap<IpAddr, (Instant, u32)>>,
}

impl Limiter {
    /// Whether one more request from `ip` at `now` is within `per_minute`.
    pub fn allow(&self, ip: IpAddr, now: Instant, per_minute: u32) -> bool {
        let Ok(mut w) = self.windows.lock() else { return true };
        // Old windows go, so the map stays as small as the traffic.
        if w.len() > 10_000 {
            w.retain(|_, (start, _)| now.duration_since(*start) < Duration::from_secs(60));
        }
        let slot = w.entry(ip).or_insert((now, 0));
        if now.duration_since(slot.0) >= Duration::from_secs(60) {
            *slot = (now, 0);
        }
        slot.1 += 1;
        slot.1 <= per_minute
    }
}

struct Shared {
    config: Config,
    http: reqwest::Client,
    limiter: Limiter,
    log: Log,
}

#[derive(Deserialize)]
struct Ask {
    code: String,
}

/// What the app gets.
#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct Granted {
    pub access_token: String,
    pub expires_in: u64,
}

/// An error answer: a code the app can act on and a sentence for people.
#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct Problem {
    pub error: String,
    pub message: String,
}

fn problem(status: StatusCode, error: &str, message: &str) -> Response {
    (status, Json(Problem { error: error.into(), message: message.into() })).into_response()
}

#[derive(Serialize)]
struct TokenRequest<'a> {
    grant_type: &'static str,
    client_id: &'a str,
    client_secret: &'a str,
    redirect_uri: &'a str,
    code: &'a str,
}

#[derive(Deserialize)]
struct TokenAnswer {
    access_token: Option<String>,
    expires_in: Option<u64>,
    error: Option<String>,
}

/// The service, ready to serve (with connect info for the rate limit).
pub fn app(config: Config, log: Log) -> Router {
    let origins: Vec<HeaderValue> = config.allowed_origins.iter().filter_map(|o| HeaderValue::from_str(o).ok()).collect();
    let cors = CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins))
        .allow_methods([Method::POST])
        .allow_headers([header::CONTENT_TYPE])
        .max_age(Duration::from_secs(600));
    let http = reqwest::Client::builder().timeout(UPSTREAM_TIMEOUT).redirect(reqwest::redirect::Policy::none()).build().unwrap_or_default();
    let shared = Arc::new(Shared { config, http, limiter: Limiter::default(), log });
    Router::new()
        .route("/token", post(token))
        .route("/health", get(|| async { "ok" }))
        .layer(axum::middleware::from_fn_with_state(shared.clone(), log_line))
        .layer(cors)
        .layer(RequestBodyLimitLayer::new(MAX_BODY))
        .with_state(shared)
}

/// One line a request: method, path (never the query), status, time.
async fn log_line(State(shared): State<Arc<Shared>>, req: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let (method, path, start) = (req.method().clone(), req.uri().path().to_string(), Instant::now());
    let res = next.run(req).await;
    (shared.log)(format!("{method} {path} {} {} ms", res.status().as_u16(), start.elapsed().as_millis()));
    res
}

fn client_ip(shared: &Shared, headers: &HeaderMap, peer: SocketAddr) -> IpAddr {
    if shared.config.trust_forwarded {
        let first = headers.get("x-forwarded-for").and_then(|v| v.to_str().ok()).and_then(|v| v.split(',').next()).and_then(|v| v.trim().parse().ok());
        if let Some(ip) = first {
            return ip;
        }
    }
    peer.ip()
}

async fn token(State(shared): State<Arc<Shared>>, ConnectInfo(peer): ConnectInfo<SocketAddr>, headers: HeaderMap, body: axum::body::Bytes) -> Response {
    let cfg = &shared.config;
    if !shared.limiter.allow(client_ip(&shared, &headers, peer), Instant::now(), cfg.rate_per_minute) {
        let mut res = problem(StatusCode::TOO_MANY_REQUESTS, "rate_limited", "Too many sign-ins from this address; wait a minute.");
        res.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("60"));
        return res;
    }
    let Ok(Ask { code }) = serde_json::from_slice::<Ask>(&body) else {
        return problem(StatusCode::BAD_REQUEST, "invalid_request", "Send {\"code\": \"…\"} as JSON.");
    };
    if code.is_empty() || code.len() > 2048 {
        return problem(StatusCode::BAD_REQUEST, "invalid_request", "The code is empty or too long.");
    }
    let ask = TokenRequest { grant_type: "authorization_code", client_id: &cfg.client_id, client_secret: &cfg.client_secret, redirect_uri: &cfg.redirect_uri, code: &code };
    let sent = shared.http.post(&cfg.token_url).header(header::ACCEPT, "application/json").json(&ask).send().await;
    let Ok(answer) = sent else {
        return problem(StatusCode::BAD_GATEWAY, "upstream_unreachable", "AniList's sign-in service did not answer; try again in a moment.");
    };
    let status = answer.status();
    let body: Option<TokenAnswer> = answer.json().await.ok();
    match (status.as_u16(), body) {
        (200, Some(TokenAnswer { access_token: Some(t), expires_in, .. })) if !t.is_empty() => {
            let mut res = Json(Granted { access_token: t, expires_in: expires_in.unwrap_or(31_536_000) }).into_response();
            res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            res
        }
        (400..=499, Some(TokenAnswer { error: Some(e), .. })) if e == "invalid_client" => problem(
            StatusCode::BAD_GATEWAY,
            "misconfigured",
            "AniList refused this service's client id or secret: the service is set up wrong (ask whoever runs it).",
        ),
        (400..=499, _) => problem(StatusCode::BAD_REQUEST, "invalid_grant", "AniList did not take the sign-in code: it was used already or has expired. Sign in again."),
        _ => problem(StatusCode::BAD_GATEWAY, "upstream_error", "AniList's sign-in service answered with an error; try again in a moment."),
    }
}

/// Serves on `listener` until the task is dropped.
pub async fn serve(listener: tokio::net::TcpListener, config: Config, log: Log) -> std::io::Result<()> {
    axum::serve(listener, app(config, log).into_make_service_with_connect_info::<SocketAddr>()).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        move |k| map.get(k).cloned()
    }

    const FULL: [(&str, &str); 4] = [
        ("EXCHANGE_CLIENT_ID", "1000"),
        ("EXCHANGE_CLIENT_SECRET", "s3cret"),
        ("EXCHANGE_REDIRECT_URI", "https://app.example/"),
        ("EXCHANGE_ALLOWED_ORIGINS", "https://app.example/, http://127.0.0.1:8080"),
    ];

    #[test]
    fn configuration_from_the_environment() {
        let c = Config::from_env(env(&FULL)).unwrap();
        assert_eq!(c.allowed_origins, ["https://app.example", "http://127.0.0.1:8080"]);
        assert_eq!((c.token_url.as_str(), c.rate_per_minute, c.trust_forwarded), (ANILIST_TOKEN_URL, 20, false));
        assert!(!format!("{c:?}").contains("s3cret"), "the secret never shows in Debug");
        for missing in ["EXCHANGE_CLIENT_ID", "EXCHANGE_CLIENT_SECRET", "EXCHANGE_REDIRECT_URI", "EXCHANGE_ALLOWED_ORIGINS"] {
            let less: Vec<_> = FULL.iter().copied().filter(|(k, _)| *k != missing).collect();
            assert_eq!(Config::from_env(env(&less)).unwrap_err(), format!("{missing} is not set"));
        }
        let mut bad = FULL.to_vec();
        bad[3] = ("EXCHANGE_ALLOWED_ORIGINS", "https://app.example/path");
        assert!(Config::from_env(env(&bad)).unwrap_err().contains("not an origin"));
        let mut rate = FULL.to_vec();
        rate.push(("EXCHANGE_RATE_PER_MINUTE", "0"));
        assert!(Config::from_env(env(&rate)).is_err());
    }

    #[test]
    fn the_limiter_counts_per_address_per_minute() {
        let l = Limiter::default();
        let (a, b) = ("127.0.0.1".parse().unwrap(), "127.0.0.2".parse().unwrap());
        let t = Instant::now();
        assert!(l.allow(a, t, 2) && l.allow(a, t, 2));
        assert!(!l.allow(a, t, 2), "the third in a minute");
        assert!(l.allow(b, t, 2), "another address has its own count");
        assert!(l.allow(a, t + Duration::from_secs(61), 2), "a new minute");
    }
}
