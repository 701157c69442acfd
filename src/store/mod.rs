//! The list store: the signed-in user's anime and manga lists, owned by
//! the App, kept in IndexedDB per user ([`crate::idb`]), shown at once on a
//! visit or a reload and refreshed from AniList in the background. Pages
//! are views on it; edits reach it through the edit outbox (which sits above it).
//! When IndexedDB is not available the store lives in memory only.

use std::collections::{HashMap, HashSet};

use futures::future::{FutureExt, LocalBoxFuture, Shared};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::api::ops::airing;
use crate::api::ops::list_collection::{self, Entry, ListCollection};
use crate::api::{Api, ApiError};
use crate::auth::callback::Credential;
use crate::idb;
use crate::session::names::{AccountName, AccountNames};

pub mod kept;
pub mod tags;
pub mod titles;

use kept::Dirty;
use crate::media::ScoreFormat;
use crate::edit::{Patch, Values};
use crate::media::{ListStatus, MediaKind};

/// A list is not asked for again within this long of its last refresh.
pub const FRESH_FOR_MS: f64 = 30_000.0;

/// A refresh reads the list whole when its last whole read is older than
/// this (six hours): a refresh that stops at the entries it holds never sees
/// an entry deleted on AniList's site, nor what changed in a title without
/// changing the entry (its episodes once known, its status once finished).
/// At 7,000 entries a whole read is 15 requests.
pub const WHOLE_EVERY_MS: f64 = 6.0 * 3_600_000.0;

/// One of the user's lists, as kept.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ListData {
    /// Each entry once (an entry in custom lists also stands in its status
    /// list), in AniList's order.
    pub entries: Vec<Entry>,
    /// Custom lists: name and the media ids on it.
    pub custom: Vec<(String, Vec<i64>)>,
    pub score_format: ScoreFormat,
    /// When AniList last gave it (ms since the epoch).
    pub fetched_at: f64,
    /// When AniList last gave it whole, every chunk (ms since the epoch; 0:
    /// never, or the read stopped part way).
    #[serde(default)]
    pub whole_at: f64,
    /// What the query asked for when it was kept ([`LIST_FORMAT`]): a list
    /// kept by an older version lacks fields and is read again whole.
    #[serde(default)]
    pub format: u32,
    /// The user's custom lists for this kind, by name (an empty one too).
    #[serde(default)]
    pub list_names: Vec<String>,
    /// The user's advanced scoring sections, when advanced scoring is on.
    #[serde(default)]
    pub advanced_names: Vec<String>,
    /// The order the user gave the lists on AniList, by name (see
    /// [`crate::listing::section_order`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub section_order: Vec<String>,
    /// The completed list split by format, as the user has it on AniList.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub split_completed: bool,
    /// The user's default order of list rows, in AniList's words
    /// ([`crate::listing::SortBy::from_row_order`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row_order: Option<String>,
}

/// The version of what a kept list holds: 2 added every title, the
/// synonyms, the start date and the average score; 3 every field of an
/// entry (repeat, priority, private, notes, dates, custom lists, advanced
/// scores) and the user's custom lists and advanced scoring; 4 the genres
/// and the country of origin; 5 the popularity.
pub const LIST_FORMAT: u32 = 5;

/// The oldest kept list shown at once while it is read again whole (3
/// lacks only the genres and the country); an older one is not shown.
pub const LIST_FORMAT_SHOWN: u32 = 3;

impl ListData {
    /// AniList's collection, each entry once.
    pub fn from_collection(c: list_collection::Collection, kind: MediaKind, now: f64) -> Self {
        let mut seen = std::collections::HashSet::new();
        let mut entries = Vec::new();
        let mut custom = Vec::new();
        for group in c.lists {
            if group.is_custom_list == Some(true) {
                let ids = group.entries.iter().map(|e| e.media_id).collect();
                custom.push((group.name.clone().unwrap_or_else(|| "Custom list".into()), ids));
            }
            for e in group.entries {
                if seen.insert(e.media_id) {
                    entries.push(e);
                }
            }
        }
        let options = c.user.and_then(|u| u.media_list_options);
        let score_format = options.as_ref().and_then(|o| o.score_format).unwrap_or_default();
        let row_order = options.as_ref().and_then(|o| o.row_order.clone());
        let type_options = options
            .and_then(|o| match kind {
                MediaKind::Anime => o.anime_list,
                MediaKind::Manga => o.manga_list,
            })
            .unwrap_or_default();
        let mut list_names = type_options.custom_lists;
        // A list AniList gave entries for is one of them, named or not.
        for (name, _) in &custom {
            if !list_names.contains(name) {
                list_names.push(name.clone());
            }
        }
        let advanced_names = if type_options.advanced_scoring_enabled == Some(true) { type_options.advanced_scoring } else { Vec::new() };
        let section_order = type_options.section_order;
        let split_completed = type_options.split_completed_section_by_format == Some(true);
        Self { entries, custom, score_format, fetched_at: now, whole_at: 0.0, format: LIST_FORMAT, list_names, advanced_names, section_order, split_completed, row_order }
    }

    /// Whether the next refresh reads it whole rather than stopping at the
    /// entries it holds: kept by an older version, or not read whole within
    /// [`WHOLE_EVERY_MS`].
    pub fn needs_whole(&self, now: f64) -> bool {
        self.format < LIST_FORMAT || now - self.whole_at >= WHOLE_EVERY_MS
    }

    /// Puts an entry on exactly these custom lists.
    pub fn set_lists(&mut self, media_id: i64, lists: &[String]) {
        for (name, ids) in &mut self.custom {
            let on = lists.contains(name);
            let there = ids.contains(&media_id);
            if on && !there {
                ids.push(media_id);
            } else if !on && there {
                ids.retain(|id| *id != media_id);
            }
        }
        for name in lists {
            if !self.custom.iter().any(|(n, _)| n == name) {
                self.custom.push((name.clone(), vec![media_id]));
            }
        }
    }

    pub fn entry(&self, media_id: i64) -> Option<&Entry> {
        self.entries.iter().find(|e| e.media_id == media_id)
    }

    /// Takes in what AniList says of titles' release now (their next
    /// episode, status and episode count); whether anything changed.
    pub fn set_airing(&mut self, titles: &[airing::Now]) -> bool {
        let by_id: HashMap<i64, &airing::Now> = titles.iter().map(|t| (t.id, t)).collect();
        let mut changed = false;
        for m in self.entries.iter_mut().filter_map(|e| e.media.as_mut()) {
            let Some(now) = by_id.get(&m.id) else { continue };
            let (status, episodes) = (now.status.or(m.status), now.episodes.or(m.episodes));
            if (m.next_airing_episode, m.status, m.episodes) != (now.next_airing_episode, status, episodes) {
                (m.next_airing_episode, m.status, m.episodes) = (now.next_airing_episode, status, episodes);
                changed = true;
            }
        }
        changed
    }

    /// The next chunk of a full load: its entries after these (each once),
    /// its custom lists merged by name.
    pub fn extend(&mut self, next: ListData) {
        let seen: std::collections::HashSet<i64> = self.entries.iter().map(|e| e.media_id).collect();
        self.entries.extend(next.entries.into_iter().filter(|e| !seen.contains(&e.media_id)));
        for (name, ids) in next.custom {
            match self.custom.iter_mut().find(|(n, _)| *n == name) {
                Some((_, mine)) => {
                    for id in ids {
                        if !mine.contains(&id) {
                            mine.push(id);
                        }
                    }
                }
                None => self.custom.push((name, ids)),
            }
        }
    }

    /// An incremental refresh: `recent` is AniList's first chunk, most
    /// recently updated first. If it reaches an entry this list already
    /// holds as it is (same id, same update time), everything older is
    /// unchanged: the newer entries are taken in and `true` comes back.
    /// Otherwise (more changed than one chunk holds) nothing is touched and
    /// a full load is needed. Deletions made elsewhere are not seen this way;
    /// a whole read finds them ([`ListData::needs_whole`]).
    ///
    /// A new scoring system or title language since (chosen here or on
    /// AniList's site) changes every entry without changing its update
    /// time: then too a full load is needed.
    pub fn merge_recent(&mut self, mut recent: ListData) -> bool {
        if recent.score_format != self.score_format {
            return false;
        }
        // AniList groups the chunk by status: back to most recent first.
        recent.entries.sort_by_key(|e| std::cmp::Reverse(e.updated_at));
        let boundary = recent.entries.iter().position(|e| {
            e.updated_at.is_some() && self.entry(e.media_id).is_some_and(|mine| mine.id == e.id && mine.updated_at == e.updated_at)
        });
        let Some(boundary) = boundary else { return false };
        // The same entry, named otherwise: the language changed.
        let named = |e: &Entry| e.media.as_ref().and_then(|m| m.title.as_ref()).and_then(|t| t.user_preferred.clone());
        if self.entry(recent.entries[boundary].media_id).map(named) != Some(named(&recent.entries[boundary])) {
            return false;
        }
        let changed: Vec<Entry> = recent.entries.into_iter().take(boundary).collect();
        for e in changed.iter().rev() {
            self.entries.retain(|mine| mine.media_id != e.media_id);
            self.entries.insert(0, e.clone());
        }
        // Custom lists: what the chunk says of the changed entries.
        let changed_ids: Vec<i64> = changed.iter().map(|e| e.media_id).collect();
        for (_, ids) in &mut self.custom {
            ids.retain(|id| !changed_ids.contains(id));
        }
        for (name, ids) in recent.custom {
            let ids: Vec<i64> = ids.into_iter().filter(|id| changed_ids.contains(id)).collect();
            match self.custom.iter_mut().find(|(n, _)| *n == name) {
                Some((_, mine)) => mine.extend(ids),
                None if !ids.is_empty() => self.custom.push((name, ids)),
                None => {}
            }
        }
        // The options come with every chunk: custom lists, advanced
        // scoring or the order of the lists changed on AniList's site
        // change no entry.
        self.list_names = recent.list_names;
        self.advanced_names = recent.advanced_names;
        self.section_order = recent.section_order;
        self.split_completed = recent.split_completed;
        self.row_order = recent.row_order;
        self.fetched_at = recent.fetched_at;
        true
    }
}

