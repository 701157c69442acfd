//! Another AniList member's page: their profile (the same shape as the
//! signed-in person's own, [`crate::api::ops::viewer`]) and whether each
//! follows the other.

use serde::{Deserialize, Serialize};

use crate::api::operation::{Operation, PageData};
use crate::api::ops::title::ReviewSummary;
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

/// A later page (50 by name, as the profile's first) of whom member `$id`
/// follows, or with `$followers` of who follows them.
pub struct MemberPeople;

impl Operation for MemberPeople {
    const NAME: &'static str = "MemberPeople";
    const MUTATION: bool = false;
    const QUERY: &'static str = "query MemberPeople($id: Int!, $page: Int, $followers: Boolean!) {
  following: Page(page: $page, perPage: 50) @skip(if: $followers) { pageInfo { hasNextPage } following(userId: $id, sort: [USERNAME]) { ...Member } }
  followers: Page(page: $page, perPage: 50) @include(if: $followers) { pageInfo { hasNextPage } followers(userId: $id, sort: [USERNAME]) { ...Member } }
}
fragment Member on User { id name avatar { medium } }";
    type Vars = PeopleVars;
    type Data = PeopleData;
}

/// A later page (10, newest first, as the profile's first) of the reviews
/// member `$id` wrote.
pub struct MemberReviews;

impl Operation for MemberReviews {
    const NAME: &'static str = "MemberReviews";
    const MUTATION: bool = false;
    const QUERY: &'static str = concat!(
        "query MemberReviews($id: Int!, $page: Int) {
  Page(page: $page, perPage: 10) { pageInfo { hasNextPage } items: reviews(userId: $id, sort: [CREATED_AT_DESC]) { ",
        crate::written_fields!(),
        " } }
}
",
        crate::fav_fragment!()
    );
    type Vars = ReviewsVars;
    type Data = PageData<ReviewSummary>;
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReviewsVars {
    pub id: u64,
    pub page: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PeopleVars {
    pub id: u64,
    pub page: u32,
    /// Who follows them (else whom they follow).
    pub followers: bool,
}

#[derive(Clone, Debug, Deserialize)]
pub struct PeopleData {
    pub following: Option<Members>,
    pub followers: Option<Members>,
}

impl PeopleData {
    /// The page asked for, whichever it was.
    pub fn members(self) -> Members {
        self.following.or(self.followers).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_later_page_of_followers_or_followed_reads_as_one() {
        let vars = PeopleVars { id: 6001, page: 2, followers: true };
        assert_eq!(serde_json::to_string(&vars).unwrap(), r#"{"id":6001,"page":2,"followers":true}"#);
        let page: PeopleData = serde_json::from_str(r#"{"followers":{"pageInfo":{"hasNextPage":true},"followers":[{"id":7,"name":"Ren","avatar":null},null]}}"#).unwrap();
        let m = page.members();
        assert!(m.has_more());
        assert_eq!(m.members.iter().map(|m| m.name.as_str()).collect::<Vec<_>>(), ["Ren"]);
        let none: PeopleData = serde_json::from_str(r#"{"following":null}"#).unwrap();
        assert_eq!(none.members(), Members::default());
    }

    #[test]
    fn a_later_page_of_reviews_asks_the_member_and_the_page() {
        assert_eq!(serde_json::to_string(&ReviewsVars { id: 5150, page: 3 }).unwrap(), r#"{"id":5150,"page":3}"#);
        assert!(MemberReviews::QUERY.contains("items: reviews(userId: $id, sort: [CREATED_AT_DESC]) { id summary") && MemberReviews::QUERY.contains("fragment Fav on Media"));
        assert!(!MemberReviews::QUERY.contains("fragment Member"), "an unused fragment is refused");
    }
}
