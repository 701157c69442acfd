//! A character's page and a staff member's page: who they are (names,
//! image, description as AniList's HTML, the facts AniList keeps), their
//! favourite, and their titles a page at a time: a character's appearances
//! with the Japanese voice, a voice actor's roles, a staff member's
//! production roles.

use serde::{Deserialize, Serialize};

use crate::api::operation::{nullable_list, Operation};
use crate::api::ops::list_collection::FuzzyDate;
use crate::api::ops::search::PageInfo;
use crate::api::ops::title::{Images, Other, Person};
use crate::media::CharacterRole;

/// A title in a character's, staff member's or studio's list of titles.
#[macro_export]
macro_rules! title_node {
    () => {
        "node { id type format title { userPreferred } coverImage { medium } startDate { year } }"
    };
}

/// What both pages ask of the person.
macro_rules! someone_fields {
    () => {
        "id
    name { userPreferred full native alternative }
    image { large medium }
    description(asHtml: true)
    gender
    bloodType
    dateOfBirth { year month day }
    favourites
    isFavourite
    isFavouriteBlocked
    siteUrl"
    };
}

/// How many titles a page of a list of titles holds (AniList's most).
pub const PER_PAGE: u32 = 25;

pub struct CharacterPage;

impl Operation for CharacterPage {
    const NAME: &'static str = "CharacterPage";
    const MUTATION: bool = false;
    const QUERY: &'static str = concat!(
        "query CharacterPage($id: Int!, $page: Int, $onList: Boolean) {
  Character(id: $id) {
    ",
        someone_fields!(),
        "
    age
    media(sort: [POPULARITY_DESC, ID], page: $page, perPage: 25, onList: $onList) {
      pageInfo { hasNextPage }
      edges { characterRole voiceActors(language: JAPANESE, sort: [RELEVANCE, ID]) { id name { userPreferred } image { medium } } ",
        title_node!(),
        " }
    }
  }
}"
    );
    type Vars = PageVars;
    type Data = CharacterData;
}

pub struct StaffPage;

impl Operation for StaffPage {
    const NAME: &'static str = "StaffPage";
    const MUTATION: bool = false;
    const QUERY: &'static str = concat!(
        "query StaffPage($id: Int!, $page: Int, $onList: Boolean) {
  Staff(id: $id) {
    ",
        someone_fields!(),
        "
    years: age
    primaryOccupations
    yearsActive
    homeTown
    languageV2
    dateOfDeath { year month day }
    characterMedia(sort: [START_DATE_DESC, ID], page: $page, perPage: 25, onList: $onList) {
      pageInfo { hasNextPage }
      edges { characterRole characters { id name { userPreferred } image { medium } } ",
        title_node!(),
        " }
    }
    staffMedia(sort: [START_DATE_DESC, ID], page: $page, perPage: 25, onList: $onList) {
      pageInfo { hasNextPage }
      edges { staffRole ",
        title_node!(),
        " }
    }
  }
}"
    );
    type Vars = PageVars;
    type Data = StaffData;
}