/// How the user's lists are laid out, as saved on AniList: each kind's
/// order of lists and split of its completed list (anime, then manga), and
/// the default order of rows; with the sections each kind's entries are
/// scored in (none without advanced scoring; `None` from a tab that does
/// not say).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Arrangement {
    pub order: [Vec<String>; 2],
    pub split: [bool; 2],
    pub row_order: Option<String>,
    #[serde(default)]
    pub scored_in: Option<[Vec<String>; 2]>,
}

/// The values the editor edits, as an entry holds them.
pub fn values_of(e: &Entry) -> Values {
    Values {
        status: e.status.unwrap_or(crate::media::ListStatus::Planning),
        progress: e.progress.unwrap_or(0),
        score: e.score.unwrap_or(0.0),
        volumes: e.progress_volumes.unwrap_or(0),
        repeat: e.repeat.unwrap_or(0),
        priority: e.priority.unwrap_or(0),
        private: e.private == Some(true),
        hidden: e.hidden_from_status_lists == Some(true),
        notes: e.notes.clone().unwrap_or_default(),
        started: e.started_at.unwrap_or_default(),
        completed: e.completed_at.unwrap_or_default(),
        lists: e.custom_lists.clone(),
        advanced: e.advanced_scores.0.clone(),
    }
}

/// Gives an entry these values (the reverse of [`values_of`]); what is
/// empty is kept as nothing (a list of thousands is kept whole).
pub fn set_values(e: &mut Entry, v: &Values) {
    e.status = Some(v.status);
    e.progress = Some(v.progress);
    e.score = Some(v.score);
    e.progress_volumes = Some(v.volumes);
    e.repeat = (v.repeat > 0).then_some(v.repeat);
    e.priority = (v.priority > 0).then_some(v.priority);
    e.private = v.private.then_some(true);
    e.hidden_from_status_lists = v.hidden.then_some(true);
    e.notes = Some(v.notes.clone()).filter(|n| !n.is_empty());
    e.started_at = Some(v.started).filter(|d| !d.is_empty());
    e.completed_at = Some(v.completed).filter(|d| !d.is_empty());
    e.custom_lists = v.lists.clone();
    e.advanced_scores = list_collection::AdvancedScores(v.advanced.clone());
}

/// Applies a patch to an entry of a list, custom lists included.
pub fn patch_entry(d: &mut ListData, i: usize, patch: &Patch) {
    let Some(e) = d.entries.get_mut(i) else { return };
    let mut v = values_of(e);
    patch.apply(&mut v);
    set_values(e, &v);
    if let Some(lists) = &patch.lists {
        let media_id = e.media_id;
        d.set_lists(media_id, lists);
    }
}

/// One change to the store's lists (see [`apply_edits`]).
#[derive(Clone, Debug)]
pub struct StoreEdit {
    pub media_id: i64,
    /// The fields to set; `None`: the entry is removed.
    pub patch: Option<Patch>,
    /// Placed at the top of its list when no list holds the media yet.
    pub added: Option<(MediaKind, Entry)>,
}

/// Where each wanted media's entry is: its list and place (the first,
/// should a media stand twice). Only the wanted ones are indexed: a single
/// +1 in a list of thousands is one pass and one insert.
fn positions(l: &ByKind<ListData>, wanted: impl IntoIterator<Item = i64>) -> HashMap<i64, (MediaKind, usize)> {
    let wanted: std::collections::HashSet<i64> = wanted.into_iter().collect();
    let mut at = HashMap::with_capacity(wanted.len());
    for (kind, d) in l.iter() {
        for (i, e) in d.entries.iter().enumerate().filter(|(_, e)| wanted.contains(&e.media_id)) {
            at.entry(e.media_id).or_insert((kind, i));
        }
    }
    at
}

/// Applies edits in order, each entry found through one index built once
/// (a change to thousands of entries is one pass, not a search each);
/// which lists changed, by [`ByKind::slot`].
pub fn apply_edits(l: &mut ByKind<ListData>, edits: Vec<StoreEdit>) -> [Dirty; 2] {
    let mut touched = [false; 2];
    let mut changed: [std::collections::BTreeSet<i64>; 2] = Default::default();
    let mut at = positions(l, edits.iter().map(|e| e.media_id));
    let mut before = [0usize; 2];
    for (kind, d) in l.iter() {
        before[kind.index()] = d.entries.len();
    }
    let mut gone: std::collections::HashSet<(usize, usize)> = std::collections::HashSet::new();
    for StoreEdit { media_id, patch, added } in edits {
        let (kind, i) = match (at.get(&media_id).copied(), &patch, added) {
            (Some(found), _, _) => found,
            // Not held yet: placed (at the end for now, at the top after).
            (None, Some(_), Some((kind, entry))) => match l.get_mut(kind) {
                Some(d) => {
                    d.entries.push(entry);
                    at.insert(media_id, (kind, d.entries.len() - 1));
                    (kind, d.entries.len() - 1)
                }
                None => continue,
            },
            _ => continue,
        };
        let slot = kind.index();
        let Some(d) = l.get_mut(kind) else { continue };
        match &patch {
            Some(p) => patch_entry(d, i, p),
            None => {
                gone.insert((slot, i));
                at.remove(&media_id);
                d.set_lists(media_id, &[]);
            }
        }
        touched[slot] = true;
        changed[slot].insert(media_id);
    }
    let mut dirty: [Dirty; 2] = Default::default();
    for (kind, d) in l.iter_mut() {
        let slot = kind.index();
        let placed = d.entries.len() > before[slot];
        let removed = gone.iter().any(|(s, _)| *s == slot);
        if touched[slot] {
            dirty[slot] = if placed || removed { Dirty::All } else { Dirty::Entries(std::mem::take(&mut changed[slot])) };
        }
        if !touched[slot] || (!placed && gone.is_empty()) {
            continue;
        }
        // The entries placed go on top, the last placed first (as each
        // had been put at the top in turn); the removed ones go.
        let mut kept = Vec::with_capacity(d.entries.len());
        let mut new = Vec::new();
        for (i, e) in std::mem::take(&mut d.entries).into_iter().enumerate() {
            if gone.contains(&(slot, i)) {
                continue;
            }
            if i >= before[slot] { new.push(e) } else { kept.push(e) }
        }
        new.reverse();
        new.extend(kept);
        d.entries = new;
    }
    dirty
}

/// What AniList confirmed for entries, each found through one index: its
/// id, update time and volumes, and (`true` beside it) all of its values,
/// when no later change of the person's waits to go on top of them.
pub fn confirm_entries(l: &mut ByKind<ListData>, saved: &[(Entry, bool)]) -> [Dirty; 2] {
    let mut touched: [Dirty; 2] = Default::default();
    let at = positions(l, saved.iter().map(|(s, _)| s.media_id));
    for (s, whole) in saved {
        let Some(&(kind, i)) = at.get(&s.media_id) else { continue };
        let Some(d) = l.get_mut(kind) else { continue };
        let Some(e) = d.entries.get_mut(i) else { continue };
        e.id = s.id;
        e.updated_at = s.updated_at.or(e.updated_at);
        e.progress_volumes = s.progress_volumes.or(e.progress_volumes);
        if *whole {
            patch_entry(d, i, &Patch::whole(&values_of(s)));
        }
        touched[kind.index()].add(Dirty::Entries([s.media_id].into()));
    }
    touched
}

/// A read of a list lands on what the store holds now (`held`), the read
/// having begun when it held `held_at_start`: AniList's answer stands,
/// except where this app changed an entry while the read was under way (a
/// read of 7,000 entries takes 15 requests), which the answer cannot know:
/// - an entry AniList confirmed here since its chunk was read (a later
///   update time than the read's) keeps the store's values;
/// - an entry added here since (held now, not then, not in the read) stays,
///   and so does one AniList has not created yet (no id: its add waits in
///   the outbox, which has only its values to put on top);
/// - an entry removed here since (held then, not now) stays removed.
///
/// The outbox's waiting changes go on top after this.
pub fn land(read: &mut ListData, held: Option<&ListData>, held_at_start: &HashSet<i64>) {
    let Some(held) = held else { return };
    let now: HashMap<i64, &Entry> = held.entries.iter().map(|e| (e.media_id, e)).collect();
    read.entries.retain(|e| now.contains_key(&e.media_id) || !held_at_start.contains(&e.media_id));
    let in_read: HashSet<i64> = read.entries.iter().map(|e| e.media_id).collect();
    let mut kept = Vec::new();
    for e in &mut read.entries {
        if let Some(mine) = now.get(&e.media_id).filter(|mine| mine.updated_at.unwrap_or(0) > e.updated_at.unwrap_or(0)) {
            // The store's values; what AniList says of the title is newer.
            let media = e.media.take();
            *e = (*mine).clone();
            e.media = media.or_else(|| mine.media.clone());
            kept.push((e.media_id, e.custom_lists.clone()));
        }
    }
    let added: Vec<Entry> = held.entries.iter().filter(|e| !in_read.contains(&e.media_id) && (e.id <= 0 || !held_at_start.contains(&e.media_id))).cloned().collect();
    kept.extend(added.iter().map(|e| (e.media_id, e.custom_lists.clone())));
    read.entries.splice(0..0, added);
    for (media_id, lists) in kept {
        read.set_lists(media_id, &lists);
    }
}

