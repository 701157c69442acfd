//! `/activity`: the activity feed, newest first, 25 at a time: what the
//! members the person follows (and the person) watched and read, and what
//! they posted; `?feed=everyone`: everyone's (AniList's global feed, list
//! updates only when someone answered them). Posts go through the rich-text
//! allowlist. Readable signed out (everyone's only).

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::ops::activity::{Shown, Whose};
use crate::components::activity::{feed_href, Feed};
use crate::pages::PageIntro;
use crate::routes::Page;
use crate::session::use_session;

#[component]
pub fn ActivityPage() -> impl IntoView {
    let session = use_session();
    let query = use_query_map();
    let user = Memo::new(move |_| session.user());
    let asked_everyone = Memo::new(move |_| query.with(|q| q.get("feed").as_deref() == Some("everyone")));
    let shown = Memo::new(move |_| query.with(|q| Shown::from_param(q.get("show").as_deref())));
    // Drawn anew when the feed, what it shows or the person changes.
    let feed = Memo::new(move |_| (user.get(), user.get().is_some() && !asked_everyone.get(), shown.get()));
    view! {
        <PageIntro title="Activity" lead="What members are watching, reading and saying on AniList."/>
        <nav class="tabs" aria-label="Whose activity">
            {move || user.get().is_some().then(|| view! {
                <a href=move || feed_href(false, shown.get()) aria-current=move || feed.get().1.then_some("page")>"Following"</a>
            })}
            <a href=move || feed_href(true, shown.get()) aria-current=move || (!feed.get().1).then_some("page")>"Everyone"</a>
        </nav>
        <nav class="choice-links" aria-label="What to show" data-testid="activity-shown">
            <ul>
                {Shown::ALL.into_iter().map(|s| view! {
                    <li><a href=move || feed_href(!feed.get().1, s) aria-current=move || (shown.get() == s).then_some("page")>{s.label()}</a></li>
                }).collect_view()}
            </ul>
        </nav>
        {move || {
            let (user, following, shown) = feed.get();
            let credential = user.and_then(|_| session.credential());
            view! {
                {user.is_none().then(|| view! {
                    <p class="muted small" data-testid="activity-sign-in">
                        <a href=Page::Activity.sign_in_then()>"Sign in"</a> " to see what the members you follow are up to."
                    </p>
                })}
                <Feed credential=credential whose=if following { Whose::Following } else { Whose::Everyone } shown=shown/>
            }
        }}
    }
}
