//! The messages for the person (app state, provided once by the App and
//! shown by the `FlashNotices` component).

use leptos::prelude::*;

use crate::api::ops::list_collection::Entry;
use crate::media::MediaKind;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Info,
    Warning,
    Error,
}

/// A message for the person, shown under the header until dismissed.
#[derive(Clone, Debug, PartialEq)]
pub struct Flash {
    pub id: u32,
    pub tone: Tone,
    pub title: String,
    pub detail: Option<String>,
    /// Offer to start sign-in again.
    pub retry_sign_in: bool,
    /// The in-app page sign-in should come back to.
    pub return_to: Option<String>,
    /// Say how to revoke the app at AniList (a signed-out message: AniList
    /// has no call an app could make to cancel its token).
    pub revoke_link: bool,
    /// An entry the person deleted, which "Undo" puts back.
    pub undo: Option<Deleted>,
}

/// An entry deleted from a list, as it was, and whose it was.
#[derive(Clone, Debug, PartialEq)]
pub struct Deleted {
    pub user: u64,
    pub kind: MediaKind,
    pub entry: Entry,
}

impl Flash {
    pub fn new(tone: Tone, title: impl Into<String>) -> Self {
        Self { id: 0, tone, title: title.into(), detail: None, retry_sign_in: false, return_to: None, revoke_link: false, undo: None }
    }

    pub fn detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    pub fn with_revoke_link(mut self) -> Self {
        self.revoke_link = true;
        self
    }

    /// Offer "Undo", which puts `deleted` back.
    pub fn with_undo(mut self, deleted: Deleted) -> Self {
        self.undo = Some(deleted);
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