/// The most entries whose values a change tells the other tabs entry by
/// entry; a larger change tells its patches instead (see [`Changed`]).
pub const TELL_AT_ONCE: usize = 200;

/// Entries this tab changed (an edit, or AniList's answer to one), told
/// to the app's other open tabs so they show the same values at once:
/// each entry with its list ([`ByKind::slot`]), the media ids of entries
/// removed, and for a change to many at once its patches, each with the
/// media it applies to (a status for 5,000 entries is one patch and their
/// ids, not 5,000 entries).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Changed {
    pub user: u64,
    pub entries: Vec<(usize, Entry)>,
    pub removed: Vec<i64>,
    #[serde(default)]
    pub patched: Vec<(Patch, Vec<i64>)>,
}

/// The patches of a change to many entries, each with the media it applies
/// to (entries patched alike share one).
pub fn group_patches(edits: &[StoreEdit]) -> Vec<(Patch, Vec<i64>)> {
    let mut groups: Vec<(Patch, Vec<i64>)> = Vec::new();
    for e in edits.iter().filter(|e| e.added.is_none()) {
        let Some(p) = &e.patch else { continue };
        match groups.iter_mut().find(|(q, _)| q == p) {
            Some((_, ids)) => ids.push(e.media_id),
            None => groups.push((p.clone(), vec![e.media_id])),
        }
    }
    groups
}

/// Takes in what another tab changed: each entry replaces this list's
/// (in its place) or is added at the top; removed ones go. `skip`: media
/// whose own change is waiting here (this tab's values stay).
pub fn take_changed(l: &mut ByKind<ListData>, changed: &Changed, skip: impl Fn(i64) -> bool) -> bool {
    let mut any = false;
    for (slot, entry) in &changed.entries {
        if skip(entry.media_id) {
            continue;
        }
        let Some(d) = ByKind::<()>::kind_at(*slot).and_then(|kind| l.get_mut(kind)) else { continue };
        match d.entries.iter().position(|e| e.media_id == entry.media_id) {
            Some(i) if d.entries[i] == *entry => continue,
            Some(i) => d.entries[i] = entry.clone(),
            None => d.entries.insert(0, entry.clone()),
        }
        any = true;
    }
    for id in changed.removed.iter().filter(|id| !skip(**id)) {
        for kind in MediaKind::ALL {
            if let Some(d) = l.get_mut(kind) {
                let before = d.entries.len();
                d.entries.retain(|e| e.media_id != *id);
                any |= d.entries.len() != before;
            }
        }
    }
    let edits: Vec<StoreEdit> = changed
        .patched
        .iter()
        .flat_map(|(patch, ids)| ids.iter().filter(|id| !skip(**id)).map(|id| StoreEdit { media_id: *id, patch: Some(patch.clone()), added: None }))
        .collect();
    if !edits.is_empty() {
        any |= apply_edits(l, edits).iter().any(|d| *d != Dirty::Clean);
    }
    any
}

/// What the home page offers to go on with: the titles being watched or
/// read (or again), of both lists, most recently updated first, at most `n`.
pub fn going_on<'a>(lists: impl IntoIterator<Item = (MediaKind, &'a [Entry])>, n: usize) -> Vec<(MediaKind, &'a Entry)> {
    let mut out: Vec<(MediaKind, &Entry)> = lists
        .into_iter()
        .flat_map(|(kind, entries)| entries.iter().map(move |e| (kind, e)))
        .filter(|(_, e)| e.status.is_some_and(ListStatus::in_progress))
        .collect();
    out.sort_by_key(|(_, e)| std::cmp::Reverse(e.updated_at.unwrap_or(0)));
    out.truncate(n);
    out
}

/// How a list's refresh stands.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Refresh {
    pub loading: bool,
    pub error: Option<ApiError>,
    /// Entries read so far by a load under way (chunk by chunk).
    pub loaded: usize,
}

/// The store, shared through context; cheap to copy.
#[derive(Clone, Copy)]
pub struct ListStore {
    user: RwSignal<Option<u64>>,
    lists: RwSignal<ByKind<ListData>>,
    refresh: RwSignal<ByKind<Refresh>>,
    /// A refused change's reason, by media id, until the next change.
    pub errors: RwSignal<HashMap<i64, ApiError>>,
    /// Rows on screen by media id (a refused change whose row is gone is
    /// told as a notice instead).
    watchers: StoredValue<HashMap<i64, u32>>,
    /// When each title's next episode was last asked of AniList (Unix
    /// seconds; see [`ListStore::refresh_airing`]).
    airing_asked: StoredValue<HashMap<i64, i64>>,
    /// Why the store lives in memory only, once known.
    pub memory_only: RwSignal<Option<idb::Unkept>>,
    /// A refused change's fields, by media id: the editor offers them
    /// again with AniList's reasons, so nothing typed is lost.
    pub refused: StoredValue<HashMap<i64, Patch>>,
    /// The list's answer names its user: learnt for the header.
    names: AccountNames,
    /// Lists (by kind) whose scores are in a scoring system AniList no
    /// longer uses: it changed, and the list is being read again. No score
    /// is set meanwhile: AniList would read it in the new system.
    converting: RwSignal<[bool; 2]>,
    /// Told, at once, of each list found in a new scoring system (see
    /// [`ListStore::when_scores_change`]).
    scores_hook: StoredValue<Option<ScoresHook>, LocalStorage>,
}

/// See [`ListStore::when_scores_change`].
type ScoresHook = std::rc::Rc<dyn Fn(MediaKind)>;

/// One value per kind of list (two: a map would be more code for nothing).
#[derive(Clone, Debug)]
pub struct ByKind<T>([Option<T>; 2]);

impl<T> Default for ByKind<T> {
    fn default() -> Self {
        Self([None, None])
    }
}

impl<T> ByKind<T> {
    /// The kind of list in a slot ([`MediaKind::index`]'s other way).
    pub fn kind_at(slot: usize) -> Option<MediaKind> {
        MediaKind::ALL.get(slot).copied()
    }

    pub fn get(&self, kind: MediaKind) -> Option<&T> {
        self.0[kind.index()].as_ref()
    }

    pub fn get_mut(&mut self, kind: MediaKind) -> Option<&mut T> {
        self.0[kind.index()].as_mut()
    }

    pub fn insert(&mut self, kind: MediaKind, value: T) {
        self.0[kind.index()] = Some(value);
    }

    pub fn iter(&self) -> impl Iterator<Item = (MediaKind, &T)> {
        MediaKind::ALL.into_iter().filter_map(|k| self.get(k).map(|v| (k, v)))
    }

    pub fn iter_mut(&mut self) -> impl Iterator<Item = (MediaKind, &mut T)> {
        MediaKind::ALL.into_iter().zip(self.0.iter_mut()).filter_map(|(k, v)| v.as_mut().map(|v| (k, v)))
    }
}

/// An edited list is written to IndexedDB this long after its first edit.
pub const SAVE_AFTER_MS: u64 = 400;

/// What this tab last wrote of each list whole or in part: the user and
/// how many chunks (a write of some chunks only is safe on top of it).
fn set_layout(slot: usize, layout: Option<(u64, usize)>) {
    LAYOUT.with(|l| {
        let mut now = l.get();
        now[slot] = layout;
        l.set(now);
    });
}

thread_local! {
    static LAYOUT: std::cell::Cell<[Option<(u64, usize)>; 2]> = const { std::cell::Cell::new([None, None]) };
    /// What changed in each list since it was last written.
    static DIRTY: std::cell::RefCell<[Dirty; 2]> = const { std::cell::RefCell::new([Dirty::Clean, Dirty::Clean]) };
    /// Lists (by kind) with a write to IndexedDB due.
    static SAVE_DUE: std::cell::Cell<[bool; 2]> = const { std::cell::Cell::new([false, false]) };
    /// The read of the signed-in user's lists from IndexedDB (done or under
    /// way): a refresh waits for it.
    static DISK: std::cell::RefCell<Option<Shared<LocalBoxFuture<'static, ()>>>> = const { std::cell::RefCell::new(None) };
}

/// Marks a write to IndexedDB due (or not) for the list in `slot`;
/// whether one was due before.
fn set_due(slot: usize, due: bool) -> bool {
    SAVE_DUE.with(|d| {
        let mut v = d.get();
        let was = v[slot];
        v[slot] = due;
        d.set(v);
        was
    })
}

fn key(user: u64, kind: MediaKind) -> String {
    format!("{user}:{}", kind.slug())
}

impl ListStore {
    pub fn new(names: AccountNames) -> Self {
        Self {
            names,
            user: RwSignal::new(None),
            lists: RwSignal::new(ByKind::default()),
            refresh: RwSignal::new(ByKind::default()),
            errors: RwSignal::new(HashMap::new()),
            watchers: StoredValue::new(HashMap::new()),
            airing_asked: StoredValue::new(HashMap::new()),
            memory_only: RwSignal::new(None),
            refused: StoredValue::new(HashMap::new()),
            converting: RwSignal::new([false, false]),
            scores_hook: StoredValue::new_local(None),
        }
    }

