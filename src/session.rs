//! The one session context of the app, provided once in [`crate::App`] and
//! read with `expect_context::<SessionContext>()`.
//!
//! Sign-in (the implicit grant, the decoded token) fills in the signed-in
//! states; until a session exists the app is signed out.

use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum Session {
    #[default]
    SignedOut,
}

impl Session {
    pub fn is_signed_in(&self) -> bool {
        match self {
            Session::SignedOut => false,
        }
    }

    /// The words of the header's indicator.
    pub fn status_label(&self) -> &'static str {
        match self {
            Session::SignedOut => "Not signed in",
        }
    }
}

/// The session signal, shared through context.
#[derive(Clone, Copy)]
pub struct SessionContext(pub RwSignal<Session>);

impl SessionContext {
    pub fn new() -> Self {
        Self(RwSignal::new(Session::default()))
    }
}

impl Default for SessionContext {
    fn default() -> Self {
        Self::new()
    }
}
