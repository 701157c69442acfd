//! Sign-in and sign-out in the browser: starting the implicit grant,
//! reading AniList's reply at start-up (before anything renders or any
//! request is sent), pasted tokens, expiry and other tabs. The decisions
//! are made by the pure functions in [`callback`] and [`jwt`].

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::auth::callback::{
    self, assess_token, check_state, explain_refusal, AccessToken, Accepted, PendingSignIn,
    QueryReply, Refusal, Reply, CODE_GRANT_EXPLANATION,
};
use crate::auth::jwt::Validity;
use crate::auth::store::{self, Loaded};
use crate::auth::time::{local_date_time, now_secs};
use crate::notices::{Flash, Flashes, Tone};
use crate::config::Config;
use crate::auth::stored::{Keep, Kept};
use crate::session::{Session, SessionContext, SignedIn};

/// What start-up found: the session to begin with, what to tell the
/// person, and where in the app to go.
pub struct BootAuth {
    pub session: Session,
    pub flashes: Vec<Flash>,
}

/// The client id sign-in uses: the host's, else the one the person entered.
pub fn effective_client_id(config: &Config) -> Option<String> {
    config.client_id.value.clone().or_else(store::own_client_id)
}

/// AniList's reply as it was in the address bar, which no longer holds it.
pub struct Captured {
    fragment: Result<Option<Reply>, callback::ReplyError>,
    query: Option<QueryReply>,
}

/// The very first thing start-up does, before any request or render: reads
/// the reply AniList left in the address (fragment, or query for a
/// code-grant client) and removes it from the address bar and history.
pub fn capture_reply() -> Captured {
    let location = window().location();
    let hash = location.hash().unwrap_or_default();
    let search = location.search().unwrap_or_default();
    let query = callback::parse_query(&search);
    if !hash.is_empty() || query.is_some() {
        // The current address without its fragment (and without the query
        // when it held the reply), built by the browser's URL parser: an
        // absolute URL of this very origin, whatever the path looks like
        // (a path starting with `//` given as it is would name another host,
        // and the browser would refuse to put it in the address bar).
        let href = location.href().unwrap_or_default();
        if let Ok(url) = web_sys::Url::new(&href) {
            url.set_hash("");
            if query.is_some() {
                url.set_search("");
            }
            replace_url(&url.href());
        }
    }
    Captured { fragment: callback::parse_fragment(&hash), query }
}

/// How long the token-exchange service is given.
const EXCHANGE_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(20);

/// The code grant: a `?code=` reply to this tab's own sign-in is traded
/// for a token through the configured token-exchange service, and goes on
/// as the implicit grant's reply would (the same checks follow). Without a
/// service, or for a reply this tab did not ask for, nothing is sent.
pub async fn exchange_code(captured: Captured, config: &Config) -> Captured {
    let (Some(QueryReply::Code { code, state }), Some(url)) = (&captured.query, &config.token_exchange_url.value) else { return captured };
    // A code this tab's sign-in did not ask for (a crafted link) is never
    // sent anywhere: read_at_boot reports the mismatch.
    if check_state(state.as_deref(), store::peek_pending().as_ref(), js_sys::Date::now()).is_err() {
        return captured;
    }
    let controller = web_sys::AbortController::new().ok();
    let timer = controller.clone().and_then(|c| set_timeout_with_handle(move || c.abort(), EXCHANGE_TIMEOUT).ok());
    let signal = controller.as_ref().map(|c| c.signal());
    #[derive(serde::Serialize)]
    struct Ask<'a> {
        code: &'a str,
    }
    let answer = match gloo_net::http::Request::post(url).abort_signal(signal.as_ref()).json(&Ask { code: code.expose() }) {
        Ok(request) => match request.send().await {
            Ok(r) => Ok((r.status(), r.text().await.unwrap_or_default())),
            Err(_) => Err(format!("The sign-in service at {} did not answer, so AniList's code could not be traded for a token. Try again in a moment.", crate::config::origin_of(url).unwrap_or_default())),
        },
        Err(_) => Err("The sign-in request could not be made.".to_string()),
    };
    if let Some(t) = timer {
        t.clear();
    }
    let state = state.clone();
    match answer.and_then(|(status, body)| callback::exchange_answer(status, &body)) {
        Ok((token, expires_in)) => Captured { fragment: Ok(Some(Reply::Token { token, expires_in, state })), query: None },
        Err(why) => Captured { fragment: Ok(None), query: Some(QueryReply::Unusable(why)) },
    }
}

