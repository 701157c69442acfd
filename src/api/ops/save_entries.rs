//! Many list entries saved in one request: one `SaveMediaListEntry` per
//! entry, aliased `e0`, `e1`…, each with its own variables (`mediaId0`,
//! `status0`…). AniList counts one request however much it asks, so an
//! import or an undone delete of hundreds of entries takes minutes, not
//! hours. Each save is [`super::save_entry`]'s: absolute values, safe to
//! send again. The text is made for the number of entries sent (at most
//! the outbox's batch size, under AniList's complexity limit).

use std::collections::HashMap;

use serde::ser::{Error, SerializeMap};
use serde::{Serialize, Serializer};

use crate::api::ops::list_collection::Entry;
use crate::api::ops::save_entry;
use crate::entry_fields;

pub const NAME: &str = "SaveEntries";

/// `SaveMediaListEntry`'s arguments the app sends, with their types: the
/// same as [`save_entry::SaveEntry`]'s (a test holds them together).
pub const ARGS: [(&str, &str); 15] = [
    ("id", "Int"),
    ("mediaId", "Int"),
    ("status", "MediaListStatus"),
    ("progress", "Int"),
    ("progressVolumes", "Int"),
    ("score", "Float"),
    ("repeat", "Int"),
    ("priority", "Int"),
    ("private", "Boolean"),
    ("hiddenFromStatusLists", "Boolean"),
    ("notes", "String"),
    ("startedAt", "FuzzyDateInput"),
    ("completedAt", "FuzzyDateInput"),
    ("customLists", "[String]"),
    ("advancedScores", "[Float]"),
];

/// The alias of the `k`th save in the text and the answer.
pub fn alias(k: usize) -> String {
    format!("e{k}")
}

/// The mutation for `n` saves.
pub fn query(n: usize) -> String {
    let declared: Vec<String> = (0..n).flat_map(|k| ARGS.iter().map(move |(a, t)| format!("${a}{k}: {t}"))).collect();
    let mut text = format!("mutation {NAME}({}) {{\n", declared.join(", "));
    for k in 0..n {
        let args: Vec<String> = ARGS.iter().map(|(a, _)| format!("{a}: ${a}{k}")).collect();
        text.push_str(&format!("  {}: SaveMediaListEntry({}) {{ {} }}\n", alias(k), args.join(", "), entry_fields!()));
    }
    text.push('}');
    text
}

/// Each save's variables, named with its number (a variable not sent
/// leaves its field as AniList holds it, as in a save alone).
#[derive(Clone, Debug, Default)]
pub struct Vars(pub Vec<save_entry::Vars>);

impl Serialize for Vars {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        for (k, vars) in self.0.iter().enumerate() {
            let serde_json::Value::Object(fields) = serde_json::to_value(vars).map_err(S::Error::custom)? else {
                return Err(S::Error::custom("a save's variables are not an object"));
            };
            for (name, value) in fields {
                map.serialize_entry(&format!("{name}{k}"), &value)?;
            }
        }
        map.end()
    }
}

/// Each save's entry as AniList holds it now, by alias (`null`: not saved).
pub type Data = HashMap<String, Option<Entry>>;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::media::ListStatus;

    #[test]
    fn each_save_has_its_own_numbered_variables() {
        let vars = Vars(vec![
            save_entry::Vars { media_id: Some(1), status: Some(ListStatus::Current), progress: Some(3), ..Default::default() },
            save_entry::Vars { id: Some(22), notes: Some("x".into()), ..Default::default() },
        ]);
        assert_eq!(
            serde_json::to_value(&vars).unwrap(),
            serde_json::json!({"mediaId0": 1, "status0": "CURRENT", "progress0": 3, "id1": 22, "notes1": "x"})
        );
        let text = query(2);
        assert!(text.starts_with("mutation SaveEntries($id0: Int, $mediaId0: Int, $status0: MediaListStatus,"), "{text}");
        assert!(text.contains("e1: SaveMediaListEntry(id: $id1, mediaId: $mediaId1,") && !text.contains("e2:"), "{text}");
    }

    #[test]
    fn its_arguments_are_the_single_saves() {
        use crate::api::operation::Operation;
        let single = save_entry::SaveEntry::QUERY;
        for (a, t) in ARGS {
            assert!(single.contains(&format!("${a}: {t}")) && single.contains(&format!("{a}: ${a}")), "{a}");
        }
        assert_eq!(single.matches(": $").count(), ARGS.len(), "SaveEntry sends no argument SaveEntries lacks");
    }
}