    pub fn user(&self) -> Option<u64> {
        self.user.get_untracked()
    }

    /// The user changed (sign-in, another account, sign-out): the lists in
    /// memory are that user's, read from IndexedDB.
    pub fn switch_user(&self, user: Option<u64>) {
        if self.user.get_untracked() == user {
            return;
        }
        self.user.set(user);
        self.lists.set(ByKind::default());
        self.refresh.set(ByKind::default());
        self.errors.set(HashMap::new());
        self.converting.set([false, false]);
        LAYOUT.with(|l| l.set([None, None]));
        DIRTY.with(|d| *d.borrow_mut() = Default::default());
        let Some(user) = user else {
            DISK.with(|d| *d.borrow_mut() = None);
            return;
        };
        let me = *self;
        let read = async move {
            for kind in MediaKind::ALL {
                let list_key = key(user, kind);
                match idb::get(idb::LISTS, &list_key).await {
                    Ok(Some(text)) => {
                        let data = match kept::read_head(&text) {
                            Some(kept::Kept::Whole(d)) => Some(d),
                            Some(kept::Kept::Head(head)) => {
                                let keys: Vec<String> = (0..head.chunks).map(|i| kept::chunk_key(&list_key, i)).collect();
                                let chunks = idb::get_many(idb::LISTS, &keys).await.unwrap_or_default();
                                let count = head.chunks;
                                let list = kept::assemble(head, chunks);
                                if list.is_some() {
                                    set_layout(kind.index(), Some((user, count)));
                                }
                                list
                            }
                            None => None,
                        };
                        if let Some(data) = data.filter(|d| d.format >= LIST_FORMAT_SHOWN) {
                            if me.user.try_get_untracked() == Some(Some(user)) {
                                // What AniList gave meanwhile is newer.
                                me.lists.update(|l| {
                                    if l.get(kind).is_none() {
                                        l.insert(kind, data);
                                    }
                                });
                            }
                        }
                    }
                    Ok(None) => {}
                    Err(why) => me.memory_only.set(Some(why)),
                }
            }
        }
        .boxed_local()
        .shared();
        DISK.with(|d| *d.borrow_mut() = Some(read.clone()));
        leptos::task::spawn_local(read);
    }

    /// The list of `kind`, tracked.
    pub fn with<R>(&self, kind: MediaKind, f: impl FnOnce(Option<&ListData>) -> R) -> R {
        self.lists.with(|l| f(l.get(kind)))
    }

    /// The user's score format for the list of `kind` (AniList's default
    /// until the list is read), tracked.
    pub fn score_format(&self, kind: MediaKind) -> ScoreFormat {
        self.with(kind, |d| d.map(|d| d.score_format).unwrap_or_default())
    }

    /// Whether the scores of the list of `kind` are in a scoring system
    /// AniList no longer uses, until the list is read again (tracked):
    /// no score can be set meanwhile.
    pub fn scores_converting(&self, kind: MediaKind) -> bool {
        self.converting.with(|c| c[kind.index()])
    }

    /// AniList's scoring system changed (the person chose another): the
    /// list of `kind` (the caller reads it again) waits for its next whole
    /// read.
    pub fn scores_changed(&self, kind: MediaKind) {
        self.set_converting(kind, true);
    }

    /// `hook` is called the moment a held list is found in a new scoring
    /// system (chosen here, told by another tab, or found in AniList's
    /// answer, before that answer is shown), once each time: the scores
    /// waiting to be sent for it are in the old one.
    pub fn when_scores_change(&self, hook: impl Fn(MediaKind) + 'static) {
        self.scores_hook.set_value(Some(std::rc::Rc::new(hook)));
    }

    fn set_converting(&self, kind: MediaKind, on: bool) {
        let slot = kind.index();
        if self.converting.with_untracked(|c| c[slot]) != on {
            self.converting.update(|c| c[slot] = on);
            if on {
                if let Some(hook) = self.scores_hook.try_get_value().flatten() {
                    hook(kind);
                }
            }
        }
    }

    pub fn refresh_state(&self, kind: MediaKind) -> Refresh {
        self.refresh.with(|r| r.get(kind).cloned().unwrap_or_default())
    }

    /// Asks AniList for the list unless it was refreshed within
    /// [`FRESH_FOR_MS`] (`force`: ask anyway, and read it whole). What
    /// AniList gives replaces the list, with the outbox's waiting changes
    /// applied again on top.
    ///
    /// The list comes most recently updated first: the first
    /// [`list_collection::FIRST_CHUNK`] entries, then chunks of 500 from the
    /// start, with the count so far in [`Refresh::loaded`]. A first load is
    /// shown as it comes; a list already there stays until the new one is
    /// whole. A refresh that is not forced stops after the first few when
    /// they reach entries the store already holds unchanged, unless the list
    /// was not read whole within [`WHOLE_EVERY_MS`].
    pub fn refresh(&self, kind: MediaKind, credential: Credential, force: bool, api: Api, pending: impl Fn(&mut ListData) + 'static) {
        // What IndexedDB holds is read first: it may be fresh enough.
        let me = *self;
        match DISK.with(|d| d.borrow().clone()) {
            Some(read) => leptos::task::spawn_local(async move {
                read.await;
                me.refresh_now(kind, credential, force, api, pending);
            }),
            None => self.refresh_now(kind, credential, force, api, pending),
        }
    }

    /// Asks AniList again for the next episode of the anime being watched
    /// whose episode time has passed (a list refresh brings only what the
    /// person changed, so airing times would stay as they were); at most
    /// once in [`crate::airing::ASK_AGAIN_SECS`] a title, 50 titles a
    /// request. The answer goes into the store (whatever page asked).
    pub fn refresh_airing(&self, credential: Credential, api: Api, now: i64) {
        if self.user.get_untracked() != Some(credential.user) {
            return;
        }
        let due = self.with_untracked(MediaKind::Anime, |d| {
            let titles = d.map(|d| d.entries.iter().map(|e| {
                let watching = e.status.is_some_and(ListStatus::in_progress);
                (e.media_id, watching, e.media.as_ref().and_then(|m| m.next_airing_episode).map(|a| a.airing_at))
            }));
            self.airing_asked.with_value(|asked| crate::airing::due(titles.into_iter().flatten(), now, |id| asked.get(&id).copied()))
        });
        if due.is_empty() {
            return;
        }
        self.airing_asked.update_value(|asked| asked.extend(due.iter().map(|id| (*id, now))));
        let me = *self;
        for ids in due.chunks(airing::PER_PAGE).map(<[i64]>::to_vec) {
            let (api, credential) = (api.clone(), credential.clone());
            leptos::task::spawn_local(async move {
                let Ok(answer) = api.run::<airing::AiringNow>(Some(&credential), &airing::Vars { ids }, true).await else { return };
                // Another account's lists by now: not theirs to take.
                if me.user.try_get_untracked().flatten() != Some(credential.user) {
                    return;
                }
                let titles: Vec<airing::Now> = answer.titles().collect();
                let changed = me.lists.try_update(|l| l.get_mut(MediaKind::Anime).is_some_and(|d| d.set_airing(&titles))).unwrap_or(false);
                if changed {
                    me.save_soon(MediaKind::Anime, Dirty::All);
                }
            });
        }
    }

