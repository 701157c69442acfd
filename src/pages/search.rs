use leptos::prelude::*;

use crate::components::empty_state::EmptyState;
use crate::pages::PageIntro;

#[component]
pub fn SearchPage() -> impl IntoView {
    view! {
        <PageIntro
            title="Search"
            lead="Find anime and manga on AniList and add them to your list."
        />
        <EmptyState title="Search is coming">
            <p>"Searching AniList is not part of this version yet."</p>
        </EmptyState>
    }
}
