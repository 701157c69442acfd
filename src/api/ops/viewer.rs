//! The signed-in user, for the profile page; the profile's shape, which a
//! user's page ([`crate::api::ops::user`]) reads too.

use serde::{Deserialize, Serialize};

use crate::api::operation::{nullable_list, Operation};
use crate::api::ops::title::{Member, More, Other, Person, ReviewSummary};
use crate::media::{ScoreFormat, UserTitleLanguage};

pub struct Viewer;

/// What a profile shows, as the Viewer and the User query both ask it (with
/// [`profile_fragment!`] after the query).
#[macro_export]
macro_rules! profile_fields {
    () => {
        "id
    name
    about(asHtml: true)
    siteUrl
    avatar { large medium }
    bannerImage
    createdAt
    mediaListOptions { scoreFormat }
    statistics {
      anime { count meanScore minutesWatched episodesWatched }
      manga { count meanScore chaptersRead volumesRead }
    }
    favourites {
      anime(perPage: 25) { pageInfo { total } nodes { ...Fav } }
      manga(perPage: 25) { pageInfo { total } nodes { ...Fav } }
      characters(perPage: 25) { pageInfo { total } nodes { id name { userPreferred } image { medium } } }
      staff(perPage: 25) { pageInfo { total } nodes { id name { userPreferred } image { medium } } }
      studios(perPage: 25) { pageInfo { total } nodes { id name } }
    }"
    };
}

/// Whom user `$id` follows and who follows them, the first 50 of each by
/// name, and the reviews they wrote, the newest 10: three `Page` aliases
/// beside the user (with [`profile_fragment!`] after the query, which holds
/// the `Member` and `Fav` fragments they name).
#[macro_export]
macro_rules! profile_pages {
    () => {
        concat!(
            "following: Page(perPage: 50) { pageInfo { hasNextPage } following(userId: $id, sort: [USERNAME]) { ...Member } }
  followers: Page(perPage: 50) { pageInfo { hasNextPage } followers(userId: $id, sort: [USERNAME]) { ...Member } }
  reviews: Page(perPage: 10) { pageInfo { hasNextPage } reviews(userId: $id, sort: [CREATED_AT_DESC]) { ",
            $crate::written_fields!(),
            " } }"
        )
    };
}

/// What a member's review shows where their reviews are listed (the
/// profile's first page, [`crate::api::ops::user::MemberReviews`]' next).
#[macro_export]
macro_rules! written_fields {
    () => {
        "id summary score private rating ratingAmount media { ...Fav }"
    };
}

/// The fragments [`profile_fields!`] and [`profile_pages!`] name.
#[macro_export]
macro_rules! profile_fragment {
    () => {
        concat!($crate::fav_fragment!(), "\nfragment Member on User { id name avatar { medium } }")
    };
}

/// A title as a member's favourites and reviews show it.
#[macro_export]
macro_rules! fav_fragment {
    () => {
        "fragment Fav on Media { id type format title { userPreferred } coverImage { medium } startDate { year } }"
    };
}

impl Operation for Viewer {
    const NAME: &'static str = "Viewer";
    const MUTATION: bool = false;
    const QUERY: &'static str = concat!(
        "query Viewer($id: Int!) {
  Viewer {
    ",
        crate::profile_fields!(),
        "
    source: about(asHtml: false)
    options { titleLanguage displayAdultContent }
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

/// Sets the person's bio (`UpdateUser(about:)`): AniList's text after it,
/// as HTML and as written. It sets the whole text, so a lost answer can be
/// followed by one more send.
pub struct SaveAbout;

impl Operation for SaveAbout {
    const NAME: &'static str = "SaveAbout";
    const MUTATION: bool = true;
    const QUERY: &'static str = "mutation SaveAbout($about: String!) {
  UpdateUser(about: $about) { id about(asHtml: true) source: about(asHtml: false) }
}";
    type Vars = AboutVars;
    type Data = AboutSaved;
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AboutVars {
    /// In AniList's markdown; empty clears it.
    pub about: String,
}

#[derive(Clone, Debug, Deserialize)]
pub struct AboutSaved {
    #[serde(rename = "UpdateUser")]
    pub user: Option<About>,
}

/// The bio as AniList keeps it after the change.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct About {
    pub id: u64,
    pub about: Option<String>,
    pub source: Option<String>,
}

/// The user whose followers and followed are asked (for Viewer: the
/// token's own; for [`crate::api::ops::user::UserPage`], the member's).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Vars {
    pub id: u64,
}

/// The answer of the Viewer query and of the User query (one shape).
#[derive(Clone, Debug, Deserialize)]
pub struct Data {
    #[serde(rename = "Viewer", alias = "User")]
    pub viewer: Option<User>,
    pub following: Option<Members>,
    pub followers: Option<Members>,
    #[serde(default)]
    pub reviews: Option<Written>,
}

/// The reviews the user wrote, the newest first.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Written {
    pub page_info: Option<More>,
    #[serde(default, deserialize_with = "nullable_list")]
    pub reviews: Vec<ReviewSummary>,
}

/// The first members (by name) the person follows, or who follow them.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Members {
    pub page_info: Option<More>,
    #[serde(default, rename = "following", alias = "followers", deserialize_with = "nullable_list")]
    pub members: Vec<Member>,
}

