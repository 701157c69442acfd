use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::components::empty_state::EmptyState;
use crate::pages::{not_found::NotFound, PageIntro};
use crate::routes::{MediaKind, Page};

/// `/lists/anime`, `/lists/manga`; `/lists` alone shows anime.
#[component]
pub fn ListsPage() -> impl IntoView {
    let params = use_params_map();
    let kind = move || {
        params.with(|p| match p.get("kind") {
            None => Some(MediaKind::Anime),
            Some(slug) => MediaKind::from_slug(&slug),
        })
    };
    move || match kind() {
        None => NotFound().into_any(),
        Some(kind) => view! { <ListsOf kind=kind/> }.into_any(),
    }
}

#[component]
fn ListsOf(kind: MediaKind) -> impl IntoView {
    view! {
        <PageIntro
            title=format!("Your {} list", kind.label().to_lowercase())
            lead="Everything you watch and read, grouped by status."
        />
        <nav class="tabs" aria-label="List type">
            {MediaKind::ALL
                .into_iter()
                .map(|k| view! { <A href=Page::Lists(k).href()>{k.label()}</A> })
                .collect_view()}
        </nav>
        <EmptyState title=format!("Sign in to see your {} list", kind.label().to_lowercase())>
            <p>
                "Your lists are read from AniList with your own token. "
                <A href=Page::Lists(kind).sign_in_then()>"Go to sign-in"</A>
                "."
            </p>
        </EmptyState>
    }
}
