//! Anime or manga by title, a page at a time, with the person's own entry.

use serde::{Deserialize, Serialize};

use crate::api::operation::{nullable_list, Cover, Operation, Title};
use crate::api::ops::title::{Member, Named, Person};
use crate::edit::FuzzyDate;
use crate::media::{ListStatus, MediaFormat, MediaSeason, MediaStatus, MediaType};

pub struct Search;

impl Operation for Search {
    const NAME: &'static str = "Search";
    const MUTATION: bool = false;
    const QUERY: &'static str = "query Search($search: String, $type: MediaType!, $page: Int!, $perPage: Int!, $format: MediaFormat, $status: MediaStatus, $season: MediaSeason, $seasonYear: Int, $genre: String, $tag: String, $onList: Boolean, $sort: [MediaSort], $isAdult: Boolean, $people: Boolean!) {
  Page(page: $page, perPage: $perPage) {
    pageInfo { hasNextPage currentPage }
    media(search: $search, type: $type, format: $format, status: $status, season: $season, seasonYear: $seasonYear, genre: $genre, tag: $tag, onList: $onList, sort: $sort, isAdult: $isAdult) {
      id
      format
      status
      episodes
      chapters
      volumes
      startDate { year month day }
      averageScore
      popularity
      genres
      countryOfOrigin
      siteUrl
      title { userPreferred romaji english native }
      synonyms
      coverImage { medium }
      mediaListEntry { id status progress }
    }
  }
  characters: Page(perPage: 6) @include(if: $people) { characters(search: $search, sort: [SEARCH_MATCH]) { id name { userPreferred } image { medium } } }
  staff: Page(perPage: 6) @include(if: $people) { staff(search: $search, sort: [SEARCH_MATCH]) { id name { userPreferred } image { medium } } }
  studios: Page(perPage: 6) @include(if: $people) { studios(search: $search, sort: [SEARCH_MATCH]) { id name } }
  users: Page(perPage: 6) @include(if: $people) { users(search: $search, sort: [SEARCH_MATCH]) { id name avatar { medium } } }
}";
    type Vars = Vars;
    type Data = Data;
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Vars {
    /// No text: every title the filters let through.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub search: Option<String>,
    #[serde(rename = "type")]
    pub kind: MediaType,
    pub page: u32,
    pub per_page: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<MediaFormat>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<MediaStatus>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub season: Option<MediaSeason>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub season_year: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub genre: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    /// On the person's lists, or not (signed in only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_list: Option<bool>,
    /// AniList's `MediaSort` names; none: AniList's best match.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort: Option<Vec<&'static str>>,
    /// `false`: titles for adults left out (see [`Vars::adult`]); none:
    /// every title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_adult: Option<bool>,
    /// Whether the characters, staff and studios the text names come too
    /// (the first page of a search by text).
    pub people: bool,
}

impl Vars {
    /// What `isAdult` is for someone who lets titles for adults show, or
    /// not (signed out, or not chosen on AniList): AniList's search gives
    /// them to anyone who does not say.
    pub fn adult(shown: bool) -> Option<bool> {
        (!shown).then_some(false)
    }

    /// The page `page` of what `b` asks, titles for adults among them when
    /// `adult`; whether a title is on the person's lists only when
    /// `signed_in`.
    pub fn of(b: &crate::browse::Browse, page: u32, per_page: u32, adult: bool, signed_in: bool) -> Self {
        let has_text = !b.text.is_empty();
        Self {
            search: has_text.then(|| b.text.clone()),
            kind: b.kind.into(),
            page,
            per_page,
            format: b.format,
            status: b.status,
            season: b.season,
            season_year: b.year,
            genre: b.genre.clone(),
            tag: b.tag.clone(),
            on_list: b.on_list.filter(|_| signed_in),
            sort: b.order.media_sort(has_text).map(|s| vec![s]),
            is_adult: Self::adult(adult),
            people: has_text && page == 1,
        }
    }
}

#[derive(Clone, Debug, Deserialize)]
pub struct Data {
    #[serde(rename = "Page")]
    pub page: Option<Page>,
    /// The characters, staff, studios and members the text names (when asked).
    pub characters: Option<Others>,
    pub staff: Option<Others>,
    pub studios: Option<Others>,
    pub users: Option<Others>,
}

/// One of the three small pages of others the text names: each fills its
/// own list.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Others {
    #[serde(default, deserialize_with = "nullable_list")]
    pub characters: Vec<Person>,
    #[serde(default, deserialize_with = "nullable_list")]
    pub staff: Vec<Person>,
    #[serde(default, deserialize_with = "nullable_list")]
    pub studios: Vec<Named>,
    #[serde(default, deserialize_with = "nullable_list")]
    pub users: Vec<Member>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Page {
    pub page_info: Option<PageInfo>,
    #[serde(default, deserialize_with = "nullable_list")]
    pub media: Vec<Found>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PageInfo {
    pub has_next_page: Option<bool>,
    pub current_page: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Found {
    pub id: i64,
    pub format: Option<MediaFormat>,
    pub status: Option<MediaStatus>,
    pub episodes: Option<u32>,
    pub chapters: Option<u32>,
    pub volumes: Option<u32>,
    /// When it started (a manga has no season, so no season year).
    pub start_date: Option<FuzzyDate>,
    pub average_score: Option<u32>,
    /// How many members have it on their lists.
    pub popularity: Option<u32>,
    #[serde(default, deserialize_with = "crate::api::operation::nullable_list")]
    pub genres: Vec<String>,
    pub country_of_origin: Option<String>,
    pub site_url: Option<String>,
    pub title: Option<Title>,
    /// Other names it goes by. This and the fields above are kept with an
    /// entry added from here, so the list filters, sorts and finds it
    /// before the list is read again.
    #[serde(default, deserialize_with = "crate::api::operation::nullable_list")]
    pub synonyms: Vec<String>,
    pub cover_image: Option<Cover>,
    pub media_list_entry: Option<OwnEntry>,
}

/// The person's entry for a title, when it is on their list.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct OwnEntry {
    pub id: i64,
    pub status: Option<ListStatus>,
    pub progress: Option<u32>,
}
