//! The one edit outbox: every change to a list entry goes through it. It
//! applies the change to the store at once, keeps it in IndexedDB, sends it
//! under the rate limiter, retries what is safe to retry, reads back what
//! is uncertain, pauses when the token is refused, and survives reloads.
//! It lives as long as the App, so an answer that arrives after its page is
//! gone updates the store and nothing else. The rules are in [`rules`].

pub mod rules;

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use leptos::prelude::*;

use crate::api::ops::delete_entry::{self, DeleteEntry};
use crate::api::ops::list_collection::Entry;
use crate::api::ops::list_entries::{self, ListEntries};
use crate::api::ops::save_entries;
use crate::api::ops::save_entry::{self, SaveEntry};
use crate::api::ops::update_entries::UpdateEntries;
use crate::api::{Api, ApiError};
use crate::idb;
use crate::notices::{Flash, Flashes, Tone};
use crate::media::MediaKind;
use crate::session::SessionContext;
use crate::auth::callback::Credential;
use crate::store::titles::Titles;
use crate::store::{patch_entry, values_of, ListStore, StoreEdit};
use futures::channel::oneshot;
use serde::{Deserialize, Serialize};
use rules::{Change, Patch, Queue, Values, Verdict, Via};

/// How long "+1" waits for more clicks before its save is sent.
pub const SETTLE_MS: f64 = 700.0;

thread_local! {
    static PUMPING: Cell<bool> = const { Cell::new(false) };
    static TIMER: RefCell<Option<TimeoutHandle>> = const { RefCell::new(None) };
    /// The queue is being written to IndexedDB, and whether it is to be
    /// written again after that (see [`Outbox::persist`]).
    static PERSISTING: Cell<bool> = const { Cell::new(false) };
    static PERSIST_FOR: Cell<Option<u64>> = const { Cell::new(None) };
    /// The account and the changes of the queue last written.
    static WRITTEN: RefCell<Option<(u64, Vec<u64>)>> = const { RefCell::new(None) };
    /// Calls of [`Outbox::persist`] so far, how many of them a finished
    /// write answered, and who waits for one ([`Outbox::kept`]).
    static ASKED: Cell<u64> = const { Cell::new(0) };
    static ANSWERED: Cell<u64> = const { Cell::new(0) };
    static WAITING: RefCell<Vec<(u64, oneshot::Sender<()>)>> = const { RefCell::new(Vec::new()) };
}

/// The writes asked for up to `upto` are done (or will never be).
fn answered(upto: u64) {
    ANSWERED.with(|a| a.set(a.get().max(upto)));
    let woken: Vec<_> = WAITING.with_borrow_mut(|w| {
        let (done, wait) = std::mem::take(w).into_iter().partition(|(asked, _)| *asked <= upto);
        *w = wait;
        done
    });
    for (_, tell) in woken {
        let _ = tell.send(());
    }
}

/// A change of the user's options on AniList that changes the lists: the
/// language of titles, custom lists, and (`scores`) the scoring system;
/// or (`order_only`) only how they are laid out: the order of the lists,
/// the split of completed lists, the default order of rows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OptionsChange {
    pub user: u64,
    pub scores: bool,
    /// The lists need no new read: only their layout changed.
    #[serde(default)]
    pub order_only: bool,
    /// How the lists are laid out, as saved.
    #[serde(default)]
    pub arrangement: Option<crate::store::Arrangement>,
}

/// It, as told to the other tabs.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ToldOptions {
    options: OptionsChange,
}

/// What the header says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    Idle,
    Saving { waiting: usize },
    Waiting { count: usize, why: &'static str },
    AllSaved,
}

impl Status {
    pub fn text(&self) -> String {
        match self {
            Status::Idle => String::new(),
            Status::Saving { waiting } if *waiting > 1 => format!("Saving… ({waiting} changes)"),
            Status::Saving { .. } => "Saving…".into(),
            Status::Waiting { count: 1, why } => format!("1 change waiting ({why})"),
            Status::Waiting { count, why } => format!("{count} changes waiting ({why})"),
            Status::AllSaved => "All changes saved".into(),
        }
    }
}

/// The outbox, shared through context; cheap to copy.
#[derive(Clone, Copy)]
pub struct Outbox {
    user: RwSignal<Option<u64>>,
    queue: RwSignal<Queue>,
    online: RwSignal<bool>,
    /// Whether a change went out this visit ("All changes saved" then).
    used: RwSignal<bool>,
    store: ListStore,
    session: SessionContext,
    flashes: Flashes,
    api: StoredValue<Api>,
}

/// This tab's kept queue for `user` (each open tab keeps its own: see
/// [`rules::record_key`]).
fn key(user: u64) -> String {
    rules::record_key(user, &crate::tabs::id())
}

/// The kept queues of `user`, by any tab: their keys, and the tab that
/// kept each (`None`: an older version's).
async fn records_of(user: u64) -> Vec<(String, Option<String>)> {
    idb::keys(idb::OUTBOX)
        .await
        .unwrap_or_default()
        .into_iter()
        .filter_map(|k| {
            let (u, tab) = rules::record_owner(&k)?;
            let tab = tab.map(str::to_string);
            (u == user).then_some((k, tab))
        })
        .collect()
}

