//! AniList's tags (its `MediaTagCollection`), for browsing by tag: each
//! with what it means, its category, and whether it is for adults or a
//! spoiler.

use serde::{Deserialize, Serialize};

use crate::api::operation::{nullable_list, Operation};

pub struct Tags;

impl Operation for Tags {
    const NAME: &'static str = "Tags";
    const MUTATION: bool = false;
    const QUERY: &'static str = "query Tags {
  MediaTagCollection { id name description category isAdult isGeneralSpoiler }
}";
    type Vars = Vars;
    type Data = Data;
}

/// The query takes no variables.
pub type Vars = crate::api::operation::NoVars;

#[derive(Clone, Debug, Deserialize)]
pub struct Data {
    #[serde(rename = "MediaTagCollection", default, deserialize_with = "nullable_list")]
    pub tags: Vec<Tag>,
}

/// One of AniList's tags (the store keeps them on this device).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Tag {
    pub id: i64,
    pub name: String,
    /// What AniList means by it, a sentence of plain text.
    #[serde(default)]
    pub description: Option<String>,
    pub category: Option<String>,
    #[serde(default)]
    pub is_adult: Option<bool>,
    #[serde(default)]
    pub is_general_spoiler: Option<bool>,
}

impl Tag {
    pub fn adult(&self) -> bool {
        self.is_adult.unwrap_or(false)
    }
}
