//! The signed-in user, for the profile page.

use serde::Deserialize;

use crate::api::operation::Operation;
use crate::media::{ScoreFormat, UserTitleLanguage};

pub struct Viewer;

impl Operation for Viewer {
    const NAME: &'static str = "Viewer";
    const MUTATION: bool = false;
    const QUERY: &'static str = "query Viewer {
  Viewer {
    id
    name
    about(asHtml: true)
    siteUrl
    avatar { large medium }
    bannerImage
    createdAt
    options { titleLanguage displayAdultContent }
    mediaListOptions { scoreFormat }
    statistics {
      anime { count meanScore minutesWatched episodesWatched }
      manga { count meanScore chaptersRead volumesRead }
    }
  }
}";
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
    pub name: String,
    pub about: Option<String>,
    pub site_url: Option<String>,
    pub avatar: Option<Avatar>,
    pub banner_image: Option<String>,
    pub created_at: Option<i64>,
    pub options: Option<Options>,
    pub media_list_options: Option<MediaListOptions>,
    /// The totals only (see [`crate::api::ops::stats`] for the rest).
    pub statistics: Option<crate::api::ops::stats::Kinds>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Avatar {
    pub large: Option<String>,
    pub medium: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Options {
    pub title_language: Option<UserTitleLanguage>,
    pub display_adult_content: Option<bool>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MediaListOptions {
    pub score_format: Option<ScoreFormat>,
}
