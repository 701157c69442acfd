//! Messages shown above the page.

use leptos::prelude::*;

use crate::config::Config;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Info,
    Warning,
    Error,
}

impl Tone {
    fn class(self) -> &'static str {
        match self {
            Tone::Info => "notice notice--info",
            Tone::Warning => "notice notice--warning",
            Tone::Error => "notice notice--error",
        }
    }
}

/// One message. Errors are announced to screen readers at once.
#[component]
pub fn Notice(tone: Tone, children: Children) -> impl IntoView {
    let role = if tone == Tone::Error { "alert" } else { "status" };
    view! {
        <div class=tone.class() role=role>
            {children()}
        </div>
    }
}

/// What went wrong reading the configuration, if anything.
#[component]
pub fn ConfigNotices() -> impl IntoView {
    let notices = expect_context::<Config>().notices;
    (!notices.is_empty()).then(|| {
        view! {
            <div class="notices" data-testid="config-notices">
                {notices
                    .into_iter()
                    .map(|n| view! { <Notice tone=Tone::Warning>{n}</Notice> })
                    .collect_view()}
            </div>
        }
    })
}
