use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::empty_state::EmptyState;
use crate::pages::PageIntro;
use crate::routes::Page;

#[component]
pub fn ProfilePage() -> impl IntoView {
    view! {
        <PageIntro
            title="Profile"
            lead="Your AniList profile and statistics."
        />
        <EmptyState title="Sign in to see your profile">
            <p>
                "Your profile is read from AniList with your own token. "
                <A href=Page::Profile.sign_in_then()>"Go to sign-in"</A>
                "."
            </p>
        </EmptyState>
    }
}
