//! Titles found by their MyAnimeList ids (`idMal_in`), 50 ids a request:
//! what an import of a MyAnimeList export asks to learn which AniList
//! title each of its entries is. Each title comes with the fields a list
//! entry keeps, so an added entry shows at once as it will after a refresh.

use serde::Serialize;

use crate::api::operation::{Operation, PageData};
use crate::api::ops::list_collection::Media;
use crate::media::MediaType;
use crate::media_fields;

pub struct ByMalIds;

/// The most ids one request asks for (AniList's page size).
pub const PER_REQUEST: usize = 50;

impl Operation for ByMalIds {
    const NAME: &'static str = "ByMalIds";
    const MUTATION: bool = false;
    const QUERY: &'static str = concat!(
        "query ByMalIds($ids: [Int], $type: MediaType, $page: Int) {
  Page(page: $page, perPage: 50) {
    pageInfo { hasNextPage }
    items: media(idMal_in: $ids, type: $type) { ",
        media_fields!(),
        " }
  }
}"
    );
    type Vars = Vars;
    type Data = PageData<Media>;
}

#[derive(Clone, Debug, Serialize)]
pub struct Vars {
    /// At most [`PER_REQUEST`] MyAnimeList ids.
    pub ids: Vec<i64>,
    #[serde(rename = "type")]
    pub kind: MediaType,
    /// From 1: a later page only when AniList says one follows (two titles
    /// may share a MyAnimeList id).
    pub page: u32,
}
