//! Creates (with `mediaId`) or updates (with `id`) a list entry. Its values
//! are absolute, so sending it again after an unclear outcome is safe.

use serde::{Deserialize, Serialize};

use crate::api::operation::Operation;
use crate::api::ops::list_collection::Entry;
use crate::entry_fields;
use crate::edit::FuzzyDate;
use crate::media::ListStatus;

pub struct SaveEntry;

impl Operation for SaveEntry {
    const NAME: &'static str = "SaveEntry";
    const MUTATION: bool = true;
    const QUERY: &'static str = concat!(
        "mutation SaveEntry($id: Int, $mediaId: Int, $status: MediaListStatus, $progress: Int, $progressVolumes: Int, $score: Float, $repeat: Int, $priority: Int, $private: Boolean, $hiddenFromStatusLists: Boolean, $notes: String, $startedAt: FuzzyDateInput, $completedAt: FuzzyDateInput, $customLists: [String], $advancedScores: [Float]) {
  SaveMediaListEntry(id: $id, mediaId: $mediaId, status: $status, progress: $progress, progressVolumes: $progressVolumes, score: $score, repeat: $repeat, priority: $priority, private: $private, hiddenFromStatusLists: $hiddenFromStatusLists, notes: $notes, startedAt: $startedAt, completedAt: $completedAt, customLists: $customLists, advancedScores: $advancedScores) {
    ",
        entry_fields!(),
        "
  }
}"
    );
    type Vars = Vars;
    type Data = Data;
}

/// What is sent; a field left `None` is not sent and AniList keeps it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Vars {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<ListStatus>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub progress: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub progress_volumes: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repeat: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priority: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub private: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hidden_from_status_lists: Option<bool>,
    /// An empty note clears it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// A date with every part `null` clears it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub started_at: Option<FuzzyDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub completed_at: Option<FuzzyDate>,
    /// Exactly the custom lists it is to be on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub custom_lists: Option<Vec<String>>,
    /// In the order of the user's advanced scoring sections.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub advanced_scores: Option<Vec<f64>>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Data {
    #[serde(rename = "SaveMediaListEntry")]
    pub saved: Option<Entry>,
}
