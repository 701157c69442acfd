//! Writing on AniList (a status, a message, a reply, a forum comment, or a
//! change to one): a labelled text box whose text is kept in the tab as a
//! draft until it is posted, so leaving the page or a failed post loses
//! nothing. *Preview* shows it as AniList will; Ctrl+Enter (⌘+Enter)
//! posts. A post is sent once: when its answer is lost, the caller
//! reads back whether it arrived (see `components::activity`).

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;

use crate::api::ApiError;
use crate::components::api_status::ApiErrorView;
use crate::components::preview::Preview;
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

/// A text box and its buttons, made with [`Compose::new`] and the
/// choices below, then [`Compose::send`].
pub struct Compose {
    label: String,
    button: &'static str,
    draft: String,
    initial: String,
    cancel: Option<Callback<()>>,
    extra: Option<AnyView>,
    /// Focused by the "c" shortcut: the page's main box.
    main: bool,
    /// Focused when it appears (opened by a button).
    focused: bool,
}

/// A post under way.
type Sending = Pin<Box<dyn Future<Output = Result<Posted, ApiError>>>>;

impl Compose {
    /// `draft` names where its text is kept in the tab (unique per place
    /// and person).
    pub fn new(label: impl Into<String>, button: &'static str, draft: String) -> Self {
        Compose { label: label.into(), button, draft, initial: String::new(), cancel: None, extra: None, main: false, focused: false }
    }

    /// With no draft kept, it starts from `text` (what is being changed).
    pub fn initial(self, text: String) -> Self {
        Compose { initial: text, ..self }
    }

    /// A Cancel button, which forgets the draft and runs `cancel`.
    pub fn cancel(self, cancel: Callback<()>) -> Self {
        Compose { cancel: Some(cancel), ..self }
    }

    /// More to choose beside the button (such as a message's "Private"),
    /// which the send reads.
    pub fn extra(self, extra: AnyView) -> Self {
        Compose { extra: Some(extra), ..self }
    }

    /// The page's main box, which the "c" shortcut focuses.
    pub fn main(self) -> Self {
        Compose { main: true, ..self }
    }

    /// Focused as it appears: a box opened by a button (an answer, an
    /// edit), so typing can start at once.
    pub fn focused(self) -> Self {
        Compose { focused: true, ..self }
    }

    /// The box, whose `send` posts a text and shows the post where it
    /// belongs.
    pub fn send<Fut>(self, send: impl Fn(String) -> Fut + 'static) -> AnyView
    where
        Fut: Future<Output = Result<Posted, ApiError>> + 'static,
    {
        compose_box(self, Box::new(move |text| Box::pin(send(text))))
    }
}

/// [`Compose::send`], made once for every kind of post.
fn compose_box(c: Compose, send: Box<dyn Fn(String) -> Sending>) -> AnyView {
    let Compose { label, button, draft, initial, cancel, extra, main, focused } = c;
    let field = NodeRef::<leptos::html::Textarea>::new();
    if focused {
        Effect::new(move |_| {
            if let Some(field) = field.get() {
                let _ = field.focus();
            }
        });
    }
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
    let preview = Preview::new(text.into());
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
                    // What was typed while it was sent stays.
                    let _ = text.try_update(|now| if *now == value { now.clear() });
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
            <textarea id=id rows="3" node_ref=field prop:value=move || text.get() on:input=move |ev| keep(event_target_value(&ev))
                on:keydown=move |ev| if ev.key() == "Enter" && (ev.ctrl_key() || ev.meta_key()) { ev.prevent_default(); post(); }
                aria-describedby=hint.clone() data-shortcut=main.then_some("write") data-testid="compose-text"></textarea>
            <div class="compose__foot">
                <span class="muted small" id=hint>"Markdown works. " <span class="keys-only" data-testid="compose-keys">"Ctrl+Enter (⌘+Enter) sends."</span></span>
                <span class="compose__buttons">
                    {extra}
                    {preview.buttons()}
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
            {preview.body()}
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
