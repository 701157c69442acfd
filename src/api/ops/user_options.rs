//! The signed-in user's AniList options this app lets them change (the
//! Settings page): the language of titles, the scoring system, AniList's
//! airing notifications, the custom lists of each kind, and how the lists
//! are laid out (order, split of completed lists, default order of rows),
//! and each kind's advanced scoring (on or off, its sections).
//! [`super::save_user_options`] changes
//! them and answers with the same fields.

use serde::Deserialize;

use crate::api::operation::{nullable_list, Operation};
use crate::media::{MediaKind, ScoreFormat, UserTitleLanguage};

/// The fields read back, in the query and in the save's answer.
#[macro_export]
macro_rules! user_option_fields {
    () => {
        "id options { titleLanguage airingNotifications } mediaListOptions { scoreFormat rowOrder animeList { customLists sectionOrder splitCompletedSectionByFormat advancedScoring advancedScoringEnabled } mangaList { customLists sectionOrder splitCompletedSectionByFormat advancedScoring advancedScoringEnabled } }"
    };
}

pub struct UserOptions;

impl Operation for UserOptions {
    const NAME: &'static str = "UserOptions";
    const MUTATION: bool = false;
    const QUERY: &'static str = concat!("query UserOptions {\n  Viewer { ", crate::user_option_fields!(), " }\n}");
    type Vars = Vars;
    type Data = Data;
}

/// The query takes no variables.
pub type Vars = crate::api::operation::NoVars;

#[derive(Clone, Debug, Deserialize)]
pub struct Data {
    #[serde(rename = "Viewer")]
    pub viewer: Option<User>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct User {
    pub id: u64,
    pub options: Option<Options>,
    pub media_list_options: Option<ListOptions>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Options {
    pub title_language: Option<UserTitleLanguage>,
    pub airing_notifications: Option<bool>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListOptions {
    pub score_format: Option<ScoreFormat>,
    #[serde(default)]
    pub row_order: Option<String>,
    #[serde(default)]
    pub anime_list: Option<KindOptions>,
    #[serde(default)]
    pub manga_list: Option<KindOptions>,
}

/// The options of one kind of list.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KindOptions {
    #[serde(default, deserialize_with = "nullable_list")]
    pub custom_lists: Vec<String>,
    /// The lists' order, by name (see [`crate::listing::section_order`]).
    #[serde(default, deserialize_with = "nullable_list")]
    pub section_order: Vec<String>,
    /// The completed list split by format.
    #[serde(default)]
    pub split_completed_section_by_format: Option<bool>,
    /// The sections of advanced scoring, kept while it is off.
    #[serde(default, deserialize_with = "nullable_list")]
    pub advanced_scoring: Vec<String>,
    #[serde(default)]
    pub advanced_scoring_enabled: Option<bool>,
}

/// The options as the form shows them (AniList's defaults where it gives
/// none).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choices {
    pub title_language: UserTitleLanguage,
    pub score_format: ScoreFormat,
    pub airing_notifications: bool,
    /// The custom lists' names: anime, then manga.
    pub lists: [Vec<String>; 2],
    /// The order of each kind's lists, as AniList keeps it: anime, then
    /// manga.
    pub order: [Vec<String>; 2],
    /// Whether each kind's completed list is split by format.
    pub split: [bool; 2],
    /// The default order of list rows, in AniList's words ("" when it
    /// gives none).
    pub row_order: String,
    /// Each kind's advanced scoring: whether it is on, and its sections
    /// (anime, then manga).
    pub advanced: [Advanced; 2],
}

/// A kind's advanced scoring: each entry gets a score per section, and its
/// score is their mean. AniList keeps the sections while it is off.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Advanced {
    pub on: bool,
    pub sections: Vec<String>,
}

