//! The frame around every page: header (name, navigation, session state)
//! and footer.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::config::{ANILIST_APPS_SETTINGS_URL, Config};
use crate::routes::Page;
use std::time::Duration;

use crate::auth::time::relative_words;
use crate::components::clock::clock;
use crate::components::notice::{Flash, Flashes, Tone};
use crate::session::{Session, SessionContext};
use crate::APP_NAME;

#[component]
pub fn Header() -> impl IntoView {
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <A href=Page::Home.href() attr:class="brand">
                    <span class="brand__mark" aria-hidden="true">"T"</span>
                    <span class="brand__name">{APP_NAME}</span>
                    <span class="brand__for">"for AniList"</span>
                </A>
                <SessionBadge/>
            </div>
            <Nav/>
        </header>
    }
}

#[component]
pub fn Nav() -> impl IntoView {
    view! {
        <nav class="site-nav" aria-label="Main">
            <ul>
                {Page::NAV
                    .into_iter()
                    .map(|page| {
                        view! {
                            <li>
                                <A href=page.href()>{page.label()}</A>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

/// The sign-in state, always visible in the header, with sign-out and a
/// warning when the sign-in is about to end.
#[component]
pub fn SessionBadge() -> impl IntoView {
    let session = expect_context::<SessionContext>();
    let flashes = expect_context::<Flashes>();
    let now = clock(Duration::from_secs(30));
    let state = session.0;
    let class = move || match state.with(|s| (s.is_signed_in(), matches!(s, Session::Expired { .. }))) {
        (true, _) => "session-badge session-badge--in",
        (_, true) => "session-badge session-badge--expired",
        _ => "session-badge session-badge--out",
    };
    let href = move || {
        if state.with(|s| s.is_signed_in()) { Page::Token.href() } else { Page::Home.href() }
    };
    let warning = move || {
        state.with(|s| s.expiry_warning(now.get())).map(|left| {
            view! {
                <A href=Page::Home.href() attr:class="expiry-warning" attr:data-testid="expiry-warning">
                    "Sign-in ends " {relative_words(left)}
                </A>
            }
        })
    };
    let sign_out = move |_| {
        crate::outbox::sign_out(session);
        flashes.push(
            Flash::new(Tone::Info, "You are signed out")
                .detail("Your token, your lists and your console history are deleted from this browser.")
                .with_revoke_link(),
        );
    };
    view! {
        <div class="session">
            <crate::outbox::OutboxStatus/>
            {warning}
            <A href=href attr:class=class attr:data-testid="session-badge">
                <span class="session-badge__dot" aria-hidden="true"></span>
                <span>{move || state.with(|s| s.status_label())}</span>
            </A>
            <Show when=move || state.with(|s| s.is_signed_in())>
                <button type="button" class="button button--small button--secondary" on:click=sign_out data-testid="sign-out">
                    "Sign out"
                </button>
            </Show>
        </div>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    let config = expect_context::<Config>();
    let endpoint = if config.is_anilist() {
        "AniList".to_string()
    } else {
        format!("a custom endpoint ({})", config.graphql_url.value)
    };
    view! {
        <footer class="site-footer">
            <p>
                {APP_NAME}
                " is an unofficial client for AniList, not made or endorsed by AniList. "
                "It runs entirely in your browser and talks only to "
                {endpoint}
                "."
            </p>
            <crate::components::api_status::BudgetLine/>
            <p>"Press " <kbd>"?"</kbd> " for keyboard shortcuts."</p>
            <p>
                "Revoke its access any time in "
                <a href=ANILIST_APPS_SETTINGS_URL rel="noopener noreferrer" target="_blank">
                    "AniList's app settings"
                </a>
                "."
            </p>
        </footer>
    }
}
