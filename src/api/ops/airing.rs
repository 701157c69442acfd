//! The next episode of titles being watched, asked again when the time the
//! list gave for it has passed (a list refresh brings only the entries the
//! person changed, and airing is not a change of theirs): one request for
//! up to 50 titles.

use serde::{Deserialize, Serialize};

use crate::api::operation::Operation;
use crate::api::ops::list_collection::Airing;
use crate::media::MediaStatus;

pub struct AiringNow;

/// The most titles one request asks for (AniList's page size).
pub const PER_PAGE: usize = 50;

impl Operation for AiringNow {
    const NAME: &'static str = "AiringNow";
    const MUTATION: bool = false;
    const QUERY: &'static str = "query AiringNow($ids: [Int]) {
  Page(perPage: 50) {
    media(id_in: $ids) { id status episodes nextAiringEpisode { episode airingAt } }
  }
}";
    type Vars = Vars;
    type Data = Data;
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Vars {
    pub ids: Vec<i64>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Data {
    #[serde(rename = "Page")]
    pub page: Option<Found>,
}

#[derive(Clone, Debug, Default, Deserialize)]
pub struct Found {
    #[serde(default)]
    pub media: Vec<Option<Now>>,
}

/// A title's release as AniList has it now.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Now {
    pub id: i64,
    pub status: Option<MediaStatus>,
    pub episodes: Option<u32>,
    /// `None` once the last episode has aired (or no date is known).
    pub next_airing_episode: Option<Airing>,
}

impl Data {
    pub fn titles(self) -> impl Iterator<Item = Now> {
        self.page.unwrap_or_default().media.into_iter().flatten()
    }
}
