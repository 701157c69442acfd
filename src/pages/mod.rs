//! One module per page.

pub mod activity;
pub mod activity_item;
pub mod airing;
pub mod console;
pub mod forum;
pub mod home;
pub mod lists;
pub mod not_found;
pub mod notifications;
pub mod people;
pub mod profile;
pub mod review;
pub mod thread;
pub mod schedule;
pub mod search;
pub mod settings;
pub mod stats;
pub mod studio;
pub mod title;
pub mod token;
pub mod user;
pub mod write_review;
pub mod write_thread;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The tab's title: what the page shows, then the app's name.
pub fn set_title(what: &str) {
    document().set_title(&format!("{what} · {} for AniList", crate::APP_NAME));
}

/// The title and lead line every page starts with; also sets the tab title.
#[component]
pub fn PageIntro(
    #[prop(into)] title: String,
    #[prop(into)] lead: String,
) -> impl IntoView {
    set_title(&title);
    view! {
        <div class="page-intro">
            <h1>{title}</h1>
            <p class="lead">{lead}</p>
        </div>
    }
}

/// The route's `:id`, when it is a positive number (a page says there is
/// no such thing otherwise).
pub fn id_param() -> Memo<Option<i64>> {
    let params = use_params_map();
    Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| s.parse::<i64>().ok()).filter(|i| *i > 0)))
}
