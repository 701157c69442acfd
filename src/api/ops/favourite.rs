//! A person's favourites: the toggle (titles, characters, staff), and the
//! state read back when a toggle's answer is lost (a toggle is never sent
//! again blind); a member's favourites past the first page, and the
//! person's own put in an order of their choosing.

use serde::{Deserialize, Serialize};

use crate::api::operation::Operation;
use crate::api::ops::viewer::Favourites;

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

/// The kinds of favourite a profile shows, each in the member's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FavouriteKind {
    Anime,
    Manga,
    Characters,
    Staff,
    Studios,
}

impl FavouriteKind {
    pub const ALL: [FavouriteKind; 5] = [FavouriteKind::Anime, FavouriteKind::Manga, FavouriteKind::Characters, FavouriteKind::Staff, FavouriteKind::Studios];

    pub fn label(self) -> &'static str {
        match self {
            FavouriteKind::Anime => "Anime",
            FavouriteKind::Manga => "Manga",
            FavouriteKind::Characters => "Characters",
            FavouriteKind::Staff => "Staff",
            FavouriteKind::Studios => "Studios",
        }
    }

    /// What the page and the tests know the group by.
    pub fn testid(self) -> &'static str {
        match self {
            FavouriteKind::Anime => "favourite-anime",
            FavouriteKind::Manga => "favourite-manga",
            FavouriteKind::Characters => "favourite-characters",
            FavouriteKind::Staff => "favourite-staff",
            FavouriteKind::Studios => "favourite-studios",
        }
    }

    /// Page `page` of this kind of member `id`'s favourites, no other kind.
    pub fn page_vars(self, id: u64, page: u32) -> PageVars {
        PageVars {
            id,
            page,
            anime: self == FavouriteKind::Anime,
            manga: self == FavouriteKind::Manga,
            characters: self == FavouriteKind::Characters,
            staff: self == FavouriteKind::Staff,
            studios: self == FavouriteKind::Studios,
        }
    }

    /// The order to save: these favourites of this kind, first to last
    /// (AniList sorts by the numbers given: 1, 2, 3…).
    pub fn order_vars(self, ids: &[i64]) -> OrderVars {
        let order: Vec<u32> = (1..).take(ids.len()).collect();
        let mut vars = OrderVars::default();
        let (slot_ids, slot_order) = match self {
            FavouriteKind::Anime => (&mut vars.anime_ids, &mut vars.anime_order),
            FavouriteKind::Manga => (&mut vars.manga_ids, &mut vars.manga_order),
            FavouriteKind::Characters => (&mut vars.character_ids, &mut vars.character_order),
            FavouriteKind::Staff => (&mut vars.staff_ids, &mut vars.staff_order),
            FavouriteKind::Studios => (&mut vars.studio_ids, &mut vars.studio_order),
        };
        (*slot_ids, *slot_order) = (Some(ids.to_vec()), Some(order));
        vars
    }
}

/// Moves the item at `at` one place up (earlier) or down; where it is now,
/// or `None` when it cannot go that way (the first up, the last down).
pub fn moved<T>(items: &mut [T], at: usize, up: bool) -> Option<usize> {
    let to = if up { at.checked_sub(1)? } else { at + 1 };
    (to < items.len() && at < items.len()).then(|| {
        items.swap(at, to);
        to
    })
}

/// A later page (25, in the member's order) of one kind of member `$id`'s
/// favourites (`FavouriteKind::page_vars`).
pub struct MemberFavourites;

impl Operation for MemberFavourites {
    const NAME: &'static str = "MemberFavourites";
    const MUTATION: bool = false;
    const QUERY: &'static str = concat!(
        "query MemberFavourites($id: Int!, $page: Int, $anime: Boolean!, $manga: Boolean!, $characters: Boolean!, $staff: Boolean!, $studios: Boolean!) {
  User(id: $id) {
    favourites {
      anime(page: $page, perPage: 25) @include(if: $anime) { pageInfo { total } nodes { ...Fav } }
      manga(page: $page, perPage: 25) @include(if: $manga) { pageInfo { total } nodes { ...Fav } }
      characters(page: $page, perPage: 25) @include(if: $characters) { pageInfo { total } nodes { id name { userPreferred } image { medium } } }
      staff(page: $page, perPage: 25) @include(if: $staff) { pageInfo { total } nodes { id name { userPreferred } image { medium } } }
      studios(page: $page, perPage: 25) @include(if: $studios) { pageInfo { total } nodes { id name } }
    }
  }
}
",
        crate::fav_fragment!()
    );
    type Vars = PageVars;
    type Data = MemberFavouritesData;
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PageVars {
    pub id: u64,
    pub page: u32,
    pub anime: bool,
    pub manga: bool,
    pub characters: bool,
    pub staff: bool,
    pub studios: bool,
}

