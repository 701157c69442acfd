//! The exchange against a stand-in for AniList's token endpoint, both on
//! loopback: the happy path, a reused code, a wrong secret, AniList down,
//! CORS, the body limit, the rate limit, and that no code, secret or token
//! reaches the log.

use std::collections::HashSet;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::http::StatusCode;
use axum::{Json, Router};
use serde_json::{json, Value};
use tsuzuki_exchange::{Config, Granted, Log, Problem};

const ORIGIN: &str = "http://127.0.0.1:9999";
const SECRET: &str = "the-client-secret-42";
const TOKEN: &str = "eyJhbGciOiJSUzI1NiJ9.issued-token.sig";

/// AniList's token endpoint: client 1000 with SECRET, redirect to the app,
/// codes "code-1" … "code-9", each good once.
async fn fake_anilist() -> (String, Arc<Mutex<Vec<Value>>>) {
    let used = Arc::new(Mutex::new(HashSet::<String>::new()));
    let seen = Arc::new(Mutex::new(Vec::new()));
    let seen_in = seen.clone();
    let app = Router::new().route(
        "/api/v2/oauth/token",
        axum::routing::post(move |Json(body): Json<Value>| {
            let used = used.clone();
            let seen = seen_in.clone();
            async move {
                seen.lock().unwrap().push(body.clone());
                let s = |k: &str| body.get(k).and_then(Value::as_str).unwrap_or_default().to_string();
                if s("client_id") != "1000" || s("client_secret") != SECRET {
                    return (StatusCode::UNAUTHORIZED, Json(json!({"error": "invalid_client", "message": "Client authentication failed"})));
                }
                let code = s("code");
                if s("grant_type") != "authorization_code" || s("redirect_uri") != "http://127.0.0.1:9999/" || !code.starts_with("code-") || !used.lock().unwrap().insert(code) {
                    return (StatusCode::BAD_REQUEST, Json(json!({"error": "invalid_grant", "message": "The authorization code has been revoked"})));
                }
                (StatusCode::OK, Json(json!({"token_type": "Bearer", "expires_in": 31536000, "access_token": TOKEN, "refresh_token": "r"})))
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (format!("http://{addr}/api/v2/oauth/token"), seen)
}

struct Service {
    url: String,
    log: Arc<Mutex<Vec<String>>>,
}

async fn service(token_url: &str, secret: &str, rate: u32) -> Service {
    let config = Config {
        client_id: "1000".into(),
        client_secret: secret.into(),
        redirect_uri: "http://127.0.0.1:9999/".into(),
        allowed_origins: vec![ORIGIN.into()],
        token_url: token_url.into(),
        rate_per_minute: rate,
        trust_forwarded: false,
    };
    let lines = Arc::new(Mutex::new(Vec::new()));
    let sink = lines.clone();
    let log: Log = Arc::new(move |l| sink.lock().unwrap().push(l));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr: SocketAddr = listener.local_addr().unwrap();
    tokio::spawn(tsuzuki_exchange::serve(listener, config, log));
    Service { url: format!("http://{addr}/token"), log: lines }
}

async fn ask(s: &Service, body: &str) -> reqwest::Response {
    reqwest::Client::new().post(&s.url).header("Origin", ORIGIN).header("Content-Type", "application/json").body(body.to_string()).send().await.unwrap()
}

fn clean_log(s: &Service, secrets: &[&str]) {
    let log = s.log.lock().unwrap().join("\n");
    assert!(!log.is_empty(), "each request is logged");
    for x in secrets {
        assert!(!log.contains(x), "{x} reached the log:\n{log}");
    }
}

#[tokio::test]
async fn a_code_is_traded_for_a_token_once() {
    let (anilist, seen) = fake_anilist().await;
    let s = service(&anilist, SECRET, 20).await;
    let res = ask(&s, r#"{"code":"code-1"}"#).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["access-control-allow-origin"], ORIGIN);
    assert_eq!(res.headers()["cache-control"], "no-store");
    let granted: Granted = res.json().await.unwrap();
    assert_eq!(granted, Granted { access_token: TOKEN.into(), expires_in: 31_536_000 });
    let sent = seen.lock().unwrap()[0].clone();
    assert_eq!(sent["grant_type"], "authorization_code");
    assert_eq!(sent["redirect_uri"], "http://127.0.0.1:9999/");
    // The same code again: AniList refuses it, and the app is told so.
    let again = ask(&s, r#"{"code":"code-1"}"#).await;
    assert_eq!(again.status(), 400);
    let p: Problem = again.json().await.unwrap();
    assert_eq!(p.error, "invalid_grant");
    assert!(!p.message.contains("code-1"));
    clean_log(&s, &["code-1", SECRET, TOKEN]);
}

#[tokio::test]
async fn a_wrong_secret_and_anilist_down_are_told_apart() {
    let (anilist, _) = fake_anilist().await;
    let wrong = service(&anilist, "not-the-secret", 20).await;
    let res = ask(&wrong, r#"{"code":"code-2"}"#).await;
    assert_eq!(res.status(), 502);
    assert_eq!(res.json::<Problem>().await.unwrap().error, "misconfigured");
    clean_log(&wrong, &["code-2", "not-the-secret"]);
    // Nothing listens there.
    let closed = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let dead = format!("http://{}/api/v2/oauth/token", closed.local_addr().unwrap());
    drop(closed);
    let down = service(&dead, SECRET, 20).await;
    let res = ask(&down, r#"{"code":"code-3"}"#).await;
    assert_eq!(res.status(), 502);
    assert_eq!(res.json::<Problem>().await.unwrap().error, "upstream_unreachable");
}

#[tokio::test]
async fn cors_only_for_the_apps_origin() {
    let (anilist, _) = fake_anilist().await;
    let s = service(&anilist, SECRET, 20).await;
    let preflight = |origin: &'static str| {
        reqwest::Client::new()
            .request(reqwest::Method::OPTIONS, &s.url)
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "content-type")
            .send()
    };
    let ok = preflight(ORIGIN).await.unwrap();
    assert_eq!(ok.headers()["access-control-allow-origin"], ORIGIN);
    let other = preflight("https://evil.example").await.unwrap();
    assert!(other.headers().get("access-control-allow-origin").is_none());
}

#[tokio::test]
async fn bad_bodies_and_too_many_requests_are_refused() {
    let (anilist, seen) = fake_anilist().await;
    let s = service(&anilist, SECRET, 2).await;
    assert_eq!(ask(&s, "not json").await.status(), 400);
    assert_eq!(ask(&s, r#"{"code":""}"#).await.status(), 400);
    let huge = format!(r#"{{"code":"{}"}}"#, "x".repeat(8 * 1024));
    assert_eq!(ask(&s, &huge).await.status(), 413);
    let limited = ask(&s, r#"{"code":"code-4"}"#).await;
    assert_eq!(limited.status(), 429, "the third counted in a minute (the oversized one never reached the handler)");
    assert_eq!(limited.headers()["retry-after"], "60");
    assert!(seen.lock().unwrap().is_empty(), "nothing was sent to AniList");
}
