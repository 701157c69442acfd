//! Writing a review, the pure part: AniList's limits (its schema: the text
//! at least 2,200 characters, the summary 20 to 120, a score out of 100),
//! what a draft still lacks before it can be sent, and which draft the form
//! starts from when one was kept on this device.

//!
//! Numbers in its words are written by the `digits` the caller passes (the
//! app's is the browser's grouping, `crate::text::group_digits`).

use serde::{Deserialize, Serialize};

pub const BODY_MIN: usize = 2200;
pub const SUMMARY_MIN: usize = 20;
pub const SUMMARY_MAX: usize = 120;
pub const SCORE_MAX: u32 = 100;

/// A review as the form holds it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub summary: String,
    /// Markdown, as AniList keeps it.
    pub body: String,
    /// As typed; read by [`Draft::score`].
    pub score: String,
    /// Only its writer can see it.
    pub private: bool,
}

/// A field of the form, for a problem to point at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Summary,
    Score,
    Body,
}

impl Field {
    /// The form control's element id (a problem's link focuses it).
    pub fn id(self) -> &'static str {
        match self {
            Field::Summary => "review-summary",
            Field::Score => "review-score",
            Field::Body => "review-body",
        }
    }
}

/// Characters as AniList counts them: Unicode characters, the spaces at
/// either end left out.
pub fn length(text: &str) -> usize {
    text.trim().chars().count()
}

impl Draft {
    /// The form filled with a review as AniList holds it.
    pub fn of_saved(summary: Option<&str>, body: Option<&str>, score: Option<u32>, private: Option<bool>) -> Self {
        Draft {
            summary: summary.unwrap_or_default().to_string(),
            body: body.unwrap_or_default().to_string(),
            score: score.map(|s| s.to_string()).unwrap_or_default(),
            private: private.unwrap_or(false),
        }
    }

    /// The score, when it is a whole number from 0 to 100.
    pub fn score(&self) -> Option<u32> {
        self.score.trim().parse::<u32>().ok().filter(|s| *s <= SCORE_MAX)
    }

    /// What keeps the draft from being sent, field by field, in the form's
    /// order; empty when it can go.
    pub fn problems(&self, digits: impl Fn(usize) -> String) -> Vec<(Field, String)> {
        let mut out = Vec::new();
        let summary = length(&self.summary);
        if summary < SUMMARY_MIN {
            out.push((Field::Summary, format!("The summary needs at least {SUMMARY_MIN} characters ({summary} so far).")));
        } else if summary > SUMMARY_MAX {
            out.push((Field::Summary, format!("The summary may have {SUMMARY_MAX} characters at most ({summary} now).")));
        }
        if self.score().is_none() {
            let why = if self.score.trim().is_empty() { "Give the title a score" } else { "The score is a whole number" };
            out.push((Field::Score, format!("{why} from 0 to {SCORE_MAX}.")));
        }
        let body = length(&self.body);
        if body < BODY_MIN {
            out.push((Field::Body, format!("The review needs at least {} characters ({} more).", digits(BODY_MIN), digits(BODY_MIN - body))));
        }
        out
    }

    /// The text's length against the minimum: "1,234 of at least 2,200
    /// characters", then "#2345 characters".
    pub fn body_count(&self, digits: impl Fn(usize) -> String) -> String {
        let n = length(&self.body);
        if n < BODY_MIN {
            format!("{} of at least {} characters", digits(n), digits(BODY_MIN))
        } else {
            format!("{} characters", digits(n))
        }
    }

    /// The summary's length against its limits: "12 of 20–120 characters".
    pub fn summary_count(&self) -> String {
        format!("{} of {SUMMARY_MIN}–{SUMMARY_MAX} characters", length(&self.summary))
    }

    /// Whether nothing has been written (a blank form).
    pub fn is_blank(&self) -> bool {
        self.summary.trim().is_empty() && self.body.trim().is_empty() && self.score.trim().is_empty()
    }
}

impl crate::draft::Written for Draft {
    fn is_blank(&self) -> bool {
        Draft::is_blank(self)
    }
}

