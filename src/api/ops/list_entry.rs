//! One list entry read back from AniList: what the outbox asks when a save
//! or a delete got no clear answer. By `id`, or by user and media for an
//! entry that may have been created. AniList answers "Not Found." (404)
//! when there is none.

use serde::{Deserialize, Serialize};

use crate::api::operation::Operation;
use crate::api::ops::list_collection::Entry;
use crate::entry_fields;

pub struct ListEntry;

impl Operation for ListEntry {
    const NAME: &'static str = "ListEntry";
    const MUTATION: bool = false;
    const QUERY: &'static str = concat!(
        "query ListEntry($id: Int, $userId: Int, $mediaId: Int) {
  MediaList(id: $id, userId: $userId, mediaId: $mediaId) {
    ",
        entry_fields!(),
        "
  }
}"
    );
    type Vars = Vars;
    type Data = Data;
}

#[derive(Clone, Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Vars {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media_id: Option<i64>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Data {
    #[serde(rename = "MediaList")]
    pub entry: Option<Entry>,
}
