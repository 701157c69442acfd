//! A clear "nothing here (yet)" panel, with a way on.

use leptos::prelude::*;

#[component]
pub fn EmptyState(
    #[prop(into)] title: String,
    children: Children,
) -> impl IntoView {
    view! {
        <section class="empty-state">
            <h2 class="empty-state__title">{title}</h2>
            <div class="empty-state__body">{children()}</div>
        </section>
    }
}

/// A page that needs a sign-in, seen signed out: why, and a way to sign in
/// that comes back to `page`, with the address's query (a new thread's
/// `?media=1`).
#[component]
pub fn SignInRequired(
    #[prop(into)] title: String,
    /// What the page shows once signed in.
    #[prop(into)]
    why: String,
    page: crate::routes::Page,
) -> impl IntoView {
    let query = leptos_router::hooks::use_location().search.get_untracked();
    let back = if query.is_empty() { page.path() } else { format!("{}?{query}", page.path()) };
    view! {
        <EmptyState title=title>
            <p>
                {why} " "
                <leptos_router::components::A href=crate::routes::sign_in_then(&back)>"Go to sign-in"</leptos_router::components::A>
                "."
            </p>
        </EmptyState>
    }
}