/// Where a member's draft of their review of a title is kept.
pub fn kept_key(user: u64, media: i64) -> String {
    format!("tsuzuki.review-draft.v1.{user}.{media}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The numbers as the caller's `digits` writes them (marked, to see it is used).
    fn digits(n: usize) -> String {
        format!("#{n}")
    }

    fn draft(summary: &str, body_len: usize, score: &str) -> Draft {
        Draft { summary: summary.into(), body: "x".repeat(body_len), score: score.into(), private: false }
    }

    #[test]
    fn a_draft_within_every_limit_has_no_problem() {
        assert_eq!(draft("A fine summary of twenty+", BODY_MIN, "85").problems(digits), vec![]);
        assert_eq!(draft(&"s".repeat(SUMMARY_MAX), BODY_MIN + 500, "0").problems(digits), vec![]);
        assert_eq!(draft("A fine summary of twenty+", BODY_MIN, " 100 ").score(), Some(100));
    }

    #[test]
    fn each_limit_is_named_with_how_far_off_it_is() {
        let fields = |d: Draft| d.problems(digits).into_iter().map(|(f, _)| f).collect::<Vec<_>>();
        assert_eq!(fields(draft("short", 10, "")), vec![Field::Summary, Field::Score, Field::Body]);
        assert_eq!(fields(draft(&"s".repeat(SUMMARY_MAX + 1), BODY_MIN, "50")), vec![Field::Summary]);
        assert_eq!(fields(draft("A fine summary of twenty+", BODY_MIN, "101")), vec![Field::Score]);
        assert_eq!(fields(draft("A fine summary of twenty+", BODY_MIN, "7.5")), vec![Field::Score]);
        assert_eq!(fields(draft("A fine summary of twenty+", BODY_MIN - 1, "-1")), vec![Field::Score, Field::Body]);
        let p = draft("short", 1000, "").problems(digits);
        assert_eq!(p[0].1, "The summary needs at least 20 characters (5 so far).");
        assert_eq!(p[1].1, "Give the title a score from 0 to 100.");
        assert_eq!(p[2].1, "The review needs at least #2200 characters (#1200 more).");
        assert_eq!(draft("A fine summary of twenty+", BODY_MIN, "nine").problems(digits)[0].1, "The score is a whole number from 0 to 100.");
    }

    #[test]
    fn characters_are_counted_as_characters_without_the_spaces_around() {
        assert_eq!(length("  ab \n"), 2);
        assert_eq!(length("星の物語"), 4);
        let spaced = Draft { body: format!("   {}   ", "x".repeat(BODY_MIN - 1)), ..draft("A fine summary of twenty+", 0, "5") };
        assert_eq!(spaced.problems(digits).len(), 1, "padding is not text");
        assert_eq!(draft("", 1234, "").body_count(digits), "#1234 of at least #2200 characters");
        assert_eq!(draft("", 2345, "").body_count(digits), "#2345 characters");
        assert_eq!(draft("Twelve chars", 0, "").summary_count(), "12 of 20–120 characters");
    }

    #[test]
    fn a_kept_draft_comes_back_only_when_it_says_more_than_anilist_holds() {
        use crate::draft::{start, Kept, Start};
        let saved = Draft::of_saved(Some("The best space western there is."), Some("Body"), Some(95), Some(false));
        assert_eq!(saved.score, "95");
        assert_eq!(start(saved.clone(), None), Start::Saved(saved.clone()));
        // The same as AniList's (it was saved): AniList's.
        assert_eq!(start(saved.clone(), Some(Kept { draft: saved.clone(), at: 1.0 })), Start::Saved(saved.clone()));
        // A blank one says nothing.
        assert_eq!(start(saved.clone(), Some(Kept { draft: Draft::default(), at: 1.0 })), Start::Saved(saved.clone()));
        let changed = Draft { body: "Body, longer".into(), ..saved.clone() };
        let back = start(saved.clone(), Some(Kept { draft: changed.clone(), at: 5.0 }));
        assert_eq!(back, Start::Restored { draft: changed.clone(), at: 5.0 });
        assert_eq!(back.draft(), &changed);
        // No review yet: the draft is all there is.
        assert_eq!(start(Draft::default(), Some(Kept { draft: changed.clone(), at: 5.0 })).draft(), &changed);
        assert_eq!(kept_key(5150, 30002), "tsuzuki.review-draft.v1.5150.30002");
    }
}
