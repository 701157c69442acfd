use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;

use crate::session::flow;
use crate::auth::time::{countdown, local_date_time, relative_words};
use crate::components::clock::clock;
use crate::components::copy::CopyField;
use crate::components::empty_state::SignInRequired;
use crate::config::Config;
use crate::pages::PageIntro;
use crate::routes::Page;
use crate::session::{use_session, Kept, SignedIn};

#[component]
pub fn TokenPage() -> impl IntoView {
    let session = use_session();
    view! {
        <PageIntro
            title="Your token"
            lead="The user id, expiry and other claims of your AniList access token, decoded in your browser."
        />
        {move || match session.0.with(|s| s.signed_in().cloned()) {
            Some(s) => view! { <TokenDetails signed_in=Arc::new(s)/> }.into_any(),
            None => view! {
                <SignInRequired
                    title="No token yet"
                    why="Once you are signed in, this page shows what your token says."
                    page=Page::Token
                />
            }.into_any(),
        }}
    }
}

#[component]
fn TokenDetails(signed_in: Arc<SignedIn>) -> impl IntoView {
    let config = expect_context::<Config>();
    let session = use_session();
    let now = clock(Duration::from_secs(1));
    let claims = signed_in.decoded.claims.clone();
    let header = signed_in.decoded.header.clone();
    let exp = claims.exp;
    let client = flow::effective_client_id(&config);
    let audience = match claims.issued_to(client.as_deref()) {
        Some(true) => format!("{} (this app's client)", claims.aud.join(", ")),
        Some(false) => format!(
            "{} — not this app's client ({})",
            claims.aud.join(", "),
            client.clone().unwrap_or_default()
        ),
        None if claims.aud.is_empty() => "not stated".to_string(),
        None => format!("{} (no client id set up here to compare)", claims.aud.join(", ")),
    };
    let audience_ok = claims.issued_to(client.as_deref()) != Some(false);
    let kept = match signed_in.kept {
        Kept::Device => "on this device (localStorage)",
        Kept::Tab => "in this tab only (sessionStorage)",
        Kept::MemoryOnly => "in memory only: the browser refused to store it",
    };
    let time_row = |t: Option<i64>| {
        t.map(|t| format!("{} ({})", local_date_time(t), relative_words(t - crate::auth::time::now_secs())))
            .unwrap_or_else(|| "not stated".to_string())
    };
    let (show, set_show) = signal(false);
    let raw = signed_in.token.expose().to_string();
    let raw_len = raw.len();
    let raw_signal = Signal::derive(move || if show.get() { raw.clone() } else { String::new() });
    view! {
        <section class="card" data-testid="token-details">
            <h2>"What the token says"</h2>
            <dl class="facts">
                <div class="facts__row">
                    <dt>"User id"</dt>
                    <dd><strong data-testid="token-user-id">{claims.user_id()}</strong></dd>
                </div>
                <div class="facts__row">
                    <dt>"Expires"</dt>
                    <dd>
                        <span data-testid="token-expiry">{local_date_time(exp)}</span>
                        " · "
                        <span data-testid="token-expiry-relative">{move || relative_words(exp - now.get())}</span>
                    </dd>
                </div>
                <div class="facts__row">
                    <dt>"Time left"</dt>
                    <dd><span class="countdown" data-testid="token-countdown">{move || countdown(exp - now.get())}</span></dd>
                </div>
                <div class="facts__row"><dt>"Issued"</dt><dd>{time_row(claims.iat)}</dd></div>
                <div class="facts__row"><dt>"Valid from"</dt><dd>{time_row(claims.nbf)}</dd></div>
                <div class="facts__row">
                    <dt>"Audience (client)"</dt>
                    <dd class:warn=!audience_ok data-testid="token-audience">{audience}</dd>
                </div>
                <div class="facts__row">
                    <dt>"Token id"</dt>
                    <dd><code>{claims.jti.clone().unwrap_or_else(|| "not stated".into())}</code></dd>
                </div>
                <div class="facts__row">
                    <dt>"Scopes"</dt>
                    <dd>{if claims.scopes.is_empty() { "none listed (AniList tokens reach the whole account)".to_string() } else { claims.scopes.join(", ") }}</dd>
                </div>
                <div class="facts__row">
                    <dt>"Header"</dt>
                    <dd>
                        <code data-testid="token-alg">{format!("alg {}", header.alg)}</code>
                        {header.typ.clone().map(|t| view! { " " <code>{format!("typ {t}")}</code> })}
                    </dd>
                </div>
                <div class="facts__row"><dt>"Kept"</dt><dd data-testid="token-kept">{kept}</dd></div>
            </dl>
            <p class="muted small" data-testid="signature-note">
                "The signature cannot be checked in the browser (AniList publishes no key for it), so these claims are what the token says, not proof. "
                "AniList itself checks the token on every request."
            </p>
        </section>
        <section class="card">
            <h2>"The token itself"</h2>
            <p class="muted">
                "It gives full access to your AniList account for a year. Show it only to copy it somewhere you trust. "
                {format!("({raw_len} characters)")}
            </p>
            <div class="actions">
                <button
                    type="button"
                    class="button button--secondary"
                    aria-expanded=move || show.get().to_string()
                    aria-controls="raw-token"
                    on:click=move |_| set_show.update(|s| *s = !*s)
                    data-testid="toggle-token"
                >
                    {move || if show.get() { "Hide token" } else { "Show token" }}
                </button>
                <button type="button" class="button button--danger" on:click=move |_| { crate::outbox::sign_out(session); } >
                    "Sign out and forget it"
                </button>
            </div>
            <div id="raw-token">
                <Show when=move || show.get()>
                    <CopyField label="Access token" value=raw_signal/>
                </Show>
            </div>
        </section>
    }
}
