//! List entries read back from AniList by media id: what the outbox asks
//! when saves or deletes got no clear answer (one request for up to 50, so
//! a bulk edit cut off by a reload is checked at once). An entry that is
//! not there is simply missing from the answer.

use serde::{Deserialize, Serialize};

use crate::api::operation::Operation;
use crate::api::ops::list_collection::Entry;
use crate::entry_fields;

pub struct ListEntries;

/// The most entries one read-back asks for (AniList's page size).
pub const PER_PAGE: usize = 50;

impl Operation for ListEntries {
    const NAME: &'static str = "ListEntries";
    const MUTATION: bool = false;
    const QUERY: &'static str = concat!(
        "query ListEntries($userId: Int, $mediaIds: [Int]) {
  Page(perPage: 50) {
    mediaList(userId: $userId, mediaId_in: $mediaIds) {
      ",
        entry_fields!(),
        "
    }
  }
}"
    );
    type Vars = Vars;
    type Data = Data;
}

#[derive(Clone, Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Vars {
    pub user_id: u64,
    pub media_ids: Vec<i64>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Data {
    #[serde(rename = "Page")]
    pub page: Option<Found>,
}

#[derive(Clone, Debug, Default, Deserialize)]
pub struct Found {
    #[serde(rename = "mediaList", default)]
    pub entries: Vec<Option<Entry>>,
}

impl Data {
    /// The entries found.
    pub fn entries(self) -> impl Iterator<Item = Entry> {
        self.page.unwrap_or_default().entries.into_iter().flatten()
    }
}
