//! The signed-in user's AniList options this app lets them change (the
//! Settings page): the language of titles, the scoring system, AniList's
//! airing notifications, the custom lists of each kind, and how the lists
//! are laid out (order, split of completed lists, default order of rows),
//! and each kind's advanced scoring (on or off, its sections).
//! [`super::save_user_options`] changes
//! them and answers with the same fields.

use serde::Deserialize;

use crate::api::operation::{nullable_list, Operation};
use crate::api::ops::notifications::NotificationType;
use crate::media::{ListStatus, MediaKind, ScoreFormat, UserStaffNameLanguage, UserTitleLanguage};

/// The fields read back, in the query and in the save's answer.
#[macro_export]
macro_rules! user_option_fields {
    () => {
        "id options { titleLanguage airingNotifications displayAdultContent profileColor staffNameLanguage restrictMessagesToFollowing activityMergeTime timezone notificationOptions { type enabled } disabledListActivity { type disabled } } mediaListOptions { scoreFormat rowOrder animeList { customLists sectionOrder splitCompletedSectionByFormat advancedScoring advancedScoringEnabled } mangaList { customLists sectionOrder splitCompletedSectionByFormat advancedScoring advancedScoringEnabled } }"
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
    #[serde(default)]
    pub display_adult_content: Option<bool>,
    #[serde(default)]
    pub profile_color: Option<String>,
    #[serde(default)]
    pub staff_name_language: Option<UserStaffNameLanguage>,
    #[serde(default)]
    pub restrict_messages_to_following: Option<bool>,
    /// Minutes within which list activity is merged (0: never; above two
    /// weeks: always).
    #[serde(default)]
    pub activity_merge_time: Option<i32>,
    /// The offset from UTC AniList shows times in (`-?HH:MM`).
    #[serde(default)]
    pub timezone: Option<String>,
    #[serde(default, deserialize_with = "nullable_list")]
    pub notification_options: Vec<NotifyOption>,
    #[serde(default, deserialize_with = "nullable_list")]
    pub disabled_list_activity: Vec<ListActivityOption>,
}

/// Whether AniList tells the person of one kind of notification.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct NotifyOption {
    #[serde(rename = "type")]
    pub kind: Option<NotificationType>,
    pub enabled: Option<bool>,
}

/// Whether a list update to one status posts an activity.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct ListActivityOption {
    #[serde(rename = "type")]
    pub kind: Option<ListStatus>,
    pub disabled: Option<bool>,
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
    /// The account's other options: names, privacy, activity, notifications.
    pub account: Account,
}

/// The account's options that change nothing this app keeps, save the
/// names of characters and staff.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Account {
    pub staff_language: UserStaffNameLanguage,
    /// Titles for adults shown (on AniList).
    pub adult: bool,
    /// Only members the person follows can write to them.
    pub restrict_messages: bool,
    /// Minutes within which list activity is merged; `None` when AniList
    /// gives none.
    pub merge_time: Option<i32>,
    /// AniList's name of the profile's colour ("blue"), or its hex code.
    pub profile_color: String,
    /// The offset from UTC AniList shows times in, as AniList writes it
    /// ("-05:00", "09:00"; see [`Account::offset_text`]); empty when not
    /// set.
    pub timezone: String,
    /// The kinds of notification AniList lists, each on or off (a kind
    /// this app does not know is left out, and never sent).
    pub notify: Vec<(NotificationType, bool)>,
    /// Each status ([`ListStatus::ALL`]'s order): whether setting an
    /// entry to it posts no activity.
    pub quiet: [bool; 6],
}

impl Default for Account {
    fn default() -> Self {
        Account { staff_language: UserStaffNameLanguage::RomajiWestern, adult: false, restrict_messages: false, merge_time: None, profile_color: String::new(), timezone: String::new(), notify: Vec::new(), quiet: [false; 6] }
    }
}

