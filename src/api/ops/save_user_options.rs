//! Changes the user's options ([`super::user_options`]) on AniList. Only the
//! options that changed are sent; each is an absolute value, so sending
//! the same again after an unclear outcome is safe.

use serde::{Deserialize, Serialize};

use crate::api::operation::Operation;
use crate::api::ops::user_options::{Account, Choices, User};
use crate::api::ops::notifications::NotificationType;
use crate::media::{ListStatus, MediaKind, ScoreFormat, UserStaffNameLanguage, UserTitleLanguage};

pub struct SaveUserOptions;

impl Operation for SaveUserOptions {
    const NAME: &'static str = "SaveUserOptions";
    const MUTATION: bool = true;
    const QUERY: &'static str = concat!(
        "mutation SaveUserOptions($titleLanguage: UserTitleLanguage, $scoreFormat: ScoreFormat, $rowOrder: String, $airingNotifications: Boolean, $animeListOptions: MediaListOptionsInput, $mangaListOptions: MediaListOptionsInput, $staffNameLanguage: UserStaffNameLanguage, $displayAdultContent: Boolean, $restrictMessagesToFollowing: Boolean, $activityMergeTime: Int, $timezone: String, $profileColor: String, $notificationOptions: [NotificationOptionInput], $disabledListActivity: [ListActivityOptionInput]) {
  UpdateUser(titleLanguage: $titleLanguage, scoreFormat: $scoreFormat, rowOrder: $rowOrder, airingNotifications: $airingNotifications, animeListOptions: $animeListOptions, mangaListOptions: $mangaListOptions, staffNameLanguage: $staffNameLanguage, displayAdultContent: $displayAdultContent, restrictMessagesToFollowing: $restrictMessagesToFollowing, activityMergeTime: $activityMergeTime, timezone: $timezone, profileColor: $profileColor, notificationOptions: $notificationOptions, disabledListActivity: $disabledListActivity) { ",
        crate::user_option_fields!(),
        " }\n}"
    );
    type Vars = Vars;
    type Data = Data;
}

/// What is sent; a field left `None` is not sent and AniList keeps it.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Vars {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title_language: Option<UserTitleLanguage>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score_format: Option<ScoreFormat>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row_order: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub airing_notifications: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anime_list_options: Option<KindInput>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub manga_list_options: Option<KindInput>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub staff_name_language: Option<UserStaffNameLanguage>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_adult_content: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub restrict_messages_to_following: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub activity_merge_time: Option<i32>,
    /// `-?HH:MM`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile_color: Option<String>,
    /// Every kind AniList listed, each on or off, when one changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notification_options: Option<Vec<NotifyInput>>,
    /// Every status, each posting an activity or not, when one changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disabled_list_activity: Option<Vec<ListActivityInput>>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NotifyInput {
    #[serde(rename = "type")]
    pub kind: NotificationType,
    pub enabled: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ListActivityInput {
    #[serde(rename = "type")]
    pub kind: ListStatus,
    pub disabled: bool,
}

/// A kind's list options: its custom lists, their order, the split of its
/// completed list and its advanced scoring, each when it changed (AniList
/// keeps the rest).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KindInput {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub custom_lists: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section_order: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub split_completed_section_by_format: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub advanced_scoring: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub advanced_scoring_enabled: Option<bool>,
}

impl Vars {
    /// What changes from `before` to `after` (a value AniList has and this
    /// app does not know is never sent).
    pub fn between(before: &Choices, after: &Choices) -> Self {
        let lists = |kind| {
            let custom_lists = Some(after.lists_of(kind)).filter(|l| *l != before.lists_of(kind)).cloned();
            let section_order = Some(after.order_of(kind)).filter(|o| *o != before.order_of(kind)).cloned();
            let split_completed_section_by_format = Some(after.split_of(kind)).filter(|s| *s != before.split_of(kind));
            let (was, now) = (before.advanced_of(kind), after.advanced_of(kind));
            let advanced_scoring = Some(&now.sections).filter(|s| **s != was.sections).cloned();
            let advanced_scoring_enabled = Some(now.on).filter(|on| *on != was.on);
            let input = KindInput { custom_lists, section_order, split_completed_section_by_format, advanced_scoring, advanced_scoring_enabled };
            (input != KindInput::default()).then_some(input)
        };
        Vars {
            title_language: Some(after.title_language).filter(|l| *l != before.title_language && *l != UserTitleLanguage::Unknown),
            score_format: Some(after.score_format).filter(|f| *f != before.score_format),
            // One this app does not know is never sent back either.
            row_order: Some(&after.row_order).filter(|r| **r != before.row_order && crate::listing::SortBy::ROW_ORDERS.iter().any(|s| s.row_order() == Some(r.as_str()))).cloned(),
            airing_notifications: Some(after.airing_notifications).filter(|a| *a != before.airing_notifications),
            anime_list_options: lists(MediaKind::Anime),
            manga_list_options: lists(MediaKind::Manga),
            ..Vars::account(&before.account, &after.account)
        }
    }