/// Takes over the queue kept under `key` by a tab that is closed, and
/// returns it: `mine` with it taken in ([`Queue::adopt`]) is kept under
/// `mine_key`, written with `key` deleted in one transaction (nothing is
/// lost if this tab closes half-way). An open tab's queue is left to it;
/// where the browser cannot tell an open tab from a closed one, a queue
/// is taken at the start only (`at_start`), as when one queue was kept for
/// all tabs.
async fn take_over(key: String, tab: Option<String>, mine_key: String, at_start: bool, mut mine: Queue) -> Option<Queue> {
    let taken = std::rc::Rc::new(std::cell::RefCell::new(None));
    let out = taken.clone();
    let work = async move {
        let Some(queue) = kept_queue(&key).await else { return };
        mine.adopt(queue.clone());
        let Ok(text) = serde_json::to_string(&mine) else { return };
        if idb::write_all(idb::OUTBOX, &[(mine_key, text)], &[key]).await.is_ok() {
            *out.borrow_mut() = Some(queue);
        }
    };
    match tab {
        Some(tab) if crate::tabs::can_tell() => {
            crate::tabs::while_gone(&tab, work).await;
        }
        Some(_) if !at_start => {}
        _ => work.await,
    }
    taken.take()
}

impl Outbox {
    pub fn new(store: ListStore, session: SessionContext, flashes: Flashes, api: Api) -> Self {
        let online = RwSignal::new(window().navigator().on_line());
        let me = Self {
            user: RwSignal::new(None),
            queue: RwSignal::new(Queue::default()),
            online,
            used: RwSignal::new(false),
            store,
            session,
            flashes,
            api: StoredValue::new(api),
        };
        let on = window_event_listener(leptos::ev::online, move |_| {
            online.set(true);
            // Back online: what waited out a backoff goes now.
            me.queue.update(|q| q.wake(js_sys::Date::now()));
            me.kick();
        });
        let off = window_event_listener(leptos::ev::offline, move |_| online.set(false));
        // What another tab changed shows here at once, except where a
        // change of this tab's own waits.
        crate::tabs::hear(move |text| {
            let Ok(changed) = serde_json::from_str::<crate::store::Changed>(&text) else { return };
            leptos::task::spawn_local(async move {
                let waiting = |id: i64| me.queue.try_with_untracked(|q| q.holds(id)).unwrap_or(false);
                me.store.take_from_other_tab(&changed, waiting);
            });
        });
        // A list found in a new scoring system: the scores waiting in it
        // are in the old one (see [`Outbox::scores_outdated`]).
        store.when_scores_change(move |kind| me.scores_outdated(kind));
        // Changes kept by a tab closed since (offline, say) are taken over
        // by a tab still open: looked for every 30 s and when the network
        // is back.
        crate::tabs::hold();
        let look = set_interval_with_handle(move || me.take_over_closed_tabs(), std::time::Duration::from_secs(30)).ok();
        let back = window_event_listener(leptos::ev::online, move |_| me.take_over_closed_tabs());
        on_cleanup(move || {
            on.remove();
            off.remove();
            back.remove();
            if let Some(h) = look {
                h.clear();
            }
        });
        me
    }

    /// The user's options changed on AniList from this tab (`scores`: the
    /// scoring system too): the lists this browser holds take their new
    /// order and, unless only that changed, are read again whole, kept
    /// titles asked again; the app's other tabs are told to do the same
    /// (their lists are in memory there too).
    pub fn options_changed(&self, change: OptionsChange, titles: Titles) {
        if let Ok(text) = serde_json::to_string(&ToldOptions { options: change.clone() }) {
            crate::tabs::tell(&text);
        }
        self.options_changed_here(change, titles);
    }

    fn options_changed_here(&self, change: OptionsChange, titles: Titles) {
        let signed_in = self.session.credential();
        let Some(credential) = signed_in.filter(|c| c.user == change.user) else { return };
        if let Some(a) = &change.arrangement {
            self.store.set_arrangement(a);
        }
        if change.order_only {
            return;
        }
        titles.outdate();
        for kind in MediaKind::ALL {
            if self.store.with_untracked(kind, |d| d.is_none()) {
                continue;
            }
            if change.scores {
                self.store.scores_changed(kind);
            }
            self.refresh_list(kind, credential.clone(), true);
        }
    }

    /// Hears the other tabs' changes of options, for the app's life.
    pub fn follow_options(&self, titles: Titles) {
        let me = *self;
        crate::tabs::hear(move |text| {
            if let Ok(ToldOptions { options }) = serde_json::from_str::<ToldOptions>(&text) {
                me.options_changed_here(options, titles);
            }
        });
    }

    /// The list of `kind` turned out to be in a new scoring system (changed
    /// on AniList's site while changes waited here): a score waiting for
    /// one of its entries would be read by AniList in the new system, so
    /// it is not sent, and the person is told which titles to score again.
    fn scores_outdated(&self, kind: MediaKind) {
        let store = self.store;
        let of = |id: i64| store.entry(id).is_some_and(|(k, _)| k == kind);
        let Some(titles) = self.queue.try_update(|q| q.drop_scores(of)) else { return };
        if titles.is_empty() {
            return;
        }
        self.persist();
        let named = match titles.as_slice() {
            [one] => one.clone(),
            [first, rest @ ..] => format!("{first} and {}", crate::text::count(rest.len() as u64, "other title")),
            [] => String::new(),
        };
        self.flashes.push(
            Flash::new(Tone::Warning, "Your scoring system changed on AniList")
                .detail(format!("The score you set for {named} was waiting to be sent, in the old system: it was not sent. Score it again once your list is read again.")),
        );
    }