impl Advanced {
    /// The sections AniList starts a user with.
    pub const FIRST: [&'static str; 5] = ["Story", "Characters", "Visuals", "Audio", "Enjoyment"];

    /// The sections an entry is scored in: none while it is off.
    pub fn in_use(&self) -> Vec<String> {
        if self.on {
            self.sections.clone()
        } else {
            Vec::new()
        }
    }

    /// Turned on or off. Turned on with no sections, it starts with
    /// AniList's first ones; turned off, its sections (hidden then) go
    /// back to the ones AniList holds (`saved`).
    pub fn turn(&mut self, on: bool, saved: &[String]) {
        self.on = on;
        if !on {
            self.sections = saved.to_vec();
        } else if self.sections.is_empty() {
            self.sections = Self::FIRST.map(String::from).to_vec();
        }
    }
}

impl From<&User> for Choices {
    fn from(u: &User) -> Self {
        let o = u.options.as_ref();
        let m = u.media_list_options.as_ref();
        let lists = |k: Option<&KindOptions>| k.map(|k| k.custom_lists.clone()).unwrap_or_default();
        let order = |k: Option<&KindOptions>| k.map(|k| k.section_order.clone()).unwrap_or_default();
        let split = |k: Option<&KindOptions>| k.and_then(|k| k.split_completed_section_by_format) == Some(true);
        let advanced = |k: Option<&KindOptions>| Advanced {
            on: k.and_then(|k| k.advanced_scoring_enabled) == Some(true),
            sections: k.map(|k| k.advanced_scoring.clone()).unwrap_or_default(),
        };
        Choices {
            title_language: o.and_then(|o| o.title_language).unwrap_or(UserTitleLanguage::Romaji),
            score_format: m.and_then(|m| m.score_format).unwrap_or_default(),
            airing_notifications: o.and_then(|o| o.airing_notifications).unwrap_or(true),
            lists: [lists(m.and_then(|m| m.anime_list.as_ref())), lists(m.and_then(|m| m.manga_list.as_ref()))],
            order: [order(m.and_then(|m| m.anime_list.as_ref())), order(m.and_then(|m| m.manga_list.as_ref()))],
            split: [split(m.and_then(|m| m.anime_list.as_ref())), split(m.and_then(|m| m.manga_list.as_ref()))],
            row_order: m.and_then(|m| m.row_order.clone()).unwrap_or_default(),
            advanced: [advanced(m.and_then(|m| m.anime_list.as_ref())), advanced(m.and_then(|m| m.manga_list.as_ref()))],
        }
    }
}

impl Choices {
    /// Whether going from `self` to `next` changes what the lists hold:
    /// every score (AniList converts them), every title, or the custom
    /// lists.
    pub fn lists_change(&self, next: &Choices) -> bool {
        self.score_format != next.score_format || self.title_language != next.title_language || self.lists != next.lists
    }

    /// The custom lists of `kind`.
    pub fn lists_of(&self, kind: MediaKind) -> &Vec<String> {
        &self.lists[kind.index()]
    }

    pub fn lists_of_mut(&mut self, kind: MediaKind) -> &mut Vec<String> {
        &mut self.lists[kind.index()]
    }

    /// The order of the lists of `kind`, as AniList keeps it.
    pub fn order_of(&self, kind: MediaKind) -> &Vec<String> {
        &self.order[kind.index()]
    }

    /// Whether the completed list of `kind` is split by format.
    pub fn split_of(&self, kind: MediaKind) -> bool {
        self.split[kind.index()]
    }

    /// Whether going from `self` to `next` changes how the lists are laid
    /// out (their order, the split of completed lists, the order of rows)
    /// or the sections an entry is scored in: none of these changes an
    /// entry.
    pub fn sections_change(&self, next: &Choices) -> bool {
        self.order != next.order || self.split != next.split || self.row_order != next.row_order || self.scored_in() != next.scored_in()
    }

    /// The sections each kind's entries are scored in (anime, then manga).
    pub fn scored_in(&self) -> [Vec<String>; 2] {
        self.advanced.clone().map(|a| a.in_use())
    }

