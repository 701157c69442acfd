//! The edit outbox's rules, pure: which change goes next, how quick
//! repeats fold into one, and what each answer from AniList means for a
//! change (done, retry later, read back, pause, refused). No `web_sys`:
//! tested natively. The browser glue is [`crate::outbox`].

use serde::{Deserialize, Serialize};

use crate::api::ops::{save_entry, update_entries};
use crate::api::ApiError;

pub use crate::edit::{Patch, Values};

/// One change to one entry (keyed by its media id: an entry being created
/// has no id yet).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Change {
    /// `SaveMediaListEntry` with the fields of this patch (absolute
    /// values); `entry_id` is `None` for a new entry (it is created by
    /// media id). (Kept as `values` by the version that sent status,
    /// progress and score only.)
    Save {
        entry_id: Option<i64>,
        #[serde(alias = "values")]
        patch: Patch,
    },
    Delete { entry_id: Option<i64> },
}

/// A change waiting in the outbox.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub seq: u64,
    pub media_id: i64,
    pub change: Change,
    /// What the entry held before the first change folded into this one
    /// (`None`: it was not on the list): restored if AniList refuses.
    pub before: Option<Values>,
    /// The title, for messages.
    pub title: String,
    pub attempts: u32,
    /// Not sent before this time (ms since the epoch).
    pub not_before: f64,
    /// Sent, with no clear answer: read back from AniList before anything
    /// else is decided.
    pub uncertain: bool,
    /// Waiting because AniList answered 429 (a wait it asked for, kept
    /// even when the network comes back).
    #[serde(default)]
    pub rate_limited: bool,
    /// On its way now. Kept: a reload that finds it set cannot know
    /// whether AniList got it, so it is read back first.
    #[serde(default)]
    pub in_flight: bool,
    /// Sent only alone: AniList refused a request of many saves that held
    /// it without saying which one it refused.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub alone: bool,
}

/// Why nothing is sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Pause {
    /// AniList refused the token: waiting for the same user to sign in again.
    SignIn,
    /// The same, while other accounts stayed signed in here: switching to
    /// one of them keeps these changes (it is the same person, not another
    /// one signing in); they are deleted only when the last account here
    /// signs out.
    SignInAmongAccounts,
}

impl Queue {
    /// Whether these changes outlive a switch to another account: they
    /// wait for their own account's sign-in again.
    pub fn waits_among_accounts(&self) -> bool {
        !self.is_empty() && self.paused == Some(Pause::SignInAmongAccounts)
    }
}

/// One user's waiting changes, in the order they were made.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Queue {
    pub items: Vec<Item>,
    pub next_seq: u64,
    pub paused: Option<Pause>,
}

/// What an answer means for the change it answers.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    /// AniList holds it; the item is gone.
    Done,
    /// Not applied; sent again at this time (ms). `rate_limited` when
    /// AniList asked to wait (the countdown on screen is then true).
    RetryAt { at: f64, rate_limited: bool },
    /// Unclear whether AniList applied it: read the entry back first.
    ReadBack,
    /// The token was refused: everything waits for a sign-in.
    Paused,
    /// AniList refused the change itself; the item is gone and its
    /// `before` values are to be restored (unless a later change to the
    /// same entry is waiting), with this reason.
    Refused { item: Box<Item>, reason: ApiError, restore: bool },
}

/// The longest wait between two tries.
pub const MAX_BACKOFF_MS: f64 = 5.0 * 60_000.0;

/// 2 s, 4 s, 8 s … up to five minutes, with up to a quarter more at
/// random (`random` in 0..1) so that tabs do not retry together.
pub fn backoff_ms(attempts: u32, random: f64) -> f64 {
    let base = (2_000.0 * 2f64.powi(attempts.min(16) as i32)).min(MAX_BACKOFF_MS);
    base + base * 0.25 * random.clamp(0.0, 1.0)
}

impl Queue {
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// The numbers of the changes here, to tell later which left.
    pub fn seqs(&self) -> Vec<u64> {
        self.items.iter().map(|i| i.seq).collect()
    }

    /// Whether a change numbered in `before` is no longer here (saved,
    /// refused or dropped since).
    pub fn lost_any(&self, before: &[u64]) -> bool {
        let here: std::collections::HashSet<u64> = self.items.iter().map(|i| i.seq).collect();
        before.iter().any(|s| !here.contains(s))
    }

