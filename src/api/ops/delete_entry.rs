//! Deletes a list entry. Deleting twice deletes once: safe to send again.

use serde::{Deserialize, Serialize};

use crate::api::operation::Operation;

pub struct DeleteEntry;

impl Operation for DeleteEntry {
    const NAME: &'static str = "DeleteEntry";
    const MUTATION: bool = true;
    const QUERY: &'static str = "mutation DeleteEntry($id: Int!) {
  DeleteMediaListEntry(id: $id) { deleted }
}";
    type Vars = Vars;
    type Data = Data;
}

#[derive(Clone, Debug, Serialize)]
pub struct Vars {
    pub id: i64,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Data {
    #[serde(rename = "DeleteMediaListEntry")]
    pub result: Option<Deleted>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Deleted {
    pub deleted: Option<bool>,
}
