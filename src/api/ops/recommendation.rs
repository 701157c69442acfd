//! The person's say on a recommendation ("if you liked this title, try
//! that one"): agree, disagree, or neither. `SaveRecommendation` sets it,
//! so sending it twice leaves the same.

use serde::{Deserialize, Serialize};

use crate::api::operation::Operation;
use crate::media::RecommendationRating;

pub struct RateRecommendation;

impl Operation for RateRecommendation {
    const NAME: &'static str = "RateRecommendation";
    const MUTATION: bool = true;
    const QUERY: &'static str = "mutation RateRecommendation($mediaId: Int!, $recommendationId: Int!, $rating: RecommendationRating!) {
  SaveRecommendation(mediaId: $mediaId, mediaRecommendationId: $recommendationId, rating: $rating) { id rating userRating }
}";
    type Vars = RateVars;
    type Data = Rated;
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RateVars {
    /// The title the recommendation is on.
    pub media_id: i64,
    /// The title it recommends.
    pub recommendation_id: i64,
    pub rating: RecommendationRating,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Rated {
    #[serde(rename = "SaveRecommendation")]
    pub saved: Option<Saying>,
}

/// A recommendation's standing after the say.
#[derive(Clone, Copy, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Saying {
    pub id: i64,
    pub rating: Option<i32>,
    pub user_rating: Option<RecommendationRating>,
}
