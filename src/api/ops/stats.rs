//! The signed-in user's statistics, anime and manga in one request, as
//! AniList counts them (the statistics page): totals, and counts by status,
//! format, score, release year, genre, tag, studio and staff.

use serde::Deserialize;

use crate::api::operation::{nullable_list, Operation};
use crate::media::{ListStatus, MediaFormat};

/// The fields asked of each kind's statistics (anime and manga alike; a
/// manga's studios and an anime's chapters are simply empty).
macro_rules! kind_fields {
    () => {
        "{
      count meanScore standardDeviation minutesWatched episodesWatched chaptersRead volumesRead
      statuses(sort: [COUNT_DESC]) { status count meanScore minutesWatched chaptersRead }
      formats(sort: [COUNT_DESC]) { format count meanScore minutesWatched chaptersRead }
      scores { score count meanScore minutesWatched chaptersRead }
      releaseYears { releaseYear count meanScore minutesWatched chaptersRead }
      genres(limit: 12, sort: [COUNT_DESC]) { genre count meanScore minutesWatched chaptersRead }
      tags(limit: 12, sort: [COUNT_DESC]) { tag { id name } count meanScore minutesWatched chaptersRead }
      studios(limit: 10, sort: [COUNT_DESC]) { studio { id name } count meanScore minutesWatched chaptersRead }
      staff(limit: 10, sort: [COUNT_DESC]) { staff { id name { userPreferred } } count meanScore minutesWatched chaptersRead }
    }"
    };
}

pub struct UserStats;

impl Operation for UserStats {
    const NAME: &'static str = "UserStats";
    const MUTATION: bool = false;
    const QUERY: &'static str = concat!("query UserStats {\n  Viewer {\n    id\n    statistics {\n      anime ", kind_fields!(), "\n      manga ", kind_fields!(), "\n    }\n  }\n}");
    type Vars = Vars;
    type Data = Data;
}

/// The query takes no variables.
pub type Vars = crate::api::operation::NoVars;

#[derive(Clone, Debug, Deserialize)]
pub struct Data {
    #[serde(rename = "Viewer")]
    pub viewer: Option<Viewer>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Viewer {
    pub id: u64,
    pub statistics: Option<Kinds>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Kinds {
    pub anime: Option<Statistics>,
    pub manga: Option<Statistics>,
}

/// One kind's statistics.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Statistics {
    pub count: u32,
    pub mean_score: f64,
    pub standard_deviation: f64,
    pub minutes_watched: u64,
    pub episodes_watched: u64,
    pub chapters_read: u64,
    pub volumes_read: u64,
    #[serde(deserialize_with = "nullable_list")]
    pub statuses: Vec<Count>,
    #[serde(deserialize_with = "nullable_list")]
    pub formats: Vec<Count>,
    #[serde(deserialize_with = "nullable_list")]
    pub scores: Vec<Count>,
    #[serde(deserialize_with = "nullable_list")]
    pub release_years: Vec<Count>,
    #[serde(deserialize_with = "nullable_list")]
    pub genres: Vec<Count>,
    #[serde(deserialize_with = "nullable_list")]
    pub tags: Vec<Count>,
    #[serde(deserialize_with = "nullable_list")]
    pub studios: Vec<Count>,
    #[serde(deserialize_with = "nullable_list")]
    pub staff: Vec<Count>,
}

/// How many titles share one value (a status, a format, a score, a
/// genre…), their mean score, and the time or chapters spent on them. One
/// type for every list: each has the one value field its list names.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Count {
    pub count: u32,
    pub mean_score: f64,
    pub minutes_watched: u64,
    pub chapters_read: u64,
    pub status: Option<ListStatus>,
    pub format: Option<MediaFormat>,
    pub score: Option<i32>,
    pub release_year: Option<i32>,
    pub genre: Option<String>,
    pub tag: Option<Named>,
    pub studio: Option<Named>,
    pub staff: Option<Person>,
}

/// A tag or a studio.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Named {
    pub id: i64,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Person {
    pub id: i64,
    pub name: Option<PersonName>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PersonName {
    pub user_preferred: Option<String>,
}
