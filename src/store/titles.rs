//! Titles' pages as last read from AniList, kept in memory and in IndexedDB
//! per user (they carry the person's own entry and favourite): a revisit
//! shows the page at once, and asks AniList again only when what is kept is
//! older than [`FRESH_FOR_MS`]. The person's entry itself lives in the list
//! store; what is kept here is the title.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;

use crate::api::ops::title::{self, Title, TitlePage};
use crate::api::{Api, ApiError};
use crate::auth::callback::Credential;
use crate::idb;
use crate::storage::{self, Area};
use crate::media::{MediaKind, ScoreFormat};

/// Where [`Titles::outdate`] keeps its time.
const OUTDATED_KEY: &str = "tsuzuki.titles-outdated.v1";

/// A kept title is shown without asking AniList again for this long.
pub const FRESH_FOR_MS: f64 = 10.0 * 60_000.0;

/// The shape titles are kept in now. One kept in an older shape lacks what
/// the app has since learnt to ask (a recommendation's standing, a review's
/// privacy: shape 2; the person's own review: 3): it is shown, and asked again at once. Raised with
/// every such change to [`Title`].
const SHAPE: u32 = 3;

/// A title as IndexedDB keeps it: when it was read, its shape, the title.
fn kept_text(at: f64, title: &Title) -> Option<String> {
    serde_json::to_string(&(at, SHAPE, title)).ok()
}

/// A kept title and when it was read, that time 0 (asked again at once)
/// when it was kept in an older shape (the first had none).
fn read_kept(text: &str) -> Option<(f64, Title)> {
    if let Ok((at, shape, title)) = serde_json::from_str::<(f64, u32, Title)>(text) {
        return Some((if shape >= SHAPE { at } else { 0.0 }, title));
    }
    serde_json::from_str::<(f64, Title)>(text).ok().map(|(_, title)| (0.0, title))
}

/// One title: what was read, when, and how its refresh stands.
#[derive(Clone, Debug, Default)]
pub struct Kept {
    pub title: Option<Arc<Title>>,
    pub fetched_at: f64,
    pub loading: bool,
    pub error: Option<ApiError>,
}

#[derive(Clone, Copy)]
pub struct Titles {
    kept: RwSignal<HashMap<(u64, i64), Kept>>,
    /// Titles read before this time are asked again however recent (the
    /// person changed the language titles come in).
    outdated: StoredValue<f64>,
}

fn key(user: u64, id: i64) -> String {
    format!("{user}:{id}")
}

impl Titles {
    pub fn new() -> Self {
        Self { kept: RwSignal::new(HashMap::new()), outdated: StoredValue::new(0.0) }
    }

    /// What is kept of a title for this user (tracked).
    pub fn get(&self, user: u64, id: i64) -> Kept {
        self.kept.with(|k| k.get(&(user, id)).cloned().unwrap_or_default())
    }

    fn set(&self, user: u64, id: i64, f: impl FnOnce(&mut Kept)) {
        self.kept.update(|k| f(k.entry((user, id)).or_default()));
    }

    /// Shows what is kept (memory, else IndexedDB) and asks AniList when it
    /// is older than [`FRESH_FOR_MS`] (`force`: ask anyway). Signed in, the
    /// members the person follows who have the title come too, their scores
    /// in `format`.
    pub fn load(&self, id: i64, kind: MediaKind, credential: Option<Credential>, api: Api, force: bool, format: ScoreFormat) {
        let user = credential.as_ref().map_or(0, |c| c.user);
        let me = *self;
        if self.kept.with_untracked(|k| k.get(&(user, id)).is_some_and(|t| t.loading)) {
            return;
        }
        self.set(user, id, |t| {
            t.loading = true;
            t.error = None;
        });
        leptos::task::spawn_local(async move {
            if me.kept.try_with_untracked(|k| k.get(&(user, id)).is_none_or(|t| t.title.is_none())) == Some(true) {
                if let Ok(Some(text)) = idb::get(idb::TITLES, &key(user, id)).await {
                    if let Some((at, title)) = read_kept(&text) {
                        me.kept.try_update(|k| {
                            let t = k.entry((user, id)).or_default();
                            if t.title.is_none() {
                                t.title = Some(Arc::new(title));
                                t.fetched_at = at;
                            }
                        });
                    }
                }
            }
            let Some(at) = me.kept.try_with_untracked(|k| k.get(&(user, id)).map_or(0.0, |t| if t.title.is_some() { t.fetched_at } else { 0.0 })) else {
                return;
            };
            let outdated = me.outdated_at();
            if !force && js_sys::Date::now() - at < FRESH_FOR_MS && at > outdated {
                me.kept.try_update(|k| k.entry((user, id)).or_default().loading = false);
                return;
            }
            let vars = title::Vars { id, kind: kind.into(), following: credential.is_some(), format, user: credential.as_ref().map(|c| c.user) };
            let answer = api.run::<TitlePage>(credential.as_ref(), &vars, force).await;
            let answer = answer.and_then(|d| d.title(format).ok_or_else(|| ApiError::Shape("no Media".into())));
            let now = js_sys::Date::now();
            if let Ok(title) = &answer {
                if let Some(text) = kept_text(now, title) {
                    let _ = idb::put(idb::TITLES, &key(user, id), &text).await;
                }
            }
            me.kept.try_update(|k| {
                let t = k.entry((user, id)).or_default();
                t.loading = false;
                match answer {
                    Ok(title) => {
                        t.title = Some(Arc::new(title));
                        t.fetched_at = now;
                        t.error = None;
                    }
                    Err(e) => t.error = Some(e),
                }
            });
        });
    }