    fn refresh_now(&self, kind: MediaKind, credential: Credential, force: bool, api: Api, pending: impl Fn(&mut ListData) + 'static) {
        let now = js_sys::Date::now();
        // A list kept by an older version is read again whole, however
        // fresh (it stays on screen meanwhile).
        let force = force || self.with_untracked(kind, |d| d.is_some_and(|d| d.format < LIST_FORMAT));
        let fresh = self.with_untracked(kind, |d| d.is_some_and(|d| now - d.fetched_at < FRESH_FOR_MS));
        // Not read whole for a while: whole this time (it stays on screen
        // meanwhile, and nothing more is asked while it is fresh).
        let read_whole = force || self.with_untracked(kind, |d| d.is_some_and(|d| d.needs_whole(now)));
        if (fresh && !force) || self.refresh_state_untracked(kind).loading || self.user.get_untracked() != Some(credential.user) {
            return;
        }
        self.refresh.update(|r| {
            r.insert(kind, Refresh { loading: true, ..Refresh::default() });
        });
        let me = *self;
        let had = self.with_untracked(kind, |d| d.is_some());
        // What the store holds as the read begins: an entry removed here
        // meanwhile is not brought back by the answer.
        let held_at_start: HashSet<i64> = self.with_untracked(kind, |d| d.map(|d| d.entries.iter().map(|e| e.media_id).collect()).unwrap_or_default());
        leptos::task::spawn_local(async move {
            let user = credential.user;
            let read = |chunk: u32, per_chunk: u32| {
                let (api, credential) = (api.clone(), credential.clone());
                async move {
                    let vars = list_collection::Vars { user_id: credential.user, kind: kind.into(), chunk, per_chunk };
                    let c = api.run::<ListCollection>(Some(&credential), &vars, true).await?;
                    let c = c.collection.ok_or_else(|| ApiError::Shape("no MediaListCollection".into()))?;
                    if let Some(name) = c.user.as_ref().and_then(|u| owner_name(u, credential.user)) {
                        me.names.learn(credential.user, name);
                    }
                    Ok::<_, ApiError>((c.has_next_chunk == Some(true), ListData::from_collection(c, kind, js_sys::Date::now())))
                }
            };
            let failed = |e: ApiError, loaded: usize| {
                me.refresh.update(|r| r.insert(kind, Refresh { loading: false, error: Some(e), loaded }));
            };
            let gone = || me.user.try_get_untracked() != Some(Some(user));
            // The most recent few first.
            let (mut more, first) = match read(1, list_collection::FIRST_CHUNK).await {
                Ok(first) => first,
                Err(e) => return failed(e, 0),
            };
            if gone() {
                return;
            }
            // Another scoring system than the list's (changed on AniList's
            // site, or here): no score is set until the list is whole again.
            if me.with_untracked(kind, |d| d.is_some_and(|d| d.score_format != first.score_format)) {
                me.set_converting(kind, true);
            }
            // A list in the store, read whole not long ago: the first few
            // may be all it takes.
            if had && !read_whole {
                let mut merged = me.with_untracked(kind, |d| d.cloned()).unwrap_or_default();
                if merged.merge_recent(first.clone()) {
                    me.with_untracked(kind, |held| land(&mut merged, held, &held_at_start));
                    pending(&mut merged);
                    me.lists.update(|l| l.insert(kind, merged));
                    me.set_converting(kind, false);
                    me.refresh.update(|r| r.insert(kind, Refresh::default()));
                    me.save(kind);
                    return;
                }
            }
            // A first load shows them at once; the rest comes in chunks of
            // 500 from the start, shown as they come (only the rows near
            // the viewport are drawn); a list already on screen is
            // replaced when the new one is whole.
            let show = |whole: &ListData| {
                let mut shown = whole.clone();
                me.with_untracked(kind, |held| land(&mut shown, held, &held_at_start));
                pending(&mut shown);
                me.lists.update(|l| l.insert(kind, shown));
            };
            let mut whole = first;
            if !more {
                whole.whole_at = whole.fetched_at;
            }
            if !more || !had {
                show(&whole);
            }
            let mut chunk = 0;
            loop {
                let loaded = whole.entries.len();
                me.refresh.update(|r| r.insert(kind, Refresh { loading: more, error: None, loaded }));
                // AniList gives at most 11,000 entries: 22 chunks.
                if !more || chunk >= 30 {
                    me.set_converting(kind, false);
                    me.save(kind);
                    return;
                }
                chunk += 1;
                match read(chunk, list_collection::PER_CHUNK).await {
                    Ok((next_more, next)) => {
                        if gone() {
                            return;
                        }
                        // The chunk of 500 holds the first few again: it
                        // replaces them (same order as AniList's), once.
                        if chunk == 1 {
                            whole = next;
                        } else {
                            whole.extend(next);
                        }
                        more = next_more;
                        if !more {
                            whole.whole_at = whole.fetched_at;
                        }
                        if !more || !had {
                            show(&whole);
                        }
                    }
                    // What came so far stays on screen (when it is shown),
                    // with the error and a way to try again.
                    Err(e) => return failed(e, loaded),
                }
            }
        });
    }

    pub fn with_untracked<R>(&self, kind: MediaKind, f: impl FnOnce(Option<&ListData>) -> R) -> R {
        self.lists.with_untracked(|l| f(l.get(kind)))
    }

    fn refresh_state_untracked(&self, kind: MediaKind) -> Refresh {
        self.refresh.with_untracked(|r| r.get(kind).cloned().unwrap_or_default())
    }

    /// The entry of a media, in whichever list holds it.
    pub fn entry(&self, media_id: i64) -> Option<(MediaKind, Entry)> {
        self.lists.with_untracked(|l| {
            l.iter().find_map(|(k, d)| d.entry(media_id).map(|e| (k, e.clone())))
        })
    }

    /// The entries of these media, found in one pass.
    pub fn entries_of(&self, media_ids: &[i64]) -> HashMap<i64, Entry> {
        let wanted: std::collections::HashSet<i64> = media_ids.iter().copied().collect();
        self.lists.with_untracked(|l| {
            let mut found = HashMap::with_capacity(wanted.len());
            for (_, d) in l.iter() {
                for e in d.entries.iter().filter(|e| wanted.contains(&e.media_id)) {
                    found.entry(e.media_id).or_insert_with(|| e.clone());
                }
            }
            found
        })
    }

    /// Changes an entry's values (`None`: removes it). `added` places an
    /// entry that is not in the store yet.
    pub fn apply(&self, media_id: i64, patch: Option<&Patch>, added: Option<(MediaKind, Entry)>) {
        self.apply_many(vec![StoreEdit { media_id, patch: patch.cloned(), added }]);
    }

    /// Many changes in one update of the lists (see [`apply_edits`]).
    pub fn apply_many(&self, edits: Vec<StoreEdit>) {
        if edits.is_empty() {
            return;
        }
        // A change to thousands of values at once is not told entry by
        // entry (the other tabs learn AniList's answers batch by batch
        // instead); entries removed or added are, since no answer may ever
        // bring those (an undo of a delete not sent yet sends nothing).
        let all = edits.len() <= TELL_AT_ONCE;
        let ids: Vec<i64> = edits.iter().filter(|e| all || e.added.is_some() || e.patch.is_none()).map(|e| e.media_id).collect();
        let patched = if all { Vec::new() } else { group_patches(&edits) };
        let adds = edits.iter().any(|e| e.added.is_some());
        let touched = self.lists.try_update(|l| apply_edits(l, edits)).unwrap_or_default();
        self.save_touched(touched);
        // An entry added is written at once, as its waiting add is: the
        // outbox can put values back on an entry, not bring one back, so a
        // reload right after must find it kept.
        if adds {
            self.flush();
        }
        self.tell_other_tabs(&ids, patched);
    }

    /// Tells the app's other open tabs what these entries hold now (see
    /// [`Changed`]).
    fn tell_other_tabs(&self, media_ids: &[i64], patched: Vec<(Patch, Vec<i64>)>) {
        if media_ids.is_empty() && patched.is_empty() {
            return;
        }
        let Some(user) = self.user.get_untracked() else { return };
        let changed = self.lists.with_untracked(|l| {
            let mut c = Changed { user, patched, ..Changed::default() };
            for id in media_ids {
                match l.iter().find_map(|(kind, d)| Some((kind.index(), d.entry(*id)?.clone()))) {
                    Some(found) => c.entries.push(found),
                    None => c.removed.push(*id),
                }
            }
            c
        });
        if let Ok(text) = serde_json::to_string(&changed) {
            crate::tabs::tell(&text);
        }
    }

    /// What another tab changed (see [`Changed`]), taken into this tab's
    /// lists (kept in IndexedDB by that tab already); `skip`: media whose
    /// own change waits here.
    pub fn take_from_other_tab(&self, changed: &Changed, skip: impl Fn(i64) -> bool) {
        if self.user.get_untracked() != Some(changed.user) {
            return;
        }
        // Pages are told only when something differs.
        if self.lists.try_update_untracked(|l| take_changed(l, changed, skip)) == Some(true) {
            self.lists.notify();
        }
    }

    fn save_touched(&self, touched: [Dirty; 2]) {
        for (kind, dirty) in MediaKind::ALL.into_iter().zip(touched) {
            if dirty != Dirty::Clean {
                self.save_soon(kind, dirty);
            }
        }
    }

    /// The user's advanced scoring sections for the list holding this media.
    pub fn advanced_names(&self, media_id: i64) -> Vec<String> {
        self.lists.with_untracked(|l| l.iter().find(|(_, d)| d.entry(media_id).is_some()).map(|(_, d)| d.advanced_names.clone())).unwrap_or_default()
    }

    /// What AniList confirmed for entries, in one update of the lists (see
    /// [`confirm_entries`]).
    pub fn confirm_many(&self, saved: &[(Entry, bool)]) {
        if saved.is_empty() {
            return;
        }
        let touched = self.lists.try_update(|l| confirm_entries(l, saved)).unwrap_or_default();
        self.save_touched(touched);
        self.tell_other_tabs(&saved.iter().map(|(e, _)| e.media_id).collect::<Vec<_>>(), Vec::new());
    }

    /// Keeps a list in IndexedDB after an edit: at most once in
    /// [`SAVE_AFTER_MS`] (a quick run of +1s is one write), and only the
    /// chunks that hold what changed ([`kept`]). A change still waiting is
    /// also in the outbox, which is written at once and applied again after
    /// a reload.
    fn save_soon(&self, kind: MediaKind, dirty: Dirty) {
        let slot = kind.index();
        DIRTY.with(|d| d.borrow_mut()[slot].add(dirty));
        if set_due(slot, true) {
            return;
        }
        let me = *self;
        let user = self.user.get_untracked();
        set_timeout(
            move || {
                set_due(slot, false);
                // Signed out or switched meanwhile: nothing is written;
                // written already (the tab was hidden): nothing again.
                let dirty = DIRTY.with(|d| d.borrow()[slot] != Dirty::Clean);
                if dirty && user.is_some() && me.user.try_get_untracked().flatten() == user {
                    me.write(kind);
                }
            },
            std::time::Duration::from_millis(SAVE_AFTER_MS),
        );
    }

    /// Writes now what waits for [`SAVE_AFTER_MS`]: the tab is being hidden
    /// or left, and a later timer may never run (a phone freezes a hidden
    /// tab; a reload ends it). The waiting timer then finds nothing to do.
    pub fn flush(&self) {
        for kind in MediaKind::ALL {
            if set_due(kind.index(), false) && self.user.try_get_untracked().flatten().is_some() {
                self.write(kind);
            }
        }
    }

