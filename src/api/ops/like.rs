//! Liking an activity: the toggle, and the state read back when a toggle's
//! answer is lost (a toggle is never sent again blind).

use serde::{Deserialize, Serialize};

use crate::api::operation::Operation;

/// An activity's likes, whatever its kind (the toggle's answer and the
/// state read back).
macro_rules! liked_fields {
    () => {
        " ... on ListActivity { id likeCount isLiked } ... on TextActivity { id likeCount isLiked } ... on MessageActivity { id likeCount isLiked } "
    };
}

/// Likes an activity, or takes the like back: a toggle. AniList answers
/// with the activity as it is after it.
pub struct ToggleLike;

impl Operation for ToggleLike {
    const NAME: &'static str = "ToggleLike";
    const MUTATION: bool = true;
    const QUERY: &'static str = concat!("mutation ToggleLike($id: Int) {
  ToggleLikeV2(id: $id, type: ACTIVITY) {", liked_fields!(), "}
}");
    type Vars = Vars;
    type Data = Toggled;
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Vars {
    pub id: i64,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Toggled {
    #[serde(rename = "ToggleLikeV2")]
    pub activity: Option<Liked>,
}

/// An activity's likes, as the person signed in sees them.
#[derive(Clone, Copy, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Liked {
    pub id: Option<i64>,
    pub like_count: Option<u32>,
    pub is_liked: Option<bool>,
}

/// The state, read back.
pub struct LikeState;

impl Operation for LikeState {
    const NAME: &'static str = "LikeState";
    const MUTATION: bool = false;
    const QUERY: &'static str = concat!("query LikeState($id: Int) {
  Activity(id: $id) {", liked_fields!(), "}
}");
    type Vars = Vars;
    type Data = State;
}

#[derive(Clone, Debug, Deserialize)]
pub struct State {
    #[serde(rename = "Activity")]
    pub activity: Option<Liked>,
}