    /// Every title read until now is asked again at its next visit (what is
    /// kept is still shown meanwhile), in this tab, after a reload and in
    /// the app's other tabs (the time is kept in localStorage too).
    pub fn outdate(&self) {
        let now = js_sys::Date::now();
        self.outdated.set_value(now);
        let _ = storage::set(Area::Local, OUTDATED_KEY, &now);
    }

    /// When titles were last outdated, here or in another tab.
    fn outdated_at(&self) -> f64 {
        let here = self.outdated.try_get_value().unwrap_or_default();
        let kept = storage::get::<f64>(Area::Local, OUTDATED_KEY).ok().flatten().unwrap_or_default();
        here.max(kept)
    }

    /// The person's favourite, as AniList now holds it.
    pub fn set_favourite(&self, user: u64, id: i64, on: bool, count: Option<u32>) {
        self.change(user, id, |title| {
            title.is_favourite = on;
            title.favourites = count.or(title.favourites);
        });
    }

    /// A review's counts, as AniList holds them after the person's say, in
    /// the kept title that lists it (its page shows them without asking).
    pub fn set_review_rating(&self, user: u64, id: i64, review: i64, rating: Option<u32>, amount: Option<u32>) {
        self.change(user, id, |title| {
            let reviews = title.reviews.iter_mut().flat_map(|r| r.edges.iter_mut()).filter_map(|e| e.node.as_mut());
            for r in reviews.filter(|r| r.id == review) {
                r.rating = rating.or(r.rating);
                r.rating_amount = amount.or(r.rating_amount);
            }
        });
    }

    /// A recommendation's standing and the person's say on it, as AniList
    /// holds them after the say.
    pub fn set_recommendation(&self, user: u64, id: i64, recommended: i64, rating: Option<i32>, said: crate::media::RecommendationRating) {
        self.change(user, id, |title| {
            let all = title.recommendations.iter_mut().flat_map(|r| r.nodes.iter_mut());
            for r in all.filter(|r| r.media_recommendation.as_ref().is_some_and(|m| m.id == recommended)) {
                r.rating = rating.or(r.rating);
                r.user_rating = Some(said);
            }
        });
    }

    /// A recommendation the person made (or one already there that they
    /// agreed with), as AniList answered.
    pub fn add_recommendation(&self, user: u64, id: i64, made: title::Recommendation) {
        self.change(user, id, |title| {
            let list = title.recommendations.get_or_insert_with(|| title::Nodes { nodes: Vec::new() });
            let same = |r: &title::Recommendation| r.media_recommendation.as_ref().map(|m| m.id) == made.media_recommendation.as_ref().map(|m| m.id);
            match list.nodes.iter_mut().find(|r| same(r)) {
                Some(r) => (r.rating, r.user_rating) = (made.rating, made.user_rating),
                None => list.nodes.push(made),
            }
        });
    }

    /// The kept title is asked again at its next visit (shown meanwhile):
    /// the person wrote or deleted a review of it, which AniList lists there.
    pub fn stale(&self, user: u64, id: i64) {
        if self.kept.try_with_untracked(|k| k.get(&(user, id)).is_some_and(|t| t.title.is_some())) == Some(true) {
            self.change_kept(user, id, |t, _| t.fetched_at = 0.0);
        } else {
            // Kept in IndexedDB only (a reload since): it goes.
            leptos::task::spawn_local(async move {
                let _ = idb::delete(idb::TITLES, &key(user, id)).await;
            });
        }
    }

    /// Changes a kept title (when one is kept), here and in IndexedDB,
    /// keeping the time it was read.
    fn change(&self, user: u64, id: i64, f: impl FnOnce(&mut Title)) {
        self.change_kept(user, id, |_, title| f(title));
    }

    /// Changes a kept title and what is kept of it, here and in IndexedDB.
    fn change_kept(&self, user: u64, id: i64, f: impl FnOnce(&mut Kept, &mut Title)) {
        let mut kept = None;
        self.kept.try_update(|k| {
            if let Some(t) = k.get_mut(&(user, id)) {
                if let Some(title) = t.title.clone() {
                    let mut title = (*title).clone();
                    f(t, &mut title);
                    kept = kept_text(t.fetched_at, &title);
                    t.title = Some(Arc::new(title));
                }
            }
        });
        if let Some(text) = kept {
            leptos::task::spawn_local(async move {
                let _ = idb::put(idb::TITLES, &key(user, id), &text).await;
            });
        }
    }
}

impl Default for Titles {
    fn default() -> Self {
        Self::new()
    }
}

pub fn use_titles() -> Titles {
    expect_context::<Titles>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_kept_in_an_older_shape_is_shown_and_asked_again_at_once() {
        let title: Title = serde_json::from_value(serde_json::json!({ "id": 1, "title": { "userPreferred": "Cowboy Bebop" } })).unwrap();
        let now = kept_text(1_000.0, &title).unwrap();
        let (at, back) = read_kept(&now).unwrap();
        assert_eq!((at, back.id), (1_000.0, 1));
        // The first shape: (time, title), no shape.
        let first = serde_json::to_string(&(1_000.0, &title)).unwrap();
        let (at, back) = read_kept(&first).unwrap();
        assert_eq!((at, back.id), (0.0, 1));
        // An older numbered shape alike; a later one (another tab's newer
        // app) is read as it is.
        let older = serde_json::to_string(&(1_000.0, SHAPE - 1, &title)).unwrap();
        assert_eq!(read_kept(&older).map(|(at, _)| at), Some(0.0));
        let later = serde_json::to_string(&(1_000.0, SHAPE + 1, &title)).unwrap();
        assert_eq!(read_kept(&later).map(|(at, _)| at), Some(1_000.0));
        assert!(read_kept("not a title").is_none());
    }
}