    /// How the user's lists are laid out, or the sections their entries
    /// are scored in, changed (saved on AniList from here): shown at once,
    /// and kept at once (each list's head, with the chunks waiting to be
    /// written).
    pub fn set_arrangement(&self, a: &Arrangement) {
        for kind in MediaKind::ALL {
            let (order, split) = (&a.order[kind.index()], a.split[kind.index()]);
            let scored_in = a.scored_in.as_ref().map(|s| &s[kind.index()]);
            let same = |d: &ListData| {
                d.section_order == *order && d.split_completed == split && d.row_order == a.row_order && scored_in.is_none_or(|s| d.advanced_names == *s)
            };
            if self.with_untracked(kind, |d| d.is_none_or(same)) {
                continue;
            }
            self.lists.update(|l| {
                if let Some(d) = l.get_mut(kind) {
                    (d.section_order, d.split_completed, d.row_order) = (order.clone(), split, a.row_order.clone());
                    if let Some(s) = scored_in {
                        d.advanced_names = s.clone();
                    }
                }
            });
            // Written now (its head alone, with what else waits): a change
            // of options is rare, and a reload right after it must find it.
            DIRTY.with(|d| d.borrow_mut()[kind.index()].add(Dirty::Entries(Default::default())));
            self.write(kind);
        }
    }

    /// Keeps a whole list in IndexedDB now (a list read from AniList).
    fn save(&self, kind: MediaKind) {
        DIRTY.with(|d| d.borrow_mut()[kind.index()] = Dirty::All);
        self.write(kind);
    }

    /// Writes what changed in a list (in the background): its head and
    /// the chunks that hold the changed entries, in one transaction; every
    /// chunk when entries came or went, or when this tab has not yet
    /// written this list whole (it may be kept in an older form).
    fn write(&self, kind: MediaKind) {
        if let Some(job) = self.write_job(kind) {
            leptos::task::spawn_local(job);
        }
    }

    /// Writes now what waits to be written, and comes back once it is
    /// written: the outbox forgets a change AniList saved only after the
    /// store holds it in IndexedDB, so a reload at any moment finds one
    /// or the other.
    pub async fn write_pending(&self) {
        for kind in MediaKind::ALL {
            set_due(kind.index(), false);
            if DIRTY.with(|d| d.borrow()[kind.index()] == Dirty::Clean) {
                continue;
            }
            if let Some(job) = self.write_job(kind) {
                job.await;
            }
        }
    }

    /// What [`Self::write`] does, to be run.
    fn write_job(&self, kind: MediaKind) -> Option<impl std::future::Future<Output = ()> + 'static> {
        let slot = kind.index();
        let dirty = DIRTY.with(|d| std::mem::take(&mut d.borrow_mut()[slot]));
        let user = self.user.get_untracked()?;
        let list_key = key(user, kind);
        let (head, chunks, count) = self.with_untracked(kind, |d| {
            let d = d?;
            let count = kept::chunk_count(d.entries.len());
            let known = LAYOUT.with(|l| l.get()[slot]) == Some((user, count));
            let only = match &dirty {
                Dirty::Entries(ids) if known => Some(kept::chunks_of(d, ids)),
                _ => None,
            };
            let (head, chunks) = kept::texts(d, only.as_ref());
            Some((head, chunks, count))
        })?;
        let whole = chunks.len() == count;
        let mut puts = vec![(list_key.clone(), head)];
        puts.extend(chunks.into_iter().map(|(i, t)| (kept::chunk_key(&list_key, i), t)));
        let me = *self;
        Some(async move {
            // Written whole: chunks left from a longer list go.
            let stale: Vec<String> = if whole {
                let mine = format!("{list_key}:");
                idb::keys(idb::LISTS).await.unwrap_or_default().into_iter()
                    .filter(|k| k.strip_prefix(&mine).and_then(|i| i.parse::<usize>().ok()).is_some_and(|i| i >= count))
                    .collect()
            } else {
                Vec::new()
            };
            // Signed out (or another account) meanwhile: nothing of this
            // user's is written again after it was deleted.
            if me.user.try_get_untracked() != Some(Some(user)) {
                return;
            }
            match idb::write_all(idb::LISTS, &puts, &stale).await {
                Ok(()) => set_layout(slot, Some((user, count))),
                Err(why) => {
                    // The next write is whole.
                    set_layout(slot, None);
                    let _ = me.memory_only.try_set(Some(why));
                }
            }
        })
    }

    /// Forgets a user's lists and kept titles here and in IndexedDB (sign-out).
    pub fn forget(&self, user: u64) {
        // No longer this store's user: a list read or a write under way
        // for them stops where it is (it checks), so nothing lands after
        // the deletes below.
        if self.user.get_untracked() == Some(user) {
            self.switch_user(None);
        }
        leptos::task::spawn_local(async move {
            let mine = format!("{user}:");
            // The heads and their chunks.
            for k in idb::keys(idb::LISTS).await.unwrap_or_default().into_iter().filter(|k| k.starts_with(&mine)) {
                let _ = idb::delete(idb::LISTS, &k).await;
            }
            for k in idb::keys(idb::TITLES).await.unwrap_or_default().into_iter().filter(|k| k.starts_with(&mine)) {
                let _ = idb::delete(idb::TITLES, &k).await;
            }
        });
    }

    /// Forgets the lists and kept titles of every user but these (the
    /// active account and those still signed in, parked).
    pub async fn forget_others(keep: &[u64]) {
        let kept: Vec<String> = keep.iter().map(|u| format!("{u}:")).collect();
        for store in [idb::LISTS, idb::TITLES] {
            let keys = idb::keys(store).await.unwrap_or_default();
            for k in keys.into_iter().filter(|k| !kept.iter().any(|m| k.starts_with(m)) && !k.starts_with("0:")) {
                let _ = idb::delete(store, &k).await;
            }
        }
    }

    pub fn watch(&self, media_id: i64) {
        self.watchers.update_value(|w| *w.entry(media_id).or_default() += 1);
    }

    pub fn unwatch(&self, media_id: i64) {
        self.watchers.update_value(|w| {
            if let Some(n) = w.get_mut(&media_id) {
                *n = n.saturating_sub(1);
            }
        });
    }

    pub fn is_watched(&self, media_id: i64) -> bool {
        self.watchers.with_value(|w| w.get(&media_id).copied().unwrap_or(0) > 0)
    }
}

/// The name and avatar a list's answer gives for its owner, when that
/// owner is `user` (the one signed in, whose list was asked for).
fn owner_name(u: &list_collection::User, user: u64) -> Option<AccountName> {
    let name = u.name.clone().filter(|n| !n.is_empty() && u.id == user as i64)?;
    Some(AccountName { name, avatar: u.avatar.as_ref().and_then(|a| a.medium.clone()), adult: crate::api::ops::me::Adult::shown(u.options.as_ref()) })
}

impl Default for ListStore {
    fn default() -> Self {
        Self::new(AccountNames::new())
    }
}

/// Writes what waits as soon as the tab is hidden or left (see
/// [`ListStore::flush`]).
pub fn flush_when_hidden(store: ListStore) {
    let _ = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().hidden() {
            store.flush();
        }
    });
    let _ = window_event_listener(leptos::ev::pagehide, move |_| store.flush());
}

/// Tells the person once when the browser's database cannot be used
/// (private mode, storage blocked or full, another version of the app in
/// another tab): the lists and waiting changes then live in this tab's
/// memory only.
pub fn tell_when_memory_only(store: ListStore, flashes: crate::notices::Flashes) {
    let told = StoredValue::new(false);
    Effect::new(move |_| {
        let Some(why) = store.memory_only.get() else { return };
        if told.get_value() {
            return;
        }
        told.set_value(true);
        let (title, detail) = memory_only_notice(&why);
        flashes.push(crate::notices::Flash::new(crate::notices::Tone::Warning, title).detail(detail));
    });
}

/// The notice's title and detail for why the database cannot be used.
fn memory_only_notice(why: &idb::Unkept) -> (&'static str, String) {
    const MEMORY: &str = "so this tab keeps your lists and waiting changes in its memory only. Everything works and your edits still reach AniList, \
                          but a change still waiting when this tab closes is lost.";
    match why {
        idb::Unkept::Refused(why) => (
            "Your lists are kept in this tab only",
            format!(
                "This browser does not let the app keep data ({why}). Everything works, but your lists are loaded again on each visit, \
                 and a change still waiting when the tab closes is lost."
            ),
        ),
        idb::Unkept::Newer => (
            "A newer version of Tsuzuki took over the browser's database",
            format!("It was opened in another tab, {MEMORY} Reload this tab once all changes are saved to use the newer version."),
        ),
        idb::Unkept::Older => (
            "Tsuzuki is open in another tab from before an update",
            format!("That tab holds the browser's database, {MEMORY} Close or reload the other tab, then reload this one once all changes are saved."),
        ),
    }
}

