//! What the person wrote on AniList, theirs to change or take back: a
//! post, a message, a reply, a forum comment, their bio. Its text is changed in place
//! from the text as written (sent whole: a lost answer is followed by one
//! more send), and deleted after asking once more (deleting twice deletes
//! once).

use leptos::prelude::*;

use crate::api::error::ApiError;
use crate::api::ops::activity::RepliesVars;
use crate::api::ops::post::{DeletePost, DeleteReply, EditMessage, EditPost, EditReply, EditVars, MessageVars};
use crate::api::ops::delete_entry::Deleted;
use crate::api::ops::thread::{DeleteComment, EditComment, EditCommentVars};
use crate::api::ops::viewer::{About, AboutVars, SaveAbout};
use crate::api::sending::{again_if_unknown, gone};
use crate::api::Api;
use crate::auth::callback::Credential;
use crate::components::api_status::{ApiErrorView, Sending};
use crate::components::compose::{Compose, Posted};
use crate::components::rich_text::RichText;

/// One of the person's own: an activity, a message they wrote (to whom,
/// and whether only the two of them see it), a reply, a forum comment, or
/// the bio on their profile (their user id).
#[derive(Clone, Copy, Debug)]
pub enum Mine {
    Post(i64),
    Message { id: i64, to: u64, private: bool },
    Reply(i64),
    Comment(i64),
    About(i64),
}

impl Mine {
    pub fn id(self) -> i64 {
        match self {
            Mine::Post(id) | Mine::Message { id, .. } | Mine::Reply(id) | Mine::Comment(id) | Mine::About(id) => id,
        }
    }
}

/// Changes the text of a post, a reply, a comment or the bio of the person's: AniList's text
/// after it, as HTML and as written. It sets the whole text, so a lost
/// answer is followed by one more send.
pub async fn edit_mine(api: &Api, credential: &Credential, mine: Mine, text: String) -> Result<(Option<String>, Option<String>), ApiError> {
    let once = || {
        let vars = EditVars { id: mine.id(), text: text.clone() };
        async move {
            match mine {
                Mine::Post(_) => api.run::<EditPost>(Some(credential), &vars, false).await.map(|p| p.activity.map(|a| (a.text, a.source))),
                Mine::Message { id, to, private } => {
                    let vars = MessageVars { id: Some(id), recipient_id: to, message: vars.text, private };
                    api.run::<EditMessage>(Some(credential), &vars, false).await.map(|m| m.activity.map(|a| (a.text, a.source)))
                }
                Mine::Reply(_) => api.run::<EditReply>(Some(credential), &vars, false).await.map(|r| r.reply.map(|r| (r.text, r.source))),
                Mine::Comment(id) => {
                    let vars = EditCommentVars { id, comment: vars.text };
                    api.run::<EditComment>(Some(credential), &vars, false).await.map(|c| c.comment.map(|c| (c.comment, c.source)))
                }
                Mine::About(_) => about(api, credential, vars.text).await.map(|a| a.map(|a| (a.about, a.source))),
            }
        }
    };
    again_if_unknown(once).await?.ok_or_else(|| ApiError::Shape("no text in AniList's answer".into()))
}

/// Deletes it (a bio: empties it). Deleting twice deletes once (AniList
/// then says it is not found: gone), so a lost answer is followed by one
/// more send.
pub async fn delete_mine(api: &Api, credential: &Credential, mine: Mine) -> Result<(), ApiError> {
    let once = || async move {
        match mine {
            Mine::About(_) => about(api, credential, String::new()).await.map(|a| a.map(|_| Deleted { deleted: Some(true) })),
            Mine::Post(id) | Mine::Message { id, .. } => api.run::<DeletePost>(Some(credential), &RepliesVars { id }, false).await.map(|d| d.result),
            Mine::Reply(id) => api.run::<DeleteReply>(Some(credential), &RepliesVars { id }, false).await.map(|d| d.result),
            Mine::Comment(id) => api.run::<DeleteComment>(Some(credential), &RepliesVars { id }, false).await.map(|d| d.result),
        }
    };
    gone(again_if_unknown(once).await)
}

/// Sets the person's bio (empty clears it).
async fn about(api: &Api, credential: &Credential, text: String) -> Result<Option<About>, ApiError> {
    Ok(api.run::<SaveAbout>(Some(credential), &AboutVars { about: text }, false).await?.user)
}

/// A post's or a reply's text, shown through the allowlist; one of the
/// person's own can be changed in place (`editing`), from its text as
/// written.
#[derive(Clone, Copy)]
pub struct Written {
    html: RwSignal<Option<String>>,
    source: RwSignal<String>,
    editing: RwSignal<bool>,
}

