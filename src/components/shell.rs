//! The frame around every page: header (name, navigation, session state)
//! and footer.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::config::{ANILIST_APPS_SETTINGS_URL, Config};
use crate::routes::Page;
use crate::session::SessionContext;
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

/// The sign-in state, always visible in the header.
#[component]
pub fn SessionBadge() -> impl IntoView {
    let session = expect_context::<SessionContext>().0;
    let class = move || {
        if session.with(|s| s.is_signed_in()) {
            "session-badge session-badge--in"
        } else {
            "session-badge session-badge--out"
        }
    };
    view! {
        <A href=Page::Home.href() attr:class=class attr:data-testid="session-badge">
            <span class="session-badge__dot" aria-hidden="true"></span>
            <span>{move || session.with(|s| s.status_label())}</span>
        </A>
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
