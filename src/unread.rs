//! How many notifications the signed-in person has not read, as AniList
//! counts them (app state, provided once by the App; the header shows it).
//! Asked at sign-in, then every few minutes while the tab is shown; the
//! notifications page sets it to 0 once it has read them (reading them
//! marks them read on AniList). The last answer is kept for the tab, so a
//! reload within [`EVERY_MS`] shows it without asking again, and told to
//! the app's other open tabs, so their bells agree.

use std::time::Duration;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::api::ops::unread;
use crate::api::Api;
use crate::auth::callback::Credential;
use crate::session::SessionContext;
use crate::storage::{self, Area};

/// Asked again this long after the last answer (while the tab is shown).
pub const EVERY_MS: f64 = 5.0 * 60_000.0;

const KEY: &str = "tsuzuki.unread.v1";

/// A user's count and when AniList gave it (ms since the epoch).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Known {
    user: u64,
    count: u32,
    at: f64,
}

/// The count as told to the other tabs.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Told {
    unread: Known,
}

#[derive(Clone, Copy)]
pub struct Unread {
    known: RwSignal<Option<Known>>,
    /// Who this tab last asked for, and when: not again within
    /// [`EVERY_MS`], whatever the answer was.
    asked: StoredValue<Option<(u64, f64)>>,
}

pub fn use_unread() -> Unread {
    expect_context::<Unread>()
}

/// Whether `seen` (a user and when) is this user's and recent enough to
/// stand.
fn fresh(seen: Option<(u64, f64)>, user: u64, now: f64) -> bool {
    seen.is_some_and(|(u, at)| u == user && now - at < EVERY_MS)
}

/// This user's count, as AniList gives it now.
async fn ask_count(api: &Api, credential: &Credential) -> Option<u32> {
    let data = api.run::<unread::Unread>(Some(credential), &unread::Vars {}, true).await.ok()?;
    data.viewer.filter(|v| v.id == credential.user).map(|v| v.unread_notification_count.unwrap_or(0))
}

impl Unread {
    pub fn new() -> Self {
        Unread { known: RwSignal::new(storage::get(Area::Tab, KEY).ok().flatten()), asked: StoredValue::new(None) }
    }

    /// The signed-in person's count, when known (tracked).
    pub fn count(&self, user: u64) -> Option<u32> {
        self.known.with(|k| k.filter(|k| k.user == user).map(|k| k.count))
    }

    /// The count now, without following it.
    pub fn peek(&self, user: u64) -> Option<u32> {
        self.known.try_with_untracked(|k| k.filter(|k| k.user == user).map(|k| k.count)).flatten()
    }

    fn keep(&self, known: Known) {
        if self.known.try_set(Some(known)).is_some() {
            return; // The App is gone.
        }
        let _ = storage::set(Area::Tab, KEY, &known);
        if let Ok(text) = serde_json::to_string(&Told { unread: known }) {
            crate::tabs::tell(&text);
        }
    }

    /// How many this user has unread now, before the page reads them: the
    /// count known, else asked (sharing the bell's request when that is on
    /// its way); 0 when AniList does not say.
    pub async fn before_reading(&self, api: &Api, credential: &Credential) -> u32 {
        if let Some(n) = self.peek(credential.user) {
            return n;
        }
        ask_count(api, credential).await.unwrap_or(0)
    }

    /// The page has read this user's notifications: none is unread.
    pub fn all_read(&self, user: u64) {
        self.keep(Known { user, count: 0, at: js_sys::Date::now() });
    }

    /// Keeps the count: for each user who signs in (unless this tab asked
    /// within [`EVERY_MS`]), then every [`EVERY_MS`] while the tab is
    /// shown, and when it is shown again after that long. Signed out, the
    /// kept count goes.
    pub fn follow(self, session: SessionContext, api: Api) {
        // (`try_`: the App may be gone, as in the browser tests.)
        let ask = move || {
            let Some((credential, exp)) = session.0.try_with_untracked(|s| s.signed_in().map(|s| (s.credential(), s.expires_at()))).flatten() else {
                return;
            };
            let now = js_sys::Date::now();
            // A token past its time would only be refused.
            let user = credential.user;
            let asked = self.asked.try_get_value().flatten();
            let known = self.known.try_with_untracked(|k| k.map(|k| (k.user, k.at)));
            if document().hidden() || exp as f64 * 1000.0 <= now || fresh(asked, user, now) || known.is_none_or(|k| fresh(k, user, now)) {
                return;
            }
            self.asked.set_value(Some((user, now)));
            let api = api.clone();
            leptos::task::spawn_local(async move {
                // A failure leaves the count as it was (asked again later).
                let Some(count) = ask_count(&api, &credential).await else { return };
                // Still that user's session, and nothing newer learnt
                // meanwhile (the page read them while this was on its way:
                // this answer counts them as unread still).
                let newer = self.known.try_with_untracked(|k| k.is_some_and(|k| k.user == user && k.at > now)).unwrap_or(true);
                if !newer && session.user_untracked() == Some(user) {
                    self.keep(Known { user, count, at: js_sys::Date::now() });
                }
            });
        };
        let user = Memo::new(move |_| session.user());
        let ask_now = ask.clone();
        Effect::new(move |_| match user.get() {
            Some(_) => ask_now(),
            None => {
                self.known.set(None);
                storage::delete(Area::Tab, KEY);
            }
        });
        // Another tab's answer, or its page having read them: the same
        // user's count here too, when it is newer.
        crate::tabs::hear(move |text| {
            let Ok(Told { unread: k }) = serde_json::from_str::<Told>(&text) else { return };
            let mine = session.user_untracked();
            let newer = self.known.try_with_untracked(|now| now.is_none_or(|n| n.user != k.user || n.at <= k.at)).unwrap_or(false);
            if mine == Some(k.user) && newer {
                let _ = self.known.try_set(Some(k));
                let _ = storage::set(Area::Tab, KEY, &k);
            }
        });
        let ask_later = ask.clone();
        let _ = set_interval_with_handle(ask_later, Duration::from_secs(60));
        let _ = window_event_listener(leptos::ev::visibilitychange, move |_| ask());
    }
}

impl Default for Unread {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_stands_for_its_user_for_five_minutes() {
        let k = Some((1, 1_000_000.0));
        assert!(fresh(k, 1, 1_000_000.0 + EVERY_MS - 1.0));
        assert!(!fresh(k, 1, 1_000_000.0 + EVERY_MS), "asked again after five minutes");
        assert!(!fresh(k, 2, 1_000_000.0), "another user's count");
        assert!(!fresh(None, 1, 0.0));
    }
}
