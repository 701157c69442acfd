//! Messages shown above the page.

use leptos::prelude::*;

use crate::config::Config;

pub use crate::notices::{Flash, Flashes, Tone};

fn class(tone: Tone) -> &'static str {
    match tone {
        Tone::Info => "notice notice--info",
        Tone::Warning => "notice notice--warning",
        Tone::Error => "notice notice--error",
    }
}

/// One message. Errors are announced to screen readers at once.
#[component]
pub fn Notice(tone: Tone, children: Children) -> impl IntoView {
    let role = if tone == Tone::Error { "alert" } else { "status" };
    view! {
        <div class=class(tone) role=role>
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

/// The flash messages, each with a dismiss button; one about a deleted
/// entry with "Undo" (for the person who deleted it), which puts it back
/// with all its values.
#[component]
pub fn FlashNotices() -> impl IntoView {
    let flashes = expect_context::<Flashes>();
    let outbox = crate::outbox::use_outbox();
    let store = crate::store::use_list_store();
    let session = crate::session::use_session();
    view! {
        <div class="notices" data-testid="flashes" aria-live="polite">
            <For each=move || flashes.0.get() key=|f| i64::from(f.id) let:flash>
                <div class=class(flash.tone) role=if flash.tone == Tone::Error { "alert" } else { "status" }>
                    <div class="notice__text">
                        <strong class="notice__title">{flash.title.clone()}</strong>
                        {flash.detail.clone().map(|d| view! { <p class="notice__detail">{d}</p> })}
                        {flash.revoke_link.then(|| view! {
                            <p class="notice__detail">
                                "AniList has no way for an app to cancel its token: to revoke this app's access, remove it in "
                                <a href=crate::config::ANILIST_APPS_SETTINGS_URL rel="noopener noreferrer" target="_blank" data-testid="revoke-link">"AniList's app settings"</a>
                                "."
                            </p>
                        })}
                        {flash.undo.clone().map(|d| {
                            let id = flash.id;
                            let media_id = d.entry.media_id;
                            // Offered while it can put the entry back: to the person who
                            // deleted it, while the title is not on the list again.
                            let (user, kind) = (d.user, d.kind);
                            let can = move || session.user() == Some(user) && store.with(kind, |l| l.and_then(|l| l.entry(media_id)).is_none());
                            let undo = move |_| {
                                if session.user_untracked() == Some(user) && store.entry(media_id).is_none() {
                                    let whole = crate::edit::Patch::whole(&crate::store::values_of(&d.entry));
                                    outbox.restore(d.kind, vec![(d.entry.clone(), whole)]);
                                }
                                flashes.dismiss(id);
                            };
                            view! { <p hidden=move || !can()><button type="button" class="button button--small button--secondary" on:click=undo data-testid="flash-undo">"Undo"</button></p> }
                        })}
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
