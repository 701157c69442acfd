use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::empty_state::EmptyState;
use crate::pages::PageIntro;
use crate::routes::Page;

#[component]
pub fn TokenPage() -> impl IntoView {
    view! {
        <PageIntro
            title="Your token"
            lead="The user id, expiry and other claims of your AniList access token, decoded in your browser."
        />
        <EmptyState title="No token yet">
            <p>
                "Once you are signed in, this page shows what your token says. "
                <A href=Page::Home.href()>"Go to sign-in"</A>
                "."
            </p>
        </EmptyState>
    }
}