    /// The scoring system changed: a score waiting (not on its way) in the
    /// changes of the entries `of` picks is in the old one, and AniList
    /// would read it in the new one. It is taken out (the advanced scores
    /// too); a change to an existing entry left with nothing goes. The
    /// titles whose score was taken out come back.
    pub fn drop_scores(&mut self, of: impl Fn(i64) -> bool) -> Vec<String> {
        let mut titles = Vec::new();
        self.items.retain_mut(|item| {
            let Change::Save { entry_id, patch } = &mut item.change else { return true };
            if item.in_flight || !of(item.media_id) || (patch.score.is_none() && patch.advanced.is_none()) {
                return true;
            }
            patch.score = None;
            patch.advanced = None;
            titles.push(item.title.clone());
            entry_id.is_none() || *patch != Patch::default()
        });
        titles
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Whether a change to this entry is waiting or on its way.
    pub fn holds(&self, media_id: i64) -> bool {
        self.items.iter().any(|i| i.media_id == media_id)
    }

    /// Adds a change made now. `settle`: how long to wait for more changes
    /// to the same entry before sending (quick "+1" clicks become one
    /// save). A change to an entry whose last change is still waiting (not
    /// on its way) folds into it.
    pub fn push(&mut self, media_id: i64, change: Change, before: Option<Values>, title: &str, now: f64, settle: f64) {
        if let Some(last) = self.items.iter_mut().rev().find(|i| i.media_id == media_id) {
            if !last.in_flight && !last.uncertain {
                let folded = match (&last.change, &change) {
                    (Change::Save { entry_id, patch: first }, Change::Save { patch, .. }) => {
                        let mut folded = first.clone();
                        folded.merge(patch);
                        Some(Change::Save { entry_id: *entry_id, patch: folded })
                    }
                    (Change::Save { entry_id, .. }, Change::Delete { .. }) => Some(Change::Delete { entry_id: *entry_id }),
                    // Deleting twice deletes once.
                    (Change::Delete { .. }, Change::Delete { .. }) => Some(last.change.clone()),
                    // A delete not sent yet, then every value of the entry
                    // again (an undo): the entry never left AniList, so the
                    // delete is cancelled; values that differ from what it
                    // holds are saved to it, under its own id.
                    (Change::Delete { entry_id }, Change::Save { patch, .. }) if patch.is_whole() => {
                        if entry_id.is_some() && last.before.as_ref().is_some_and(|b| Patch::whole(b) == *patch) {
                            let seq = last.seq;
                            self.items.retain(|i| i.seq != seq);
                            return;
                        }
                        Some(Change::Save { entry_id: *entry_id, patch: patch.clone() })
                    }
                    // Otherwise a save after a delete waits its turn (it
                    // creates the entry anew).
                    (Change::Delete { .. }, Change::Save { .. }) => None,
                };
                if let Some(change) = folded {
                    last.change = change;
                    last.not_before = last.not_before.max(now + settle);
                    return;
                }
            }
        }
        self.next_seq += 1;
        self.items.push(Item {
            seq: self.next_seq,
            media_id,
            change,
            before,
            title: title.to_string(),
            attempts: 0,
            not_before: now + settle,
            uncertain: false,
            in_flight: false,
            rate_limited: false,
            alone: false,
        });
    }

    /// Whether this entry's last change is a delete that has not gone out
    /// (a whole save after it cancels it: see [`Queue::push`]).
    pub fn unsent_delete(&self, media_id: i64) -> bool {
        self.items
            .iter()
            .rev()
            .find(|i| i.media_id == media_id)
            .is_some_and(|i| matches!(i.change, Change::Delete { entry_id: Some(_) }) && !i.in_flight && !i.uncertain)
    }

    /// The change to send (or read back) now, if any: the first of each
    /// entry's changes, in order, one at a time, none while paused.
    pub fn next_ready(&self, now: f64) -> Option<&Item> {
        if self.paused.is_some() || self.items.iter().any(|i| i.in_flight) {
            return None;
        }
        let first = self.items.first()?;
        (first.not_before <= now).then_some(first)
    }

    /// What to send now: the next ready change (see [`Queue::next_ready`])
    /// and, when it is a save of an existing entry that AniList's bulk
    /// update can carry ([`batchable`]), the ready saves of other entries
    /// right after it with the same values, up to `max` in all. When it is
    /// uncertain, the uncertain ones right after it, to be read back
    /// together.
    pub fn next_batch(&self, now: f64, max: usize) -> Vec<Item> {
        let Some(first) = self.next_ready(now) else { return Vec::new() };
        let mut out = vec![first.clone()];
        if first.uncertain {
            // Read back together: the uncertain ones right after it.
            for i in self.items.iter().skip(1) {
                if out.len() >= max || !i.uncertain || i.not_before > now || out.iter().any(|o| o.media_id == i.media_id) {
                    break;
                }
                out.push(i.clone());
            }
            return out;
        }
        let Change::Save { entry_id: Some(_), patch } = &first.change else { return out };
        if !batchable(patch) {
            return out;
        }
        for i in self.items.iter().skip(1) {
            let same = matches!(&i.change, Change::Save { entry_id: Some(_), patch: p } if p == patch);
            if out.len() >= max || !same || i.uncertain || i.not_before > now || out.iter().any(|o| o.media_id == i.media_id) {
                break;
            }
            out.push(i.clone());
        }
        out
    }

    /// What to send now, and how: the uncertain ones read back together;
    /// saves of existing entries with the same values together (see
    /// [`Queue::next_batch`]); else the ready saves right after the first,
    /// each of another entry, in one request of many; else the first alone.
    pub fn next_send(&self, now: f64) -> (Via, Vec<Item>) {
        let Some(first) = self.next_ready(now) else { return (Via::Alone, Vec::new()) };
        if first.uncertain {
            return (Via::ReadBack, self.next_batch(now, READ_BACK_MAX));
        }
        let mut out = self.next_batch(now, BATCH_MAX);
        if out.len() > 1 {
            return (Via::Together, out);
        }
        if first.alone || !matches!(first.change, Change::Save { .. }) {
            return (Via::Alone, out);
        }
        for i in self.items.iter().skip(1) {
            let save = matches!(i.change, Change::Save { .. });
            if out.len() >= BATCH_MAX || !save || i.alone || i.uncertain || i.not_before > now || out.iter().any(|o| o.media_id == i.media_id) {
                break;
            }
            out.push(i.clone());
        }
        (if out.len() > 1 { Via::Aliased } else { Via::Alone }, out)
    }

    /// AniList refused a request of many saves without saying which: each
    /// is sent again alone, for its own answer (a save is safe to send
    /// twice).
    pub fn send_alone(&mut self, seqs: &[u64]) {
        for i in self.items.iter_mut().filter(|i| seqs.contains(&i.seq)) {
            i.alone = true;
            i.in_flight = false;
        }
    }

    /// When the next change becomes ready, if one is waiting for time.
    pub fn next_time(&self) -> Option<f64> {
        if self.paused.is_some() || self.items.iter().any(|i| i.in_flight) {
            return None;
        }
        self.items.first().map(|i| i.not_before)
    }

    pub fn get(&self, seq: u64) -> Option<&Item> {
        self.items.iter().find(|i| i.seq == seq)
    }

    fn get_mut(&mut self, seq: u64) -> Option<&mut Item> {
        self.items.iter_mut().find(|i| i.seq == seq)
    }

    pub fn set_in_flight(&mut self, seq: u64, on: bool) {
        if let Some(i) = self.get_mut(seq) {
            i.in_flight = on;
        }
    }

    /// Whether another change to the same entry waits after `seq`.
    pub fn has_later(&self, seq: u64, media_id: i64) -> bool {
        self.items.iter().any(|i| i.media_id == media_id && i.seq > seq)
    }

    /// A new entry got its id from AniList: the changes after it use it.
    pub fn learn_entry_id(&mut self, media_id: i64, id: i64) {
        for i in self.items.iter_mut().filter(|i| i.media_id == media_id) {
            match &mut i.change {
                Change::Save { entry_id, .. } | Change::Delete { entry_id } if entry_id.is_none() => *entry_id = Some(id),
                _ => {}
            }
        }
    }

    /// Decides on AniList's answer to item `seq` (sent, or read back).
    pub fn answer(&mut self, seq: u64, result: Result<(), ApiError>, now: f64, random: f64) -> Verdict {
        let Some(item) = self.get_mut(seq) else { return Verdict::Done };
        item.in_flight = false;
        item.rate_limited = matches!(result, Err(ApiError::RateLimited { inferred: false, .. }));
        let verdict = match result {
            Ok(()) => Verdict::Done,
            Err(e) => match e {
                ApiError::RateLimited { retry_after, .. } => {
                    item.attempts += 1;
                    Verdict::RetryAt { at: now + retry_after as f64 * 1000.0 + 1000.0 * random, rate_limited: true }
                }
                ApiError::Server { .. } | ApiError::NotJson { .. } | ApiError::ApiDisabled { .. } | ApiError::UnexpectedStatus { .. } => {
                    item.attempts += 1;
                    Verdict::RetryAt { at: now + backoff_ms(item.attempts - 1, random), rate_limited: false }
                }
                // No answer, or one the app cannot read: AniList may have
                // applied it.
                ApiError::Network | ApiError::Timeout { .. } | ApiError::Shape(_) => {
                    item.attempts += 1;
                    item.uncertain = true;
                    item.not_before = now + if item.attempts > 1 { backoff_ms(item.attempts - 2, random) } else { 0.0 };
                    return Verdict::ReadBack;
                }
                ApiError::RefusedByPolicy => {
                    item.attempts += 1;
                    Verdict::RetryAt { at: now + backoff_ms(item.attempts - 1, random), rate_limited: false }
                }
                ApiError::InvalidToken | ApiError::Unauthorized | ApiError::WrongOrigin { .. } => {
                    self.paused = Some(Pause::SignIn);
                    return Verdict::Paused;
                }
                reason @ (ApiError::Validation { .. } | ApiError::GraphQl { .. }) => {
                    let item = item.clone();
                    let restore = !self.has_later(seq, item.media_id);
                    self.items.retain(|i| i.seq != seq);
                    return Verdict::Refused { item: Box::new(item), reason, restore };
                }
            },
        };
        match &verdict {
            Verdict::Done => self.items.retain(|i| i.seq != seq),
            Verdict::RetryAt { at, .. } => {
                if let Some(i) = self.get_mut(seq) {
                    i.not_before = *at;
                }
            }
            _ => {}
        }
        verdict
    }

    /// What reading the entry back found (`None`: AniList has no such
    /// entry): whether the change is already there. If it is, the item is
    /// done; if not, it is sent again at once (the change is safe to send
    /// twice).
    pub fn read_back(&mut self, seq: u64, found: Option<Values>) -> bool {
        let Some(item) = self.get_mut(seq) else { return true };
        item.in_flight = false;
        let applied = match (&item.change, found) {
            (Change::Save { patch, .. }, Some(v)) => patch.held_by(&v),
            (Change::Save { .. }, None) => false,
            (Change::Delete { .. }, found) => found.is_none(),
        };
        if applied {
            self.items.retain(|i| i.seq != seq);
        } else {
            item.uncertain = false;
        }
        applied
    }

    /// The network is back: every change waiting out a backoff may go now
    /// (a wait AniList asked for with a 429 is kept).
    pub fn wake(&mut self, now: f64) {
        for i in &mut self.items {
            if !i.rate_limited {
                i.not_before = i.not_before.min(now);
            }
        }
    }

    /// After a reload: nothing is on its way, and what was is uncertain.
    pub fn after_reload(&mut self) {
        for i in &mut self.items {
            if i.in_flight {
                i.in_flight = false;
                i.uncertain = true;
            }
        }
    }

    /// Takes in the changes another tab kept and can no longer send (it is
    /// closed): after this queue's own, each under a new number, what was
    /// on its way there read back first. Returns the changes taken, for
    /// the store (that tab's edits may not be in this tab's lists).
    pub fn adopt(&mut self, mut other: Queue) -> Vec<Item> {
        other.after_reload();
        let mut taken = Vec::with_capacity(other.items.len());
        for item in other.items {
            self.next_seq += 1;
            let item = Item { seq: self.next_seq, ..item };
            taken.push(item.clone());
            self.items.push(item);
        }
        taken
    }
}

/// Each open tab keeps its own queue in IndexedDB, under `user.tab` (a
/// tab's id is new at each load): two tabs never write over each other's
/// changes. Older versions kept one queue under `user`.
pub fn record_key(user: u64, tab: &str) -> String {
    format!("{user}.{tab}")
}

/// Whose a kept queue is: the user, and the tab that kept it (`None`: an
/// older version's queue, kept by no tab open now).
pub fn record_owner(key: &str) -> Option<(u64, Option<&str>)> {
    match key.split_once('.') {
        Some((user, tab)) if !tab.is_empty() => Some((user.parse().ok()?, Some(tab))),
        Some(_) => None,
        None => Some((key.parse().ok()?, None)),
    }
}

/// About how long `n` new saves take to reach AniList within the app's
/// rate limit ([`BATCH_MAX`] a request), in whole minutes.
pub fn minutes_to_send(n: usize) -> u64 {
    n.div_ceil(BATCH_MAX).div_ceil(crate::api::limiter::PER_MINUTE).max(1) as u64
}

/// "on their way to AniList (within its rate limit that takes about 12
/// minutes)": said of `n` changes just made; how long only when it passes
/// a minute.
pub fn on_their_way(n: usize) -> String {
    let minutes = minutes_to_send(n);
    let takes = if minutes > 1 { format!(" (within its rate limit that takes about {})", crate::text::time_spent(minutes)) } else { String::new() };
    format!("on {} way to AniList{takes}", if n == 1 { "its" } else { "their" })
}

/// The most entries in one `UpdateMediaListEntries` or one request of
/// aliased saves: AniList refuses a request whose complexity passes 500,
/// and counts every field of each entry's answer (about 22 an entry).
pub const BATCH_MAX: usize = 20;

/// The most entries read back in one request (a page of `ListEntries`).
pub const READ_BACK_MAX: usize = crate::api::ops::list_entries::PER_PAGE;

/// How the next changes go to AniList.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Via {
    /// One change alone: `SaveMediaListEntry` or `DeleteMediaListEntry`.
    Alone,
    /// Uncertain ones read back together (`ListEntries`).
    ReadBack,
    /// Existing entries given the same values: one `UpdateMediaListEntries`.
    Together,
    /// Saves each with its own values, as aliased `SaveMediaListEntry`s in
    /// one request (AniList counts one request, however much it asks).
    Aliased,
}

