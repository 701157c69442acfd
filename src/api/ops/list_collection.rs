//! A user's anime or manga list, grouped as AniList groups it (status lists,
//! then custom lists).

use serde::{Deserialize, Serialize};

use crate::api::operation::{nullable_list, Cover, Operation, Title};
use crate::media::{ListStatus, MediaFormat, MediaType, ScoreFormat};

/// The fields of a list entry every operation that returns one selects.
#[macro_export]
macro_rules! entry_fields {
    () => {
        "id mediaId status progress progressVolumes score updatedAt hiddenFromStatusLists"
    };
}

pub struct ListCollection;

impl Operation for ListCollection {
    const NAME: &'static str = "ListCollection";
    const MUTATION: bool = false;
    const QUERY: &'static str = concat!(
        "query ListCollection($userId: Int!, $type: MediaType!, $chunk: Int, $perChunk: Int) {
  MediaListCollection(userId: $userId, type: $type, chunk: $chunk, perChunk: $perChunk, sort: [UPDATED_TIME_DESC]) {
    hasNextChunk
    user { id mediaListOptions { scoreFormat } }
    lists {
      name
      status
      isCustomList
      entries {
        ",
        entry_fields!(),
        "
        media {
          id
          type
          format
          episodes
          chapters
          volumes
          siteUrl
          title { userPreferred romaji english native }
          synonyms
          startDate { year month day }
          averageScore
          coverImage { medium }
        }
      }
    }
  }
}"
    );
    type Vars = Vars;
    type Data = Data;
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Vars {
    pub user_id: u64,
    #[serde(rename = "type")]
    pub kind: MediaType,
    /// Which chunk (from 1) of `per_chunk` entries, most recently updated
    /// first.
    pub chunk: u32,
    pub per_chunk: u32,
}

/// The most entries AniList gives in one chunk.
pub const PER_CHUNK: u32 = 500;

/// The first request of a load asks for this many (the most recently
/// updated): the rows show after a small answer whatever the list's size,
/// and a revisit where little changed needs nothing more. A longer list is
/// then read in chunks of [`PER_CHUNK`] from the start (the first few
/// come twice).
pub const FIRST_CHUNK: u32 = 50;

#[derive(Clone, Debug, Deserialize)]
pub struct Data {
    #[serde(rename = "MediaListCollection")]
    pub collection: Option<Collection>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Collection {
    /// Whether another chunk follows this one.
    pub has_next_chunk: Option<bool>,
    pub user: Option<User>,
    #[serde(default, deserialize_with = "nullable_list")]
    pub lists: Vec<Group>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct User {
    pub id: i64,
    pub media_list_options: Option<MediaListOptions>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MediaListOptions {
    pub score_format: Option<ScoreFormat>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Group {
    pub name: Option<String>,
    pub status: Option<ListStatus>,
    pub is_custom_list: Option<bool>,
    #[serde(default, deserialize_with = "nullable_list")]
    pub entries: Vec<Entry>,
}

/// A list entry as AniList holds it (`entry_fields!`), with its title when
/// the query asked for it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    pub id: i64,
    pub media_id: i64,
    pub status: Option<ListStatus>,
    pub progress: Option<u32>,
    pub progress_volumes: Option<u32>,
    pub score: Option<f64>,
    pub updated_at: Option<i64>,
    /// Shown only in its custom lists, not in its status list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hidden_from_status_lists: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media: Option<Media>,
}

impl Entry {
    /// Its title in the user's language, or "Title #…" without one.
    pub fn title(&self) -> String {
        self.media.as_ref().map(Media::title).unwrap_or_else(|| format!("Title #{}", self.media_id))
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Media {
    pub id: i64,
    #[serde(rename = "type")]
    pub kind: Option<MediaType>,
    pub format: Option<MediaFormat>,
    pub episodes: Option<u32>,
    pub chapters: Option<u32>,
    pub volumes: Option<u32>,
    pub site_url: Option<String>,
    pub title: Option<Title>,
    /// Other names it goes by.
    #[serde(default, deserialize_with = "nullable_list", skip_serializing_if = "Vec::is_empty")]
    pub synonyms: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<FuzzyDate>,
    /// AniList members' average score, 0–100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub average_score: Option<u32>,
    pub cover_image: Option<Cover>,
}

/// AniList's `FuzzyDate`: any part may be unknown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FuzzyDate {
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl Media {
    /// Episodes (anime) or chapters (manga), when known.
    pub fn total(&self) -> Option<u32> {
        self.episodes.or(self.chapters)
    }

    /// Every name it goes by: the user's title, romaji, English, native,
    /// then the synonyms (each once).
    pub fn all_titles(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        let t = self.title.as_ref();
        let named = [t.and_then(|t| t.user_preferred.as_deref()), t.and_then(|t| t.romaji.as_deref()), t.and_then(|t| t.english.as_deref()), t.and_then(|t| t.native.as_deref())];
        for name in named.into_iter().flatten().chain(self.synonyms.iter().map(String::as_str)) {
            if !out.contains(&name) {
                out.push(name);
            }
        }
        out
    }

    pub fn title(&self) -> String {
        self.title
            .as_ref()
            .and_then(|t| t.user_preferred.clone())
            .unwrap_or_else(|| format!("Title #{}", self.id))
    }
}
