//! A person's favourites: the toggle (titles, characters, staff), and the
//! state read back when a toggle's answer is lost (a toggle is never sent
//! again blind).

use serde::{Deserialize, Serialize};

use crate::api::operation::Operation;

/// What can be a favourite on AniList, with its id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Favourable {
    Anime(i64),
    Manga(i64),
    Character(i64),
    Staff(i64),
    Studio(i64),
}

impl Favourable {
    pub fn id(self) -> i64 {
        match self {
            Favourable::Anime(id) | Favourable::Manga(id) | Favourable::Character(id) | Favourable::Staff(id) | Favourable::Studio(id) => id,
        }
    }

    /// The state query's variables: this one's kind included, no other.
    pub fn state_vars(self) -> StateVars {
        let mut vars = StateVars { id: self.id(), media: false, character: false, staff: false, studio: false };
        *match self {
            Favourable::Anime(_) | Favourable::Manga(_) => &mut vars.media,
            Favourable::Character(_) => &mut vars.character,
            Favourable::Staff(_) => &mut vars.staff,
            Favourable::Studio(_) => &mut vars.studio,
        } = true;
        vars
    }

    /// The toggle's variables: this one's id, and no other.
    pub fn toggle_vars(self) -> ToggleVars {
        let mut vars = ToggleVars::default();
        let slot = match self {
            Favourable::Anime(_) => &mut vars.anime_id,
            Favourable::Manga(_) => &mut vars.manga_id,
            Favourable::Character(_) => &mut vars.character_id,
            Favourable::Staff(_) => &mut vars.staff_id,
            Favourable::Studio(_) => &mut vars.studio_id,
        };
        *slot = Some(self.id());
        vars
    }
}

/// Adds to the person's favourites, or takes off: a toggle.
pub struct ToggleFavourite;

impl Operation for ToggleFavourite {
    const NAME: &'static str = "ToggleFavourite";
    const MUTATION: bool = true;
    const QUERY: &'static str = "mutation ToggleFavourite($animeId: Int, $mangaId: Int, $characterId: Int, $staffId: Int, $studioId: Int) {
  ToggleFavourite(animeId: $animeId, mangaId: $mangaId, characterId: $characterId, staffId: $staffId, studioId: $studioId) { anime(perPage: 1) { pageInfo { total } } }
}";
    type Vars = ToggleVars;
    type Data = serde::de::IgnoredAny;
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ToggleVars {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anime_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub manga_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub character_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub staff_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub studio_id: Option<i64>,
}

/// Whether a title, character, staff member or studio is the person's
/// favourite, and how many have it so: one query, the one asked for
/// included (`Favourable::state_vars`).
pub struct FavouriteState;

impl Operation for FavouriteState {
    const NAME: &'static str = "FavouriteState";
    const MUTATION: bool = false;
    const QUERY: &'static str = "query FavouriteState($id: Int!, $media: Boolean!, $character: Boolean!, $staff: Boolean!, $studio: Boolean!) {
  Media(id: $id) @include(if: $media) { id isFavourite favourites }
  Character(id: $id) @include(if: $character) { id isFavourite favourites }
  Staff(id: $id) @include(if: $staff) { id isFavourite favourites }
  Studio(id: $id) @include(if: $studio) { id isFavourite favourites }
}";
    type Vars = StateVars;
    type Data = FavouriteData;
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StateVars {
    pub id: i64,
    pub media: bool,
    pub character: bool,
    pub staff: bool,
    pub studio: bool,
}

/// The state query's answer: one shape, under the name it asked for.
#[derive(Clone, Debug, Deserialize)]
pub struct FavouriteData {
    #[serde(rename = "Media", alias = "Character", alias = "Staff", alias = "Studio")]
    pub item: Option<Favourite>,
}

#[derive(Clone, Copy, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Favourite {
    pub id: i64,
    #[serde(default)]
    pub is_favourite: bool,
    pub favourites: Option<u32>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_toggle_names_its_own_kind_only() {
        let sent = |f: Favourable| serde_json::to_string(&f.toggle_vars()).unwrap();
        assert_eq!(sent(Favourable::Anime(1)), r#"{"animeId":1}"#);
        assert_eq!(sent(Favourable::Manga(2)), r#"{"mangaId":2}"#);
        assert_eq!(sent(Favourable::Character(3)), r#"{"characterId":3}"#);
        assert_eq!(sent(Favourable::Staff(4)), r#"{"staffId":4}"#);
        assert_eq!(sent(Favourable::Studio(5)), r#"{"studioId":5}"#);
        let asked = |f: Favourable| serde_json::to_string(&f.state_vars()).unwrap();
        assert_eq!(asked(Favourable::Manga(2)), r#"{"id":2,"media":true,"character":false,"staff":false,"studio":false}"#);
        assert_eq!(asked(Favourable::Staff(4)), r#"{"id":4,"media":false,"character":false,"staff":true,"studio":false}"#);
        assert_eq!(asked(Favourable::Studio(5)), r#"{"id":5,"media":false,"character":false,"staff":false,"studio":true}"#);
    }

    #[test]
    fn each_state_query_reads_into_one_shape() {
        for name in ["Media", "Character", "Staff", "Studio"] {
            let d: FavouriteData = serde_json::from_str(&format!(r#"{{"{name}":{{"id":7,"isFavourite":true,"favourites":12}}}}"#)).unwrap();
            assert_eq!(d.item, Some(Favourite { id: 7, is_favourite: true, favourites: Some(12) }), "{name}");
        }
        let none: FavouriteData = serde_json::from_str(r#"{"Staff":null}"#).unwrap();
        assert_eq!(none.item, None);
    }
}