    /// Takes in the changes of this user kept by tabs now closed: they go
    /// after this tab's own, are shown in its lists, and are sent.
    fn take_over_closed_tabs(&self) {
        // Also run from timers, which may outlive the app (a test's mount).
        let Some(Some(user)) = self.user.try_get_untracked() else { return };
        if !crate::tabs::can_tell() {
            return;
        }
        let me = *self;
        leptos::task::spawn_local(async move {
            let mine = key(user);
            for (k, tab) in records_of(user).await.into_iter().filter(|(k, _)| *k != mine) {
                let Some(now) = me.queue.try_get_untracked() else { return };
                let Some(theirs) = take_over(k, tab, mine.clone(), false, now).await else { continue };
                if me.user.try_get_untracked().flatten() != Some(user) {
                    return;
                }
                let Some(taken) = me.queue.try_update(|q| q.adopt(theirs)) else { return };
                let edit = |i: &rules::Item| StoreEdit {
                    media_id: i.media_id,
                    patch: match &i.change {
                        Change::Save { patch, .. } => Some(patch.clone()),
                        Change::Delete { .. } => None,
                    },
                    added: None,
                };
                me.store.apply_many(taken.iter().map(edit).collect());
                me.persist();
                me.kick();
            }
        });
    }

    pub fn status(&self) -> Status {
        let (count, in_flight, paused) = self.queue.with(|q| (q.len(), q.items.iter().any(|i| i.in_flight), q.paused.is_some()));
        if count == 0 {
            return if self.used.get() { Status::AllSaved } else { Status::Idle };
        }
        if paused {
            return Status::Waiting { count, why: "sign in again to send them" };
        }
        if !self.online.get() {
            return Status::Waiting { count, why: "offline" };
        }
        if in_flight {
            return Status::Saving { waiting: count };
        }
        let retrying = self.queue.with(|q| q.items.first().is_some_and(|i| i.attempts > 0));
        if retrying { Status::Waiting { count, why: "AniList is not answering; trying again" } } else { Status::Saving { waiting: count } }
    }

    /// How many changes wait or are on their way (tracked).
    pub fn waiting(&self) -> usize {
        self.queue.with(Queue::len)
    }

    /// Whether a change to this entry is waiting or on its way (tracked).
    pub fn is_pending(&self, media_id: i64) -> bool {
        self.queue.with(|q| q.holds(media_id))
    }

    /// The signed-in user changed. The same user again: waiting changes are
    /// sent. Another user: the previous user's waiting changes are
    /// discarded, with a notice.
    pub fn switch_user(&self, user: Option<u64>) {
        let before = self.user.get_untracked();
        if before == user {
            if user.is_some() && self.queue.with_untracked(|q| q.paused.is_some()) {
                self.queue.update(|q| q.paused = None);
                self.persist();
            }
            self.kick();
            return;
        }
        let Some(user) = user else {
            // The session ended without the person signing out (the token
            // was refused or expired): the changes stay, in memory and in
            // IndexedDB, and wait for the same user to sign in again; the
            // header keeps counting them. (Signing out by choice empties the
            // queue first: see [`sign_out`].)
            // With other accounts still signed in here, they also outlive
            // a switch to one of those.
            if self.queue.with_untracked(|q| !q.is_empty()) {
                let among = !crate::auth::store::parked_users().is_empty();
                self.queue.update(|q| q.paused = Some(if among { rules::Pause::SignInAmongAccounts } else { rules::Pause::SignIn }));
                self.persist();
            }
            return;
        };
        self.user.set(Some(user));
        // What was last written was another account's queue.
        WRITTEN.with_borrow_mut(|w| *w = None);
        let left = self.queue.get_untracked();
        self.queue.set(Queue::default());
        let me = *self;
        leptos::task::spawn_local(async move {
            // The queue of the account left behind is written as it is
            // now before the others are judged (a write of it may still be
            // due: see `persist`).
            if let Some(b) = before {
                me.write(b, left.is_empty(), serde_json::to_string(&left).unwrap_or_default()).await;
            }
            // Another account's waiting changes are never sent with this
            // token: those of an account still signed in here (parked), or
            // waiting for its sign-in again among them, wait for it; those
            // of one no longer signed in are discarded.
            let mut keep = crate::auth::store::parked_users();
            keep.push(user);
            let others: Vec<(String, u64)> = idb::keys(idb::OUTBOX)
                .await
                .unwrap_or_default()
                .into_iter()
                .filter_map(|k| {
                    let u = rules::record_owner(&k)?.0;
                    Some((k, u))
                })
                .filter(|(_, u)| !keep.contains(u))
                .collect();
            let mut discarded = 0;
            for (k, u) in others {
                let queue = kept_queue(&k).await;
                if queue.as_ref().is_some_and(Queue::waits_among_accounts) || keep.contains(&u) {
                    keep.push(u);
                    continue;
                }
                discarded += queue.map(|q| q.len()).unwrap_or(0);
                let _ = idb::delete(idb::OUTBOX, &k).await;
            }
            ListStore::forget_others(&keep).await;
            if discarded > 0 {
                me.flashes.push(Flash::new(Tone::Warning, format!("{discarded} unsent change(s) of another account were discarded")).detail(
                    "They were made while another AniList account was signed in here, and are never sent with this account's token.",
                ));
            }
            // This user's changes kept by this tab (back to this account)
            // and by tabs now closed (the last visit's among them), each
            // taken over into this tab's own kept queue.
            let mine = key(user);
            let mut queue = kept_queue(&mine).await.unwrap_or_default();
            queue.after_reload();
            for (k, tab) in records_of(user).await.into_iter().filter(|(k, _)| *k != mine) {
                if let Some(theirs) = take_over(k, tab, mine.clone(), true, queue.clone()).await {
                    queue.adopt(theirs);
                }
            }
            queue.paused = None;
            // Signed out, another account, or the app itself gone meanwhile.
            if me.user.try_get_untracked() != Some(Some(user)) {
                return;
            }
            // Changes made since the sign-in come after the kept ones.
            let made_now = me.queue.get_untracked();
            for item in made_now.items {
                queue.next_seq += 1;
                queue.items.push(rules::Item { seq: queue.next_seq, ..item });
            }
            me.queue.set(queue);
            me.persist();
            me.kick();
            // A tab that closed just before this start, or this tab's own
            // last load at a reload, may not have let its lock go yet: its
            // changes are looked for again in a few seconds, not only at
            // the next 30 s look (meanwhile they are neither shown again
            // over AniList's answers nor sent).
            for secs in [1, 3, 10] {
                set_timeout(move || me.take_over_closed_tabs(), std::time::Duration::from_secs(secs));
            }
        });
    }

