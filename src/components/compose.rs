//! Writing something new on AniList (a status, a message, a reply): a labelled text
//! box whose text is kept in the tab as a draft until it is posted, so
//! leaving the page or a failed post loses nothing. Ctrl+Enter (⌘+Enter)
//! posts too. A post is sent once: when its answer is lost, the caller
//! reads back whether it arrived (see `components::activity`).

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;

use crate::api::ApiError;
use crate::components::api_status::ApiErrorView;
use crate::components::preview::MarkdownPreview;
use crate::storage::{self, Area};

/// How a post ended, when AniList did not refuse it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Posted {
    /// It is on AniList (and shown).
    Yes,
    /// Its answer was lost and it was not found after: most likely not
    /// posted.
    NotFound,
}

/// What went wrong with the last post.
#[derive(Clone, Debug)]
enum Problem {
    Refused(ApiError),
    Lost,
}

/// A text box and its button. `draft` names where its text is kept in the
/// tab (unique per place and person); with no draft it starts from
/// `initial`. `send` posts a text and shows the post where it belongs.
/// With `cancel`, a Cancel button forgets the draft and runs it.
pub fn compose<Fut>(label: &'static str, button: &'static str, draft: String, initial: String, cancel: Option<Callback<()>>, send: impl Fn(String) -> Fut + 'static) -> impl IntoView
where
    Fut: Future<Output = Result<Posted, ApiError>> + 'static,
{
    compose_with(label.to_string(), button, draft, initial, cancel, None, send)
}

/// [`compose`] for a longer text (a forum comment), with a preview of it
/// as AniList will show it.
pub fn compose_previewed<Fut>(label: &'static str, button: &'static str, draft: String, send: impl Fn(String) -> Fut + 'static) -> impl IntoView
where
    Fut: Future<Output = Result<Posted, ApiError>> + 'static,
{
    let send: Box<dyn Fn(String) -> Sending> = Box::new(move |text| Box::pin(send(text)));
    compose_box(label.to_string(), button, draft, String::new(), None, None, true, send)
}

/// [`compose`] with more to choose beside the button (`extra`, such as a
/// message's "Private"), which `send` reads.
pub fn compose_with<Fut>(label: String, button: &'static str, draft: String, initial: String, cancel: Option<Callback<()>>, extra: Option<AnyView>, send: impl Fn(String) -> Fut + 'static) -> impl IntoView
where
    Fut: Future<Output = Result<Posted, ApiError>> + 'static,
{
    let send: Box<dyn Fn(String) -> Sending> = Box::new(move |text| Box::pin(send(text)));
    compose_box(label, button, draft, initial, cancel, extra, false, send)
}

/// A post under way.
type Sending = Pin<Box<dyn Future<Output = Result<Posted, ApiError>>>>;

/// [`compose`], made once for every kind of post.
#[allow(clippy::too_many_arguments)]
fn compose_box(label: String, button: &'static str, draft: String, initial: String, cancel: Option<Callback<()>>, extra: Option<AnyView>, preview: bool, send: Box<dyn Fn(String) -> Sending>) -> AnyView {
    let text = RwSignal::new(storage::get::<String>(Area::Tab, &draft).ok().flatten().unwrap_or(initial));
    let busy = RwSignal::new(false);
    let problem = RwSignal::new(None::<Problem>);
    let draft = StoredValue::new(draft);
    let keep = move |value: String| {
        draft.with_value(|key| {
            if value.trim().is_empty() {
                storage::delete(Area::Tab, key);
            } else {
                // Storage off or full: the text stays on screen all the same.
                let _ = storage::set(Area::Tab, key, &value);
            }
        });
        text.set(value);
    };
    let send = StoredValue::new_local(send);
    let post = move || {
        let value = text.get_untracked();
        if busy.get_untracked() || value.trim().is_empty() {
            return;
        }
        busy.set(true);
        problem.set(None);
        let request = send.with_value(|send| send(value.clone()));
        // Held here, not read from the box: the box may be gone by the answer.
        let key = draft.get_value();
        leptos::task::spawn_local(async move {
            let outcome = request.await;
            // The page may be gone: then there is nothing to show.
            let _ = busy.try_set(false);
            match outcome {
                Ok(Posted::Yes) => {
                    // The draft goes once AniList has it, even when its page
                    // is gone (else it would come back, to be posted twice);
                    // unless it has been changed since it was sent.
                    if storage::get::<String>(Area::Tab, &key).ok().flatten().is_none_or(|kept| kept == value) {
                        storage::delete(Area::Tab, &key);
                    }
                    let _ = text.try_set(String::new());
                }
                Ok(Posted::NotFound) => drop(problem.try_set(Some(Problem::Lost))),
                Err(e) => drop(problem.try_set(Some(Problem::Refused(e)))),
            }
        });
    };
    let id = format!("compose-{}", draft.with_value(|k| k.rsplit('.').next().unwrap_or_default().to_string()));
    let hint = format!("{id}-hint");
    view! {
        <form class="compose" data-testid="compose" on:submit=move |ev| { ev.prevent_default(); post(); }>
            <label for=id.clone()>{label}</label>
            <textarea id=id rows="3" prop:value=move || text.get() on:input=move |ev| keep(event_target_value(&ev))
                on:keydown=move |ev| if ev.key() == "Enter" && (ev.ctrl_key() || ev.meta_key()) { ev.prevent_default(); post(); }
                aria-describedby=hint.clone() data-testid="compose-text"></textarea>
            <div class="compose__foot">
                <span class="muted small" id=hint>"Markdown works. " <span class="keys-only" data-testid="compose-keys">"Ctrl+Enter (⌘+Enter) sends."</span></span>
                <span class="compose__buttons">
                    {extra}
                    {cancel.map(|cancel| view! {
                        <button type="button" class="button button--small button--secondary" data-testid="compose-cancel"
                            on:click=move |_| { draft.with_value(|key| storage::delete(Area::Tab, key)); cancel.run(()); }>"Cancel"</button>
                    })}
                    <button type="submit" class="button button--small" data-testid="compose-send"
                        disabled=move || busy.get() || text.with(|t| t.trim().is_empty())>
                        {move || if busy.get() { "Sending…" } else { button }}
                    </button>
                </span>
            </div>
            {preview.then(|| view! { <MarkdownPreview text=text/> })}
            {move || problem.get().map(|p| match p {
                Problem::Refused(e) => view! { <div data-testid="compose-error"><ApiErrorView error=e/></div> }.into_any(),
                Problem::Lost => view! {
                    <p class="notice notice--error" role="alert" data-testid="compose-error">
                        "AniList's answer was lost, and this is not among what it holds now: it was most likely not posted. Your text is still here to post again."
                    </p>
                }.into_any(),
            })}
        </form>
    }
    .into_any()
}
