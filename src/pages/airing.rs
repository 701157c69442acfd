//! The airing page: the anime the person is watching (or rewatching), by
//! their next episode, with countdowns and how many aired episodes they
//! have not seen; "+1" right there. A view on the list store.

use std::time::Duration;

use leptos::prelude::*;

use crate::auth::callback::Credential;
use crate::components::api_status::ApiErrorView;
use crate::components::clock::clock;
use crate::components::empty_state::EmptyState;
use crate::components::watch_row::{WatchRow, Watched};
use crate::components::AiringTabs;
use crate::components::read::sign_in_gate;
use crate::media::{ListStatus, MediaKind};
use crate::outbox::use_outbox;
use crate::pages::PageIntro;
use crate::routes::Page;
use crate::store::use_list_store;

#[component]
pub fn AiringPage() -> impl IntoView {
    view! {
        <PageIntro title="Airing" lead="What you are watching, by its next episode."/>
        <AiringTabs/>
        {sign_in_gate("Sign in to see what is airing".into(), "The page is made from your anime list.", Page::Airing, move |credential| {
            view! { <AiringBody credential=credential/> }.into_any()
        })}
    }
}

#[component]
fn AiringBody(credential: Credential) -> impl IntoView {
    let store = use_list_store();
    let outbox = use_outbox();
    let kind = MediaKind::Anime;
    let asked_for = credential.clone();
    let refresh = move |force: bool| outbox.refresh_list(kind, credential.clone(), force);
    refresh(false);
    let again = Callback::new(move |_| refresh(true));
    let now = clock(Duration::from_secs(30));
    // Episodes whose time has passed: asked again (see the list page).
    outbox.follow_airing(asked_for, now);
    let watched = Memo::new(move |_| {
        store.with(kind, |d| {
            d.map(|d| {
                let mut out: Vec<Watched> = d
                    .entries
                    .iter()
                    .filter(|e| e.status.is_some_and(ListStatus::in_progress))
                    .map(|e| Watched::of(kind, e))
                    .collect();
                // Soonest first; those without a date after, by title.
                out.sort_by(|a, b| match (a.next, b.next) {
                    (Some(x), Some(y)) => x.1.cmp(&y.1),
                    (Some(_), None) => std::cmp::Ordering::Less,
                    (None, Some(_)) => std::cmp::Ordering::Greater,
                    (None, None) => a.title.cmp(&b.title),
                });
                out
            })
        })
    });
    let state = Memo::new(move |_| store.refresh_state(kind));
    move || match watched.get() {
        None => match state.get().error {
            Some(e) => view! { <ApiErrorView error=e retry=again/> }.into_any(),
            None => view! { <p class="loading" role="status" data-testid="loading">"Loading your list…"</p> }.into_any(),
        },
        Some(list) if list.is_empty() => view! {
            <EmptyState title="Nothing being watched">
                <p>"Titles you are watching show here with their next episode. " <a href=Page::Search.href()>"Find something to watch"</a> ", or see " <a href=Page::Schedule.href()>"what airs today"</a> "."</p>
            </EmptyState>
        }
        .into_any(),
        Some(list) => {
            let (airing, other): (Vec<_>, Vec<_>) = list.into_iter().partition(|w| w.next.is_some());
            view! {
                <ul class="airing-list" data-testid="airing-list" aria-label="Airing, soonest first">
                    {airing.into_iter().map(|w| view! { <WatchRow w=w now=now testid="airing"/> }).collect_view()}
                </ul>
                {(!other.is_empty()).then(|| view! {
                    <h2 class="airing-list__more">"No next episode known"</h2>
                    <ul class="airing-list" data-testid="not-airing">
                        {other.into_iter().map(|w| view! { <WatchRow w=w now=now testid="airing"/> }).collect_view()}
                    </ul>
                })}
            }
            .into_any()
        }
    }
}