/// Whether AniList's bulk update takes this change: it has no custom
/// lists nor advanced scores (those go one entry at a time).
pub fn batchable(patch: &Patch) -> bool {
    !patch.is_empty() && patch.lists.is_none() && patch.advanced.is_none()
}

/// What a bulk update sends: the same values for every entry id (a
/// [`batchable`] patch: no custom lists nor advanced scores).
pub fn batch_vars(ids: Vec<i64>, patch: &Patch) -> update_entries::Vars {
    let values = save_entry::Vars { id: None, media_id: None, ..save_vars(0, Some(0), patch, &[]) };
    update_entries::Vars { ids, values }
}

/// What a save sends: the fields the person changed, as absolute values.
/// A new entry is created by media id (it may already be on AniList, added
/// elsewhere: then only these fields change, so adding a title never resets
/// what AniList holds). `advanced`: the user's advanced scoring sections, in
/// the order AniList takes the scores.
pub fn save_vars(media_id: i64, entry_id: Option<i64>, patch: &Patch, advanced: &[String]) -> save_entry::Vars {
    save_entry::Vars {
        id: entry_id,
        media_id: entry_id.is_none().then_some(media_id),
        status: patch.status.filter(|s| s.is_known()),
        progress: patch.progress,
        progress_volumes: patch.volumes,
        score: patch.score,
        repeat: patch.repeat,
        priority: patch.priority,
        private: patch.private,
        hidden_from_status_lists: patch.hidden,
        notes: patch.notes.clone(),
        started_at: patch.started,
        completed_at: patch.completed,
        custom_lists: patch.lists.clone(),
        advanced_scores: patch.advanced.as_ref().map(|given| {
            if advanced.is_empty() {
                given.iter().map(|(_, s)| *s).collect()
            } else {
                advanced.iter().map(|name| given.iter().find(|(n, _)| n == name).map_or(0.0, |(_, s)| *s)).collect()
            }
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minutes_to_send_follow_the_limiter() {
        let per_minute = crate::api::limiter::PER_MINUTE * BATCH_MAX;
        assert_eq!(minutes_to_send(1), 1);
        assert_eq!(minutes_to_send(per_minute), 1);
        assert_eq!(minutes_to_send(per_minute + 1), 2);
        assert_eq!(minutes_to_send(5_000), 10, "250 requests at 25 a minute");
        assert_eq!(on_their_way(1), "on its way to AniList");
        assert_eq!(on_their_way(per_minute), "on their way to AniList");
        assert_eq!(on_their_way(5_000), "on their way to AniList (within its rate limit that takes about 10 minutes)");
    }

    #[test]
    fn a_change_that_left_is_told_from_one_folded_or_added() {
        let mut q = Queue::default();
        q.push(1, Change::Save { entry_id: Some(10), patch: Patch { progress: Some(3), ..Patch::default() } }, None, "A", 0.0, 0.0);
        q.push(2, Change::Save { entry_id: Some(20), patch: Patch { progress: Some(5), ..Patch::default() } }, None, "B", 0.0, 1_000.0);
        let before = q.seqs();
        assert!(!q.lost_any(&before));
        // Folded into the waiting change of the same entry, or a new one: nothing left.
        q.push(2, Change::Save { entry_id: Some(20), patch: Patch { progress: Some(6), ..Patch::default() } }, None, "B", 10.0, 1_000.0);
        q.push(3, Change::Delete { entry_id: Some(30) }, None, "C", 10.0, 0.0);
        assert_eq!(q.len(), 3);
        assert!(!q.lost_any(&before));
        // Saved: it left.
        let first = before[0];
        assert_eq!(q.answer(first, Ok(()), 20.0, 0.0), Verdict::Done);
        assert!(q.lost_any(&before));
        assert!(!q.lost_any(&q.seqs()));
    }
    use crate::media::ListStatus;

    fn v(progress: u32) -> Values {
        Values { progress, score: 8.0, ..Values::new(ListStatus::Current) }
    }

    fn p(progress: u32) -> Patch {
        Patch { status: Some(ListStatus::Current), progress: Some(progress), score: Some(8.0), ..Patch::default() }
    }

    fn save(id: i64, progress: u32) -> Change {
        Change::Save { entry_id: Some(id), patch: p(progress) }
    }

    #[test]
    fn a_new_scoring_system_takes_waiting_scores_out_of_their_changes() {
        let mut q = Queue::default();
        let only_score = Patch { score: Some(7.5), ..Patch::default() };
        let scored = Patch { progress: Some(3), score: Some(9.0), advanced: Some(vec![("Story".into(), 9.0)]), ..Patch::default() };
        q.push(1, Change::Save { entry_id: Some(10), patch: only_score.clone() }, Some(v(1)), "A", 0.0, 0.0);
        q.push(2, Change::Save { entry_id: Some(20), patch: scored }, Some(v(2)), "B", 0.0, 0.0);
        q.push(3, Change::Save { entry_id: None, patch: only_score.clone() }, None, "C", 0.0, 0.0);
        q.push(4, Change::Save { entry_id: Some(40), patch: only_score.clone() }, Some(v(4)), "D", 0.0, 0.0);
        q.push(5, Change::Save { entry_id: Some(50), patch: only_score.clone() }, Some(v(5)), "E", 0.0, 0.0);
        q.push(6, Change::Delete { entry_id: Some(60) }, Some(v(6)), "F", 0.0, 0.0);
        let on_its_way = q.items.iter().find(|i| i.media_id == 4).unwrap().seq;
        q.set_in_flight(on_its_way, true);
        // 5 is on the other kind of list.
        let titles = q.drop_scores(|id| id != 5);
        assert_eq!(titles, ["A", "B", "C"]);
        let left: Vec<(i64, Option<Patch>)> = q.items.iter().map(|i| (i.media_id, match &i.change { Change::Save { patch, .. } => Some(patch.clone()), Change::Delete { .. } => None })).collect();
        assert_eq!(left, [
            // A: nothing left of it, gone.
            (2, Some(Patch { progress: Some(3), ..Patch::default() })),
            // C is being added: the add stays, without its score.
            (3, Some(Patch::default())),
            (4, Some(only_score.clone())),
            (5, Some(only_score)),
            (6, None),
        ]);
    }

    #[test]
    fn quick_repeats_fold_into_one_save_of_the_final_values() {
        let mut q = Queue::default();
        q.push(1, save(11, 13), Some(v(12)), "A", 0.0, 700.0);
        q.push(1, save(11, 14), Some(v(13)), "A", 100.0, 700.0);
        q.push(1, save(11, 15), Some(v(14)), "A", 200.0, 700.0);
        assert_eq!(q.len(), 1);
        let item = &q.items[0];
        assert_eq!((item.change.clone(), item.before.clone()), (save(11, 15), Some(v(12))));
        assert!(q.next_ready(850.0).is_none(), "still settling");
        assert_eq!(q.next_ready(900.0).map(|i| i.seq), Some(1));
    }

    #[test]
    fn a_change_while_one_is_on_its_way_is_sent_after_it() {
        let mut q = Queue::default();
        q.push(1, save(11, 13), None, "A", 0.0, 0.0);
        q.push(2, save(22, 1), None, "B", 0.0, 0.0);
        q.set_in_flight(1, true);
        q.push(1, save(11, 14), None, "A", 0.0, 0.0);
        assert_eq!(q.len(), 3);
        assert!(q.next_ready(0.0).is_none(), "one request at a time");
        assert_eq!(q.answer(1, Ok(()), 0.0, 0.0), Verdict::Done);
        assert_eq!(q.next_ready(0.0).map(|i| i.media_id), Some(2), "in order");
        assert!(q.has_later(2, 1) || q.has_later(1, 1));
    }

    #[test]
    fn deletes_fold_and_a_save_after_a_delete_waits() {
        let mut q = Queue::default();
        q.push(1, save(11, 3), Some(v(2)), "A", 0.0, 0.0);
        q.push(1, Change::Delete { entry_id: Some(11) }, None, "A", 0.0, 0.0);
        q.push(1, Change::Delete { entry_id: Some(11) }, None, "A", 0.0, 0.0);
        assert_eq!(q.len(), 1);
        assert_eq!(q.items[0].change, Change::Delete { entry_id: Some(11) });
        assert_eq!(q.items[0].before, Some(v(2)));
        q.push(1, Change::Save { entry_id: None, patch: p(0) }, None, "A", 0.0, 0.0);
        assert_eq!(q.len(), 2);
    }

    #[test]
    fn rate_limits_and_server_errors_are_retried_later() {
        let mut q = Queue::default();
        q.push(1, save(11, 3), None, "A", 0.0, 0.0);
        q.set_in_flight(1, true);
        let limited = q.answer(1, Err(ApiError::RateLimited { retry_after: 7, inferred: false }), 1000.0, 0.0);
        assert_eq!(limited, Verdict::RetryAt { at: 8000.0, rate_limited: true });
        assert!(q.next_ready(7999.0).is_none());
        assert_eq!(q.next_ready(8000.0).map(|i| i.seq), Some(1));
        let server = q.answer(1, Err(ApiError::Server { status: 502 }), 10_000.0, 0.0);
        assert_eq!(server, Verdict::RetryAt { at: 14_000.0, rate_limited: false }, "second try: 4 s");
        assert_eq!(q.len(), 1, "nothing is dropped");
    }

    fn status(s: ListStatus) -> Patch {
        Patch { status: Some(s), ..Patch::default() }
    }

    #[test]
    fn ready_saves_with_the_same_values_go_together() {
        let mut q = Queue::default();
        let done = status(ListStatus::Completed);
        for (media, entry) in [(1, 11), (2, 22), (3, 33)] {
            q.push(media, Change::Save { entry_id: Some(entry), patch: done.clone() }, Some(v(1)), "T", 0.0, 0.0);
        }
        // Then another change, another entry not yet created, the same again.
        q.push(4, Change::Save { entry_id: Some(44), patch: status(ListStatus::Dropped) }, None, "T", 0.0, 0.0);
        q.push(5, Change::Save { entry_id: Some(55), patch: done.clone() }, None, "T", 0.0, 0.0);
        let batch = q.next_batch(0.0, BATCH_MAX);
        assert_eq!(batch.iter().map(|i| i.media_id).collect::<Vec<_>>(), [1, 2, 3], "only those right after the first");
        assert_eq!(q.next_batch(0.0, 2).len(), 2, "at most max");
        for i in &batch {
            q.answer(i.seq, Ok(()), 0.0, 0.0);
        }
        assert_eq!(q.next_batch(0.0, BATCH_MAX).iter().map(|i| i.media_id).collect::<Vec<_>>(), [4]);
        let vars = batch_vars(vec![11, 22], &done);
        assert_eq!(serde_json::to_value(&vars).unwrap(), serde_json::json!({"ids": [11, 22], "status": "COMPLETED"}));
    }

    #[test]
    fn what_the_bulk_update_cannot_carry_goes_alone() {
        let lists = Patch { lists: Some(vec!["Favourites".into()]), ..Patch::default() };
        assert!(!batchable(&lists) && !batchable(&Patch::default()) && batchable(&status(ListStatus::Paused)));
        let mut q = Queue::default();
        for media in [1, 2] {
            q.push(media, Change::Save { entry_id: Some(media * 11), patch: lists.clone() }, None, "T", 0.0, 0.0);
        }
        assert_eq!(q.next_batch(0.0, BATCH_MAX).len(), 1, "custom lists: one SaveMediaListEntry each");
        // A new entry (no id yet), a settling one, an uncertain one: alone.
        let mut q = Queue::default();
        q.push(1, Change::Save { entry_id: None, patch: status(ListStatus::Current) }, None, "T", 0.0, 0.0);
        q.push(2, Change::Save { entry_id: Some(22), patch: status(ListStatus::Current) }, None, "T", 0.0, 0.0);
        assert_eq!(q.next_batch(0.0, BATCH_MAX).len(), 1);
        let mut q = Queue::default();
        q.push(1, Change::Save { entry_id: Some(11), patch: status(ListStatus::Current) }, None, "T", 0.0, 0.0);
        q.push(2, Change::Save { entry_id: Some(22), patch: status(ListStatus::Current) }, None, "T", 0.0, 700.0);
        assert_eq!(q.next_batch(0.0, BATCH_MAX).len(), 1, "still settling");
        assert_eq!(q.next_batch(700.0, BATCH_MAX).len(), 2);
        q.set_in_flight(1, true);
        assert_eq!(q.answer(1, Err(ApiError::Network), 0.0, 0.0), Verdict::ReadBack);
        assert_eq!(q.next_batch(0.0, BATCH_MAX).len(), 1, "read back, without the one after it");
    }

    #[test]
    fn saves_with_their_own_values_go_in_one_request_of_many() {
        let mut q = Queue::default();
        // New entries (an import), each with its own values.
        for media in 1..=25 {
            q.push(media, Change::Save { entry_id: None, patch: Patch { progress: Some(media as u32), ..Patch::default() } }, None, "T", 0.0, 0.0);
        }
        let (via, batch) = q.next_send(0.0);
        assert_eq!(via, Via::Aliased);
        assert_eq!(batch.len(), BATCH_MAX, "at most BATCH_MAX");
        for i in &batch {
            q.answer(i.seq, Ok(()), 0.0, 0.0);
        }
        assert_eq!(q.next_send(0.0).1.iter().map(|i| i.media_id).collect::<Vec<_>>(), [21, 22, 23, 24, 25]);
        // A delete, another change of an entry already in, one settling:
        // the request ends before each.
        let mut q = Queue::default();
        q.push(1, save(11, 1), None, "T", 0.0, 0.0);
        q.push(2, save(22, 2), None, "T", 0.0, 0.0);
        q.push(3, Change::Delete { entry_id: Some(33) }, None, "T", 0.0, 0.0);
        q.push(4, save(44, 4), None, "T", 0.0, 0.0);
        assert_eq!(q.next_send(0.0), (Via::Aliased, q.items[..2].to_vec()));
        let mut q = Queue::default();
        q.push(1, save(11, 1), None, "T", 0.0, 0.0);
        q.push(2, save(22, 2), None, "T", 0.0, 700.0);
        assert_eq!(q.next_send(0.0).0, Via::Alone, "the second is still settling");
        // Saves of existing entries with the same values: one bulk update.
        let mut q = Queue::default();
        for media in [1, 2] {
            q.push(media, Change::Save { entry_id: Some(media * 11), patch: status(ListStatus::Paused) }, None, "T", 0.0, 0.0);
        }
        assert_eq!(q.next_send(0.0).0, Via::Together);
        q.push(3, Change::Delete { entry_id: Some(33) }, None, "T", 0.0, 0.0);
        assert_eq!(q.next_send(0.0).1.len(), 2);
    }

    #[test]
    fn a_refused_request_of_many_sends_each_alone() {
        let mut q = Queue::default();
        for media in 1..=3 {
            q.push(media, save(media * 11, media as u32), None, "T", 0.0, 0.0);
        }
        let (_, batch) = q.next_send(0.0);
        let seqs: Vec<u64> = batch.iter().map(|i| i.seq).collect();
        for s in &seqs {
            q.set_in_flight(*s, true);
        }
        q.send_alone(&seqs);
        assert_eq!(q.len(), 3, "nothing dropped");
        for media in 1..=3 {
            let (via, batch) = q.next_send(0.0);
            assert_eq!((via, batch[0].media_id, batch.len()), (Via::Alone, media, 1));
            q.answer(batch[0].seq, Ok(()), 0.0, 0.0);
        }
        let kept: Item = serde_json::from_value(serde_json::json!({"seq": 1, "media_id": 1, "change": {"Delete": {"entry_id": null}}, "before": null, "title": "T", "attempts": 0, "not_before": 0.0, "uncertain": false})).unwrap();
        assert!(!kept.alone, "a change kept by an older version goes with others");
    }

    #[test]
    fn a_batch_cut_off_by_a_reload_is_read_back_together() {
        let mut q = Queue::default();
        for media in 1..=4 {
            q.push(media, Change::Save { entry_id: Some(media * 11), patch: status(ListStatus::Paused) }, None, "T", 0.0, 0.0);
        }
        q.push(5, Change::Delete { entry_id: Some(55) }, None, "T", 0.0, 0.0);
        for i in q.next_batch(0.0, 3) {
            q.set_in_flight(i.seq, true);
        }
        q.after_reload();
        let back = q.next_batch(0.0, BATCH_MAX);
        assert_eq!(back.iter().map(|i| (i.media_id, i.uncertain)).collect::<Vec<_>>(), [(1, true), (2, true), (3, true)]);
        // AniList has two of them; the third goes again, with the fourth.
        assert!(q.read_back(1, Some(Values::new(ListStatus::Paused))));
        assert!(q.read_back(2, Some(Values::new(ListStatus::Paused))));
        assert!(!q.read_back(3, Some(Values::new(ListStatus::Current))));
        assert_eq!(q.next_batch(0.0, BATCH_MAX).iter().map(|i| i.media_id).collect::<Vec<_>>(), [3, 4]);
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        assert_eq!(backoff_ms(0, 0.0), 2_000.0);
        assert_eq!(backoff_ms(3, 0.0), 16_000.0);
        assert_eq!(backoff_ms(40, 0.0), MAX_BACKOFF_MS);
        assert_eq!(backoff_ms(0, 1.0), 2_500.0);
    }

    #[test]
    fn no_clear_answer_means_reading_back_first() {
        let mut q = Queue::default();
        q.push(1, save(11, 4), Some(v(3)), "A", 0.0, 0.0);
        q.set_in_flight(1, true);
        assert_eq!(q.answer(1, Err(ApiError::Timeout { secs: 20 }), 0.0, 0.0), Verdict::ReadBack);
        assert!(q.items[0].uncertain);
        // A change made meanwhile does not fold into an uncertain one.
        q.push(1, save(11, 5), Some(v(4)), "A", 0.0, 0.0);
        assert_eq!(q.len(), 2);
        // AniList has it: done, without sending it again.
        assert!(q.read_back(1, Some(v(4))));
        assert_eq!(q.len(), 1);
        // AniList does not have it: sent again.
        q.set_in_flight(2, true);
        assert_eq!(q.answer(2, Err(ApiError::Network), 0.0, 0.0), Verdict::ReadBack);
        assert!(!q.read_back(2, Some(v(4))));
        assert!(!q.items[0].uncertain && q.len() == 1);
    }

    #[test]
    fn reading_back_is_for_exactly_the_answers_whose_outcome_is_unknown() {
        // ApiError::outcome_unknown (the favourite toggle's read-back uses it)
        // says the same as this rule.
        let all = [
            ApiError::Network,
            ApiError::Timeout { secs: 20 },
            ApiError::Shape("x".into()),
            ApiError::Server { status: 502 },
            ApiError::RateLimited { retry_after: 1, inferred: false },
            ApiError::InvalidToken,
            ApiError::Unauthorized,
            ApiError::RefusedByPolicy,
            ApiError::Validation { fields: vec![] },
        ];
        for e in all {
            let mut q = Queue::default();
            q.push(1, save(11, 4), Some(v(3)), "A", 0.0, 0.0);
            q.set_in_flight(1, true);
            let reads_back = q.answer(1, Err(e.clone()), 0.0, 0.0) == Verdict::ReadBack;
            assert_eq!(reads_back, e.outcome_unknown(), "{e:?}");
        }
    }

    #[test]
    fn a_delete_is_done_when_the_entry_is_gone() {
        let mut q = Queue::default();
        q.push(1, Change::Delete { entry_id: Some(11) }, Some(v(1)), "A", 0.0, 0.0);
        assert!(!q.read_back(1, Some(v(1))));
        assert!(q.read_back(1, None));
        assert!(q.is_empty());
    }

    #[test]
    fn a_refused_token_pauses_everything_and_keeps_it() {
        let mut q = Queue::default();
        q.push(1, save(11, 4), None, "A", 0.0, 0.0);
        q.push(2, save(22, 4), None, "B", 0.0, 0.0);
        assert_eq!(q.answer(1, Err(ApiError::InvalidToken), 0.0, 0.0), Verdict::Paused);
        assert_eq!(q.len(), 2);
        assert!(q.next_ready(1e12).is_none() && q.next_time().is_none());
        q.paused = None;
        assert_eq!(q.next_ready(0.0).map(|i| i.seq), Some(1));
    }

    #[test]
    fn a_refused_change_is_undone_unless_a_later_one_waits() {
        let mut q = Queue::default();
        q.push(1, save(11, 99), Some(v(12)), "A", 0.0, 0.0);
        let reason = ApiError::Validation { fields: vec![("progress".into(), vec!["too high".into()])] };
        let Verdict::Refused { item, restore, .. } = q.answer(1, Err(reason.clone()), 0.0, 0.0) else { panic!() };
        assert_eq!((item.before, restore, q.len()), (Some(v(12)), true, 0));
        q.push(1, save(11, 99), Some(v(12)), "A", 0.0, 0.0);
        q.set_in_flight(2, true);
        q.push(1, save(11, 13), Some(v(99)), "A", 0.0, 0.0);
        let Verdict::Refused { restore, .. } = q.answer(2, Err(reason), 0.0, 0.0) else { panic!() };
        assert!(!restore, "the later change carries the person's newer values");
    }

    #[test]
    fn a_new_entry_passes_its_id_on_and_a_reload_makes_sent_changes_uncertain() {
        let mut q = Queue::default();
        q.push(7, Change::Save { entry_id: None, patch: p(0) }, None, "C", 0.0, 0.0);
        q.set_in_flight(1, true);
        q.push(7, Change::Delete { entry_id: None }, None, "C", 0.0, 0.0);
        q.learn_entry_id(7, 123);
        assert_eq!(q.items[1].change, Change::Delete { entry_id: Some(123) });
        let text = serde_json::to_string(&q).unwrap();
        let mut back: Queue = serde_json::from_str(&text).unwrap();
        back.after_reload();
        assert!(back.items[0].uncertain && !back.items[0].in_flight, "sent before the reload: read back");
        assert!(!back.items[1].uncertain, "never sent: sent as it is");
        assert!(back.next_ready(0.0).is_some_and(|i| i.seq == 1));
    }

    #[test]
    fn a_save_sends_only_what_the_person_changed() {
        let add = save_vars(7, None, &Patch { status: Some(ListStatus::Planning), ..Patch::default() }, &[]);
        assert_eq!((add.id, add.media_id, add.status, add.progress, add.score, add.notes), (None, Some(7), Some(ListStatus::Planning), None, None, None));
        let plus_one = save_vars(7, Some(70), &Patch { progress: Some(4), ..Patch::default() }, &[]);
        assert_eq!((plus_one.id, plus_one.media_id, plus_one.progress, plus_one.status, plus_one.notes), (Some(70), None, Some(4), None, None));
        let names = ["Story".to_string(), "Art".to_string(), "Sound".to_string()];
        let edit = Patch {
            notes: Some(String::new()),
            started: Some(crate::edit::FuzzyDate { year: Some(2024), month: Some(3), day: None }),
            lists: Some(vec![]),
            advanced: Some(vec![("Art".into(), 7.0), ("Story".into(), 9.0)]),
            ..Patch::default()
        };
        let vars = save_vars(7, Some(70), &edit, &names);
        assert_eq!(vars.advanced_scores, Some(vec![9.0, 7.0, 0.0]), "in the user's order");
        let sent = serde_json::to_value(&vars).unwrap();
        assert_eq!(sent["notes"], "", "an emptied note is sent, to clear it");
        assert_eq!(sent["startedAt"], serde_json::json!({ "year": 2024, "month": 3, "day": null }));
        assert_eq!(sent["customLists"], serde_json::json!([]), "off every custom list");
        assert!(sent.get("status").is_none() && sent.get("completedAt").is_none());
        // Read back after an add: AniList's own progress does not count against it.
        let planning = Values::new(ListStatus::Planning);
        let mut q = Queue::default();
        q.push(7, Change::Save { entry_id: None, patch: Patch { status: Some(ListStatus::Planning), ..Patch::default() } }, None, "C", 0.0, 0.0);
        q.set_in_flight(1, true);
        q.answer(1, Err(ApiError::Network), 0.0, 0.0);
        assert!(q.read_back(1, Some(Values { progress: 5, score: 7.5, ..planning.clone() })));
        q.push(8, Change::Save { entry_id: Some(80), patch: Patch::whole(&planning) }, None, "D", 0.0, 0.0);
        assert!(!q.read_back(2, Some(Values { progress: 5, ..planning })), "every value the save carries must hold");
    }

    #[test]
    fn quick_changes_to_different_fields_fold_into_one_save_of_both() {
        let mut q = Queue::default();
        q.push(1, Change::Save { entry_id: Some(11), patch: Patch { progress: Some(4), ..Patch::default() } }, Some(v(3)), "A", 0.0, 700.0);
        q.push(1, Change::Save { entry_id: Some(11), patch: Patch { notes: Some("n".into()), ..Patch::default() } }, Some(v(4)), "A", 0.0, 700.0);
        assert_eq!(q.len(), 1);
        assert_eq!(q.items[0].change, Change::Save { entry_id: Some(11), patch: Patch { progress: Some(4), notes: Some("n".into()), ..Patch::default() } });
        // A queue kept by the older version reads.
        let old = r#"{"items":[{"seq":1,"media_id":1,"change":{"Save":{"entry_id":11,"values":{"status":"CURRENT","progress":3,"score":8.0}}},"before":{"status":"CURRENT","progress":2,"score":8.0},"title":"A","attempts":0,"not_before":0.0,"uncertain":false}],"next_seq":1,"paused":null}"#;
        let kept: Queue = serde_json::from_str(old).unwrap();
        assert_eq!(kept.items[0].change, save(11, 3));
        assert_eq!(kept.items[0].before.as_ref().map(|b| b.progress), Some(2));
    }

    #[test]
    fn an_undo_of_a_delete_not_sent_cancels_it() {
        // Deleted, then every value again before anything went out: nothing
        // is sent at all.
        let mut q = Queue::default();
        q.push(1, Change::Delete { entry_id: Some(11) }, Some(v(3)), "A", 0.0, 0.0);
        assert!(q.unsent_delete(1));
        q.push(1, Change::Save { entry_id: None, patch: Patch::whole(&v(3)) }, None, "A", 0.0, 0.0);
        assert!(q.is_empty(), "the entry never left AniList");
        // A +1 folded into the delete: the undo brings the +1 back, saved to
        // the same entry, not created anew.
        q.push(1, save(11, 4), Some(v(3)), "A", 0.0, 0.0);
        q.push(1, Change::Delete { entry_id: Some(11) }, Some(v(4)), "A", 0.0, 0.0);
        q.push(1, Change::Save { entry_id: None, patch: Patch::whole(&v(4)) }, None, "A", 0.0, 0.0);
        assert_eq!(q.len(), 1);
        assert_eq!(q.items[0].change, Change::Save { entry_id: Some(11), patch: Patch::whole(&v(4)) });
        assert_eq!(q.items[0].before, Some(v(3)), "what AniList holds, to restore on a refusal");
        // A delete already on its way: the save creates the entry anew, after it.
        let mut q = Queue::default();
        q.push(2, Change::Delete { entry_id: Some(21) }, Some(v(3)), "B", 0.0, 0.0);
        q.set_in_flight(1, true);
        assert!(!q.unsent_delete(2));
        q.push(2, Change::Save { entry_id: None, patch: Patch::whole(&v(3)) }, None, "B", 0.0, 0.0);
        assert_eq!(q.len(), 2);
        // A save of some fields after a delete is a new entry with those
        // fields, never folded into the old one.
        let mut q = Queue::default();
        q.push(3, Change::Delete { entry_id: Some(31) }, Some(v(3)), "C", 0.0, 0.0);
        q.push(3, Change::Save { entry_id: None, patch: Patch { status: Some(ListStatus::Planning), ..Patch::default() } }, None, "C", 0.0, 0.0);
        assert_eq!(q.len(), 2);
        assert!(matches!(q.items[0].change, Change::Delete { .. }));
    }

    #[test]
    fn only_changes_paused_among_accounts_outlive_a_switch() {
        let mut q = Queue { paused: Some(Pause::SignInAmongAccounts), ..Queue::default() };
        assert!(!q.waits_among_accounts(), "nothing waiting, nothing to keep");
        q.push(1, save(11, 12), Some(v(11)), "A", 0.0, 0.0);
        assert!(q.waits_among_accounts());
        assert!(q.next_ready(0.0).is_none(), "nothing is sent while it waits for its sign-in");
        q.paused = Some(Pause::SignIn);
        assert!(!q.waits_among_accounts(), "alone here: another person's sign-in discards them");
        q.paused = None;
        assert!(!q.waits_among_accounts());
        // The pause is kept with the queue.
        q.paused = Some(Pause::SignInAmongAccounts);
        let back: Queue = serde_json::from_str(&serde_json::to_string(&q).unwrap()).unwrap();
        assert!(back.waits_among_accounts());
    }

    #[test]
    fn the_network_coming_back_wakes_backoffs_but_not_a_wait_anilist_asked_for() {
        let mut q = Queue::default();
        q.push(1, save(11, 12), Some(v(11)), "A", 0.0, 0.0);
        q.push(2, save(21, 22), Some(v(21)), "B", 0.0, 0.0);
        q.set_in_flight(1, true);
        q.answer(1, Err(ApiError::Server { status: 502 }), 1000.0, 0.0);
        q.set_in_flight(2, true);
        q.answer(2, Err(ApiError::RateLimited { retry_after: 60, inferred: false }), 1000.0, 0.0);
        assert!(q.next_ready(1500.0).is_none());
        q.wake(1500.0);
        assert_eq!(q.next_ready(1500.0).map(|i| i.seq), Some(1));
        assert_eq!(q.get(2).map(|i| i.not_before), Some(61_000.0));
    }

    #[test]
    fn a_closed_tabs_queue_is_taken_in_after_this_ones_own_and_what_was_on_its_way_is_read_back() {
        let mut mine = Queue::default();
        mine.push(1, save(10, 3), Some(v(2)), "One", 0.0, 0.0);
        let mut theirs = Queue::default();
        theirs.push(2, save(20, 7), Some(v(6)), "Two", 0.0, 0.0);
        theirs.push(3, Change::Delete { entry_id: Some(30) }, Some(v(1)), "Three", 0.0, 0.0);
        theirs.set_in_flight(1, true);
        let taken = mine.adopt(theirs);
        assert_eq!(taken.iter().map(|i| (i.seq, i.media_id)).collect::<Vec<_>>(), [(2, 2), (3, 3)]);
        assert_eq!(mine.items.iter().map(|i| (i.seq, i.media_id)).collect::<Vec<_>>(), [(1, 1), (2, 2), (3, 3)]);
        assert!(mine.items[1].uncertain && !mine.items[1].in_flight, "on its way in the closed tab: read back first");
        assert!(!mine.items[2].uncertain);
        // The next change gets a number after all of them.
        mine.push(4, save(40, 1), None, "Four", 0.0, 0.0);
        assert_eq!(mine.items.last().map(|i| i.seq), Some(4));
    }

    #[test]
    fn kept_queues_name_their_user_and_tab_and_older_ones_their_user_only() {
        assert_eq!(record_key(5150, "a1b2"), "5150.a1b2");
        assert_eq!(record_owner("5150.a1b2"), Some((5150, Some("a1b2"))));
        assert_eq!(record_owner(&record_key(7, "x")), Some((7, Some("x"))));
        assert_eq!(record_owner("5150"), Some((5150, None)));
        for bad in ["", "5150.", "x.a1", "x", ".a1"] {
            assert_eq!(record_owner(bad), None, "{bad:?}");
        }
    }
}
