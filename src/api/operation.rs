//! One AniList operation: its text, its typed variables and its typed
//! answer. Each operation the app sends is a module of [`crate::api::ops`]
//! implementing [`Operation`]; `tests/queries.rs` validates each text
//! against AniList's schema and reads a fixture answer through it.

use serde::de::{DeserializeOwned, Deserializer};
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

/// A GraphQL list whose items may each be `null` (as nearly every list in
/// AniList's schema): `null` items are skipped, a `null` list is empty.
pub fn nullable_list<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    let items: Option<Vec<Option<T>>> = Option::deserialize(d)?;
    Ok(items.into_iter().flatten().flatten().collect())
}

/// A field whose `null` means "none": `null` reads as the type's default.
pub fn null_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
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
