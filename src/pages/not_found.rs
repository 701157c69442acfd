use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::pages::PageIntro;
use crate::routes::Page;

#[component]
pub fn NotFound() -> impl IntoView {
    let path = use_location().pathname;
    view! {
        <div data-testid="not-found">
            <PageIntro
                title="Page not found"
                lead="There is no page at this address."
            />
            <p>
                "Nothing lives at "
                <code>{move || path.get()}</code>
                ". "
                <A href=Page::Home.href()>"Back to the start"</A>
                "."
            </p>
        </div>
    }
}
