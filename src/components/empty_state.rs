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
