//! A review's page (`Review`), and the person's say on it (`RateReview`:
//! helpful or not, or neither).

use serde::{Deserialize, Serialize};

use crate::api::operation::Operation;
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