    /// The person's waiting changes are applied again on top of a list
    /// AniList has just given (it may not hold them yet).
    pub fn reapply(&self) -> impl Fn(&mut crate::store::ListData) + 'static {
        let queue = self.queue;
        move |data| {
            // The changes waiting when the answer comes, not when it was asked.
            let Some(items) = queue.try_with_untracked(|q| q.items.clone()) else { return };
            // An entry AniList never gave an id, with no change of it
            // waiting, was never created there (its add was lost to a
            // reload that kept the list but not the queue): not kept.
            let waiting: std::collections::HashSet<i64> = items.iter().map(|i| i.media_id).collect();
            data.entries.retain(|e| e.id > 0 || waiting.contains(&e.media_id));
            for item in &items {
                match &item.change {
                    Change::Save { patch, .. } => {
                        if let Some(i) = data.entries.iter().position(|e| e.media_id == item.media_id) {
                            patch_entry(data, i, patch);
                        }
                    }
                    Change::Delete { .. } => data.entries.retain(|e| e.media_id != item.media_id),
                }
            }
        }
    }

    /// A change to an entry in the store (the fields the person changed):
    /// applied at once, sent after `settle` ms without more changes to it.
    pub fn save(&self, media_id: i64, patch: Patch, settle: f64) {
        if patch.is_empty() {
            return;
        }
        let Some((_, entry)) = self.store.entry(media_id) else { return };
        let title = entry.title();
        self.store.apply(media_id, Some(&patch), None);
        self.push(media_id, Change::Save { entry_id: Some(entry.id).filter(|id| *id > 0), patch }, Some(values_of(&entry)), &title, settle);
    }

    /// A title added to the list (from search or its page): `entry`
    /// describes it, `patch` holds what the person chose (its status).
    pub fn add(&self, kind: MediaKind, entry: Entry, patch: Patch) {
        let title = entry.title();
        let media_id = entry.media_id;
        self.store.apply(media_id, Some(&patch), Some((kind, entry)));
        self.push(media_id, Change::Save { entry_id: None, patch }, None, &title, 0.0);
    }

    pub fn delete(&self, media_id: i64) {
        let Some((_, entry)) = self.store.entry(media_id) else { return };
        let title = entry.title();
        self.push(media_id, Change::Delete { entry_id: Some(entry.id).filter(|id| *id > 0) }, Some(values_of(&entry)), &title, 0.0);
        self.store.apply(media_id, None, None);
    }

    /// Many entries changed in one step (bulk edit and its undo): each
    /// applied to the store at once and queued in order, the queue kept
    /// once; saves with the same values go to AniList together
    /// ([`rules::Queue::next_batch`]). `None`: the entry is deleted.
    pub fn change_many(&self, changes: Vec<(i64, Option<Patch>)>) {
        let mut queued = Vec::with_capacity(changes.len());
        let mut edits = Vec::with_capacity(changes.len());
        let held = self.store.entries_of(&changes.iter().map(|(m, _)| *m).collect::<Vec<_>>());
        for (media_id, patch) in changes {
            let Some(entry) = held.get(&media_id) else { continue };
            let entry_id = Some(entry.id).filter(|id| *id > 0);
            let change = match &patch {
                Some(p) if p.is_empty() => continue,
                Some(p) => Change::Save { entry_id, patch: p.clone() },
                None => Change::Delete { entry_id },
            };
            queued.push((media_id, change, Some(values_of(entry)), entry.title()));
            edits.push(StoreEdit { media_id, patch, added: None });
        }
        self.store.apply_many(edits);
        self.push_all(queued, 0.0);
    }

    /// Entries added with the values in their patches, each created by
    /// media id: deleted ones put back (a bulk delete undone), or an
    /// import's new titles.
    pub fn restore(&self, kind: MediaKind, entries: Vec<(Entry, Patch)>) {
        let mut queued = Vec::with_capacity(entries.len());
        let mut edits = Vec::with_capacity(entries.len());
        for (entry, patch) in entries {
            let (media_id, title) = (entry.media_id, entry.title());
            // A delete that has not gone out is cancelled (the entry keeps
            // its id); otherwise the entry is created anew.
            let id = if self.queue.with_untracked(|q| q.unsent_delete(media_id)) { entry.id } else { 0 };
            edits.push(StoreEdit { media_id, patch: Some(patch.clone()), added: Some((kind, Entry { id, ..entry })) });
            queued.push((media_id, Change::Save { entry_id: None, patch }, None, title));
        }
        self.store.apply_many(edits);
        self.push_all(queued, 0.0);
    }

    fn push(&self, media_id: i64, change: Change, before: Option<Values>, title: &str, settle: f64) {
        self.push_all(vec![(media_id, change, before, title.to_string())], settle);
    }

    fn push_all(&self, changes: Vec<(i64, Change, Option<Values>, String)>, settle: f64) {
        if changes.is_empty() {
            return;
        }
        // (Told only when a refusal goes: every row and page reading them
        // would look again at each save.)
        if self.store.errors.with_untracked(|e| changes.iter().any(|(media_id, ..)| e.contains_key(media_id))) {
            self.store.errors.update(|e| {
                for (media_id, ..) in &changes {
                    e.remove(media_id);
                }
            });
        }
        self.store.refused.update_value(|r| {
            for (media_id, ..) in &changes {
                r.remove(media_id);
            }
        });
        self.used.set(true);
        let now = js_sys::Date::now();
        self.queue.update(|q| {
            for (media_id, change, before, title) in changes {
                q.push(media_id, change, before, &title, now, settle);
            }
        });
        self.persist();
        self.kick();
    }

    /// Keeps the queue in IndexedDB (in the background; the queue in memory
    /// is what is sent). One write at a time, of the queue as it stands
    /// when it begins: every call while one is under way is one more write
    /// after it (a batch's answers and the next batch's sending: one write
    /// of a queue that may hold thousands of changes, not two). A write of
    /// a queue that a change left since the last one comes after the
    /// store's waiting writes are done, so a change AniList saved leaves
    /// the kept queue only once the kept list holds it: a reload at any
    /// moment finds it in one or the other. A switch of account writes the
    /// queue it leaves itself ([`Outbox::switch_user`]).
    ///
    /// Returns this call's number, for [`Self::kept`].
    fn persist(&self) -> u64 {
        let asked = ASKED.with(|a| {
            a.set(a.get() + 1);
            a.get()
        });
        if let Some(user) = self.user.get_untracked() {
            PERSIST_FOR.with(|again| again.set(Some(user)));
        }
        // One under way answers this call when it ends.
        if PERSISTING.with(|p| p.replace(true)) {
            return asked;
        }
        let me = *self;
        leptos::task::spawn_local(async move {
            while let Some(user) = PERSIST_FOR.with(Cell::take) {
                // Every call so far is answered by this write: each came
                // after the change it keeps, and the queue is read now.
                let upto = ASKED.with(Cell::get);
                // Another account's queue now: not written under this one.
                if me.user.try_get_untracked().flatten() != Some(user) {
                    answered(upto);
                    continue;
                }
                let Some((empty, text, seqs, lost)) = me.queue.try_with_untracked(|q| {
                    let lost = WRITTEN.with_borrow(|w| w.as_ref().is_none_or(|(u, before)| *u != user || q.lost_any(before)));
                    (q.is_empty(), serde_json::to_string(q).unwrap_or_default(), q.seqs(), lost)
                }) else {
                    break;
                };
                // A change left (AniList saved or refused it): the store's
                // writes first, which hold what it left behind. A change
                // added goes to IndexedDB at once.
                if lost {
                    me.store.write_pending().await;
                }
                me.write(user, empty, text).await;
                WRITTEN.with_borrow_mut(|w| *w = Some((user, seqs)));
                answered(upto);
            }
            PERSISTING.with(|p| p.set(false));
            // Every call is answered (one with no account, or a queue gone
            // with the app, has nothing to write).
            answered(ASKED.with(Cell::get));
        });
        asked
    }

    /// Comes back once the write that call `asked` of [`Self::persist`]
    /// asked for is done (kept, or found impossible: the app then keeps
    /// its queue in memory only, and says so).
    async fn kept(asked: u64) {
        if ANSWERED.with(Cell::get) >= asked {
            return;
        }
        let (tell, told) = oneshot::channel();
        WAITING.with_borrow_mut(|w| w.push((asked, tell)));
        let _ = told.await;
    }

    async fn write(&self, user: u64, empty: bool, text: String) {
        let kept = if empty { idb::delete(idb::OUTBOX, &key(user)).await } else { idb::put(idb::OUTBOX, &key(user), &text).await };
        if let Err(why) = kept {
            let _ = self.store.memory_only.try_set(Some(why));
        }
    }

    /// Sends what is ready now; comes back by itself for what waits.
    pub fn kick(&self) {
        let me = *self;
        TIMER.with(|t| {
            if let Some(h) = t.borrow_mut().take() {
                h.clear();
            }
        });
        if PUMPING.with(|p| p.replace(true)) {
            return;
        }
        leptos::task::spawn_local(async move {
            me.pump().await;
            PUMPING.with(|p| p.set(false));
            if let Some(at) = me.queue.with_untracked(|q| q.next_time()) {
                let wait = (at - js_sys::Date::now()).max(0.0);
                let handle = set_timeout_with_handle(move || me.kick(), std::time::Duration::from_millis(wait as u64 + 5)).ok();
                TIMER.with(|t| *t.borrow_mut() = handle);
            }
        });
    }

    async fn pump(&self) {
        loop {
            let Some(user) = self.user.get_untracked() else { return };
            // Offline, nothing is sent (the `online` event sends it).
            if !self.online.get_untracked() {
                return;
            }
            let credential = self.session.credential();
            // Never sent with another account's token, nor without one.
            let Some(credential) = credential.filter(|c| c.user == user) else { return };
            let (via, batch) = self.queue.with_untracked(|q| q.next_send(js_sys::Date::now()));
            let Some(item) = batch.first().cloned() else { return };
            self.queue.update(|q| {
                for i in &batch {
                    q.set_in_flight(i.seq, true);
                }
            });
            // The account switched while this was on its way: its answer
            // is not this queue's (the change stays marked as on its way in
            // that account's kept queue, and is read back when it is active).
            let switched = move || self.user.try_get_untracked().flatten() != Some(user);
            // Sent once the kept queue says it is on its way: a reload from
            // here on finds it uncertain and reads it back (AniList may
            // have it) instead of sending it a second time.
            Self::kept(self.persist()).await;
            if switched() {
                return;
            }
            let api = self.api.get_value();
            let random = js_sys::Math::random();
            if via == Via::ReadBack {
                let vars = list_entries::Vars { user_id: user, media_ids: batch.iter().map(|i| i.media_id).collect() };
                let answer = api.run::<ListEntries>(Some(&credential), &vars, true).await;
                if switched() {
                    return;
                }
                match answer {
                    Ok(d) => {
                        let found: Vec<Entry> = d.entries().collect();
                        for i in &batch {
                            self.read_back(i, found.iter().find(|e| e.media_id == i.media_id).cloned());
                        }
                    }
                    Err(e) => self.answer_each(&batch, random, |_| Err(e.clone())),
                }
            } else if via == Via::Together {
                if !self.send_batch(&api, &credential, &batch, random, switched).await {
                    return;
                }
            } else if via == Via::Aliased {
                if !self.send_many(&api, &credential, &batch, random, switched).await {
                    return;
                }
            } else {
                let result = match &item.change {
                    Change::Save { entry_id, patch } => {
                        let vars = rules::save_vars(item.media_id, *entry_id, patch, &self.store.advanced_names(item.media_id));
                        match api.run::<SaveEntry>(Some(&credential), &vars, false).await {
                            Ok(_) if switched() => return,
                            Ok(save_entry::Data { saved: Some(saved) }) => {
                                self.settle(vec![(&item, saved)]);
                                Ok(())
                            }
                            Ok(_) => Err(ApiError::Shape("no SaveMediaListEntry".into())),
                            Err(e) => Err(e),
                        }
                    }
                    Change::Delete { entry_id: Some(id) } => {
                        // `deleted: false` means there is no such entry: done too.
                        api.run::<DeleteEntry>(Some(&credential), &delete_entry::Vars { id: *id }, false).await.map(|_| ())
                    }
                    // Deleting what was never created: nothing to send.
                    Change::Delete { entry_id: None } => Ok(()),
                };
                if switched() {
                    return;
                }
                self.answer_each(&batch, random, |_| result.clone());
            }
            self.persist();
        }
    }

    /// One `UpdateMediaListEntries` for saves of many entries with the
    /// same values; each entry's answer decided as if it had gone alone
    /// (one AniList left out of its answer is read back).
    /// `false`: the account switched meanwhile, and nothing was decided.
    async fn send_batch(&self, api: &Api, credential: &Credential, batch: &[rules::Item], random: f64, switched: impl Fn() -> bool) -> bool {
        let entry_id = |i: &rules::Item| match i.change {
            Change::Save { entry_id, .. } => entry_id,
            Change::Delete { .. } => None,
        };
        let Change::Save { patch, .. } = &batch[0].change else { return true };
        let vars = rules::batch_vars(batch.iter().filter_map(entry_id).collect(), patch);
        let answer = api.run::<UpdateEntries>(Some(credential), &vars, false).await;
        if switched() {
            return false;
        }
        let saved: HashMap<i64, Entry> = match &answer {
            Ok(d) => d.saved.iter().flatten().flatten().map(|e| (e.id, e.clone())).collect(),
            Err(_) => HashMap::new(),
        };
        let found = |item: &rules::Item| entry_id(item).and_then(|id| saved.get(&id));
        self.settle(batch.iter().filter_map(|item| found(item).map(|e| (item, e.clone()))).collect());
        self.answer_each(batch, random, |item| match &answer {
            Err(e) => Err(e.clone()),
            Ok(_) => match found(item) {
                Some(_) => Ok(()),
                None => Err(ApiError::Shape("an entry missing from UpdateMediaListEntries' answer".into())),
            },
        });
        true
    }

    /// Saves of many entries, each with its own values, in one request
    /// (aliased `SaveMediaListEntry`s); each answer decided as if it had
    /// gone alone. A refusal does not say which save AniList refused: each
    /// is then sent alone, for its own answer.
    /// `false`: the account switched meanwhile, and nothing was decided.
    async fn send_many(&self, api: &Api, credential: &Credential, batch: &[rules::Item], random: f64, switched: impl Fn() -> bool) -> bool {
        let vars = save_entries::Vars(
            batch
                .iter()
                .filter_map(|i| match &i.change {
                    Change::Save { entry_id, patch } => Some(rules::save_vars(i.media_id, *entry_id, patch, &self.store.advanced_names(i.media_id))),
                    Change::Delete { .. } => None,
                })
                .collect(),
        );
        let seqs: Vec<u64> = batch.iter().map(|i| i.seq).collect();
        // `next_send` gathers saves only; anything else waits for its turn.
        if vars.0.len() != batch.len() {
            self.queue.update(|q| q.send_alone(&seqs));
            return true;
        }
        let answer = api.run_made::<_, save_entries::Data>(Some(credential), save_entries::NAME, &save_entries::query(batch.len()), true, &vars).await;
        if switched() {
            return false;
        }
        let mut saved = match answer {
            Ok(d) => d,
            Err(ApiError::Validation { .. } | ApiError::GraphQl { .. }) => {
                self.queue.update(|q| q.send_alone(&seqs));
                return true;
            }
            Err(e) => {
                self.answer_each(batch, random, |_| Err(e.clone()));
                return true;
            }
        };
        let found: HashMap<u64, Entry> = batch.iter().enumerate().filter_map(|(k, i)| saved.remove(&save_entries::alias(k)).flatten().map(|e| (i.seq, e))).collect();
        self.settle(batch.iter().filter_map(|i| found.get(&i.seq).map(|e| (i, e.clone()))).collect());
        self.answer_each(batch, random, |i| match found.get(&i.seq) {
            Some(_) => Ok(()),
            None => Err(ApiError::Shape("an entry missing from the answer of many saves".into())),
        });
        true
    }

    /// Decides on AniList's answer to each change sent together; one
    /// notice for what it refused that no row on screen shows.
    fn answer_each(&self, batch: &[rules::Item], random: f64, mut result: impl FnMut(&rules::Item) -> Result<(), ApiError>) {
        let now = js_sys::Date::now();
        // One update of the queue for the whole batch.
        let Some(verdicts) = self.queue.try_update(|q| batch.iter().map(|item| q.answer(item.seq, result(item), now, random)).collect::<Vec<_>>()) else {
            return;
        };
        let mut refused = Vec::new();
        for (item, verdict) in batch.iter().zip(verdicts) {
            refused.extend(self.verdict(item, Some(verdict)));
        }
        self.tell(refused);
    }

    /// Says which changes AniList refused: one notice for one change or
    /// for many.
    fn tell(&self, refused: Vec<(String, ApiError)>) {
        let Some((title, reason)) = refused.first() else { return };
        let head = match refused.len() {
            1 => format!("Your change to {title} was not saved"),
            n => format!("Your changes to {n} entries were not saved"),
        };
        self.flashes.push(Flash::new(Tone::Error, head).detail(format!("{reason} {}", reason.next_step())));
    }

    /// What AniList saved: later changes learn the entries' ids, and the
    /// store takes AniList's values where no later change of the person's
    /// waits to go on top (one update of each, however many).
    fn settle(&self, confirmed: Vec<(&rules::Item, Entry)>) {
        if confirmed.is_empty() {
            return;
        }
        let whole = self.queue.try_update(|q| {
            confirmed
                .into_iter()
                .map(|(item, saved)| {
                    q.learn_entry_id(item.media_id, saved.id);
                    let later = q.has_later(item.seq, item.media_id);
                    (saved, !later)
                })
                .collect::<Vec<_>>()
        });
        self.store.confirm_many(&whole.unwrap_or_default());
    }

    fn read_back(&self, item: &rules::Item, found: Option<Entry>) {
        let applied = self.queue.try_update(|q| q.read_back(item.seq, found.as_ref().map(values_of))).unwrap_or(true);
        if applied {
            if let Some(saved) = found {
                self.settle(vec![(item, saved)]);
            }
        }
    }

    /// Asks the store to refresh the list of `kind` from AniList (see
    /// [`ListStore::refresh`]), with the waiting changes on top of what
    /// comes: how every page and the export bring a list up to date.
    pub fn refresh_list(&self, kind: MediaKind, credential: Credential, force: bool) {
        self.store.refresh(kind, credential, force, self.api.get_value(), self.reapply());
    }

    /// Back to the tab (shown again, or restored from the back/forward
    /// cache): the lists held here are asked of AniList again unless read
    /// within [`crate::store::FRESH_FOR_MS`] (the most recently updated
    /// entries first, stopping where nothing changed), so that what another
    /// device set meanwhile shows, and a +1 counts from it. For the app's
    /// life.
    pub fn refresh_when_back(&self) {
        let me = *self;
        let back = move || {
            if document().hidden() {
                return;
            }
            let Some(credential) = me.session.credential() else { return };
            for kind in MediaKind::ALL {
                if me.store.with_untracked(kind, |d| d.is_some()) {
                    me.refresh_list(kind, credential.clone(), false);
                }
            }
        };
        let _ = window_event_listener(leptos::ev::visibilitychange, move |_| back());
        let _ = window_event_listener(leptos::ev::pageshow, move |e| {
            if e.persisted() {
                back();
            }
        });
    }

    /// While the caller lives, asks AniList for the next episode of the
    /// anime being watched whose episode time has passed (see
    /// [`ListStore::refresh_airing`]): at each tick of `now`, and when the
    /// anime list arrives (from the browser or AniList), not at each edit.
    pub fn follow_airing(&self, credential: Credential, now: ReadSignal<i64>) {
        let me = *self;
        let arrived = Memo::new(move |_| me.store.with(MediaKind::Anime, |d| d.map(|d| d.fetched_at)));
        Effect::new(move |_| {
            let t = now.get();
            // Read, not merely tracked: a memo nobody reads is never worked
            // out, so it would not follow the list (seen in a test).
            let _ = arrived.get();
            me.store.refresh_airing(credential.clone(), me.api.get_value(), t);
        });
    }

    /// Reads the lists in the store again from AniList, with the waiting
    /// changes on top.
    fn refetch_lists(&self) {
        let credential = self.session.credential();
        let Some(credential) = credential else { return };
        for kind in MediaKind::ALL {
            if self.store.with_untracked(kind, |d| d.is_some()) {
                self.refresh_list(kind, credential.clone(), true);
            }
        }
    }

    /// Acts on a verdict; a refusal that no row on screen shows is handed
    /// back (title, reason) for [`Outbox::tell`].
    fn verdict(&self, item: &rules::Item, verdict: Option<Verdict>) -> Option<(String, ApiError)> {
        match verdict {
            Some(Verdict::RetryAt { at, rate_limited: true }) => {
                // The countdown on screen says when the change goes again.
                self.api.get_value().budget.update(|b| b.waiting_until = Some(at));
                let budget = self.api.get_value().budget;
                let _ = set_timeout_with_handle(
                    move || budget.update(|b| {
                        if b.waiting_until == Some(at) {
                            b.waiting_until = None;
                        }
                    }),
                    std::time::Duration::from_millis((at - js_sys::Date::now()).max(0.0) as u64),
                );
            }
            Some(Verdict::Refused { item: refused, reason, restore }) => {
                if restore {
                    match &refused.change {
                        // The row is gone from the store: AniList's lists
                        // (which still hold it) are read again.
                        Change::Delete { .. } => self.refetch_lists(),
                        Change::Save { patch, .. } => {
                            let undo = refused.before.as_ref().map(|b| patch.undo(b));
                            self.store.apply(refused.media_id, undo.as_ref(), None);
                        }
                    }
                }
                if self.store.is_watched(item.media_id) {
                    // The person's refused values, for the editor to offer
                    // again beside AniList's reasons.
                    if let Change::Save { patch, .. } = refused.change {
                        self.store.refused.update_value(|r| {
                            r.insert(refused.media_id, patch);
                        });
                    }
                    self.store.errors.update(|e| {
                        e.insert(item.media_id, reason);
                    });
                } else {
                    return Some((refused.title, reason));
                }
            }
            _ => {}
        }
        None
    }
}