    /// The advanced scoring of `kind`.
    pub fn advanced_of(&self, kind: MediaKind) -> &Advanced {
        &self.advanced[kind.index()]
    }
}

/// A new name among `taken` (a custom list's, an advanced scoring
/// section's: `what`), as it is kept (trimmed), or why it cannot be.
pub fn new_name(name: &str, taken: &[String], what: &str) -> Result<String, String> {
    let name = name.trim();
    if name.is_empty() {
        Err(format!("Give the {what} a name."))
    } else if taken.iter().any(|n| n.trim().eq_ignore_ascii_case(name)) {
        Err(format!("There is a {what} by that name already."))
    } else {
        Ok(name.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_take_anilists_defaults_where_it_gives_none() {
        let u: User = serde_json::from_str(r#"{"id":1,"options":null,"mediaListOptions":{"scoreFormat":null}}"#).unwrap();
        let c = Choices::from(&u);
        assert_eq!(c, Choices { title_language: UserTitleLanguage::Romaji, score_format: ScoreFormat::Point10Decimal, airing_notifications: true, lists: Default::default(), order: Default::default(), split: [false, false], row_order: String::new(), advanced: Default::default() });
        let u: User = serde_json::from_str(r#"{"id":1,"options":{"titleLanguage":"NATIVE_STYLISED","airingNotifications":false},"mediaListOptions":{"scoreFormat":"POINT_3","rowOrder":"score","animeList":{"customLists":["Rewatch",null],"sectionOrder":["Planning"],"splitCompletedSectionByFormat":true,"advancedScoring":["Story",null],"advancedScoringEnabled":true},"mangaList":null}}"#).unwrap();
        let advanced = [Advanced { on: true, sections: vec!["Story".into()] }, Advanced::default()];
        assert_eq!(Choices::from(&u), Choices { title_language: UserTitleLanguage::NativeStylised, score_format: ScoreFormat::Point3, airing_notifications: false, lists: [vec!["Rewatch".into()], vec![]], order: [vec!["Planning".into()], vec![]], split: [true, false], row_order: "score".into(), advanced });
    }

    fn b_of(a: &Choices) -> Choices {
        Choices { airing_notifications: !a.airing_notifications, ..a.clone() }
    }

    #[test]
    fn only_scores_titles_and_custom_lists_change_the_lists() {
        let a = Choices { title_language: UserTitleLanguage::Romaji, score_format: ScoreFormat::Point10, airing_notifications: true, lists: [vec!["A".into()], vec![]], order: Default::default(), split: [false, false], row_order: "title".into(), advanced: Default::default() };
        assert!(!a.lists_change(&Choices { airing_notifications: false, ..a.clone() }));
        assert!(!a.lists_change(&Choices { order: [vec!["Planning".into()], vec![]], ..a.clone() }), "the order changes no entry");
        assert!(!a.lists_change(&Choices { split: [false, true], ..a.clone() }), "nor the split");
        assert!(a.sections_change(&Choices { split: [false, true], ..a.clone() }) && !a.sections_change(&b_of(&a)));
        assert!(a.sections_change(&Choices { row_order: "score".into(), ..a.clone() }) && !a.lists_change(&Choices { row_order: "score".into(), ..a.clone() }));
        assert!(a.lists_change(&Choices { score_format: ScoreFormat::Point100, ..a.clone() }));
        assert!(a.lists_change(&Choices { title_language: UserTitleLanguage::English, ..a.clone() }));
        let mut b = a.clone();
        b.lists_of_mut(MediaKind::Manga).push("B".into());
        assert!(a.lists_change(&b));
        assert_eq!(b.lists_of(MediaKind::Manga), &["B".to_string()]);
    }

    #[test]
    fn advanced_scoring_changes_the_sections_entries_are_scored_in_and_no_entry() {
        let off = Choices { title_language: UserTitleLanguage::Romaji, score_format: ScoreFormat::Point100, airing_notifications: true, lists: Default::default(), order: Default::default(), split: [false, false], row_order: String::new(), advanced: Default::default() };
        let mut on = off.clone();
        on.advanced[MediaKind::Manga.index()].turn(true, &[]);
        // Turned on with none, it starts with AniList's first sections.
        assert_eq!(on.advanced_of(MediaKind::Manga).sections, ["Story", "Characters", "Visuals", "Audio", "Enjoyment"]);
        assert_eq!(on.scored_in()[1].len(), 5);
        assert!(on.scored_in()[0].is_empty());
        assert!(off.sections_change(&on) && !off.lists_change(&on));
        // Turned off again, it is as AniList holds it: nothing to save.
        let mut back = on.clone();
        back.advanced[1].sections.push("Art".into());
        back.advanced[1].turn(false, &off.advanced[1].sections);
        assert_eq!(back, off);
        // Sections that are kept while it is off score nothing.
        let mut kept = off.clone();
        kept.advanced[0].sections = vec!["Story".into()];
        assert!(!off.sections_change(&kept), "nothing an entry is scored in changed");
        // Turned on, the sections are the ones AniList kept.
        kept.advanced[0].turn(true, &["Story".to_string()]);
        assert_eq!(kept.advanced_of(MediaKind::Anime).in_use(), ["Story"]);
    }

    #[test]
    fn a_new_list_needs_a_name_of_its_own() {
        let lists = ["Rewatch".to_string(), "Favourites".to_string()];
        assert_eq!(new_name("  Summer 2026 ", &lists, "list"), Ok("Summer 2026".into()));
        assert_eq!(new_name("   ", &lists, "list"), Err("Give the list a name.".into()));
        assert_eq!(new_name("rewatch", &lists, "list"), Err("There is a list by that name already.".into()));
        assert_eq!(new_name("rewatch", &lists, "section"), Err("There is a section by that name already.".into()));
    }
}
