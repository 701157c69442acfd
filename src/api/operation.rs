//! One AniList operation: its text, its typed variables and its typed
//! answer. Each operation the app sends is a module of [`crate::api::ops`]
//! implementing [`Operation`]; `tests/queries.rs` validates each text
//! against AniList's schema and reads a fixture answer through it.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{DeserializeOwned, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

pub trait Operation {
    /// The operation's name in its text (`query NAME`), sent as `operationName`.
    const NAME: &'static str;
    const QUERY: &'static str;
    /// Mutations are never answered from memory nor retried by the client.
    const MUTATION: bool;
    type Vars: Serialize;
    /// The `data` of the answer.
    type Data: DeserializeOwned;
}

/// The variables of an operation that takes none (the token's user is
/// the one asked about).
#[derive(Clone, Debug, Default, Serialize)]
pub struct NoVars {}

/// A GraphQL list whose items may each be `null` (as nearly every list in
/// AniList's schema): `null` items are skipped, a `null` list is empty.
pub fn nullable_list<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    // Read straight into the `Vec`, without a `Vec<Option<T>>` between: one
    // small visitor a type instead of serde's `Option<Vec<Option<T>>>`
    // reader and a collect (2.5 KB of wasm for each of the 11 types).
    struct Items<T>(PhantomData<T>);
    impl<'de, T: Deserialize<'de>> Visitor<'de> for Items<T> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a list or null")
        }
        fn visit_none<E>(self) -> Result<Vec<T>, E> {
            Ok(Vec::new())
        }
        fn visit_unit<E>(self) -> Result<Vec<T>, E> {
            Ok(Vec::new())
        }
        fn visit_some<S: Deserializer<'de>>(self, d: S) -> Result<Vec<T>, S::Error> {
            d.deserialize_seq(self)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut items = Vec::new();
            while let Some(item) = seq.next_element::<Option<T>>()? {
                items.extend(item);
            }
            Ok(items)
        }
    }
    d.deserialize_option(Items(PhantomData))
}

/// A field whose `null` means "none": `null` reads as the type's default.
pub fn null_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

/// A page's `pageInfo { hasNextPage }`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct More {
    pub has_next_page: Option<bool>,
}

/// Whether AniList says another page follows (no word: none does).
pub fn has_next(info: Option<&More>) -> bool {
    info.and_then(|p| p.has_next_page).unwrap_or(false)
}

/// The answer of a query whose `Page` holds `pageInfo { hasNextPage }` and
/// one list, aliased `items` in its text (`items: activities(…)`).
#[derive(Clone, Debug, Deserialize)]
#[serde(bound(deserialize = "T: Deserialize<'de>"))]
pub struct PageData<T> {
    #[serde(rename = "Page")]
    pub page: Option<PageOf<T>>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase", bound(deserialize = "T: Deserialize<'de>"))]
pub struct PageOf<T> {
    pub page_info: Option<More>,
    #[serde(default, deserialize_with = "nullable_list")]
    pub items: Vec<T>,
}

impl<T> PageData<T> {
    /// The page's items (a `null` one left out) and whether more follow.
    pub fn items(self) -> (Vec<T>, bool) {
        match self.page {
            Some(p) => (p.items, has_next(p.page_info.as_ref())),
            None => (Vec::new(), false),
        }
    }
}

/// Adds a later page to what is shown, leaving out what is shown already
/// (by `key`): AniList's pages shift while things come and go.
pub fn add_unseen<T, K: Eq + std::hash::Hash>(shown: &mut Vec<T>, more: Vec<T>, key: impl Fn(&T) -> K) {
    let seen: std::collections::HashSet<K> = shown.iter().map(&key).collect();
    shown.extend(more.into_iter().filter(|x| !seen.contains(&key(x))));
}

/// AniList's `title` object; which ones are asked for depends on the query.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Title {
    #[serde(default)]
    pub user_preferred: Option<String>,
    #[serde(default)]
    pub romaji: Option<String>,
    #[serde(default)]
    pub english: Option<String>,
    #[serde(default)]
    pub native: Option<String>,
}

/// AniList's `coverImage`, as far as the app uses it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cover {
    #[serde(default)]
    pub medium: Option<String>,
    #[serde(default)]
    pub large: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    struct Holder {
        #[serde(default, deserialize_with = "nullable_list")]
        items: Vec<i64>,
    }

    fn items(json: &str) -> Result<Vec<i64>, String> {
        serde_json::from_str::<Holder>(json).map(|h| h.items).map_err(|e| e.to_string())
    }

    #[test]
    fn a_nullable_list_skips_null_items_and_reads_null_or_absent_as_empty() {
        assert_eq!(items(r#"{"items": [1, null, 2, null]}"#), Ok(vec![1, 2]));
        assert_eq!(items(r#"{"items": [null]}"#), Ok(vec![]));
        assert_eq!(items(r#"{"items": []}"#), Ok(vec![]));
        assert_eq!(items(r#"{"items": null}"#), Ok(vec![]));
        assert_eq!(items(r#"{}"#), Ok(vec![]));
    }

    #[test]
    fn a_nullable_list_refuses_what_is_not_a_list_of_the_type() {
        assert!(items(r#"{"items": "1"}"#).is_err());
        assert!(items(r#"{"items": {"a": 1}}"#).is_err());
        assert!(items(r#"{"items": [1, "2"]}"#).is_err());
        assert!(items(r#"{"items": [1, [2]]}"#).is_err());
    }
}