/// How many changes wait, kept, for an account that is not the active one
/// (the header's accounts menu says so beside it).
pub async fn waiting_for(user: u64) -> usize {
    let mut n = 0;
    for (k, _) in records_of(user).await {
        n += kept_queue(&k).await.map_or(0, |q| q.len());
    }
    n
}

/// A queue as kept in IndexedDB under `key`, if there is one to read.
async fn kept_queue(key: &str) -> Option<Queue> {
    serde_json::from_str(&idb::get(idb::OUTBOX, key).await.ok()??).ok()
}

/// The outbox, from context.
pub fn use_outbox() -> Outbox {
    expect_context::<Outbox>()
}

/// Signing out by the person's choice: that user's lists and waiting
/// changes are deleted here (a refused or expired token keeps them, to be
/// sent after the next sign-in as the same user).
/// The active account only: another account still signed in here becomes
/// the active one (the most recently used); returns which, if any.
pub fn sign_out(session: SessionContext) -> Option<u64> {
    let user = session.user_untracked();
    if let Some(user) = user {
        if let (Some(store), Some(outbox)) = (use_context::<ListStore>(), use_context::<Outbox>()) {
            store.forget(user);
            outbox.queue.set(Queue::default());
            outbox.user.set(None);
        }
        forget_queue(user);
        crate::auth::store::forget_account_name(user);
    }
    crate::session::flow::sign_out(session);
    let next = use_context::<Flashes>()
        .and_then(|flashes| crate::auth::store::parked_users().into_iter().find(|u| crate::session::flow::switch_account(session, flashes, *u)));
    if next.is_none() {
        // The last account here: nothing of any account stays (changes
        // that waited for a refused account's sign-in again among them).
        leptos::task::spawn_local(async move {
            for k in idb::keys(idb::OUTBOX).await.unwrap_or_default() {
                let _ = idb::delete(idb::OUTBOX, &k).await;
            }
            ListStore::forget_others(&[]).await;
        });
    }
    next
}

/// Signing out of every account signed in here, the active one last.
pub fn sign_out_all(session: SessionContext) {
    for user in crate::auth::store::parked_users() {
        crate::auth::store::drop_parked(user);
        crate::auth::store::forget_account_name(user);
        if let Some(store) = use_context::<ListStore>() {
            store.forget(user);
        }
        forget_queue(user);
    }
    sign_out(session);
}

/// Deletes every queue kept for `user`, by any tab.
fn forget_queue(user: u64) {
    leptos::task::spawn_local(async move {
        for (k, _) in records_of(user).await {
            let _ = idb::delete(idb::OUTBOX, &k).await;
        }
    });
}

/// The outbox's state in the header: "Saving…", "3 changes waiting
/// (offline)", "All changes saved".
#[component]
pub fn OutboxStatus() -> impl IntoView {
    let outbox = use_outbox();
    let status = Memo::new(move |_| outbox.status());
    move || {
        let s = status.get();
        (s != Status::Idle).then(|| {
            let waiting = matches!(s, Status::Waiting { .. });
            view! {
                <p class="outbox-status" class:outbox-status--waiting=waiting role="status" data-testid="outbox-status">{s.text()}</p>
            }
        })
    }
}
