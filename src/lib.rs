//! Tsuzuki, an unofficial browser client for AniList.
//!
//! `main.rs` only calls [`start`]; everything else lives here so the browser
//! tests can mount [`App`] themselves.

pub mod airing;
pub mod api;
pub mod auth;
pub mod boot;
pub mod browse;
pub mod bulk;
pub mod components;
pub mod config;
pub mod csp;
pub mod draft;
pub mod edit;
pub mod export;
pub mod graphql_text;
pub mod idb;
pub mod import;
pub mod listing;
pub mod media;
pub mod notices;
pub mod notifications;
pub mod outbox;
pub mod pages;
pub mod review_form;
pub mod rich_text;
pub mod routes;
pub mod session;
pub mod shortcuts;
pub mod store;
pub mod storage;
pub mod tabs;
pub mod unread;
pub mod text;
pub mod theme;
pub mod tidy;
pub mod thread_form;
pub mod weburl;

use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::{OptionalParamSegment, ParamSegment, StaticSegment};

use components::notice::{ConfigNotices, Flash, FlashNotices, Flashes};
use components::shell::{Footer, Header};
use config::Config;
use pages::{
    airing::AiringPage,
    console::ConsolePage, home::HomePage, lists::ListsPage, not_found::NotFound, notifications::NotificationsPage, people::{CharacterPage, StaffPage},
    profile::ProfilePage, search::SearchPage, settings::SettingsPage, stats::StatsPage, studio::StudioPage, title::{AnimeTitlePage, MangaTitlePage}, token::TokenPage, user::UserPage, review::ReviewPage, thread::ThreadPage, forum::ForumPage, write_review::{AnimeReviewPage, MangaReviewPage}, write_thread::{EditThreadPage, NewThreadPage}, schedule::SchedulePage, activity::ActivityPage, activity_item::ActivityItemPage,
};
use session::{Session, SessionContext};

pub use boot::start;

pub const APP_NAME: &str = "Tsuzuki";

/// Moves keyboard focus to the page's content. Done by hand: with a
/// `<base>` element a bare `#main` link would leave a deep page.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    if let Some(main) = document().get_element_by_id("main") {
        if let Ok(main) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(main) {
            let _ = main.focus();
        }
    }
}

/// The whole app. `config` is what [`boot`] read at start-up; `base` is the
/// path the app is served under (`""` at the root, `"/x"` under `/x/`).
/// `session` and `flashes` are what start-up found (see
/// [`session::flow::read_at_boot`]); tests pass their own.
#[component]
pub fn App(
    config: Config,
    #[prop(optional, into)] base: String,
    #[prop(optional)] session: Session,
    #[prop(optional)] flashes: Vec<Flash>,
) -> impl IntoView {
    routes::set_base(&base);
    let session = SessionContext::new(session);
    provide_context(session);
    let flashes = Flashes::new(flashes);
    provide_context(flashes);
    let api = api::Api::new(&config.graphql_url.value, config.graphql_refused_by_policy);
    provide_context(api.clone());
    let names = session::names::AccountNames::new();
    provide_context(names);
    let store = store::ListStore::new(names);
    provide_context(store);
    let outbox = outbox::Outbox::new(store, session, flashes, api.clone());
    provide_context(outbox);
    let titles = store::titles::Titles::new();
    provide_context(titles);
    outbox.follow_options(titles);
    let unread = unread::Unread::new();
    provide_context(unread);
    unread.follow(session, api.clone());
    // The store and the outbox follow the signed-in user, from the start
    // (pages ask the store for the user's lists as they mount).
    let first_user = session.user_untracked();
    store.switch_user(first_user);
    outbox.switch_user(first_user);
    Effect::new(move |_| {
        let user = session.user();
        store.switch_user(user);
        outbox.switch_user(user);
    });
    provide_context(config);
    store::tell_when_memory_only(store, flashes);
    store::flush_when_hidden(store);
    outbox.refresh_when_back();
    session::flow::watch_refused_token(session, flashes, api.token_refused);
    session::flow::watch_expiry(session, flashes);
    session::flow::watch_other_tabs(session, flashes);

    view! {
        <Router base=base>
            <a class="skip-link" href="#main" on:click=skip_to_main>"Skip to content"</a>
            <div class="app">
                <Header/>
                <ConfigNotices/>
                <FlashNotices/>
                <components::api_status::RateLimitWait/>
                <main id="main" class="main" tabindex="-1">
                    <FlatRoutes fallback=NotFound>
                        <Route path=StaticSegment("") view=HomePage/>
                        <Route path=StaticSegment(routes::TOKEN) view=TokenPage/>
                        <Route path=StaticSegment(routes::PROFILE) view=ProfilePage/>
                        <Route
                            path=(StaticSegment(routes::LISTS), OptionalParamSegment("kind"))
                            view=ListsPage
                        />
                        <Route path=StaticSegment(routes::SEARCH) view=SearchPage/>
                        <Route path=StaticSegment(routes::AIRING) view=AiringPage/>
                        <Route path=(StaticSegment(routes::AIRING), StaticSegment(routes::SCHEDULE)) view=SchedulePage/>
                        <Route path=StaticSegment(routes::NOTIFICATIONS) view=NotificationsPage/>
                        <Route path=StaticSegment(routes::ACTIVITY) view=ActivityPage/>
                        <Route path=(StaticSegment(routes::ACTIVITY), ParamSegment("id")) view=ActivityItemPage/>
                        <Route path=(StaticSegment(routes::STATS), ParamSegment("kind")) view=StatsPage/>
                        <Route path=(StaticSegment(media::MediaKind::Anime.slug()), ParamSegment("id")) view=AnimeTitlePage/>
                        <Route path=(StaticSegment(media::MediaKind::Manga.slug()), ParamSegment("id")) view=MangaTitlePage/>
                        <Route path=(StaticSegment(media::MediaKind::Anime.slug()), ParamSegment("id"), StaticSegment(routes::REVIEW)) view=AnimeReviewPage/>
                        <Route path=(StaticSegment(media::MediaKind::Manga.slug()), ParamSegment("id"), StaticSegment(routes::REVIEW)) view=MangaReviewPage/>
                        <Route path=(StaticSegment(routes::CHARACTER), ParamSegment("id")) view=CharacterPage/>
                        <Route path=(StaticSegment(routes::STAFF), ParamSegment("id")) view=StaffPage/>
                        <Route path=(StaticSegment(routes::STUDIO), ParamSegment("id")) view=StudioPage/>
                        <Route path=(StaticSegment(routes::USER), ParamSegment("id")) view=UserPage/>
                        <Route path=(StaticSegment(routes::REVIEW), ParamSegment("id")) view=ReviewPage/>
                        <Route path=(StaticSegment(routes::THREAD), ParamSegment("id")) view=ThreadPage/>
                        <Route path=StaticSegment(routes::FORUM) view=ForumPage/>
                        <Route path=(StaticSegment(routes::FORUM), StaticSegment(routes::NEW)) view=NewThreadPage/>
                        <Route path=(StaticSegment(routes::THREAD), ParamSegment("id"), StaticSegment(routes::EDIT)) view=EditThreadPage/>
                        <Route path=StaticSegment(routes::CONSOLE) view=ConsolePage/>
                        <Route path=StaticSegment(routes::SETTINGS) view=SettingsPage/>
                    </FlatRoutes>
                </main>
                <Footer/>
                <components::shortcuts::Shortcuts/>
            </div>
        </Router>
    }
}
