use leptos::prelude::*;
use leptos_router::components::A;

use crate::config::{Config, ANILIST_DEVELOPER_SETTINGS_URL};
use crate::pages::PageIntro;
use crate::routes::Page;

#[component]
pub fn HomePage() -> impl IntoView {
    let config = expect_context::<Config>();
    let client = match &config.client_id.value {
        Some(id) => format!("AniList client {id} ({})", config.client_id.source.describe()),
        None => "no AniList client id configured yet".to_string(),
    };
    view! {
        <PageIntro
            title="Your AniList, fast and private"
            lead="Manage your anime and manga lists, search AniList, and try its API, straight from your browser."
        />
        <section class="card" data-testid="home-signin">
            <h2>"Sign in"</h2>
            <p>
                "You will sign in on AniList itself; AniList then hands this page an access token. "
                "The token stays in this browser and is sent only to AniList's API."
            </p>
            <p class="muted">"This build uses " {client} "."</p>
            <p>
                "Sign-in is not available in this version yet. To get ready, register a client at "
                <a href=ANILIST_DEVELOPER_SETTINGS_URL rel="noopener noreferrer" target="_blank">
                    "AniList's developer settings"
                </a>
                " with this page's address as its redirect URL (see "
                <A href=Page::Settings.href()>"Settings"</A>
                ")."
            </p>
        </section>
        <section class="feature-grid" aria-label="What you can do">
            <article class="card">
                <h2>"Your lists"</h2>
                <p>"Anime and manga by status, with progress you can bump in one click."</p>
            </article>
            <article class="card">
                <h2>"Search"</h2>
                <p>"Find a title and add it to your plans."</p>
            </article>
            <article class="card">
                <h2>"For developers"</h2>
                <p>"See what your token holds and run any GraphQL query against AniList."</p>
            </article>
        </section>
    }
}
