//! Titles found by their ids, 50 ids a page: by MyAnimeList id
//! (`idMal_in`), what an import of a MyAnimeList export asks to learn which
//! AniList title each of its entries is; by AniList id (`id_in`), what a
//! CSV import asks of the titles it adds (the file names them by id only).
//! Each title comes with the fields a list entry keeps, so an added entry
//! shows at once as it will after a refresh.

use std::collections::HashMap;

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::api::operation::{Operation, PageData, PageOf};
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

/// The most pages of ids one [`many_query`] asks for: each page costs
/// AniList's complexity count about 33, far under its 500, and a request
/// is a request however much it asks (5,000 ids: ten requests).
pub const PAGES_PER_REQUEST: usize = 10;

/// Which id a lookup goes by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// MyAnimeList's (two AniList titles may share one).
    Mal,
    /// AniList's own (one title each).
    AniList,
}

impl Key {
    /// The name of the request of many pages by this id.
    pub const fn name(self) -> &'static str {
        match self {
            Key::Mal => "ByMalIdsMany",
            Key::AniList => "ByIdsMany",
        }
    }

    /// The argument of `Page.media` that takes the ids.
    const fn argument(self) -> &'static str {
        match self {
            Key::Mal => "idMal_in",
            Key::AniList => "id_in",
        }
    }

    /// A title's id of this kind.
    pub fn of(self, media: &Media) -> Option<i64> {
        match self {
            Key::Mal => media.id_mal,
            Key::AniList => Some(media.id),
        }
    }
}

/// The alias of the `k`th page in the text and the answer.
pub fn page_alias(k: usize) -> String {
    format!("p{k}")
}

/// The first page of titles for each of `n` lists of ids, in one request
/// (`$ids0`, `$ids1`…; a list of MyAnimeList ids that has a second page,
/// two titles sharing an id, is asked again with [`ByMalIds`]).
pub fn many_query(n: usize, key: Key) -> String {
    let declared: Vec<String> = (0..n).map(|k| format!("$ids{k}: [Int]")).collect();
    let mut text = format!("query {}({}, $type: MediaType) {{\n", key.name(), declared.join(", "));
    for k in 0..n {
        text.push_str(&format!(
            "  {}: Page(page: 1, perPage: 50) {{ pageInfo {{ hasNextPage }} items: media({}: $ids{k}, type: $type) {{ {} }} }}\n",
            page_alias(k),
            key.argument(),
            media_fields!()
        ));
    }
    text.push('}');
    text
}

/// The lists of ids (each at most [`PER_REQUEST`]) and their kind.
#[derive(Clone, Debug)]
pub struct ManyVars {
    pub ids: Vec<Vec<i64>>,
    pub kind: MediaType,
}

impl Serialize for ManyVars {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.ids.len() + 1))?;
        for (k, ids) in self.ids.iter().enumerate() {
            map.serialize_entry(&format!("ids{k}"), ids)?;
        }
        map.serialize_entry("type", &self.kind)?;
        map.end()
    }
}

/// Each page by alias.
pub type ManyData = HashMap<String, Option<PageOf<Media>>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn many_pages_in_one_request_each_with_its_ids() {
        let vars = ManyVars { ids: vec![vec![1, 2], vec![3]], kind: MediaType::Manga };
        assert_eq!(serde_json::to_value(&vars).unwrap(), serde_json::json!({"ids0": [1, 2], "ids1": [3], "type": "MANGA"}));
        let text = many_query(2, Key::Mal);
        assert!(text.starts_with("query ByMalIdsMany($ids0: [Int], $ids1: [Int], $type: MediaType) {"), "{text}");
        assert!(text.contains("p1: Page(page: 1, perPage: 50) { pageInfo { hasNextPage } items: media(idMal_in: $ids1, type: $type)") && !text.contains("p2:"), "{text}");
        let text = many_query(1, Key::AniList);
        assert!(text.starts_with("query ByIdsMany($ids0: [Int], $type: MediaType) {") && text.contains("items: media(id_in: $ids0, type: $type)") && !text.contains("idMal_in"), "{text}");
    }

    #[test]
    fn a_title_by_either_id() {
        let media = Media { id: 1000, id_mal: Some(7), ..Media::default() };
        assert_eq!((Key::Mal.of(&media), Key::AniList.of(&media)), (Some(7), Some(1000)));
        assert_eq!(Key::Mal.of(&Media { id: 1, ..Media::default() }), None);
    }
}