/// Decides on the captured reply; with none, restores a kept session.
/// `base` is the router's base path.
pub fn read_at_boot(captured: Captured, config: &Config, base: &str) -> BootAuth {
    let mut flashes = Vec::new();
    let Captured { fragment, query: query_reply } = captured;
    if let Some(q) = query_reply {
        let pending = store::take_pending();
        flashes.push(match q {
            // With an exchange, a code is traded only for this tab's own
            // sign-in (exchange_code): one left here was not.
            QueryReply::Code { state, .. } if config.token_exchange_url.value.is_some() => {
                let why = check_state(state.as_deref(), pending.as_ref(), js_sys::Date::now()).err().map(|e| e.to_string());
                Flash::new(Tone::Error, "Sign-in refused").detail(why.unwrap_or_else(|| "The sign-in code was not used.".into())).with_retry()
            }
            QueryReply::Code { .. } => Flash::new(Tone::Error, "This AniList client uses the code grant, which this app cannot use")
                .detail(CODE_GRANT_EXPLANATION),
            QueryReply::Unusable(why) => Flash::new(Tone::Error, "You are not signed in").detail(why).with_retry(),
            // AniList's words are shown only for the reply to this tab's
            // own sign-in: a crafted link gets the plain message.
            QueryReply::Refused { error, description, state } => match check_state(state.as_deref(), pending.as_ref(), js_sys::Date::now()) {
                Ok(()) => refused_flash(&error, description.as_deref()),
                Err(e) => Flash::new(Tone::Error, "Sign-in refused").detail(e.to_string()).with_retry(),
            },
        });
    } else {
        match fragment {
            Ok(None) => {}
            Err(e) => {
                let _ = store::take_pending();
                flashes.push(Flash::new(Tone::Error, "The sign-in reply could not be used").detail(e.to_string()).with_retry());
            }
            Ok(Some(reply)) => {
                let pending = store::take_pending();
                match check_state(reply.state(), pending.as_ref(), js_sys::Date::now()) {
                    Err(e) => flashes.push(Flash::new(Tone::Error, "Sign-in refused").detail(e.to_string()).with_retry()),
                    Ok(()) => {
                        let pending = pending.unwrap_or_else(|| PendingSignIn {
                            state: String::new(),
                            started_at_ms: 0.0,
                            return_to: "/".into(),
                            keep: Keep::Device,
                        });
                        match reply {
                            Reply::Refused { error, description, .. } => {
                                flashes.push(refused_flash(&error, description.as_deref()));
                            }
                            Reply::Token { token, .. } => {
                                let client = effective_client_id(config);
                                match assess_token(token.expose(), now_secs(), client.as_deref()) {
                                    Err(refusal) => flashes.push(refusal_flash(&refusal, "AniList's token")),
                                    // A token sent back for another client is
                                    // not the reply to this app's sign-in.
                                    Ok(Accepted { other_client: Some(aud), .. }) => flashes.push(
                                        Flash::new(Tone::Error, "AniList's token could not be used")
                                            .detail(format!(
                                                "It was issued to AniList client {}, not to the one this app signed in with ({}). Sign in again.",
                                                aud.join(", "),
                                                client.as_deref().unwrap_or("none")
                                            ))
                                            .with_retry(),
                                    ),
                                    Ok(accepted) => {
                                        let (session, more) = accept(token, accepted, pending.keep, &graphql_origin(config));
                                        flashes.extend(more);
                                        // Signed in again as a parked account: it is the active one now.
                                        if let Some(s) = session.signed_in() {
                                            store::drop_parked(s.decoded.claims.sub);
                                        }
                                        let to = callback::safe_return_path(&pending.return_to);
                                        replace_url(&format!("{base}{to}"));
                                        return BootAuth { session, flashes };
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    let session = match store::load() {
        Loaded::Nothing => Session::SignedOut,
        Loaded::Corrupt => {
            flashes.push(Flash::new(Tone::Warning, "Your saved sign-in could not be read and was removed").detail("Please sign in again."));
            Session::SignedOut
        }
        Loaded::Session(token, decoded, kept, origin) => match decoded.claims.validity(now_secs()) {
            Validity::Valid => Session::SignedIn(Arc::new(SignedIn { token, decoded, kept, origin: origin.into() })),
            Validity::Expired { at } => {
                store::clear();
                expired_session(decoded.claims.user_id(), at, &mut flashes)
            }
            Validity::NotYetValid { .. } => {
                store::clear();
                Session::SignedOut
            }
        },
    };
    // Kept from a sign-in for another endpoint: its token is not sent to
    // this one (the API client refuses), and the person is told why.
    if let Some(s) = session.signed_in() {
        let now = graphql_origin(config);
        if *s.origin != now {
            flashes.push(
                Flash::new(Tone::Warning, "Your sign-in is for another GraphQL endpoint")
                    .detail(format!(
                        "You signed in for {}, and this app is now set to use {now}. Your token is never sent anywhere but where it was issued for: sign in again to use {now}.",
                        s.origin
                    ))
                    .with_retry(),
            );
        }
    }
    if let Some(s) = session.signed_in() {
        store::drop_parked(s.decoded.claims.sub);
    }
    BootAuth { session, flashes }
}

fn replace_url(url: &str) {
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(url));
    }
}

fn expired_session(user_id: String, at: i64, flashes: &mut Vec<Flash>) -> Session {
    flashes.push(
        Flash::new(Tone::Warning, format!("Your AniList sign-in expired on {}", local_date_time(at)))
            .detail("AniList tokens last a year. Sign in again to go on.")
            .with_retry(),
    );
    Session::Expired { user_id, at }
}

fn refused_flash(error: &str, description: Option<&str>) -> Flash {
    let mut detail = explain_refusal(error).to_string();
    if let Some(d) = description {
        detail.push_str(&format!(" AniList said: “{d}”"));
    }
    Flash::new(Tone::Error, "You are not signed in").detail(detail).with_retry()
}

/// The message for a token that was not accepted; `what` names where it
/// came from ("AniList's token", "The pasted token").
pub fn refusal_message(refusal: &Refusal) -> String {
    match refusal {
        Refusal::Malformed(e) => e.to_string(),
        Refusal::Expired { at } => format!("It expired on {}. Sign in again for a new one.", local_date_time(*at)),
        Refusal::NotYetValid { from } => format!(
            "It is not valid until {}; check this device's clock.",
            local_date_time(*from)
        ),
    }
}

fn refusal_flash(refusal: &Refusal, what: &str) -> Flash {
    Flash::new(Tone::Error, format!("{what} could not be used")).detail(refusal_message(refusal)).with_retry()
}

/// Keeps an accepted token and builds the signed-in session, with the
/// warnings the person should see.
pub fn accept(token: AccessToken, accepted: Accepted, keep: Keep, origin: &str) -> (Session, Vec<Flash>) {
    let mut flashes = Vec::new();
    let (kept, problem) = store::save(&token, &accepted.decoded, keep, origin);
    if let Some(problem) = problem {
        flashes.push(
            Flash::new(Tone::Warning, "Your sign-in will not be remembered")
                .detail(format!("{}: {problem}. You stay signed in until you close this page.", crate::text::capitalised("the browser refused to store it"))),
        );
    }
    if let Some(aud) = accepted.other_client {
        flashes.push(Flash::new(Tone::Warning, "This token was issued to another AniList client").detail(format!(
            "It names client {}, not the one this app is set up with. AniList will still accept it, but check that it is the token you meant to use.",
            aud.join(", ")
        )));
    }
    let session = Session::SignedIn(Arc::new(SignedIn { token, decoded: accepted.decoded, kept, origin: origin.into() }));
    (session, flashes)
}

/// The origin of the configured GraphQL endpoint: what a sign-in made now
/// is for.
pub fn graphql_origin(config: &Config) -> String {
    crate::config::origin_of(&config.graphql_url.value).unwrap_or_default()
}

/// Starts the implicit grant: remembers a fresh `state` in this tab, then
/// sends the browser to AniList. Returns a message when it cannot start.
pub fn begin_sign_in(config: &Config, client_id: &str, keep: Keep, return_to: &str) -> Result<(), String> {
    let mut bytes = [0u8; 32];
    window()
        .crypto()
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).map(|_| ()))
        .map_err(|_| "This browser cannot make the random value sign-in needs (no crypto.getRandomValues).".to_string())?;
    let state = callback::state_from_bytes(&bytes);
    let pending = PendingSignIn {
        state: state.clone(),
        started_at_ms: js_sys::Date::now(),
        return_to: callback::safe_return_path(return_to),
        keep,
    };
    store::put_pending(&pending).map_err(|problem| {
        format!("Sign-in cannot start: {problem}, so AniList's reply could not be checked. Allow storage for this site, or use “Paste a token” below.")
    })?;
    let url = callback::authorize_url(&config.authorize_url.value, client_id, &state, config.token_exchange_url.value.is_some());
    window()
        .location()
        .assign(&url)
        .map_err(|_| "The browser would not open AniList's sign-in page.".to_string())
}

/// Signs in with a token the person pasted (AniList's PIN page).
pub fn sign_in_with_pasted(config: &Config, text: &str, keep: Keep) -> Result<(Session, Vec<Flash>), String> {
    let client = effective_client_id(config);
    let accepted = assess_token(text, now_secs(), client.as_deref()).map_err(|r| refusal_message(&r))?;
    Ok(accept(AccessToken::new(text.trim()), accepted, keep, &graphql_origin(config)))
}

pub fn sign_out(session: SessionContext) {
    if let Some(user) = session.user_untracked() {
        crate::storage::forget_drafts(user);
    }
    store::clear();
    store::forget_person();
    session.0.set(Session::SignedOut);
}

/// "Add another account": the active account waits, parked with its own
/// token, while AniList signs another one in (which then becomes active).
pub fn add_account(config: &Config, session: SessionContext) -> Result<(), String> {
    let active = session.0.with_untracked(|s| s.signed_in().cloned());
    let keep = match active.as_ref().map(|s| s.kept) {
        Some(Kept::Tab) => Keep::Tab,
        _ => Keep::Device,
    };
    if let Some(s) = &active {
        store::park(&s.token, &s.decoded, s.kept, &s.origin)
            .map_err(|p| format!("This account cannot wait while another signs in: {p}. Sign out first, or allow storage for this site."))?;
    }
    let client = effective_client_id(config).ok_or_else(|| "No AniList client id is set: see the home page.".to_string())?;
    let here = window().location().pathname().unwrap_or_default();
    let base = crate::routes::base();
    begin_sign_in(config, &client, keep, here.strip_prefix(&base).unwrap_or("/"))
}

/// Makes a parked account the active one (the active one is parked in
/// its place): its token, lists and waiting changes from now on. `false`
/// when its sign-in is gone or has ended (then it is forgotten).
pub fn switch_account(session: SessionContext, flashes: Flashes, user: u64) -> bool {
    let Some((token, decoded, keep, origin)) = store::unpark(user) else {
        flashes.push(Flash::new(Tone::Warning, format!("User {user}'s sign-in is no longer kept here")).detail("Sign in to that account again.").with_retry());
        return false;
    };
    if let Validity::Expired { at } = decoded.claims.validity(now_secs()) {
        flashes.push(
            Flash::new(Tone::Warning, format!("User {user}'s AniList sign-in expired on {}", local_date_time(at)))
                .detail("Sign in to that account again.")
                .with_retry(),
        );
        return false;
    }
    if let Some(active) = session.0.with_untracked(|s| s.signed_in().cloned()) {
        if let Err(p) = store::park(&active.token, &active.decoded, active.kept, &active.origin) {
            flashes.push(Flash::new(Tone::Warning, format!("User {} will need to sign in again", active.user_id())).detail(format!("Its sign-in could not be kept: {p}.")));
        }
    }
    let (kept, _) = store::save(&token, &decoded, keep, &origin);
    session.0.set(Session::SignedIn(Arc::new(SignedIn { token, decoded, kept, origin: origin.into() })));
    true
}

/// AniList refused the token of the signed-in user ("Invalid token",
/// reported by the API client): the session ends, and the person is told
/// and offered to sign in again, coming back to this page.
pub fn watch_refused_token(session: SessionContext, flashes: Flashes, refused: RwSignal<Option<(u64, u32)>>) {
    Effect::new(move |_| {
        let Some((user, _)) = refused.get() else { return };
        let ours = session.user_untracked() == Some(user);
        if !ours {
            return;
        }
        store::clear();
        session.0.set(Session::SignedOut);
        let here = window().location().pathname().unwrap_or_default();
        let base = crate::routes::base();
        let path = here.strip_prefix(&base).unwrap_or(&here).to_string();
        let others = store::parked_users().len();
        let detail = match others {
            0 => "The token may have been revoked or replaced. Sign in again; you will come back to this page.".to_string(),
            n => format!(
                "User {user}'s token may have been revoked or replaced. Sign in again as User {user}; you will come back to this page, and its waiting changes are kept until then. {} still signed in here: switch under Accounts, in the header.",
                if n == 1 { "Your other account is".to_string() } else { format!("Your {n} other accounts are") }
            ),
        };
        flashes.push(Flash::new(Tone::Error, "AniList no longer accepts your sign-in").detail(detail).with_retry_to(path));
    });
}

/// Ends the session when its `exp` passes while the app is open, checking
/// every few seconds (a timer set a year ahead would not survive sleep).
pub fn watch_expiry(session: SessionContext, flashes: Flashes) {
    let check = move || {
        let expired = session.0.with_untracked(|s| {
            s.signed_in().and_then(|s| match s.decoded.claims.validity(now_secs()) {
                Validity::Expired { at } => Some((s.user_id(), at)),
                _ => None,
            })
        });
        if let Some((user_id, at)) = expired {
            store::clear();
            let mut list = Vec::new();
            let next = expired_session(user_id, at, &mut list);
            session.0.set(next);
            for f in list {
                flashes.push(f);
            }
        }
    };
    check();
    let _ = set_interval_with_handle(check, Duration::from_secs(5));
}

/// Sign-in and sign-out in another tab show here too (the `storage` event
/// fires for localStorage changes made by other tabs).
pub fn watch_other_tabs(session: SessionContext, flashes: Flashes) {
    let handle = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        let key = ev.key();
        if key.is_some() && key.as_deref() != Some(store::SESSION_KEY) {
            return;
        }
        let ours_on_device = session.0.with_untracked(|s| {
            s.signed_in().map(|s| s.kept == Kept::Device).unwrap_or(true)
        });
        if !ours_on_device {
            return;
        }
        match store::load() {
            Loaded::Session(token, decoded, kept, origin) => {
                if decoded.claims.validity(now_secs()) == Validity::Valid {
                    let same = session.0.with_untracked(|s| s.signed_in().map(|s| s.token == token).unwrap_or(false));
                    if !same {
                        session.0.set(Session::SignedIn(Arc::new(SignedIn { token, decoded, kept, origin: origin.into() })));
                    }
                }
            }
            Loaded::Nothing | Loaded::Corrupt => {
                if session.user_untracked().is_some() {
                    session.0.set(Session::SignedOut);
                    flashes.push(Flash::new(Tone::Info, "You signed out in another tab").with_revoke_link());
                }
            }
        }
    });
    on_cleanup(move || handle.remove());
}
