//! Liking an activity, a forum thread or a thread's comment: the toggle,
//! and the state read back when a toggle's answer is lost (a toggle is
//! never sent again blind).

use serde::{Deserialize, Serialize};

use crate::api::operation::Operation;

/// What can be liked here (AniList's `LikeableType`, those the app shows).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Likeable {
    Activity,
    Thread,
    ThreadComment,
}

/// The likes of whatever was liked (the toggle's answer and the state read
/// back).
macro_rules! liked_fields {
    () => {
        " ... on ListActivity { id likeCount isLiked } ... on TextActivity { id likeCount isLiked } ... on MessageActivity { id likeCount isLiked } ... on Thread { id likeCount isLiked } ... on ThreadComment { id likeCount isLiked } "
    };
}

/// Likes something, or takes the like back: a toggle. AniList answers
/// with the thing as it is after it.
pub struct ToggleLike;

impl Operation for ToggleLike {
    const NAME: &'static str = "ToggleLike";
    const MUTATION: bool = true;
    const QUERY: &'static str = concat!("mutation ToggleLike($id: Int, $type: LikeableType) {
  ToggleLikeV2(id: $id, type: $type) {", liked_fields!(), "}
}");
    type Vars = Vars;
    type Data = Toggled;
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Vars {
    pub id: i64,
    #[serde(rename = "type")]
    pub kind: Likeable,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Toggled {
    #[serde(rename = "ToggleLikeV2")]
    pub liked: Option<Liked>,
}

/// Something's likes, as the person signed in sees them.
#[derive(Clone, Copy, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Liked {
    pub id: Option<i64>,
    pub like_count: Option<u32>,
    pub is_liked: Option<bool>,
}

/// The state, read back: of the one kind asked.
pub struct LikeState;

impl Operation for LikeState {
    const NAME: &'static str = "LikeState";
    const MUTATION: bool = false;
    const QUERY: &'static str = "query LikeState($id: Int, $activity: Boolean!, $thread: Boolean!, $comment: Boolean!) {
  Activity(id: $id) @include(if: $activity) { ... on ListActivity { id likeCount isLiked } ... on TextActivity { id likeCount isLiked } ... on MessageActivity { id likeCount isLiked } }
  Thread(id: $id) @include(if: $thread) { id likeCount isLiked }
  ThreadComment(id: $id) @include(if: $comment) { id likeCount isLiked }
}";
    type Vars = StateVars;
    type Data = State;
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StateVars {
    pub id: i64,
    pub activity: bool,
    pub thread: bool,
    pub comment: bool,
}

impl StateVars {
    pub fn of(id: i64, kind: Likeable) -> Self {
        StateVars { id, activity: kind == Likeable::Activity, thread: kind == Likeable::Thread, comment: kind == Likeable::ThreadComment }
    }
}

#[derive(Clone, Debug, Deserialize)]
pub struct State {
    #[serde(rename = "Activity", default)]
    pub activity: Option<Liked>,
    #[serde(rename = "Thread", default)]
    pub thread: Option<Liked>,
    /// AniList answers a list (of the one comment).
    #[serde(rename = "ThreadComment", default, deserialize_with = "crate::api::operation::nullable_list")]
    pub comment: Vec<Liked>,
}

impl State {
    /// The state of whichever was asked.
    pub fn liked(self) -> Option<Liked> {
        self.activity.or(self.thread).or(self.comment.into_iter().next())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kind_goes_as_anilist_names_it_and_only_its_state_is_asked() {
        assert_eq!(serde_json::to_string(&Vars { id: 9001, kind: Likeable::Thread }).unwrap(), r#"{"id":9001,"type":"THREAD"}"#);
        assert_eq!(serde_json::to_string(&Vars { id: 5, kind: Likeable::ThreadComment }).unwrap(), r#"{"id":5,"type":"THREAD_COMMENT"}"#);
        assert_eq!(serde_json::to_string(&StateVars::of(8006, Likeable::Activity)).unwrap(), r#"{"id":8006,"activity":true,"thread":false,"comment":false}"#);
        let state: State = serde_json::from_str(r#"{"ThreadComment":[null,{"id":50001,"likeCount":4,"isLiked":true}]}"#).unwrap();
        assert_eq!(state.liked().and_then(|l| l.like_count), Some(4));
        let none: State = serde_json::from_str(r#"{"ThreadComment":null}"#).unwrap();
        assert_eq!(none.liked(), None);
    }
}