impl Account {
    /// The colours AniList names for a profile.
    pub const COLORS: [&'static str; 7] = ["blue", "purple", "pink", "orange", "red", "green", "gray"];

    /// The merge times offered, in minutes, with their words (AniList:
    /// 0 is never, above two weeks is always).
    pub const MERGE_TIMES: [(i32, &'static str); 13] = [
        (0, "Never"),
        (30, "30 minutes"),
        (60, "1 hour"),
        (120, "2 hours"),
        (180, "3 hours"),
        (360, "6 hours"),
        (720, "12 hours"),
        (1440, "1 day"),
        (2880, "2 days"),
        (4320, "3 days"),
        (10080, "1 week"),
        (20160, "2 weeks"),
        (29160, "Always"),
    ];

    /// The offsets from UTC offered, in minutes: every one in use.
    pub const OFFSETS: [i32; 38] = [
        -720, -660, -600, -570, -540, -480, -420, -360, -300, -240, -210, -180, -120, -60, 0, 60, 120, 180, 210, 240, 270, 300, 330, 345, 360, 390,
        420, 480, 525, 540, 570, 600, 630, 660, 720, 765, 780, 840,
    ];

    /// An offset as AniList writes it (`-?HH:MM`: "-03:30", "05:45").
    pub fn offset_text(minutes: i32) -> String {
        let sign = if minutes < 0 { "-" } else { "" };
        format!("{sign}{:02}:{:02}", minutes.abs() / 60, minutes.abs() % 60)
    }

    /// An offset in words: "UTC−03:30", "UTC+05:45", "UTC".
    pub fn offset_words(minutes: i32) -> String {
        match minutes {
            0 => "UTC".to_string(),
            m => format!("UTC{}{:02}:{:02}", if m < 0 { '−' } else { '+' }, m.abs() / 60, m.abs() % 60),
        }
    }

    /// The minutes of an offset AniList gives ("-05:00", "09:00", also
    /// "+09:00"), when it is one of [`Self::OFFSETS`].
    pub fn offset_minutes(text: &str) -> Option<i32> {
        let t = text.trim();
        let (sign, rest) = match t.strip_prefix('-') {
            Some(r) => (-1, r),
            None => (1, t.strip_prefix('+').unwrap_or(t)),
        };
        let (h, m) = rest.split_once(':')?;
        if h.len() != 2 || m.len() != 2 {
            return None;
        }
        let minutes = sign * (h.parse::<i32>().ok()? * 60 + m.parse::<i32>().ok()?);
        Self::OFFSETS.contains(&minutes).then_some(minutes)
    }

    fn from_options(o: Option<&Options>) -> Self {
        let Some(o) = o else { return Account::default() };
        let notify = o.notification_options.iter().filter_map(|n| Some((n.kind.filter(|k| *k != NotificationType::Unknown)?, n.enabled.unwrap_or(true)))).collect();
        let quiet = ListStatus::ALL.map(|s| o.disabled_list_activity.iter().any(|d| d.kind == Some(s) && d.disabled == Some(true)));
        Account {
            staff_language: o.staff_name_language.unwrap_or(UserStaffNameLanguage::RomajiWestern),
            adult: o.display_adult_content == Some(true),
            restrict_messages: o.restrict_messages_to_following == Some(true),
            merge_time: o.activity_merge_time,
            profile_color: o.profile_color.clone().unwrap_or_default(),
            timezone: o.timezone.as_deref().map(|t| Self::offset_minutes(t).map_or_else(|| t.to_string(), Self::offset_text)).unwrap_or_default(),
            notify,
            quiet,
        }
    }

    /// Whether a kind of notification is on.
    pub fn notifies(&self, kind: NotificationType) -> bool {
        self.notify.iter().any(|(k, on)| *k == kind && *on)
    }

    /// Turns a kind of notification on or off.
    pub fn set_notify(&mut self, kind: NotificationType, on: bool) {
        if let Some(n) = self.notify.iter_mut().find(|(k, _)| *k == kind) {
            n.1 = on;
        }
    }
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
            account: Account::from_options(o),
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
        assert_eq!(c, Choices { title_language: UserTitleLanguage::Romaji, score_format: ScoreFormat::Point10Decimal, airing_notifications: true, lists: Default::default(), order: Default::default(), split: [false, false], row_order: String::new(), advanced: Default::default(), account: Default::default() });
        let u: User = serde_json::from_str(r#"{"id":1,"options":{"titleLanguage":"NATIVE_STYLISED","airingNotifications":false},"mediaListOptions":{"scoreFormat":"POINT_3","rowOrder":"score","animeList":{"customLists":["Rewatch",null],"sectionOrder":["Planning"],"splitCompletedSectionByFormat":true,"advancedScoring":["Story",null],"advancedScoringEnabled":true},"mangaList":null}}"#).unwrap();
        let advanced = [Advanced { on: true, sections: vec!["Story".into()] }, Advanced::default()];
        assert_eq!(Choices::from(&u), Choices { title_language: UserTitleLanguage::NativeStylised, score_format: ScoreFormat::Point3, airing_notifications: false, lists: [vec!["Rewatch".into()], vec![]], order: [vec!["Planning".into()], vec![]], split: [true, false], row_order: "score".into(), advanced, account: Default::default() });
    }

    #[test]
    fn the_accounts_other_options_as_anilist_gives_them() {
        let u: User = serde_json::from_str(r#"{"id":1,"options":{"titleLanguage":"ROMAJI","airingNotifications":true,"displayAdultContent":true,"profileColor":"pink","staffNameLanguage":"NATIVE","restrictMessagesToFollowing":null,"activityMergeTime":720,"timezone":"+09:00",
            "notificationOptions":[{"type":"FOLLOWING","enabled":false},{"type":"SOMETHING_NEW","enabled":true},{"type":"THREAD_LIKE","enabled":null},null],
            "disabledListActivity":[{"type":"PLANNING","disabled":true},{"type":"CURRENT","disabled":false},{"type":"SOMETHING_NEW","disabled":true}]},"mediaListOptions":null}"#).unwrap();
        let a = Choices::from(&u).account;
        assert_eq!(a.staff_language, UserStaffNameLanguage::Native);
        assert!(a.adult && !a.restrict_messages);
        assert_eq!((a.merge_time, a.profile_color.as_str()), (Some(720), "pink"));
        assert_eq!(a.timezone, "09:00", "AniList's +09:00, as it is sent back");
        assert_eq!(a.notify, [(NotificationType::Following, false), (NotificationType::ThreadLike, true)], "a kind this app does not know is left out; none said: on");
        assert!(!a.notifies(NotificationType::Following) && a.notifies(NotificationType::ThreadLike) && !a.notifies(NotificationType::MediaMerge));
        assert_eq!(a.quiet, [false, false, false, false, false, true], "Planning posts no activity");
        let none: User = serde_json::from_str(r#"{"id":1,"options":{"titleLanguage":null,"airingNotifications":null},"mediaListOptions":null}"#).unwrap();
        assert_eq!(Choices::from(&none).account, Account::default());
    }

    fn b_of(a: &Choices) -> Choices {
        Choices { airing_notifications: !a.airing_notifications, ..a.clone() }
    }

    #[test]
    fn only_scores_titles_and_custom_lists_change_the_lists() {
        let a = Choices { title_language: UserTitleLanguage::Romaji, score_format: ScoreFormat::Point10, airing_notifications: true, lists: [vec!["A".into()], vec![]], order: Default::default(), split: [false, false], row_order: "title".into(), advanced: Default::default(), account: Default::default() };
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
        let off = Choices { title_language: UserTitleLanguage::Romaji, score_format: ScoreFormat::Point100, airing_notifications: true, lists: Default::default(), order: Default::default(), split: [false, false], row_order: String::new(), advanced: Default::default(), account: Default::default() };
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

    #[test]
    fn offsets_as_anilist_writes_them_and_in_words() {
        assert_eq!([-570, -60, 0, 345, 540].map(Account::offset_text), ["-09:30", "-01:00", "00:00", "05:45", "09:00"]);
        assert_eq!([-210, 0, 765].map(Account::offset_words), ["UTC−03:30", "UTC", "UTC+12:45"]);
        for m in Account::OFFSETS {
            assert_eq!(Account::offset_minutes(&Account::offset_text(m)), Some(m), "{m}");
        }
        assert_eq!(Account::offset_minutes("+05:30"), Some(330));
        for odd in ["", "9:00", "09:15", "Europe/London", "-15:00", "09:0x"] {
            assert_eq!(Account::offset_minutes(odd), None, "{odd}");
        }
    }
}
