//! Beginning or changing a forum thread, the pure part: the forum's
//! categories a member may put a thread in, what a draft still lacks
//! before it can be sent, and where a draft is kept on this device.

use serde::{Deserialize, Serialize};

/// The forum's categories a member may begin a thread in, by AniList's
/// ids (AniList has no query that lists them; these are the ones its own
/// forum offers). A thread AniList holds in another (its announcements)
/// keeps it.
pub const CATEGORIES: [(i64, &str); 15] = [
    (7, "General"),
    (1, "Anime"),
    (2, "Manga"),
    (3, "Light Novels"),
    (4, "Visual Novels"),
    (5, "Release Discussion"),
    (8, "News"),
    (9, "Music"),
    (10, "Gaming"),
    (15, "Recommendations"),
    (16, "Forum Games"),
    (17, "Misc"),
    (11, "Site Feedback"),
    (12, "Bug Reports"),
    (18, "AniList Apps"),
];

/// The category a thread about a title begins in: its kind's.
pub fn category_of(kind: crate::media::MediaKind) -> i64 {
    match kind {
        crate::media::MediaKind::Anime => 1,
        crate::media::MediaKind::Manga => 2,
    }
}

/// A thread as the form holds it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub title: String,
    /// Markdown, as AniList keeps it.
    pub body: String,
    /// Its categories' ids, in the order chosen.
    pub categories: Vec<i64>,
    /// The titles it is about, in the order chosen.
    #[serde(default)]
    pub media: Vec<Titled>,
}

/// A title a thread is about, as the form names it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Titled {
    pub id: i64,
    pub name: String,
    pub manga: bool,
}

/// A field of the form, for a problem to point at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Title,
    Body,
    Categories,
}

impl Field {
    /// The form control's element id (a problem's link focuses it).
    pub fn id(self) -> &'static str {
        match self {
            Field::Title => "thread-title",
            Field::Body => "thread-body",
            Field::Categories => "thread-categories",
        }
    }
}

impl Draft {
    /// Puts the thread in a category, or takes it out.
    pub fn set_category(&mut self, id: i64, on: bool) {
        self.categories.retain(|c| *c != id);
        if on {
            self.categories.push(id);
        }
    }

    /// Makes the thread about a title too (once).
    pub fn add_title(&mut self, t: Titled) {
        if !self.media.iter().any(|m| m.id == t.id) {
            self.media.push(t);
        }
    }

    /// The titles' ids, as AniList takes them.
    pub fn media_ids(&self) -> Vec<i64> {
        self.media.iter().map(|m| m.id).collect()
    }

    /// What keeps the draft from being sent, field by field, in the form's
    /// order; empty when it can go.
    pub fn problems(&self) -> Vec<(Field, String)> {
        let mut out = Vec::new();
        if self.title.trim().is_empty() {
            out.push((Field::Title, "Give the thread a title.".to_string()));
        }
        if self.body.trim().is_empty() {
            out.push((Field::Body, "Write what the thread is about.".to_string()));
        }
        if self.categories.is_empty() {
            out.push((Field::Categories, "Choose at least one category.".to_string()));
        }
        out
    }
}

impl crate::draft::Written for Draft {
    /// Nothing written (the categories the form starts with are not
    /// writing).
    fn is_blank(&self) -> bool {
        self.title.trim().is_empty() && self.body.trim().is_empty()
    }
}

/// Where a member's draft is kept: of their thread `thread`, or of a new
/// one (about title `media`, when it is).
pub fn kept_key(user: u64, thread: Option<i64>, media: Option<i64>) -> String {
    match (thread, media) {
        (Some(t), _) => format!("tsuzuki.thread-draft.v1.{user}.{t}"),
        (None, Some(m)) => format!("tsuzuki.thread-draft.v1.{user}.new.{m}"),
        (None, None) => format!("tsuzuki.thread-draft.v1.{user}.new"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::Written;

    #[test]
    fn a_thread_needs_a_title_a_text_and_a_category() {
        let fields = |d: &Draft| d.problems().into_iter().map(|(f, _)| f).collect::<Vec<_>>();
        let mut d = Draft::default();
        assert_eq!(fields(&d), [Field::Title, Field::Body, Field::Categories]);
        d.title = "  Rewatch club  ".into();
        d.body = " \n ".into();
        assert_eq!(fields(&d), [Field::Body, Field::Categories], "spaces are not text");
        d.body = "Week 2.".into();
        d.set_category(1, true);
        d.set_category(7, true);
        d.set_category(1, true);
        assert_eq!(d.categories, [7, 1], "chosen once, in the order chosen");
        assert!(d.problems().is_empty());
        d.set_category(7, false);
        d.set_category(1, false);
        assert_eq!(d.problems(), [(Field::Categories, "Choose at least one category.".to_string())]);
        let berserk = Titled { id: 30002, name: "Berserk".into(), manga: true };
        d.add_title(Titled { id: 1, name: "Cowboy Bebop".into(), manga: false });
        d.add_title(berserk.clone());
        d.add_title(berserk);
        assert_eq!(d.media_ids(), [1, 30002], "each title once, in the order chosen");
        let old: Draft = serde_json::from_str(r#"{"title":"T","body":"B","categories":[7]}"#).unwrap();
        assert!(old.media.is_empty(), "a draft kept before titles were chosen still reads");
    }

    #[test]
    fn a_draft_is_blank_until_something_is_written_and_each_has_its_own_place() {
        assert!(Draft { categories: vec![1], ..Draft::default() }.is_blank());
        assert!(!Draft { title: "A".into(), ..Draft::default() }.is_blank());
        assert!(!Draft { body: "B".into(), ..Draft::default() }.is_blank());
        let keys = [kept_key(5150, Some(9001), None), kept_key(5150, None, Some(1)), kept_key(5150, None, None), kept_key(6001, None, None)];
        assert_eq!(keys[0], "tsuzuki.thread-draft.v1.5150.9001");
        assert_eq!(keys[1], "tsuzuki.thread-draft.v1.5150.new.1");
        let mut unique = keys.to_vec();
        unique.dedup();
        assert_eq!(unique.len(), 4);
        assert_eq!(CATEGORIES.iter().map(|(id, _)| *id).collect::<std::collections::BTreeSet<_>>().len(), CATEGORIES.len());
        assert_eq!((category_of(crate::media::MediaKind::Anime), category_of(crate::media::MediaKind::Manga)), (1, 2));
    }
}
