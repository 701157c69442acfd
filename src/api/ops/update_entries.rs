//! Changes many existing entries at once (bulk edit): the same absolute
//! values for every id, so sending it again after an unclear outcome is
//! safe. AniList takes no custom lists here (those go one entry at a time
//! with [`super::save_entry`]).

use serde::{Deserialize, Serialize};

use crate::api::operation::Operation;
use crate::api::ops::list_collection::Entry;
use crate::entry_fields;
use crate::api::ops::save_entry;

pub struct UpdateEntries;

impl Operation for UpdateEntries {
    const NAME: &'static str = "UpdateEntries";
    const MUTATION: bool = true;
    const QUERY: &'static str = concat!(
        "mutation UpdateEntries($ids: [Int], $status: MediaListStatus, $progress: Int, $progressVolumes: Int, $score: Float, $repeat: Int, $priority: Int, $private: Boolean, $hiddenFromStatusLists: Boolean, $notes: String, $startedAt: FuzzyDateInput, $completedAt: FuzzyDateInput) {
  UpdateMediaListEntries(ids: $ids, status: $status, progress: $progress, progressVolumes: $progressVolumes, score: $score, repeat: $repeat, priority: $priority, private: $private, hiddenFromStatusLists: $hiddenFromStatusLists, notes: $notes, startedAt: $startedAt, completedAt: $completedAt) {
    ",
        entry_fields!(),
        "
  }
}"
    );
    type Vars = Vars;
    type Data = Data;
}

/// What is sent: the entry ids, and the values as a save sends them
/// (`id`, `mediaId`, custom lists and advanced scores left `None`: this
/// mutation takes none of them). A field left `None` is not sent and
/// AniList keeps it.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Vars {
    pub ids: Vec<i64>,
    #[serde(flatten)]
    pub values: save_entry::Vars,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Data {
    /// The entries as AniList now holds them (one may be `null`).
    #[serde(rename = "UpdateMediaListEntries", default)]
    pub saved: Option<Vec<Option<Entry>>>,
}