impl Members {
    pub fn has_more(&self) -> bool {
        crate::api::operation::has_next(self.page_info.as_ref())
    }
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct User {
    pub id: u64,
    pub name: String,
    pub about: Option<String>,
    /// The bio as written (markdown): what the person's own is changed
    /// from (the Viewer query only).
    #[serde(default)]
    pub source: Option<String>,
    pub site_url: Option<String>,
    pub avatar: Option<Avatar>,
    pub banner_image: Option<String>,
    pub created_at: Option<i64>,
    pub options: Option<Options>,
    pub media_list_options: Option<MediaListOptions>,
    /// The totals only (see [`crate::api::ops::stats`] for the rest).
    pub statistics: Option<crate::api::ops::stats::Kinds>,
    pub favourites: Option<Favourites>,
    /// Whether the person signed in follows them (another user's page).
    pub is_following: Option<bool>,
    /// Whether they follow the person signed in.
    pub is_follower: Option<bool>,
}

/// The person's favourites, the first 25 of each kind, in their order.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Favourites {
    pub anime: Option<Favoured<Other>>,
    pub manga: Option<Favoured<Other>>,
    pub characters: Option<Favoured<Person>>,
    pub staff: Option<Favoured<Person>>,
    #[serde(default)]
    pub studios: Option<Favoured<FavStudio>>,
}

/// A studio among a member's favourites.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct FavStudio {
    pub id: i64,
    #[serde(default)]
    pub name: String,
}

/// The first page of one kind of favourites, and how many there are.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", bound(deserialize = "T: Deserialize<'de>"))]
pub struct Favoured<T> {
    pub page_info: Option<Total>,
    #[serde(default, deserialize_with = "nullable_list")]
    pub nodes: Vec<T>,
}

impl<T> Favoured<T> {
    /// How many there are in all (AniList not saying: those given).
    pub fn total(&self) -> u32 {
        self.page_info.as_ref().and_then(|p| p.total).unwrap_or(self.nodes.len() as u32)
    }
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Total {
    pub total: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Avatar {
    pub large: Option<String>,
    pub medium: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Options {
    pub title_language: Option<UserTitleLanguage>,
    pub display_adult_content: Option<bool>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MediaListOptions {
    pub score_format: Option<ScoreFormat>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kind_of_favourites_counts_what_anilist_says_else_what_it_gave() {
        let said: Favoured<FavStudio> = serde_json::from_str(r#"{"pageInfo":{"total":40},"nodes":[{"id":14,"name":"Sunrise"},null]}"#).unwrap();
        assert_eq!((said.total(), said.nodes.len()), (40, 1));
        let unsaid: Favoured<FavStudio> = serde_json::from_str(r#"{"pageInfo":null,"nodes":[{"id":14},{"id":7,"name":"Bones"}]}"#).unwrap();
        assert_eq!(unsaid.total(), 2);
        assert_eq!(unsaid.nodes[0].name, "", "a studio with no name reads as none");
    }
}
