//! AniList's tags, for browsing by tag: asked once and kept on this device
//! for a week (AniList adds one now and then), so a visit to the search
//! costs no request for them. Kept ones that are older still serve when
//! AniList cannot be reached.

use serde::{Deserialize, Serialize};

use crate::api::operation::NoVars;
use crate::api::ops::tags::{Tag, Tags};
use crate::api::{Api, ApiError};
use crate::storage::{self, Area};

const KEY: &str = "tsuzuki.tags.v2";

/// Where tags were kept before they had their descriptions.
const OLD_KEY: &str = "tsuzuki.tags.v1";

/// Kept tags are used without asking AniList again for this long.
pub const FRESH_FOR_MS: f64 = 7.0 * 86_400_000.0;

#[derive(Serialize, Deserialize)]
struct Kept {
    at: f64,
    tags: Vec<Tag>,
}

/// Whether tags kept at `at` still serve at `now` (a clock set back: no).
fn fresh(at: f64, now: f64) -> bool {
    now >= at && now - at < FRESH_FOR_MS
}

/// AniList's tags: the kept ones while fresh, else AniList's (then kept);
/// when AniList cannot answer, the kept ones however old.
pub async fn known(api: &Api) -> Result<Vec<Tag>, ApiError> {
    let now = js_sys::Date::now();
    let kept = storage::get::<Kept>(Area::Local, KEY).ok().flatten();
    if let Some(k) = kept.as_ref().filter(|k| fresh(k.at, now)) {
        return Ok(k.tags.clone());
    }
    match api.run::<Tags>(None, &NoVars {}, false).await {
        Ok(d) if !d.tags.is_empty() => {
            // Not kept (storage full or absent): asked again next visit.
            storage::delete(Area::Local, OLD_KEY);
            let _ = storage::set(Area::Local, KEY, &Kept { at: now, tags: d.tags.clone() });
            Ok(d.tags)
        }
        Ok(_) => Ok(kept.map(|k| k.tags).unwrap_or_default()),
        Err(e) => kept.map(|k| k.tags).ok_or(e),
    }
}

/// The tag of this name (AniList's spelling, as the browse address holds
/// it) and what it means, when AniList says.
pub fn about(tags: &[Tag], name: &str) -> Option<(String, String)> {
    let tag = tags.iter().find(|t| t.name == name)?;
    let about = crate::text::said(tag.description.as_deref())?;
    Some((tag.name.clone(), about.to_string()))
}

/// The tags to choose from, by category ("Theme / Action"), categories and
/// tags in alphabetical order; those for adults only when `adult`.
pub fn grouped(tags: &[Tag], adult: bool) -> Vec<(String, Vec<String>)> {
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    let mut shown: Vec<&Tag> = tags.iter().filter(|t| adult || !t.adult()).collect();
    shown.sort_by(|a, b| (a.category.as_deref().unwrap_or("Other"), a.name.as_str()).cmp(&(b.category.as_deref().unwrap_or("Other"), b.name.as_str())));
    for t in shown {
        let category = t.category.as_deref().unwrap_or("Other").replace('-', " / ");
        match groups.last_mut() {
            Some((c, names)) if *c == category => names.push(t.name.clone()),
            _ => groups.push((category, vec![t.name.clone()])),
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(name: &str, category: Option<&str>, adult: bool) -> Tag {
        Tag { id: 0, name: name.into(), description: None, category: category.map(Into::into), is_adult: Some(adult), is_general_spoiler: None }
    }

    #[test]
    fn a_tag_is_told_by_its_name_when_anilist_says_what_it_means() {
        let space = Tag { description: Some(" Set in outer space. ".into()), ..tag("Space", None, false) };
        let blank = Tag { description: Some(" ".into()), ..tag("Tragedy", None, false) };
        let tags = [space, blank, tag("Iyashikei", None, false)];
        assert_eq!(about(&tags, "Space"), Some(("Space".into(), "Set in outer space.".into())));
        assert_eq!(about(&tags, "Tragedy"), None);
        assert_eq!(about(&tags, "Iyashikei"), None);
        assert_eq!(about(&tags, "space"), None, "the address holds AniList's spelling");
    }

    #[test]
    fn tags_come_by_category_and_those_for_adults_only_when_shown() {
        let tags = [tag("Space", Some("Setting-Universe"), false), tag("Nudity", Some("Sexual Content"), true), tag("Aliens", Some("Setting-Universe"), false), tag("Iyashikei", None, false), tag("Tragedy", Some("Theme-Drama"), false)];
        let names = |g: &[(String, Vec<String>)]| g.iter().map(|(c, n)| format!("{c}: {}", n.join(", "))).collect::<Vec<_>>();
        assert_eq!(names(&grouped(&tags, false)), ["Other: Iyashikei", "Setting / Universe: Aliens, Space", "Theme / Drama: Tragedy"]);
        assert_eq!(names(&grouped(&tags, true))[2], "Sexual Content: Nudity");
    }

    #[test]
    fn kept_tags_serve_for_a_week() {
        assert!(fresh(1_000.0, 1_000.0 + FRESH_FOR_MS - 1.0));
        assert!(!fresh(1_000.0, 1_000.0 + FRESH_FOR_MS));
        assert!(!fresh(5_000.0, 1_000.0), "a clock set back asks again");
    }
}