impl Written {
    pub fn new(html: Option<String>, source: Option<String>) -> Self {
        Written {
            html: RwSignal::new(html.filter(|t| !t.trim().is_empty())),
            source: RwSignal::new(source.unwrap_or_default()),
            editing: RwSignal::new(false),
        }
    }

    /// The text, or while editing the box to change it (`mine` says which
    /// of the person's own it is); `testid` marks the text.
    pub fn view(self, mine: Mine, testid: &'static str) -> impl Fn() -> Option<AnyView> {
        let Written { html, source, editing } = self;
        let session = crate::session::use_session();
        let api = StoredValue::new(expect_context::<Api>());
        move || {
            if editing.get() {
                let credential = session.credential()?;
                let (key, label) = match mine {
                    Mine::Post(id) => (format!("edit-{id}"), "Edit your post"),
                    Mine::Message { id, .. } => (format!("edit-{id}"), "Edit your message"),
                    Mine::Reply(id) => (format!("edit-reply-{id}"), "Edit your reply"),
                    Mine::Comment(id) => (format!("edit-comment-{id}"), "Edit your comment"),
                    Mine::About(_) => ("edit-about".to_string(), "Your bio"),
                };
                let key = crate::storage::draft_key(credential.user, &key);
                let done = Callback::new(move |()| editing.set(false));
                return Some(
                    Compose::new(label, "Save", key).focused().initial(source.get_untracked()).cancel(done).send(move |new| {
                        let (api, credential) = (api.get_value(), credential.clone());
                        async move {
                            let (after, written) = edit_mine(&api, &credential, mine, new).await?;
                            html.try_set(after.filter(|t| !t.trim().is_empty()));
                            if let Some(s) = written {
                                source.try_set(s);
                            }
                            editing.try_set(false);
                            Ok(Posted::Yes)
                        }
                    }),
                );
            }
            html.get().map(|t| view! { <div class="rich activity__post" data-testid=testid><RichText html=t/></div> }.into_any())
        }
    }

    /// Whether there is a text (shown, not being changed).
    pub fn has_text(self) -> bool {
        self.html.with(Option::is_some)
    }

    /// It was deleted: no text any more.
    pub fn clear(self) {
        self.html.try_set(None);
        self.source.try_set(String::new());
        self.editing.try_set(false);
    }

    /// " · Edit", which opens (or closes) the box.
    pub fn edit_button(self) -> impl IntoView {
        let editing = self.editing;
        view! {
            " · " <button type="button" class="linklike" aria-expanded=move || editing.get().to_string()
                on:click=move |_| editing.update(|e| *e = !*e) data-testid="edit-mine">"Edit"</button>
        }
    }
}

/// "Delete" on one of the person's own, asked once more before it goes;
/// `gone` runs once AniList deleted it.
#[component]
pub fn DeleteMine(mine: Mine, gone: Callback<()>) -> impl IntoView {
    let api = StoredValue::new(expect_context::<Api>());
    let session = crate::session::use_session();
    let asking = RwSignal::new(false);
    let sending = Sending::new();
    let (busy, problem) = (sending.busy, sending.problem);
    let delete = move |_| {
        let Some(credential) = session.credential() else { return };
        let api = api.get_value();
        // The answer may come after the page is gone: then nothing is left to update.
        sending.run(async move { delete_mine(&api, &credential, mine).await }, move |()| {
            gone.try_run(());
        });
    };
    let question = match mine {
        Mine::Post(_) => "Delete it from AniList?",
        Mine::Message { .. } => "Delete this message from AniList?",
        Mine::Reply(_) => "Delete this reply from AniList?",
        Mine::Comment(_) => "Delete this comment from AniList?",
        Mine::About(_) => "Delete your bio from AniList?",
    };
    view! {
        " · "
        <Show when=move || asking.get()
            fallback=move || view! { <button type="button" class="linklike" on:click=move |_| asking.set(true) data-testid="delete-mine">"Delete"</button> }>
            <span role="alert">
                {question} " "
                <button type="button" class="button button--small button--danger" disabled=move || busy.get() on:click=delete data-testid="confirm-delete-mine">
                    {move || if busy.get() { "Deleting…" } else { "Delete" }}
                </button>
                " "
                <button type="button" class="button button--small button--secondary" on:click=move |_| asking.set(false)>"Keep"</button>
            </span>
        </Show>
        {move || problem.get().map(|e| view! { <div data-testid="delete-error"><ApiErrorView error=e/></div> })}
    }
}
