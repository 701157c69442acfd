//! Every episode airing between two times, soonest first, 50 a page: the
//! airing schedule's day. Each episode's title comes with the fields a list
//! entry keeps, so "Add to list" makes the entry from it; `isAdult` comes
//! under its own alias (adult titles are left out unless on the person's
//! list).

use serde::{Deserialize, Serialize};

use crate::api::operation::{Operation, PageData};
use crate::api::ops::list_collection::Media;
use crate::media_fields;

pub struct AiringSchedule;

impl Operation for AiringSchedule {
    const NAME: &'static str = "AiringSchedule";
    const MUTATION: bool = false;
    const QUERY: &'static str = concat!(
        "query AiringSchedule($from: Int, $to: Int, $page: Int) {
  Page(page: $page, perPage: 50) {
    pageInfo { hasNextPage }
    items: airingSchedules(airingAt_greater: $from, airingAt_lesser: $to, sort: [TIME, MEDIA_ID]) {
      id
      episode
      airingAt
      adult: media { isAdult }
      media { ",
        media_fields!(),
        " }
    }
  }
}"
    );
    type Vars = Vars;
    type Data = PageData<Slot>;
}

/// Episodes airing after `from` and before `to` (Unix seconds, both
/// excluded), page `page` (from 1).
#[derive(Clone, Debug, Serialize)]
pub struct Vars {
    pub from: i64,
    pub to: i64,
    pub page: u32,
}

/// One episode's airing.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Slot {
    pub id: i64,
    pub episode: u32,
    /// When it airs (Unix seconds).
    pub airing_at: i64,
    pub adult: Option<Adult>,
    pub media: Option<Media>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Adult {
    pub is_adult: Option<bool>,
}

impl Slot {
    /// Whether AniList marks its title for adults only.
    pub fn is_adult(&self) -> bool {
        self.adult.as_ref().and_then(|a| a.is_adult).unwrap_or(false)
    }
}

impl PageData<Slot> {
    /// The page's episodes (those without a title left out) and whether
    /// another page follows.
    pub fn slots(self) -> (Vec<Slot>, bool) {
        let (slots, more) = self.items();
        (slots.into_iter().filter(|s| s.media.is_some()).collect(), more)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_keeps_the_episodes_with_a_title_and_says_whether_more_follow() {
        let read = |json: &str| serde_json::from_str::<PageData<Slot>>(json).unwrap().slots();
        let (slots, more) = read(r#"{"Page":{"pageInfo":{"hasNextPage":true},"items":[
            {"id":1,"episode":2,"airingAt":100,"adult":{"isAdult":true},"media":{"id":9,"type":"ANIME","format":null,"episodes":null,"chapters":null,"volumes":null,"siteUrl":null,"title":null,"coverImage":null}},
            null,
            {"id":2,"episode":3,"airingAt":200,"adult":null,"media":null}]}}"#);
        assert!(more);
        assert_eq!(slots.iter().map(|s| (s.id, s.media.as_ref().map(|m| m.id), s.is_adult())).collect::<Vec<_>>(), [(1, Some(9), true)]);
        let (slots, more) = read(r#"{"Page":null}"#);
        assert!(slots.is_empty() && !more);
        let (_, more) = read(r#"{"Page":{"pageInfo":null,"items":null}}"#);
        assert!(!more);
    }
}