#[derive(Clone, Debug, Deserialize)]
pub struct MemberFavouritesData {
    #[serde(rename = "User")]
    pub user: Option<FavouritesOf>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct FavouritesOf {
    pub favourites: Option<Favourites>,
}

impl MemberFavouritesData {
    pub fn favourites(self) -> Favourites {
        self.user.and_then(|u| u.favourites).unwrap_or_default()
    }
}

/// Puts the person's favourites of one kind in the order given
/// (`FavouriteKind::order_vars`): it sets the whole order, so it is safe to
/// send again when its answer is lost.
pub struct OrderFavourites;

impl Operation for OrderFavourites {
    const NAME: &'static str = "OrderFavourites";
    const MUTATION: bool = true;
    const QUERY: &'static str = "mutation OrderFavourites($animeIds: [Int], $animeOrder: [Int], $mangaIds: [Int], $mangaOrder: [Int], $characterIds: [Int], $characterOrder: [Int], $staffIds: [Int], $staffOrder: [Int], $studioIds: [Int], $studioOrder: [Int]) {
  UpdateFavouriteOrder(animeIds: $animeIds, animeOrder: $animeOrder, mangaIds: $mangaIds, mangaOrder: $mangaOrder, characterIds: $characterIds, characterOrder: $characterOrder, staffIds: $staffIds, staffOrder: $staffOrder, studioIds: $studioIds, studioOrder: $studioOrder) { anime(perPage: 1) { pageInfo { total } } }
}";
    type Vars = OrderVars;
    type Data = serde::de::IgnoredAny;
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderVars {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anime_ids: Option<Vec<i64>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anime_order: Option<Vec<u32>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub manga_ids: Option<Vec<i64>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub manga_order: Option<Vec<u32>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub character_ids: Option<Vec<i64>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub character_order: Option<Vec<u32>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub staff_ids: Option<Vec<i64>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub staff_order: Option<Vec<u32>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub studio_ids: Option<Vec<i64>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub studio_order: Option<Vec<u32>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_order_names_one_kind_every_id_and_its_place() {
        let sent = |k: FavouriteKind, ids: &[i64]| serde_json::to_string(&k.order_vars(ids)).unwrap();
        assert_eq!(sent(FavouriteKind::Anime, &[30, 10, 20]), r#"{"animeIds":[30,10,20],"animeOrder":[1,2,3]}"#);
        assert_eq!(sent(FavouriteKind::Manga, &[5]), r#"{"mangaIds":[5],"mangaOrder":[1]}"#);
        assert_eq!(sent(FavouriteKind::Characters, &[2, 1]), r#"{"characterIds":[2,1],"characterOrder":[1,2]}"#);
        assert_eq!(sent(FavouriteKind::Staff, &[]), r#"{"staffIds":[],"staffOrder":[]}"#);
        assert_eq!(sent(FavouriteKind::Studios, &[14, 7]), r#"{"studioIds":[14,7],"studioOrder":[1,2]}"#);
        let asked = serde_json::to_string(&FavouriteKind::Characters.page_vars(5150, 3)).unwrap();
        assert_eq!(asked, r#"{"id":5150,"page":3,"anime":false,"manga":false,"characters":true,"staff":false,"studios":false}"#);
    }

    #[test]
    fn moving_stops_at_either_end() {
        let mut v = vec!['a', 'b', 'c'];
        assert_eq!(moved(&mut v, 0, true), None);
        assert_eq!(moved(&mut v, 2, false), None);
        assert_eq!(moved(&mut v, 3, true), None, "past the end: nothing moves");
        assert_eq!(v, ['a', 'b', 'c']);
        assert_eq!(moved(&mut v, 2, true), Some(1));
        assert_eq!(v, ['a', 'c', 'b']);
        assert_eq!(moved(&mut v, 0, false), Some(1));
        assert_eq!(v, ['c', 'a', 'b']);
    }

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
