//! The signed-in user's AniList options this app lets them change (the
//! Settings page): the language of titles, the scoring system, and
//! AniList's airing notifications. [`super::save_user_options`] changes
//! them and answers with the same fields.

use serde::{Deserialize, Serialize};

use crate::api::operation::Operation;
use crate::media::{ScoreFormat, UserTitleLanguage};

/// The fields read back, in the query and in the save's answer.
#[macro_export]
macro_rules! user_option_fields {
    () => {
        "id options { titleLanguage airingNotifications } mediaListOptions { scoreFormat }"
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
#[derive(Clone, Debug, Default, Serialize)]
pub struct Vars {}

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
}

/// The options as the form shows them (AniList's defaults where it gives
/// none).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Choices {
    pub title_language: UserTitleLanguage,
    pub score_format: ScoreFormat,
    pub airing_notifications: bool,
}

impl From<&User> for Choices {
    fn from(u: &User) -> Self {
        let o = u.options.as_ref();
        Choices {
            title_language: o.and_then(|o| o.title_language).unwrap_or(UserTitleLanguage::Romaji),
            score_format: u.media_list_options.as_ref().and_then(|m| m.score_format).unwrap_or_default(),
            airing_notifications: o.and_then(|o| o.airing_notifications).unwrap_or(true),
        }
    }
}

impl Choices {
    /// Whether going from `self` to `next` changes what the lists hold:
    /// every score (AniList converts them) or every title.
    pub fn lists_change(&self, next: &Choices) -> bool {
        self.score_format != next.score_format || self.title_language != next.title_language
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_take_anilists_defaults_where_it_gives_none() {
        let u: User = serde_json::from_str(r#"{"id":1,"options":null,"mediaListOptions":{"scoreFormat":null}}"#).unwrap();
        let c = Choices::from(&u);
        assert_eq!(c, Choices { title_language: UserTitleLanguage::Romaji, score_format: ScoreFormat::Point10Decimal, airing_notifications: true });
        let u: User = serde_json::from_str(r#"{"id":1,"options":{"titleLanguage":"NATIVE_STYLISED","airingNotifications":false},"mediaListOptions":{"scoreFormat":"POINT_3"}}"#).unwrap();
        assert_eq!(Choices::from(&u), Choices { title_language: UserTitleLanguage::NativeStylised, score_format: ScoreFormat::Point3, airing_notifications: false });
    }

    #[test]
    fn only_scores_and_titles_change_the_lists() {
        let a = Choices { title_language: UserTitleLanguage::Romaji, score_format: ScoreFormat::Point10, airing_notifications: true };
        assert!(!a.lists_change(&Choices { airing_notifications: false, ..a }));
        assert!(a.lists_change(&Choices { score_format: ScoreFormat::Point100, ..a }));
        assert!(a.lists_change(&Choices { title_language: UserTitleLanguage::English, ..a }));
    }
}
