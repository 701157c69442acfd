//! Following another member: the toggle, and the state read back when a
//! toggle's answer is lost (a toggle is never sent again blind).

use serde::{Deserialize, Serialize};

use crate::api::operation::Operation;

/// Follows a member, or stops following them: a toggle. AniList answers
/// with the state after it.
pub struct ToggleFollow;

impl Operation for ToggleFollow {
    const NAME: &'static str = "ToggleFollow";
    const MUTATION: bool = true;
    const QUERY: &'static str = "mutation ToggleFollow($userId: Int) {
  ToggleFollow(userId: $userId) { id isFollowing }
}";
    type Vars = ToggleVars;
    type Data = Toggled;
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ToggleVars {
    pub user_id: u64,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Toggled {
    #[serde(rename = "ToggleFollow")]
    pub user: Option<Follow>,
}

/// Whether the person signed in follows this member.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Follow {
    pub id: u64,
    #[serde(default)]
    pub is_following: bool,
}

/// The state, read back.
pub struct FollowState;

impl Operation for FollowState {
    const NAME: &'static str = "FollowState";
    const MUTATION: bool = false;
    const QUERY: &'static str = "query FollowState($id: Int!) {
  User(id: $id) { id isFollowing }
}";
    type Vars = crate::api::ops::user::Vars;
    type Data = State;
}

#[derive(Clone, Debug, Deserialize)]
pub struct State {
    #[serde(rename = "User")]
    pub user: Option<Follow>,
}
