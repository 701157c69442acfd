//! Another AniList member's page: their profile (the same shape as the
//! signed-in person's own, [`crate::api::ops::viewer`]) and whether each
//! follows the other.

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
        crate::profile_pages!(),
        "
}
",
        crate::profile_fragment!()
    );
    type Vars = Vars;
    type Data = Data;
}

/// The member asked about; the answer has the profile's shape (its
/// `viewer` field holds the `User`).
pub use crate::api::ops::viewer::{Data, Vars};