/// Whom, which page of their titles (from 1), and whether only the titles
/// on the person's own lists (AniList's `onList`, signed in).
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PageVars {
    pub id: i64,
    pub page: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_list: Option<bool>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct CharacterData {
    #[serde(rename = "Character")]
    pub character: Option<Someone>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct StaffData {
    #[serde(rename = "Staff")]
    pub staff: Option<Someone>,
}

/// A character or a staff member: one shape for both pages, each asking
/// for its own part.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Someone {
    pub id: i64,
    pub name: Option<Names>,
    pub image: Option<Images>,
    /// AniList's HTML: shown only through [`crate::rich_text`].
    pub description: Option<String>,
    pub gender: Option<String>,
    pub blood_type: Option<String>,
    pub date_of_birth: Option<FuzzyDate>,
    pub favourites: Option<u32>,
    #[serde(default)]
    pub is_favourite: bool,
    #[serde(default)]
    pub is_favourite_blocked: bool,
    pub site_url: Option<String>,
    /// A character's age, in AniList's words ("17", "Late teens").
    pub age: Option<String>,
    /// A staff member's age in years (the staff query's `years: age`).
    pub years: Option<u32>,
    #[serde(default, deserialize_with = "nullable_list")]
    pub primary_occupations: Vec<String>,
    /// The first year, and the last when they are no longer active.
    #[serde(default, deserialize_with = "nullable_list")]
    pub years_active: Vec<i32>,
    pub home_town: Option<String>,
    pub language_v2: Option<String>,
    pub date_of_death: Option<FuzzyDate>,
    /// A character's titles.
    pub media: Option<Titles>,
    /// A voice actor's titles, with the characters voiced in each.
    pub character_media: Option<Titles>,
    /// A staff member's titles, with the role in each.
    pub staff_media: Option<Titles>,
}

impl Someone {
    pub fn name(&self) -> String {
        self.name.as_ref().and_then(|n| n.user_preferred.clone().or_else(|| n.full.clone())).unwrap_or_else(|| format!("#{}", self.id))
    }

    /// Whether AniList has more of any of the lists of titles.
    pub fn has_more(&self) -> bool {
        [&self.media, &self.character_media, &self.staff_media].into_iter().flatten().any(Titles::has_more)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Names {
    pub user_preferred: Option<String>,
    pub full: Option<String>,
    pub native: Option<String>,
    #[serde(default, deserialize_with = "nullable_list")]
    pub alternative: Vec<String>,
}

/// One page of titles.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Titles {
    pub page_info: Option<PageInfo>,
    #[serde(default, deserialize_with = "nullable_list")]
    pub edges: Vec<Appearance>,
}

impl Titles {
    pub fn has_more(&self) -> bool {
        self.page_info.as_ref().and_then(|p| p.has_next_page).unwrap_or(false)
    }
}

/// A title in one of the lists, with what ties the person to it: a
/// character's role and voice; a voice actor's characters; a staff role.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Appearance {
    pub node: Option<Other>,
    pub character_role: Option<CharacterRole>,
    #[serde(default, deserialize_with = "nullable_list")]
    pub voice_actors: Vec<Person>,
    #[serde(default, deserialize_with = "nullable_list")]
    pub characters: Vec<Person>,
    pub staff_role: Option<String>,
    /// On a studio's page: whether it was the title's main studio.
    pub is_main_studio: Option<bool>,
}

/// A staff member's titles, each once with every role in it (AniList
/// gives one edge a role, in the order asked), in the order first met.
pub fn roles_by_title(edges: &[Appearance]) -> Vec<(Other, Vec<String>)> {
    let mut out: Vec<(Other, Vec<String>)> = Vec::new();
    for e in edges {
        let Some(node) = &e.node else { continue };
        let role = e.staff_role.clone().filter(|r| !r.trim().is_empty());
        match out.iter_mut().find(|(o, _)| o.id == node.id) {
            Some((_, roles)) => roles.extend(role.filter(|r| !roles.contains(r))),
            None => out.push((node.clone(), role.into_iter().collect())),
        }
    }
    out
}

/// "1984 – present", "1984 – 2010", from AniList's `[start, end]`.
pub fn years_active(years: &[i32]) -> Option<String> {
    let known: Vec<i32> = years.iter().copied().filter(|y| *y > 0).collect();
    match known.as_slice() {
        [] => None,
        [start] => Some(format!("{start} – present")),
        [start, end, ..] if start == end => Some(start.to_string()),
        [start, end, ..] => Some(format!("{start} – {end}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title(id: i64) -> Other {
        Other { id, kind: None, format: None, title: None, cover_image: None, start_date: None }
    }

    fn worked(id: i64, role: Option<&str>) -> Appearance {
        Appearance { node: Some(title(id)), character_role: None, voice_actors: vec![], characters: vec![], staff_role: role.map(str::to_string), is_main_studio: None }
    }

    #[test]
    fn a_title_shows_once_with_all_its_roles() {
        let edges = [worked(1, Some("Director")), worked(2, Some("Script")), worked(1, Some("Storyboard (eps 1, 26)")), worked(1, Some("Director")), worked(3, None), worked(3, Some(" "))];
        let mut missing = worked(4, Some("Music"));
        missing.node = None;
        let got: Vec<(i64, Vec<String>)> = roles_by_title(&[&edges[..], &[missing]].concat()).into_iter().map(|(o, r)| (o.id, r)).collect();
        assert_eq!(got, vec![(1, vec!["Director".to_string(), "Storyboard (eps 1, 26)".to_string()]), (2, vec!["Script".to_string()]), (3, vec![])]);
    }

    #[test]
    fn years_active_read_as_on_anilist() {
        assert_eq!(years_active(&[1984]), Some("1984 – present".into()));
        assert_eq!(years_active(&[1984, 2010]), Some("1984 – 2010".into()));
        assert_eq!(years_active(&[2001, 2001]), Some("2001".into()));
        assert_eq!(years_active(&[]), None);
        assert_eq!(years_active(&[0]), None);
    }

    #[test]
    fn more_when_any_list_has_more() {
        let page = |more| Some(Titles { page_info: Some(PageInfo { has_next_page: Some(more), current_page: None }), edges: vec![] });
        let base: Someone = serde_json::from_str(r#"{"id":1}"#).unwrap();
        assert!(!base.has_more());
        assert!(Someone { staff_media: page(true), character_media: page(false), ..base.clone() }.has_more());
        assert!(!Someone { media: page(false), ..base }.has_more());
    }
}
