use leptos::prelude::*;

use crate::components::empty_state::EmptyState;
use crate::config::Config;
use crate::pages::PageIntro;

#[component]
pub fn ConsolePage() -> impl IntoView {
    let endpoint = expect_context::<Config>().graphql_url.value;
    view! {
        <PageIntro
            title="GraphQL console"
            lead="Write any query, run it with your token, and read the answer."
        />
        <EmptyState title="The console is coming">
            <p>
                "Queries will go to "
                <code data-testid="console-endpoint">{endpoint}</code>
                "."
            </p>
        </EmptyState>
    }
}
