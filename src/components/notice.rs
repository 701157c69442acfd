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

/// A message for the person, shown under the header until dismissed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flash {
    pub id: u32,
    pub tone: Tone,
    pub title: String,
    pub detail: Option<String>,
    /// Offer to start sign-in again.
    pub retry_sign_in: bool,
    /// The in-app page sign-in should come back to.
    pub return_to: Option<String>,
}

impl Flash {
    pub fn new(tone: Tone, title: impl Into<String>) -> Self {
        Self { id: 0, tone, title: title.into(), detail: None, retry_sign_in: false, return_to: None }
    }

    pub fn detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    pub fn with_retry(mut self) -> Self {
        self.retry_sign_in = true;
        self
    }

    /// Offer to sign in again, coming back to `path` afterwards.
    pub fn with_retry_to(mut self, path: String) -> Self {
        self.retry_sign_in = true;
        self.return_to = Some(path);
        self
    }
}

/// The messages on screen, shared through context.
#[derive(Clone, Copy)]
pub struct Flashes(pub RwSignal<Vec<Flash>>);

impl Flashes {
    pub fn new(initial: Vec<Flash>) -> Self {
        let me = Self(RwSignal::new(Vec::new()));
        for f in initial {
            me.push(f);
        }
        me
    }

    pub fn push(&self, mut flash: Flash) {
        self.0.update(|list| {
            flash.id = list.iter().map(|f| f.id).max().unwrap_or(0) + 1;
            // The same message twice is shown once.
            list.retain(|f| f.title != flash.title);
            list.push(flash);
        });
    }

    pub fn dismiss(&self, id: u32) {
        self.0.update(|list| list.retain(|f| f.id != id));
    }
}

/// The flash messages, each with a dismiss button.
#[component]
pub fn FlashNotices() -> impl IntoView {
    let flashes = expect_context::<Flashes>();
    view! {
        <div class="notices" data-testid="flashes" aria-live="polite">
            <For each=move || flashes.0.get() key=|f| i64::from(f.id) let:flash>
                <div class=flash.tone.class() role=if flash.tone == Tone::Error { "alert" } else { "status" }>
                    <div class="notice__text">
                        <strong class="notice__title">{flash.title.clone()}</strong>
                        {flash.detail.clone().map(|d| view! { <p class="notice__detail">{d}</p> })}
                        {flash.retry_sign_in.then(|| {
                            let href = match &flash.return_to {
                                Some(p) => crate::routes::sign_in_then(&crate::auth::callback::safe_return_path(p)),
                                None => crate::routes::Page::Home.href(),
                            };
                            view! {
                                <p><leptos_router::components::A href=href attr:class="notice__action">"Try signing in again"</leptos_router::components::A></p>
                            }
                        })}
                    </div>
                    <button
                        type="button"
                        class="notice__close"
                        aria-label="Dismiss this message"
                        on:click=move |_| flashes.dismiss(flash.id)
                    >
                        "×"
                    </button>
                </div>
            </For>
        </div>
    }
}
