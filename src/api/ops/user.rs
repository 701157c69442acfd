//! Another AniList member's page: their profile (the same shape as the
//! signed-in person's own, [`crate::api::ops::viewer`]) and whether each
//! follows the other.

use serde::{Deserialize, Serialize};

use crate::api::operation::Operation;
pub use crate::api::ops::viewer::{Members, User};

pub struct UserPage;

impl Operation for UserPage {
    const NAME: &'static str = "UserPage";
    const MUTATION: bool = false;
    const QUERY: &'static str = concat!(
        "query UserPage($id: Int!) {
  User(id: $id) {
    ",
        crate::profile_fields!(),
        "
    isFollowing
    isFollower
  }
  ",
        crate::members_pages!(),
        "
}
",
        crate::profile_fragment!()
    );
    type Vars = Vars;
    type Data = Data;
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Vars {
    pub id: u64,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Data {
    #[serde(rename = "User")]
    pub user: Option<User>,
    pub following: Option<Members>,
    pub followers: Option<Members>,
}
