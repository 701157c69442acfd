//! A review's page (`Review`), and the person's say on it (`RateReview`:
//! helpful or not, or neither); the person's own review of a title, to
//! write or change (`MyReview`, `SaveReview`, `DeleteReview`).

use serde::{Deserialize, Serialize};

use crate::api::operation::{nullable_list, Operation};
use crate::api::ops::title::{Member, Other};
use crate::media::ReviewRating;

/// The fields a rating changes, as both operations ask for them.
macro_rules! rating_fields {
    () => {
        "id rating ratingAmount userRating"
    };
}

pub struct ReviewPage;

impl Operation for ReviewPage {
    const NAME: &'static str = "ReviewPage";
    const MUTATION: bool = false;
    const QUERY: &'static str = concat!(
        "query ReviewPage($id: Int!) {
  Review(id: $id) {
    ",
        rating_fields!(),
        "
    summary
    body(asHtml: true)
    score
    private
    createdAt
    siteUrl
    user { id name avatar { medium } }
    media { id type format title { userPreferred } coverImage { medium } startDate { year } }
  }
}"
    );
    type Vars = Vars;
    type Data = Data;
}

#[derive(Clone, Debug, Serialize)]
pub struct Vars {
    pub id: i64,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Data {
    #[serde(rename = "Review")]
    pub review: Option<Review>,
}

/// A review, as its page shows it.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Review {
    pub id: i64,
    pub rating: Option<u32>,
    pub rating_amount: Option<u32>,
    pub user_rating: Option<ReviewRating>,
    pub summary: Option<String>,
    /// AniList's HTML: shown only through [`crate::rich_text`].
    pub body: Option<String>,
    /// The writer's score for the title, out of 100.
    pub score: Option<u32>,
    /// Only its writer can see it.
    pub private: Option<bool>,
    /// Unix seconds.
    pub created_at: Option<i64>,
    pub site_url: Option<String>,
    pub user: Option<Member>,
    pub media: Option<Other>,
}

impl Review {
    pub fn rating(&self) -> Rating {
        Rating { id: self.id, rating: self.rating, rating_amount: self.rating_amount, user_rating: self.user_rating }
    }
}

/// How members rated a review, and how the person did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Rating {
    pub id: i64,
    /// How many found it helpful, of how many who said.
    pub rating: Option<u32>,
    pub rating_amount: Option<u32>,
    /// Signed out: none.
    pub user_rating: Option<ReviewRating>,
}

/// Sets the person's say on a review (absolute: sending it twice leaves
/// the same).
pub struct RateReview;

impl Operation for RateReview {
    const NAME: &'static str = "RateReview";
    const MUTATION: bool = true;
    const QUERY: &'static str = concat!(
        "mutation RateReview($id: Int!, $rating: ReviewRating!) {
  RateReview(reviewId: $id, rating: $rating) { ",
        rating_fields!(),
        " }
}"
    );
    type Vars = RateVars;
    type Data = Rated;
}

#[derive(Clone, Debug, Serialize)]
pub struct RateVars {
    pub id: i64,
    pub rating: ReviewRating,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Rated {
    #[serde(rename = "RateReview")]
    pub rated: Option<Rating>,
}

/// A review's fields as its writer changes them.
macro_rules! own_fields {
    () => {
        "id mediaId summary body(asHtml: false) score private"
    };
}

/// The person's review of a title as written (markdown), to change it,
/// and the title. A member writes one review of a title: asked by title
/// and writer, as a page (no review is an empty page, not AniList's 404).
pub struct MyReview;

impl Operation for MyReview {
    const NAME: &'static str = "MyReview";
    const MUTATION: bool = false;
    const QUERY: &'static str = concat!(
        "query MyReview($mediaId: Int!, $userId: Int!) {
  Media(id: $mediaId) { id type format title { userPreferred } coverImage { medium } startDate { year } }
  Page(perPage: 1) { reviews(mediaId: $mediaId, userId: $userId) { ",
        own_fields!(),
        " } }
}"
    );
    type Vars = MineVars;
    type Data = MineData;
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MineVars {
    pub media_id: i64,
    pub user_id: u64,
}

#[derive(Clone, Debug, Deserialize)]
pub struct MineData {
    #[serde(rename = "Media")]
    pub media: Option<Other>,
    #[serde(rename = "Page")]
    pub page: Option<MinePage>,
}

#[derive(Clone, Debug, Default, Deserialize)]
pub struct MinePage {
    #[serde(default, deserialize_with = "nullable_list")]
    pub reviews: Vec<OwnReview>,
}

impl MineData {
    /// The person's review, when they wrote one.
    pub fn review(&self) -> Option<OwnReview> {
        self.page.as_ref().and_then(|p| p.reviews.first().cloned())
    }
}

/// The person's own review, as they wrote it.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OwnReview {
    pub id: i64,
    pub media_id: Option<i64>,
    pub summary: Option<String>,
    /// Markdown, as written.
    pub body: Option<String>,
    pub score: Option<u32>,
    pub private: Option<bool>,
}

/// Writes the person's review of a title (no `id`: a new one), or changes
/// it (its `id`): every field is sent whole, so a change sent twice leaves
/// the same; a new one is sent once, and looked for when its answer is
/// lost ([`MyReview`]).
pub struct SaveReview;

impl Operation for SaveReview {
    const NAME: &'static str = "SaveReview";
    const MUTATION: bool = true;
    const QUERY: &'static str = concat!(
        "mutation SaveReview($id: Int, $mediaId: Int!, $body: String!, $summary: String!, $score: Int!, $private: Boolean!) {
  SaveReview(id: $id, mediaId: $mediaId, body: $body, summary: $summary, score: $score, private: $private) { ",
        own_fields!(),
        " }
}"
    );
    type Vars = SaveVars;
    type Data = Saved;
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SaveVars {
    /// Left out for a new review (an absent argument, not `null`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    pub media_id: i64,
    pub body: String,
    pub summary: String,
    pub score: u32,
    pub private: bool,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Saved {
    #[serde(rename = "SaveReview")]
    pub review: Option<OwnReview>,
}

/// Deletes the person's review (deleting twice deletes once: AniList then
/// says it is not found).
pub struct DeleteReview;

impl Operation for DeleteReview {
    const NAME: &'static str = "DeleteReview";
    const MUTATION: bool = true;
    const QUERY: &'static str = "mutation DeleteReview($id: Int!) {
  DeleteReview(id: $id) { deleted }
}";
    type Vars = Vars;
    type Data = ReviewDeleted;
}

#[derive(Clone, Debug, Deserialize)]
pub struct ReviewDeleted {
    #[serde(rename = "DeleteReview")]
    pub result: Option<crate::api::ops::delete_entry::Deleted>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_review_leaves_the_id_out_and_a_change_sends_it() {
        let new = SaveVars { id: None, media_id: 1, body: "b".into(), summary: "s".into(), score: 80, private: true };
        let text = serde_json::to_string(&new).unwrap();
        assert_eq!(text, r#"{"mediaId":1,"body":"b","summary":"s","score":80,"private":true}"#);
        let change = SaveVars { id: Some(7005), ..new };
        assert!(serde_json::to_string(&change).unwrap().starts_with(r#"{"id":7005,"mediaId":1,"#));
    }
}
