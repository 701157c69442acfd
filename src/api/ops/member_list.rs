//! A member's list, a page at a time (most recently updated first): their
//! status, progress and score (in the person's own scoring system) on each
//! title; with `compare`, only titles on the person's own lists too.

use serde::{Deserialize, Serialize};

use crate::api::operation::{nullable_list, Operation};
use crate::api::ops::title::{More, Other};
use crate::media::{ListStatus, MediaType, ScoreFormat};

pub struct MemberList;

impl Operation for MemberList {
    const NAME: &'static str = "MemberList";
    const MUTATION: bool = false;
    const QUERY: &'static str = "query MemberList($userId: Int!, $type: MediaType!, $page: Int!, $compare: Boolean, $format: ScoreFormat) {
  Page(page: $page, perPage: 25) {
    pageInfo { hasNextPage }
    mediaList(userId: $userId, type: $type, compareWithAuthList: $compare, sort: [UPDATED_TIME_DESC]) {
      id status progress progressVolumes score(format: $format)
      media { id type format title { userPreferred } coverImage { medium } startDate { year } }
    }
  }
}";
    type Vars = Vars;
    type Data = Data;
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Vars {
    pub user_id: u64,
    #[serde(rename = "type")]
    pub kind: MediaType,
    pub page: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub compare: Option<bool>,
    pub format: ScoreFormat,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Data {
    #[serde(rename = "Page")]
    pub page: Option<ListPage>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListPage {
    pub page_info: Option<More>,
    #[serde(default, deserialize_with = "nullable_list")]
    pub media_list: Vec<TheirEntry>,
}

impl ListPage {
    pub fn has_more(&self) -> bool {
        crate::api::operation::has_next(self.page_info.as_ref())
    }
}

/// One entry of the member's.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TheirEntry {
    pub id: i64,
    pub status: Option<ListStatus>,
    pub progress: Option<u32>,
    pub progress_volumes: Option<u32>,
    pub score: Option<f64>,
    pub media: Option<Other>,
}