pub fn use_list_store() -> ListStore {
    expect_context::<ListStore>()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::media::ListStatus;

    #[test]
    fn the_memory_only_notice_says_why_and_what_to_do() {
        let (title, detail) = memory_only_notice(&idb::Unkept::Refused("the browser's storage for this site is full".into()));
        assert_eq!(title, "Your lists are kept in this tab only");
        assert!(detail.contains("(the browser's storage for this site is full)"), "{detail}");
        assert!(detail.contains("loaded again on each visit"), "{detail}");
        let (title, detail) = memory_only_notice(&idb::Unkept::Newer);
        assert_eq!(title, "A newer version of Tsuzuki took over the browser's database");
        assert!(detail.contains("Reload this tab once all changes are saved"), "{detail}");
        assert!(!detail.contains("does not let"), "not the browser's refusal: {detail}");
        let (title, detail) = memory_only_notice(&idb::Unkept::Older);
        assert_eq!(title, "Tsuzuki is open in another tab from before an update");
        assert!(detail.contains("Close or reload the other tab, then reload this one"), "{detail}");
        assert!(detail.contains("edits still reach AniList"), "{detail}");
    }

    #[test]
    fn a_lists_answer_names_its_owner_only_for_the_user_asked_for() {
        let avatar = Some(crate::api::ops::me::Avatar { medium: Some("https://s4.anilist.co/a.png".into()) });
        let owner = |id: i64, name: Option<&str>| list_collection::User { id, name: name.map(str::to_string), avatar: avatar.clone(), options: None, media_list_options: None };
        assert_eq!(
            owner_name(&owner(5150, Some("Mitsuki")), 5150),
            Some(AccountName { name: "Mitsuki".into(), avatar: Some("https://s4.anilist.co/a.png".into()), adult: false })
        );
        let adult = list_collection::User { options: Some(crate::api::ops::me::Adult { display_adult_content: Some(true) }), ..owner(5150, Some("Mitsuki")) };
        assert_eq!(owner_name(&adult, 5150).map(|n| n.adult), Some(true), "the account's choice comes with its name");
        assert_eq!(owner_name(&owner(6001, Some("Jun")), 5150), None);
        assert_eq!(owner_name(&owner(5150, Some("")), 5150), None);
        assert_eq!(owner_name(&owner(5150, None), 5150), None);
    }

    fn entry(media_id: i64, updated_at: i64, progress: u32) -> Entry {
        Entry { id: media_id * 10, media_id, status: Some(ListStatus::Current), progress: Some(progress), updated_at: Some(updated_at), ..Entry::default() }
    }

    fn list(entries: Vec<Entry>, custom: Vec<(&str, Vec<i64>)>) -> ListData {
        ListData { entries, custom: custom.into_iter().map(|(n, i)| (n.to_string(), i)).collect(), fetched_at: 1.0, format: LIST_FORMAT, ..ListData::default() }
    }

    #[test]
    fn chunks_add_up_each_entry_once_and_custom_lists_by_name() {
        let mut whole = list(vec![entry(1, 9, 0), entry(2, 8, 0)], vec![("Rewatch", vec![1])]);
        whole.extend(list(vec![entry(2, 8, 0), entry(3, 7, 0)], vec![("Rewatch", vec![3, 1]), ("Later", vec![3])]));
        assert_eq!(whole.entries.iter().map(|e| e.media_id).collect::<Vec<_>>(), [1, 2, 3]);
        assert_eq!(whole.custom, [("Rewatch".to_string(), vec![1, 3]), ("Later".to_string(), vec![3])]);
    }

    #[test]
    fn a_refresh_that_reaches_known_entries_takes_in_only_what_changed() {
        let mut mine = list(vec![entry(1, 90, 1), entry(2, 80, 2), entry(3, 70, 3)], vec![("Rewatch", vec![3])]);
        // 3 was changed elsewhere (now newest), 4 was added; 1 is as it was.
        // (AniList groups the chunk by status, so it comes in any order.)
        let mut recent = list(vec![entry(1, 90, 1), entry(4, 110, 0), entry(2, 80, 2), entry(3, 120, 9)], vec![]);
        // The options as they are now, changed on AniList's site.
        (recent.list_names, recent.advanced_names, recent.section_order) = (vec!["Later".into()], vec!["Story".into()], vec!["Planning".into()]);
        (recent.split_completed, recent.row_order) = (true, Some("score".into()));
        assert!(mine.merge_recent(recent));
        assert!(mine.split_completed && mine.row_order.as_deref() == Some("score"));
        assert_eq!((mine.list_names.as_slice(), mine.advanced_names.as_slice(), mine.section_order.as_slice()), (&["Later".to_string()][..], &["Story".to_string()][..], &["Planning".to_string()][..]));
        assert_eq!(mine.entries.iter().map(|e| (e.media_id, e.progress.unwrap())).collect::<Vec<_>>(), [(3, 9), (4, 0), (1, 1), (2, 2)]);
        assert_eq!(mine.custom, [("Rewatch".to_string(), vec![])], "3 left its custom list");
    }

    fn ids(d: &ListData) -> Vec<(i64, u32)> {
        d.entries.iter().map(|e| (e.media_id, e.progress.unwrap_or(0))).collect()
    }

    fn progress(p: u32) -> Option<Patch> {
        Some(Patch { progress: Some(p), ..Patch::default() })
    }

    #[test]
    fn many_edits_in_one_pass_end_as_the_same_edits_one_by_one() {
        let mut l = ByKind::default();
        l.insert(MediaKind::Anime, list(vec![entry(1, 9, 1), entry(2, 8, 2), entry(3, 7, 3)], vec![("Rewatch", vec![2, 3])]));
        l.insert(MediaKind::Manga, list(vec![entry(50, 9, 5)], vec![]));
        let add = |m: i64| Some((MediaKind::Anime, entry(m, 1, 0)));
        let edits = vec![
            StoreEdit { media_id: 1, patch: progress(11), added: None },
            StoreEdit { media_id: 2, patch: None, added: None },
            StoreEdit { media_id: 8, patch: progress(8), added: add(8) },
            StoreEdit { media_id: 9, patch: progress(9), added: add(9) },
            // Held already: patched where it is, not placed again.
            StoreEdit { media_id: 3, patch: progress(33), added: add(3) },
            // Placed in this pass, then changed again, then one removed.
            StoreEdit { media_id: 8, patch: progress(88), added: None },
            StoreEdit { media_id: 9, patch: None, added: None },
            // Removed, then added again.
            StoreEdit { media_id: 1, patch: None, added: None },
            StoreEdit { media_id: 1, patch: progress(1), added: add(1) },
            // Not held anywhere, nothing to place: nothing.
            StoreEdit { media_id: 77, patch: progress(7), added: None },
        ];
        let mut one_by_one = l.clone();
        let touched = apply_edits(&mut l, edits.clone());
        assert_eq!(touched, [Dirty::All, Dirty::Clean], "entries came and went: every chunk");
        let mut patched = l.clone();
        assert_eq!(apply_edits(&mut patched, vec![StoreEdit { media_id: 3, patch: progress(4), added: None }, StoreEdit { media_id: 50, patch: progress(6), added: None }]),
            [Dirty::Entries([3].into()), Dirty::Entries([50].into())], "values only: the entries' chunks");
        for e in edits {
            apply_edits(&mut one_by_one, vec![e]);
        }
        let anime = l.get(MediaKind::Anime).unwrap();
        assert_eq!(ids(anime), [(1, 1), (8, 88), (3, 33)], "the last placed on top");
        assert_eq!(anime, one_by_one.get(MediaKind::Anime).unwrap());
        assert_eq!(anime.custom, [("Rewatch".to_string(), vec![3])], "2 left its custom list with it");
        assert_eq!(ids(l.get(MediaKind::Manga).unwrap()), [(50, 5)]);
    }

    #[test]
    fn confirmations_take_ids_and_anilists_values_only_where_nothing_waits() {
        let mut l = ByKind::default();
        l.insert(MediaKind::Anime, list(vec![Entry { id: 0, ..entry(1, 9, 1) }, entry(2, 8, 2)], vec![]));
        let saved = |m: i64, p: u32| Entry { id: m * 100, updated_at: Some(500), ..entry(m, 0, p) };
        let touched = confirm_entries(&mut l, &[(saved(1, 4), true), (saved(2, 7), false), (saved(3, 1), true)]);
        assert_eq!(touched, [Dirty::Entries([1, 2].into()), Dirty::Clean]);
        let anime = l.get(MediaKind::Anime).unwrap();
        assert_eq!(anime.entries.iter().map(|e| (e.id, e.updated_at)).collect::<Vec<_>>(), [(100, Some(500)), (200, Some(500))]);
        assert_eq!(ids(anime), [(1, 4), (2, 2)], "2 keeps the person's later value");
    }

    #[test]
    fn airing_now_replaces_a_passed_episode_time() {
        use crate::api::ops::list_collection::{Airing, Media};
        use crate::media::MediaStatus;
        let with = |id: i64, next: Option<Airing>| Entry { media: Some(Media { id, next_airing_episode: next, status: Some(MediaStatus::Releasing), episodes: Some(12), ..Media::default() }), ..entry(id, 1, 1) };
        let mut d = list(vec![with(1, Some(Airing { episode: 8, airing_at: 100 })), with(2, Some(Airing { episode: 12, airing_at: 100 }))], vec![]);
        let now = |id: i64, next: Option<Airing>, status: Option<MediaStatus>| airing::Now { id, status, episodes: None, next_airing_episode: next };
        let answer = [now(1, Some(Airing { episode: 9, airing_at: 700 }), None), now(2, None, Some(MediaStatus::Finished)), now(3, None, None)];
        assert!(d.set_airing(&answer));
        let media = |i: usize| d.entries[i].media.clone().unwrap();
        assert_eq!((media(0).next_airing_episode, media(0).status, media(0).episodes), (Some(Airing { episode: 9, airing_at: 700 }), Some(MediaStatus::Releasing), Some(12)));
        assert_eq!((media(1).next_airing_episode, media(1).status), (None, Some(MediaStatus::Finished)), "the last episode aired");
        assert!(!d.set_airing(&answer), "the same answer again changes nothing");
    }

    #[test]
    fn a_refresh_after_a_new_scoring_system_or_title_language_asks_for_the_whole_list() {
        use crate::api::ops::list_collection::Media;
        use crate::api::operation::Title;
        let named = |id: i64, name: &str, at: i64| Entry {
            media: Some(Media { id, title: Some(Title { user_preferred: Some(name.into()), ..Title::default() }), ..Media::default() }),
            ..entry(id, at, 1)
        };
        let mine = list(vec![named(1, "Cowboy Bebop", 90), named(2, "Attack on Titan", 80)], vec![]);
        let recent = || list(vec![named(3, "Berserk", 100), named(1, "Cowboy Bebop", 90), named(2, "Attack on Titan", 80)], vec![]);
        assert!(mine.clone().merge_recent(recent()), "as it was: the chunk is enough");
        let mut scored = mine.clone();
        let mut other = recent();
        other.score_format = ScoreFormat::Point100;
        assert!(!scored.merge_recent(other), "every score kept is in the old system");
        assert_eq!(scored, mine, "untouched");
        let mut renamed = mine.clone();
        assert!(!renamed.merge_recent(list(vec![named(3, "Berserk", 100), named(1, "Kaubōi Bibappu", 90)], vec![])), "titles in another language");
        assert_eq!(renamed, mine, "untouched");
    }

    #[test]
    fn a_refresh_that_finds_nothing_known_asks_for_the_whole_list() {
        let mut mine = list(vec![entry(1, 90, 1)], vec![]);
        let before = mine.clone();
        assert!(!mine.merge_recent(list(vec![entry(5, 200, 0), entry(1, 95, 2)], vec![])), "1 changed too: the boundary is further down");
        assert_eq!(mine, before, "untouched");
    }

    #[test]
    fn a_list_is_read_whole_again_six_hours_after_its_last_whole_read_and_a_merge_keeps_that_time() {
        let hour = 3_600_000.0;
        let mut mine = list(vec![entry(1, 90, 1), entry(2, 80, 1)], vec![]);
        assert!(mine.needs_whole(7.0 * hour), "never read whole (a list kept before this was known)");
        mine.whole_at = 10.0 * hour;
        assert!(!mine.needs_whole(15.9 * hour));
        assert!(mine.needs_whole(16.0 * hour));
        // Read whole a moment ago, but kept by an older version: whole.
        assert!(ListData { format: LIST_FORMAT - 1, ..mine.clone() }.needs_whole(10.0 * hour));
        // Merging the most recent few is not a whole read.
        let recent = ListData { fetched_at: 15.0 * hour, ..list(vec![entry(3, 99, 0), entry(1, 90, 1)], vec![]) };
        assert!(mine.merge_recent(recent));
        assert_eq!((mine.fetched_at, mine.whole_at), (15.0 * hour, 10.0 * hour));
        assert!(mine.needs_whole(16.0 * hour));
    }

    #[test]
    fn a_read_lands_under_what_this_app_changed_while_it_was_under_way() {
        let titled = |mut e: Entry, episodes: u32| {
            e.media = Some(crate::api::ops::list_collection::Media { id: e.media_id, episodes: Some(episodes), ..Default::default() });
            e
        };
        // Held as the read began: 1, 2, 3, 4 (4 deleted on AniList's site).
        let at_start: HashSet<i64> = [1, 2, 3, 4].into();
        // Meanwhile, here: 1 saved (AniList answered, a later update
        // time), 3 removed, 5 added and confirmed, 6 added and waiting.
        let mut held = list(vec![titled(entry(1, 200, 13), 12), entry(2, 90, 4), entry(4, 80, 1), entry(5, 210, 1), Entry { id: 0, ..entry(6, 0, 0) }], vec![]);
        held.entries[0].custom_lists = vec!["Rewatch".into()];
        // AniList's read, from before those: 1 at 12, with the title's new
        // episode count; 2; 3 (removed here since); not 4.
        let mut read = list(vec![titled(entry(1, 100, 12), 24), entry(2, 90, 4), entry(3, 70, 2)], vec![("Rewatch", vec![2])]);
        land(&mut read, Some(&held), &at_start);
        let mut got = ids(&read);
        got.sort_unstable();
        assert_eq!(got, [(1, 13), (2, 4), (5, 1), (6, 0)], "1 as saved here, 3 still removed, 4 gone, 5 and 6 kept");
        let one = read.entry(1).unwrap();
        assert_eq!(one.media.as_ref().and_then(|m| m.episodes), Some(24), "AniList's news of the title taken");
        assert_eq!(read.custom, vec![("Rewatch".to_string(), vec![2, 1])], "its custom lists as held");
        // Nothing held (a first load): AniList's read as it is.
        let mut first = list(vec![entry(3, 70, 2)], vec![]);
        land(&mut first, None, &HashSet::new());
        assert_eq!(ids(&first), [(3, 2)]);
    }

    #[test]
    fn another_tabs_changes_replace_entries_in_place_add_and_remove_but_never_over_a_change_waiting_here() {
        let mut l = ByKind::default();
        l.insert(MediaKind::Anime, list(vec![entry(1, 9, 3), entry(2, 8, 5), entry(3, 7, 1)], vec![]));
        l.insert(MediaKind::Manga, list(vec![entry(50, 5, 5)], vec![]));
        let changed = Changed { user: 1, entries: vec![(0, entry(2, 10, 6)), (0, entry(4, 11, 1)), (0, entry(3, 12, 9))], removed: vec![50], ..Changed::default() };
        // Entry 3 has a change of this tab's waiting: it keeps its values.
        assert!(take_changed(&mut l, &changed, |id| id == 3));
        let anime = l.get(MediaKind::Anime).unwrap();
        assert_eq!(anime.entries.iter().map(|e| (e.media_id, e.progress.unwrap())).collect::<Vec<_>>(), [(4, 1), (1, 3), (2, 6), (3, 1)]);
        assert!(l.get(MediaKind::Manga).unwrap().entries.is_empty());
        assert!(!take_changed(&mut l, &changed, |id| id == 3), "the same again changes nothing");
    }

    #[test]
    fn going_on_takes_the_titles_in_progress_of_both_lists_most_recent_first() {
        let e = |media_id: i64, status: ListStatus, updated_at: Option<i64>| Entry { media_id, status: Some(status), updated_at, ..Entry::default() };
        let anime = [e(1, ListStatus::Current, Some(10)), e(2, ListStatus::Completed, Some(90)), e(3, ListStatus::Repeating, Some(30)), e(4, ListStatus::Current, None)];
        let manga = [e(50, ListStatus::Current, Some(20)), e(51, ListStatus::Planning, Some(80))];
        let lists = || [(MediaKind::Anime, &anime[..]), (MediaKind::Manga, &manga[..])];
        let ids = |n| going_on(lists(), n).iter().map(|(k, e)| (*k, e.media_id)).collect::<Vec<_>>();
        assert_eq!(ids(10), [(MediaKind::Anime, 3), (MediaKind::Manga, 50), (MediaKind::Anime, 1), (MediaKind::Anime, 4)]);
        assert_eq!(ids(2), [(MediaKind::Anime, 3), (MediaKind::Manga, 50)]);
        assert!(going_on([(MediaKind::Anime, &anime[1..2])], 10).is_empty(), "nothing in progress");
    }

    #[test]
    fn a_change_to_many_is_told_as_its_patches_and_taken_in_the_same_way() {
        let paused = Patch { status: Some(ListStatus::Paused), ..Patch::default() };
        let score = |s: f64| Patch { score: Some(s), ..Patch::default() };
        let edit = |media_id: i64, patch: Option<Patch>| StoreEdit { media_id, patch, added: None };
        let edits = [edit(1, Some(paused.clone())), edit(2, Some(score(7.0))), edit(3, Some(paused.clone())), edit(4, None), edit(5, Some(score(7.0)))];
        let groups = group_patches(&edits);
        assert_eq!(groups, [(paused.clone(), vec![1, 3]), (score(7.0), vec![2, 5])], "entries patched alike share one; a removal is not a patch");

        let mut l = ByKind::default();
        l.insert(MediaKind::Anime, list(vec![entry(1, 9, 3), entry(2, 8, 5), entry(3, 7, 1)], vec![]));
        l.insert(MediaKind::Manga, list(vec![entry(5, 5, 5)], vec![]));
        let changed = Changed { user: 1, removed: vec![4], patched: groups, ..Changed::default() };
        // Entry 3 has a change of this tab's waiting: it keeps its values.
        assert!(take_changed(&mut l, &changed, |id| id == 3));
        let status = |kind, id| l.get(kind).and_then(|d| d.entry(id)).and_then(|e| e.status);
        let score_of = |kind, id| l.get(kind).and_then(|d| d.entry(id)).and_then(|e| e.score);
        assert_eq!(status(MediaKind::Anime, 1), Some(ListStatus::Paused));
        assert_eq!(status(MediaKind::Anime, 3), Some(ListStatus::Current));
        assert_eq!((score_of(MediaKind::Anime, 2), score_of(MediaKind::Manga, 5)), (Some(7.0), Some(7.0)));
        // Told again through the channel's text, it reads the same.
        let text = serde_json::to_string(&changed).unwrap();
        assert_eq!(serde_json::from_str::<Changed>(&text).unwrap(), changed);
    }
}
