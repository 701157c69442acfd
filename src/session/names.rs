//! The accounts' names and avatars, as AniList last gave them (kept by
//! [`crate::auth::store`], so a reload shows them at once), read
//! reactively: the header, the home page and the accounts menu show a name
//! as soon as any answer brings it (the list's, the profile's, or the
//! menu's own small request). Until then an account is "User 5150".

use leptos::prelude::*;

pub use crate::auth::store::AccountName;

#[derive(Clone, Copy)]
pub struct AccountNames {
    /// Moves on each time a name is learnt or changes.
    changed: RwSignal<u32>,
}

impl AccountNames {
    pub fn new() -> Self {
        Self { changed: RwSignal::new(0) }
    }

    /// The name known for a user; in a reactive context, read again when
    /// one is learnt.
    pub fn get(&self, user: u64) -> Option<AccountName> {
        self.changed.track();
        crate::auth::store::account_name(user)
    }

    /// Whether the user lets titles for adults show (tracked, like
    /// [`Self::get`]); not known yet: no.
    pub fn adult(&self, user: u64) -> bool {
        self.changed.track();
        Self::adult_untracked(user)
    }

    /// The same, not tracked (an event's handler).
    pub fn adult_untracked(user: u64) -> bool {
        crate::auth::store::account_name(user).is_some_and(|n| n.adult)
    }

    /// The user changed whether titles for adults show (in Settings): kept
    /// with their name, when one is known.
    pub fn set_adult(&self, user: u64, adult: bool) {
        if let Some(name) = crate::auth::store::account_name(user) {
            self.learn(user, AccountName { adult, ..name });
        }
    }

    /// Keeps what AniList said of a user (only an answer about that very
    /// user id: the callers check). Nothing changes when it is the same.
    pub fn learn(&self, user: u64, name: AccountName) {
        if name.name.is_empty() || crate::auth::store::account_name(user).as_ref() == Some(&name) {
            return;
        }
        crate::auth::store::set_account_name(user, name);
        // An answer can come after everything else is gone (a closed
        // page, the app torn down in a test): never a panic for that.
        let _ = self.changed.try_update(|n| *n = n.wrapping_add(1));
    }
}

impl Default for AccountNames {
    fn default() -> Self {
        Self::new()
    }
}

/// The app's one [`AccountNames`], provided by [`crate::App`].
pub fn use_account_names() -> AccountNames {
    expect_context::<AccountNames>()
}
