//! `/activity/:id`: one activity on its own (a list update, a status post
//! or a message) with its replies open, where a notification about it
//! leads: read, like, reply, and edit or delete your own, as on the feed.
//! Readable signed out, when it is not private.

use leptos::prelude::*;

use crate::api::ops::activity::{ActivityItem, RepliesVars};
use crate::api::{Api, ApiError};
use crate::components::activity::OneActivity;
use crate::components::empty_state::EmptyState;
use crate::components::read::read_from_anilist;
use crate::pages::PageIntro;
use crate::routes::Page;
use crate::session::use_session;

#[component]
pub fn ActivityItemPage() -> impl IntoView {
    let id = crate::pages::id_param();
    view! {
        <PageIntro title="Activity" lead="One activity on AniList, with its replies."/>
        <p class="small"><a href=Page::Activity.href()>"← All activity"</a></p>
        {move || match id.get() {
            Some(id) => view! { <ActivityItemView id=id/> }.into_any(),
            None => view! {
                <EmptyState title="No such activity">
                    <p>"This address does not name an activity."</p>
                </EmptyState>
            }
            .into_any(),
        }}
    }
}

#[component]
fn ActivityItemView(id: i64) -> impl IntoView {
    let api = expect_context::<Api>();
    let session = use_session();
    read_from_anilist(
        "Loading the activity…",
        move |fresh| {
            let api = api.clone();
            async move {
                let credential = session.credential();
                match api.run::<ActivityItem>(credential.as_ref(), &RepliesVars { id }, fresh).await {
                    Ok(data) => data.activity().map(Some).ok_or_else(|| ApiError::Shape(format!("no activity {id}"))),
                    // Deleted, private, or never there: said as such, not as an error.
                    Err(e) if e.is_not_found() => Ok(None),
                    Err(e) => Err(e),
                }
            }
        },
        move |found, _| match found {
            Some(a) => {
                let whose = a.user.as_ref().map_or_else(|| "An activity".to_string(), |u| format!("{}'s activity", u.name));
                crate::pages::set_title(&whose);
                view! { <OneActivity a=a/> }.into_any()
            }
            None => view! {
                <EmptyState title="Not on AniList">
                    <p data-testid="activity-not-found">"AniList has no activity with this number that you may see: it was deleted, or it is private."</p>
                </EmptyState>
            }
            .into_any(),
        },
    )
}
