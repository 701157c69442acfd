//! Reading JSON into the app's types by walking the parsed
//! `serde_json::Value`, instead of `#[derive(Deserialize)]`: AniList's
//! answers, and what the app keeps in storage (each stored type's
//! `from_json`, which requires what it cannot do without with `?`).
//!
//! Why: every derived type, and every `Option<T>` and `Vec<T>` field in
//! it, was compiled against serde_json's `Value` deserializer; those
//! instantiations were about 40 KB of the wasm. A walk is a few lookups.
//!
//! The rules are GraphQL's: a field that is missing, `null` or of another
//! type reads as absent, and a list's `null` items are skipped. Only what
//! the app cannot work without (an id, a name) is required, and its
//! absence is an [`ApiError::Shape`] naming it. Pure: tested natively.

use serde_json::Value;

use crate::api::error::ApiError;

/// `v.key`: `null` when `v` is not an object or has no such field.
pub fn at<'a>(v: &'a Value, key: &str) -> &'a Value {
    &v[key]
}

pub fn string(v: &Value, key: &str) -> Option<String> {
    v[key].as_str().map(str::to_owned)
}

pub fn flag(v: &Value, key: &str) -> Option<bool> {
    v[key].as_bool()
}

/// A whole number that fits a `u32` (counts, progress).
pub fn count(v: &Value, key: &str) -> Option<u32> {
    v[key].as_u64().and_then(|n| u32::try_from(n).ok())
}

pub fn big_count(v: &Value, key: &str) -> Option<u64> {
    v[key].as_u64()
}

/// A whole number (ids, Unix times).
pub fn int(v: &Value, key: &str) -> Option<i64> {
    v[key].as_i64()
}

pub fn number(v: &Value, key: &str) -> Option<f64> {
    v[key].as_f64()
}

/// The object items of a list field; `null` and other items are skipped.
pub fn objects<'a>(v: &'a Value, key: &str) -> impl Iterator<Item = &'a Value> {
    items(&v[key])
}

/// The object items of `list` when it is a list; none otherwise.
pub fn items(list: &Value) -> impl Iterator<Item = &Value> {
    list.as_array().into_iter().flatten().filter(|item| item.is_object())
}

/// An object field the app cannot work without.
pub fn object<'a>(v: &'a Value, key: &str) -> Result<&'a Value, ApiError> {
    Some(&v[key]).filter(|o| o.is_object()).ok_or_else(|| missing(key))
}

/// A value the app cannot work without; `what` names it in the error.
pub fn required<T>(value: Option<T>, what: &str) -> Result<T, ApiError> {
    value.ok_or_else(|| missing(what))
}

fn missing(what: &str) -> ApiError {
    ApiError::Shape(format!("no {what}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn absent_null_and_mistyped_fields_read_as_absent() {
        let v = json!({ "s": "x", "n": 7, "f": 7.5, "b": true, "z": null, "neg": -3, "huge": 5_000_000_000u64 });
        assert_eq!(string(&v, "s").as_deref(), Some("x"));
        assert_eq!(string(&v, "n"), None);
        assert_eq!(string(&v, "nope"), None);
        assert_eq!(count(&v, "n"), Some(7));
        assert_eq!(count(&v, "f"), None);
        assert_eq!(count(&v, "neg"), None);
        assert_eq!(count(&v, "huge"), None);
        assert_eq!(big_count(&v, "huge"), Some(5_000_000_000));
        assert_eq!(int(&v, "neg"), Some(-3));
        assert_eq!(number(&v, "n"), Some(7.0));
        assert_eq!(number(&v, "f"), Some(7.5));
        assert_eq!(flag(&v, "b"), Some(true));
        assert_eq!(flag(&v, "z"), None);
        assert_eq!(at(&json!([1, 2]), "s"), &Value::Null);
        assert_eq!(string(&json!("text"), "s"), None);
    }

    #[test]
    fn lists_skip_null_and_non_object_items() {
        let v = json!({ "xs": [{ "id": 1 }, null, 3, { "id": 2 }], "none": null });
        let ids: Vec<_> = objects(&v, "xs").filter_map(|x| int(x, "id")).collect();
        assert_eq!(ids, [1, 2]);
        assert_eq!(objects(&v, "none").count(), 0);
        assert_eq!(objects(&v, "missing").count(), 0);
    }

    #[test]
    fn what_is_required_is_named_when_missing() {
        let v = json!({ "Viewer": { "id": 1 }, "Page": null });
        assert!(object(&v, "Viewer").is_ok());
        assert_eq!(object(&v, "Page"), Err(ApiError::Shape("no Page".into())));
        assert_eq!(object(&v, "Nope"), Err(ApiError::Shape("no Nope".into())));
        assert_eq!(required(int(&v["Viewer"], "id"), "user id"), Ok(1));
        assert_eq!(required(string(&v["Viewer"], "name"), "user name"), Err(ApiError::Shape("no user name".into())));
        assert_eq!(
            ApiError::Shape("no user name".into()).to_string(),
            "AniList's answer was not what this app expects (no user name)."
        );
    }
}