    /// What changes of the account's other options (a name, a colour or
    /// a time this app does not know is never sent back).
    fn account(before: &Account, after: &Account) -> Self {
        let changed = |f: &dyn Fn(&Account) -> bool| f(before) != f(after);
        let color = &after.profile_color;
        Vars {
            staff_name_language: Some(after.staff_language).filter(|l| *l != before.staff_language && *l != UserStaffNameLanguage::Unknown),
            display_adult_content: Some(after.adult).filter(|_| changed(&|a| a.adult)),
            restrict_messages_to_following: Some(after.restrict_messages).filter(|_| changed(&|a| a.restrict_messages)),
            activity_merge_time: after.merge_time.filter(|t| after.merge_time != before.merge_time && Account::MERGE_TIMES.iter().any(|(m, _)| m == t)),
            profile_color: Some(color.clone()).filter(|c| *c != before.profile_color && Account::COLORS.contains(&c.as_str())),
            timezone: Some(after.timezone.clone()).filter(|t| *t != before.timezone && Account::offset_minutes(t).is_some()),
            notification_options: (after.notify != before.notify).then(|| after.notify.iter().map(|&(kind, enabled)| NotifyInput { kind, enabled }).collect()),
            disabled_list_activity: (after.quiet != before.quiet).then(|| ListStatus::ALL.iter().zip(after.quiet).map(|(&kind, disabled)| ListActivityInput { kind, disabled }).collect()),
            ..Vars::default()
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == Vars::default()
    }
}

#[derive(Clone, Debug, Deserialize)]
pub struct Data {
    #[serde(rename = "UpdateUser")]
    pub user: Option<User>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_what_changed_is_sent() {
        let a = Choices { title_language: UserTitleLanguage::English, score_format: ScoreFormat::Point10Decimal, airing_notifications: true, lists: [vec!["Rewatch".into()], vec![]], order: Default::default(), split: [false, false], row_order: "title".into(), advanced: Default::default(), account: Default::default() };
        assert!(Vars::between(&a, &a).is_empty());
        let b = Choices { score_format: ScoreFormat::Point100, airing_notifications: false, ..a.clone() };
        let v = Vars::between(&a, &b);
        assert_eq!(serde_json::to_string(&v).unwrap(), r#"{"scoreFormat":"POINT_100","airingNotifications":false}"#);
        let c = Choices { title_language: UserTitleLanguage::RomajiStylised, ..a.clone() };
        assert_eq!(serde_json::to_string(&Vars::between(&a, &c)).unwrap(), r#"{"titleLanguage":"ROMAJI_STYLISED"}"#);
        // A language AniList added later is kept as it is, never sent back.
        let unknown = Choices { title_language: UserTitleLanguage::Unknown, ..a.clone() };
        assert!(Vars::between(&a, &unknown).is_empty());
        // A kind's custom lists: all of them, that kind only.
        let mut d = a.clone();
        d.lists_of_mut(MediaKind::Anime).push("Summer".into());
        assert_eq!(serde_json::to_string(&Vars::between(&a, &d)).unwrap(), r#"{"animeListOptions":{"customLists":["Rewatch","Summer"]}}"#);
        let mut e = a.clone();
        e.lists_of_mut(MediaKind::Anime).clear();
        assert_eq!(serde_json::to_string(&Vars::between(&a, &e)).unwrap(), r#"{"animeListOptions":{"customLists":[]}}"#);
        // The order of a kind's lists: alone, or with its custom lists.
        let mut f = a.clone();
        f.order[MediaKind::Manga.index()] = vec!["Planning".into()];
        assert_eq!(serde_json::to_string(&Vars::between(&a, &f)).unwrap(), r#"{"mangaListOptions":{"sectionOrder":["Planning"]}}"#);
        f.order[MediaKind::Anime.index()] = vec!["Rewatch".into()];
        f.lists_of_mut(MediaKind::Anime).clear();
        assert_eq!(
            serde_json::to_string(&Vars::between(&a, &f)).unwrap(),
            r#"{"animeListOptions":{"customLists":[],"sectionOrder":["Rewatch"]},"mangaListOptions":{"sectionOrder":["Planning"]}}"#
        );
        let r = Choices { row_order: "updatedAt".into(), ..a.clone() };
        assert_eq!(serde_json::to_string(&Vars::between(&a, &r)).unwrap(), r#"{"rowOrder":"updatedAt"}"#);
        assert!(Vars::between(&a, &Choices { row_order: "popularity".into(), ..a.clone() }).is_empty(), "an order AniList added later is never sent back");
        let g = Choices { split: [false, true], ..a.clone() };
        assert_eq!(serde_json::to_string(&Vars::between(&a, &g)).unwrap(), r#"{"mangaListOptions":{"splitCompletedSectionByFormat":true}}"#);
        // Advanced scoring: turned on (with AniList's first sections), a
        // section taken out, one added; and turned off alone.
        let mut h = a.clone();
        h.advanced[1].turn(true, &[]);
        h.advanced[1].sections.retain(|s| s != "Audio");
        h.advanced[1].sections.push("Art".into());
        assert_eq!(
            serde_json::to_string(&Vars::between(&a, &h)).unwrap(),
            r#"{"mangaListOptions":{"advancedScoring":["Story","Characters","Visuals","Enjoyment","Art"],"advancedScoringEnabled":true}}"#
        );
        let mut off = h.clone();
        off.advanced[1].turn(false, &h.advanced[1].sections);
        assert_eq!(serde_json::to_string(&Vars::between(&h, &off)).unwrap(), r#"{"mangaListOptions":{"advancedScoringEnabled":false}}"#);
    }

    #[test]
    fn the_accounts_other_options_only_when_changed_and_only_as_anilist_knows_them() {
        let account = Account {
            notify: vec![(NotificationType::Following, true), (NotificationType::ThreadLike, true)],
            merge_time: Some(720),
            profile_color: "blue".into(),
            ..Account::default()
        };
        let a = Choices { title_language: UserTitleLanguage::English, score_format: ScoreFormat::Point10, airing_notifications: true, lists: Default::default(), order: Default::default(), split: [false, false], row_order: String::new(), advanced: Default::default(), account };
        let with = |f: &dyn Fn(&mut Account)| {
            let mut b = a.clone();
            f(&mut b.account);
            serde_json::to_string(&Vars::between(&a, &b)).unwrap()
        };
        assert_eq!(with(&|b| b.staff_language = UserStaffNameLanguage::Native), r#"{"staffNameLanguage":"NATIVE"}"#);
        assert_eq!(with(&|b| b.staff_language = UserStaffNameLanguage::Unknown), "{}", "a language AniList added later is never sent back");
        assert_eq!(with(&|b| { b.adult = true; b.restrict_messages = true; }), r#"{"displayAdultContent":true,"restrictMessagesToFollowing":true}"#);
        assert_eq!(with(&|b| b.merge_time = Some(29160)), r#"{"activityMergeTime":29160}"#);
        assert_eq!(with(&|b| b.merge_time = Some(45)), "{}", "a time not offered is never sent");
        assert_eq!(with(&|b| b.profile_color = "green".into()), r#"{"profileColor":"green"}"#);
        assert_eq!(with(&|b| b.profile_color = "#ff0000".into()), "{}", "a donor's own colour is kept, never sent");
        assert_eq!(with(&|b| b.timezone = "-03:30".into()), r#"{"timezone":"-03:30"}"#);
        assert_eq!(with(&|b| b.timezone = "Mars/Olympus".into()), "{}", "one this app does not know is never sent");
        // A kind of notification: every kind AniList listed goes, each as it is now.
        assert_eq!(with(&|b| b.set_notify(NotificationType::ThreadLike, false)), r#"{"notificationOptions":[{"type":"FOLLOWING","enabled":true},{"type":"THREAD_LIKE","enabled":false}]}"#);
        assert_eq!(with(&|b| b.set_notify(NotificationType::MediaMerge, false)), "{}", "a kind AniList did not list is not made up");
        // Planning posts no activity: every status goes.
        assert_eq!(
            with(&|b| b.quiet[5] = true),
            r#"{"disabledListActivity":[{"type":"CURRENT","disabled":false},{"type":"REPEATING","disabled":false},{"type":"COMPLETED","disabled":false},{"type":"PAUSED","disabled":false},{"type":"DROPPED","disabled":false},{"type":"PLANNING","disabled":true}]}"#
        );
    }
}
