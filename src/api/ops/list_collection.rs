//! A user's anime or manga list, grouped as AniList groups it (status lists,
//! then custom lists).

use serde::{Deserialize, Serialize};

use crate::api::operation::{nullable_list, Cover, Operation, Title};
use crate::media::{ListStatus, MediaFormat, MediaStatus, MediaType, ScoreFormat};

/// The fields of a list entry every operation that returns one selects.
#[macro_export]
macro_rules! entry_fields {
    () => {
        "id mediaId status progress progressVolumes score repeat priority private notes hiddenFromStatusLists customLists(asArray: true) advancedScores startedAt { year month day } completedAt { year month day } updatedAt"
    };
}

/// The fields of a title that a list entry keeps ([`Media`]): every
/// operation whose answer can become an entry selects them.
#[macro_export]
macro_rules! media_fields {
    () => {
        "id idMal type format episodes chapters volumes siteUrl title { userPreferred romaji english native } synonyms genres countryOfOrigin startDate { year month day } averageScore popularity coverImage { medium } status nextAiringEpisode { episode airingAt }"
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
    user {
      id
      name
      avatar { medium }
      options { displayAdultContent }
      mediaListOptions {
        scoreFormat
        rowOrder
        animeList { customLists advancedScoring advancedScoringEnabled sectionOrder splitCompletedSectionByFormat }
        mangaList { customLists advancedScoring advancedScoringEnabled sectionOrder splitCompletedSectionByFormat }
      }
    }
    lists {
      name
      status
      isCustomList
      entries {
        ",
        entry_fields!(),
        "
        media { ",
        media_fields!(),
        " }
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
    /// The list's owner's name and avatar (the header shows them).
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub avatar: Option<crate::api::ops::me::Avatar>,
    /// Whether they let titles for adults show.
    #[serde(default)]
    pub options: Option<crate::api::ops::me::Adult>,
    pub media_list_options: Option<MediaListOptions>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MediaListOptions {
    pub score_format: Option<ScoreFormat>,
    /// The default order of list rows (AniList's words: "title", "score",
    /// "updatedAt", "id").
    #[serde(default)]
    pub row_order: Option<String>,
    #[serde(default)]
    pub anime_list: Option<TypeOptions>,
    #[serde(default)]
    pub manga_list: Option<TypeOptions>,
}

/// The user's options for one kind of list.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TypeOptions {
    /// Every custom list's name (an empty one too).
    #[serde(default, deserialize_with = "nullable_list")]
    pub custom_lists: Vec<String>,
    /// The sections of advanced scoring.
    #[serde(default, deserialize_with = "nullable_list")]
    pub advanced_scoring: Vec<String>,
    #[serde(default)]
    pub advanced_scoring_enabled: Option<bool>,
    /// The order the user gave the sections (lists), by name.
    #[serde(default, deserialize_with = "nullable_list")]
    pub section_order: Vec<String>,
    /// Whether the completed list is split by format.
    #[serde(default)]
    pub split_completed_section_by_format: Option<bool>,
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
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
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
    pub repeat: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub private: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<FuzzyDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_at: Option<FuzzyDate>,
    /// The custom lists it is on, by name (AniList's `customLists(asArray:
    /// true)`: every list with `enabled`; kept as the names that are).
    #[serde(default, deserialize_with = "custom_lists", skip_serializing_if = "Vec::is_empty")]
    pub custom_lists: Vec<String>,
    /// Advanced scores by section, in AniList's order (a JSON object).
    #[serde(default, skip_serializing_if = "AdvancedScores::is_empty")]
    pub advanced_scores: AdvancedScores,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media: Option<Media>,
}

impl Entry {
    /// A title about to be added to the list (the outbox creates it; its
    /// status comes with the add).
    pub fn new_for(media: Media) -> Self {
        Self { media_id: media.id, status: Some(ListStatus::Planning), progress: Some(0), score: Some(0.0), media: Some(media), ..Self::default() }
    }

    /// Its title in the user's language, or "Title #…" without one.
    pub fn title(&self) -> String {
        self.media.as_ref().map(Media::title).unwrap_or_else(|| format!("Title #{}", self.media_id))
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Media {
    pub id: i64,
    /// Its id on MyAnimeList, when it has one (the MAL export needs it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_mal: Option<i64>,
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
    #[serde(default, deserialize_with = "nullable_list", skip_serializing_if = "Vec::is_empty")]
    pub genres: Vec<String>,
    /// Where it comes from (`JP`, `KR`, `CN`, `TW`…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_of_origin: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<FuzzyDate>,
    /// AniList members' average score, 0–100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub average_score: Option<u32>,
    /// How many AniList members have it on their lists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub popularity: Option<u32>,
    pub cover_image: Option<Cover>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<MediaStatus>,
    /// The next episode, while it airs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_airing_episode: Option<Airing>,
}

/// The next episode: its number and when (Unix seconds).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Airing {
    pub episode: u32,
    pub airing_at: i64,
}

pub use crate::edit::FuzzyDate;

/// Reads `customLists(asArray: true)` (`[{name, enabled}]`), the map
/// AniList gives without it (`{name: enabled}`), or the names this app
/// keeps: the names of the lists the entry is on.
fn custom_lists<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Item {
        Name(String),
        Flag { name: String, enabled: Option<bool> },
    }
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Lists {
        Array(Vec<Option<Item>>),
        Object(std::collections::BTreeMap<String, Option<bool>>),
    }
    Ok(match Option::<Lists>::deserialize(d)? {
        None => Vec::new(),
        Some(Lists::Array(items)) => items
            .into_iter()
            .flatten()
            .filter_map(|i| match i {
                Item::Name(n) => Some(n),
                Item::Flag { name, enabled } => (enabled == Some(true)).then_some(name),
            })
            .collect(),
        Some(Lists::Object(map)) => map.into_iter().filter(|(_, on)| *on == Some(true)).map(|(n, _)| n).collect(),
    })
}

/// AniList's `advancedScores`: a JSON object of section name to score,
/// kept in its order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AdvancedScores(pub Vec<(String, f64)>);

impl AdvancedScores {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for AdvancedScores {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

impl<'de> Deserialize<'de> for AdvancedScores {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = AdvancedScores;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a map of advanced scores")
            }
            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(AdvancedScores::default())
            }
            fn visit_none<E>(self) -> Result<Self::Value, E> {
                Ok(AdvancedScores::default())
            }
            fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
                d.deserialize_any(self)
            }
            // AniList has sent `[]` for an entry without any.
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(AdvancedScores::default())
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, Option<f64>>()? {
                    out.push((k, v.unwrap_or(0.0)));
                }
                Ok(AdvancedScores(out))
            }
        }
        d.deserialize_option(Visit)
    }
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
