//! What an edit to a list entry is: every value of an entry the editor
//! changes ([`Values`]), a change to some of them ([`Patch`]: only the
//! fields the person touched are sent, so a "+1" never overwrites notes
//! written elsewhere), AniList's fuzzy dates, and the checks made before
//! anything is sent. Pure: tested natively.

use serde::{Deserialize, Serialize};

use crate::media::{ListStatus, ScoreFormat};

/// A score or a step as an input shows it: "8.5", "85".
pub fn short(x: f64) -> String {
    if x.fract() == 0.0 { format!("{x:.0}") } else { format!("{x:.1}") }
}

/// AniList's `FuzzyDate`: any part may be unknown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FuzzyDate {
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl FuzzyDate {
    pub fn is_empty(&self) -> bool {
        self.year.is_none() && self.month.is_none() && self.day.is_none()
    }

    /// Why AniList would not take it, if it would not.
    pub fn problem(&self) -> Option<String> {
        if let Some(y) = self.year {
            if !(1900..=2100).contains(&y) {
                return Some("A year is between 1900 and 2100.".into());
            }
        }
        if let Some(m) = self.month {
            if !(1..=12).contains(&m) {
                return Some("A month is from 1 to 12.".into());
            }
        }
        if let Some(d) = self.day {
            let Some(m) = self.month else { return Some("A day needs its month.".into()) };
            let last = days_in_month(self.year, m);
            if !(1..=last).contains(&d) {
                return Some(format!("That month has {last} days."));
            }
        }
        None
    }

    /// Whether this comes before `other`, as far as their known parts
    /// tell: a year before the other's, or in the same year a month before
    /// the other's, or in the same month a day before. A part one of them
    /// does not know tells nothing: "2024" is not before "2024-03", nor
    /// "2024-03" before "2024"; "2023" is before "2024-03".
    pub fn is_before(&self, other: &FuzzyDate) -> bool {
        let parts = |d: &FuzzyDate| [d.year.map(i64::from), d.month.map(i64::from), d.day.map(i64::from)];
        for (a, b) in parts(self).into_iter().zip(parts(other)) {
            match (a, b) {
                (Some(a), Some(b)) if a != b => return a < b,
                (Some(_), Some(_)) => {}
                _ => return false,
            }
        }
        false
    }

    /// "2024-03-09", "2024-03", "2024", "March 9" (no year): as much as is known.
    pub fn label(&self) -> String {
        match (self.year, self.month, self.day) {
            (None, None, None) => String::new(),
            (Some(y), Some(m), Some(d)) => format!("{y}-{m:02}-{d:02}"),
            (Some(y), Some(m), None) => format!("{y}-{m:02}"),
            (Some(y), None, _) => y.to_string(),
            (None, Some(m), d) => {
                let month = (m as usize).checked_sub(1).and_then(|i| MONTHS.get(i)).copied().unwrap_or("?");
                format!("{month}{}", d.map(|d| format!(" {d}")).unwrap_or_default())
            }
            (None, None, Some(d)) => format!("day {d}"),
        }
    }
}

pub const MONTHS: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// The days of a month; February has 29 when the year is unknown.
pub fn days_in_month(year: Option<i32>, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(y) if !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) => 28,
            _ => 29,
        },
        _ => 31,
    }
}

/// Every value of an entry the editor changes, all absolute.
///
/// Kept in the outbox (as a change's `before`): the fields after `score`
/// came later, and a queue kept by an older version reads them as empty.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Values {
    pub status: ListStatus,
    pub progress: u32,
    pub score: f64,
    #[serde(default)]
    pub volumes: u32,
    #[serde(default)]
    pub repeat: u32,
    #[serde(default)]
    pub priority: u32,
    #[serde(default)]
    pub private: bool,
    /// Shown only in its custom lists.
    #[serde(default)]
    pub hidden: bool,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub started: FuzzyDate,
    #[serde(default)]
    pub completed: FuzzyDate,
    /// The custom lists it is on, by name.
    #[serde(default)]
    pub lists: Vec<String>,
    /// Advanced scores by section name, in the user's order.
    #[serde(default)]
    pub advanced: Vec<(String, f64)>,
}

impl Values {
    /// A title just added: only its status.
    pub fn new(status: ListStatus) -> Self {
        Self {
            status,
            progress: 0,
            score: 0.0,
            volumes: 0,
            repeat: 0,
            priority: 0,
            private: false,
            hidden: false,
            notes: String::new(),
            started: FuzzyDate::default(),
            completed: FuzzyDate::default(),
            lists: Vec::new(),
            advanced: Vec::new(),
        }
    }

    /// Completed, as "Mark completed" does: a rewatch or reread that ends
    /// counts one more (as AniList's own site does).
    pub fn complete(&mut self) {
        if self.status == ListStatus::Repeating {
            self.repeat = self.repeat.saturating_add(1);
        }
        self.status = ListStatus::Completed;
    }
}

/// A change to some values of an entry (`None`: not changed). Kept in the
/// outbox; a queue kept by an older version (status, progress and score
/// only) reads as a patch of those three.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Patch {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<ListStatus>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub progress: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub volumes: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repeat: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priority: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub private: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hidden: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub started: Option<FuzzyDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub completed: Option<FuzzyDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lists: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub advanced: Option<Vec<(String, f64)>>,
}

/// Runs `$m!(field)` for every field of [`Values`] and [`Patch`].
macro_rules! each_field {
    ($m:ident) => {
        $m!(status);
        $m!(progress);
        $m!(score);
        $m!(volumes);
        $m!(repeat);
        $m!(priority);
        $m!(private);
        $m!(hidden);
        $m!(notes);
        $m!(started);
        $m!(completed);
        $m!(lists);
        $m!(advanced);
    };
}

impl Patch {
    /// "Mark completed" on an entry of `status` watched or read again
    /// `repeat` times (see [`Values::complete`]).
    pub fn completed(status: ListStatus, repeat: u32) -> Self {
        let repeat = (status == ListStatus::Repeating).then(|| repeat.saturating_add(1));
        Patch { status: Some(ListStatus::Completed), repeat, ..Patch::default() }
    }

    /// Progress moved by `by` from `progress` (never below 0): a −1 or +1
    /// button's change. Starting a planned title makes it current.
    pub fn step(progress: u32, status: Option<ListStatus>, by: i64) -> Self {
        let progress = (i64::from(progress) + by).clamp(0, i64::from(u32::MAX)) as u32;
        let status = (by > 0 && status == Some(ListStatus::Planning)).then_some(ListStatus::Current);
        Patch { progress: Some(progress), status, ..Patch::default() }
    }

    /// The fields `after` changes from `before`, with `after`'s values.
    pub fn between(before: &Values, after: &Values) -> Self {
        let mut p = Patch::default();
        macro_rules! diff {
            ($f:ident) => {
                if before.$f != after.$f {
                    p.$f = Some(after.$f.clone());
                }
            };
        }
        each_field!(diff);
        p
    }

    /// Every field, with these values.
    pub fn whole(v: &Values) -> Self {
        let mut p = Patch::default();
        macro_rules! all {
            ($f:ident) => {
                p.$f = Some(v.$f.clone());
            };
        }
        each_field!(all);
        p
    }

    pub fn is_empty(&self) -> bool {
        *self == Patch::default()
    }

    /// Whether it carries every field (an entry's values, whole).
    pub fn is_whole(&self) -> bool {
        let mut whole = true;
        macro_rules! has {
            ($f:ident) => {
                whole &= self.$f.is_some();
            };
        }
        each_field!(has);
        whole
    }

    /// Sets the fields this patch carries.
    pub fn apply(&self, v: &mut Values) {
        macro_rules! set {
            ($f:ident) => {
                if let Some(x) = &self.$f {
                    v.$f = x.clone();
                }
            };
        }
        each_field!(set);
    }

    /// A later change on top of this one (its fields win).
    pub fn merge(&mut self, later: &Patch) {
        macro_rules! over {
            ($f:ident) => {
                if later.$f.is_some() {
                    self.$f = later.$f.clone();
                }
            };
        }
        each_field!(over);
    }

    /// What undoes this patch: `before`'s values of the fields it carries.
    pub fn undo(&self, before: &Values) -> Patch {
        let mut p = Patch::default();
        macro_rules! back {
            ($f:ident) => {
                if self.$f.is_some() {
                    p.$f = Some(before.$f.clone());
                }
            };
        }
        each_field!(back);
        p
    }

    /// Whether `found` (AniList's entry) holds every field this patch
    /// carries. Scores compare at the one decimal AniList keeps; custom
    /// lists and advanced scores by name, in any order.
    pub fn held_by(&self, found: &Values) -> bool {
        let close = |a: f64, b: f64| (a - b).abs() < 0.05;
        self.status.is_none_or(|s| s == found.status)
            && self.progress.is_none_or(|p| p == found.progress)
            && self.score.is_none_or(|s| close(s, found.score))
            && self.volumes.is_none_or(|x| x == found.volumes)
            && self.repeat.is_none_or(|x| x == found.repeat)
            && self.priority.is_none_or(|x| x == found.priority)
            && self.private.is_none_or(|x| x == found.private)
            && self.hidden.is_none_or(|x| x == found.hidden)
            && self.notes.as_ref().is_none_or(|x| x.trim() == found.notes.trim())
            && self.started.is_none_or(|x| x == found.started)
            && self.completed.is_none_or(|x| x == found.completed)
            && self.lists.as_ref().is_none_or(|x| {
                x.len() == found.lists.len() && x.iter().all(|n| found.lists.contains(n))
            })
            && self.advanced.as_ref().is_none_or(|x| {
                x.iter().all(|(n, s)| found.advanced.iter().find(|(m, _)| m == n).map_or(*s == 0.0, |(_, t)| close(*s, *t)))
            })
    }
}

/// The editor's fields, as AniList's validation answer names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Status,
    Score,
    Progress,
    Volumes,
    Repeat,
    Priority,
    Notes,
    Started,
    Completed,
    Lists,
    Advanced,
}

impl Field {
    pub const ALL: [Field; 11] = [
        Field::Status,
        Field::Score,
        Field::Progress,
        Field::Volumes,
        Field::Repeat,
        Field::Priority,
        Field::Notes,
        Field::Started,
        Field::Completed,
        Field::Lists,
        Field::Advanced,
    ];

    /// The argument of `SaveMediaListEntry` it is sent as.
    pub fn api_name(self) -> &'static str {
        match self {
            Field::Status => "status",
            Field::Score => "score",
            Field::Progress => "progress",
            Field::Volumes => "progressVolumes",
            Field::Repeat => "repeat",
            Field::Priority => "priority",
            Field::Notes => "notes",
            Field::Started => "startedAt",
            Field::Completed => "completedAt",
            Field::Lists => "customLists",
            Field::Advanced => "advancedScores",
        }
    }

    /// The field a key of AniList's validation answer is about
    /// ("progress", "startedAt.year", "scoreRaw", "advancedScores.0").
    pub fn from_api(key: &str) -> Option<Field> {
        let head = key.split(['.', '[']).next().unwrap_or(key);
        if head == "scoreRaw" {
            return Some(Field::Score);
        }
        Field::ALL.into_iter().find(|f| f.api_name() == head)
    }
}

/// What limits an entry's values: the title's totals and the user's
/// score format.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Limits {
    /// Episodes or chapters, when known.
    pub total: Option<u32>,
    /// Volumes (manga), when known.
    pub volumes: Option<u32>,
    pub format: ScoreFormat,
}

/// The most times a title can be repeated, and the highest priority, that
/// the editor takes (AniList keeps both as plain numbers).
pub const MAX_REPEAT: u32 = 999;
pub const MAX_PRIORITY: u32 = 999;
/// The longest note the editor takes.
pub const MAX_NOTES: usize = 5_000;

/// What is wrong with `v`, by field (nothing: it can be sent).
pub fn problems(v: &Values, limits: &Limits) -> Vec<(Field, String)> {
    let mut out = Vec::new();
    if !v.status.is_known() {
        out.push((Field::Status, "Choose a status.".into()));
    }
    if let Some(t) = limits.total.filter(|t| *t > 0) {
        if v.progress > t {
            out.push((Field::Progress, format!("At most {t}: the number it has.")));
        }
    }
    if let Some(t) = limits.volumes.filter(|t| *t > 0) {
        if v.volumes > t {
            out.push((Field::Volumes, format!("At most {t}: the number it has.")));
        }
    }
    if let Some(why) = score_problem(v.score, limits.format) {
        out.push((Field::Score, why));
    }
    if let Some((name, why)) = v.advanced.iter().find_map(|(n, s)| score_problem(*s, limits.format).map(|w| (n, w))) {
        out.push((Field::Advanced, format!("{name}: {why}")));
    }
    if v.repeat > MAX_REPEAT {
        out.push((Field::Repeat, format!("At most {MAX_REPEAT}.")));
    }
    if v.priority > MAX_PRIORITY {
        out.push((Field::Priority, format!("At most {MAX_PRIORITY}.")));
    }
    if v.notes.chars().count() > MAX_NOTES {
        out.push((Field::Notes, format!("At most {MAX_NOTES} characters.")));
    }
    if let Some(why) = v.started.problem() {
        out.push((Field::Started, why));
    }
    if let Some(why) = v.completed.problem() {
        out.push((Field::Completed, why));
    }
    out
}

/// Why AniList would not take this score in this format, if it would not.
pub fn score_problem(score: f64, format: ScoreFormat) -> Option<String> {
    let max = format.max();
    if !format.accepts(score) {
        return Some(format!("A score is from 0 to {max}."));
    }
    let step = format.step();
    if ((score / step).round() * step - score).abs() > 1e-9 {
        return Some(if step < 1.0 { "One decimal at most.".into() } else { "A whole number.".into() });
    }
    None
}

/// The score AniList's own editor gives from advanced scores: the mean of
/// those given (not 0), in the format's steps; 0 when none is given.
pub fn advanced_mean(scores: &[(String, f64)], format: ScoreFormat) -> f64 {
    let given: Vec<f64> = scores.iter().map(|(_, s)| *s).filter(|s| *s > 0.0).collect();
    if given.is_empty() {
        return 0.0;
    }
    let mean = given.iter().sum::<f64>() / given.len() as f64;
    let step = format.step();
    ((mean / step).round() * step).clamp(0.0, format.max())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completing_a_rewatch_counts_it() {
        assert_eq!(Patch::completed(ListStatus::Current, 2), Patch { status: Some(ListStatus::Completed), ..Patch::default() });
        assert_eq!(Patch::completed(ListStatus::Repeating, 2), Patch { status: Some(ListStatus::Completed), repeat: Some(3), ..Patch::default() });
        let mut v = Values { repeat: 1, ..Values::new(ListStatus::Repeating) };
        v.complete();
        assert_eq!((v.status, v.repeat), (ListStatus::Completed, 2));
        v.complete();
        assert_eq!(v.repeat, 2, "completing what is completed counts nothing");
    }

    #[test]
    fn a_step_moves_progress_and_starts_a_planned_title() {
        assert_eq!(Patch::step(3, Some(ListStatus::Current), 1), Patch { progress: Some(4), ..Patch::default() });
        assert_eq!(Patch::step(0, Some(ListStatus::Planning), 1), Patch { progress: Some(1), status: Some(ListStatus::Current), ..Patch::default() });
        assert_eq!(Patch::step(0, Some(ListStatus::Current), -1).progress, Some(0), "not below 0");
        assert_eq!(Patch::step(2, Some(ListStatus::Planning), -1).status, None, "going back starts nothing");
    }

    fn v() -> Values {
        Values { progress: 3, score: 7.5, notes: "kept".into(), lists: vec!["Rewatch".into()], ..Values::new(ListStatus::Current) }
    }

    #[test]
    fn a_patch_carries_only_what_changed_and_folds_later_changes_in() {
        let before = v();
        let mut after = before.clone();
        after.progress = 4;
        after.started = FuzzyDate { year: Some(2024), month: None, day: None };
        let p = Patch::between(&before, &after);
        assert_eq!(p, Patch { progress: Some(4), started: after.started.into(), ..Patch::default() });
        assert!(Patch::between(&before, &before).is_empty());
        let mut folded = p.clone();
        folded.merge(&Patch { progress: Some(5), notes: Some("new".into()), ..Patch::default() });
        assert_eq!((folded.progress, folded.notes.as_deref(), folded.started), (Some(5), Some("new"), p.started));
        let mut applied = before.clone();
        folded.apply(&mut applied);
        assert_eq!((applied.progress, applied.notes.as_str(), applied.score), (5, "new", 7.5));
        // Undoing restores exactly the fields it touched.
        let undo = folded.undo(&before);
        undo.apply(&mut applied);
        assert_eq!(applied, before);
        assert_eq!(undo.score, None);
    }

    #[test]
    fn a_queue_kept_by_the_older_version_still_reads() {
        let old = r#"{"status":"CURRENT","progress":3,"score":8.0}"#;
        let p: Patch = serde_json::from_str(old).unwrap();
        assert_eq!(p, Patch { status: Some(ListStatus::Current), progress: Some(3), score: Some(8.0), ..Patch::default() });
        let before: Values = serde_json::from_str(old).unwrap();
        assert_eq!((before.progress, before.notes.as_str(), before.lists.len()), (3, "", 0));
        assert_eq!(serde_json::to_string(&Patch { repeat: Some(2), ..Patch::default() }).unwrap(), r#"{"repeat":2}"#);
    }

    #[test]
    fn what_anilist_holds_is_compared_field_by_field() {
        let found = Values { advanced: vec![("Story".into(), 8.0), ("Art".into(), 0.0)], ..v() };
        assert!(Patch { progress: Some(3), score: Some(7.54), ..Patch::default() }.held_by(&found));
        assert!(!Patch { progress: Some(4), ..Patch::default() }.held_by(&found));
        assert!(Patch { lists: Some(vec!["Rewatch".into()]), ..Patch::default() }.held_by(&found));
        assert!(!Patch { lists: Some(vec![]), ..Patch::default() }.held_by(&found));
        assert!(Patch { advanced: Some(vec![("Art".into(), 0.0), ("Story".into(), 8.0)]), ..Patch::default() }.held_by(&found));
        assert!(!Patch { advanced: Some(vec![("Story".into(), 9.0)]), ..Patch::default() }.held_by(&found));
        assert!(!Patch { started: Some(FuzzyDate { year: Some(2020), ..FuzzyDate::default() }), ..Patch::default() }.held_by(&found));
        assert!(Patch { notes: Some("kept\n".into()), ..Patch::default() }.held_by(&found));
    }

    #[test]
    fn fuzzy_dates_take_missing_parts_and_refuse_impossible_ones() {
        let d = |year, month, day| FuzzyDate { year, month, day };
        assert_eq!(d(Some(2024), None, None).problem(), None);
        // Before, as far as the known parts tell.
        assert!(d(Some(2023), Some(12), Some(31)).is_before(&d(Some(2024), Some(1), Some(1))));
        assert!(d(Some(2024), Some(2), None).is_before(&d(Some(2024), Some(3), Some(1))));
        assert!(d(Some(2024), Some(3), Some(1)).is_before(&d(Some(2024), Some(3), Some(2))));
        assert!(d(Some(2023), None, None).is_before(&d(Some(2024), Some(3), None)), "a year is enough when the years differ");
        assert!(!d(Some(2024), None, None).is_before(&d(Some(2024), Some(3), None)), "not known within the year");
        assert!(!d(Some(2024), Some(3), Some(2)).is_before(&d(Some(2024), Some(3), Some(1))));
        assert!(!d(Some(2024), Some(3), Some(1)).is_before(&d(Some(2024), Some(3), Some(1))), "the same day");
        assert!(!d(None, Some(3), Some(1)).is_before(&d(Some(2024), Some(4), Some(1))), "no year: nothing to tell");
        assert!(!FuzzyDate::default().is_before(&d(Some(2024), None, None)));
        assert_eq!(d(None, Some(3), Some(9)).problem(), None, "no year: a birthday-like date");
        assert_eq!(d(Some(2024), Some(2), Some(29)).problem(), None);
        assert_eq!(d(Some(2023), Some(2), Some(29)).problem().as_deref(), Some("That month has 28 days."));
        assert_eq!(d(None, Some(2), Some(29)).problem(), None);
        assert_eq!(d(Some(2100), Some(2), Some(29)).problem().as_deref(), Some("That month has 28 days."));
        assert_eq!(d(Some(2000), Some(2), Some(29)).problem(), None);
        assert_eq!(d(Some(2024), None, Some(3)).problem().as_deref(), Some("A day needs its month."));
        assert!(d(Some(2024), Some(13), None).problem().is_some());
        assert!(d(Some(1800), None, None).problem().is_some());
        assert_eq!(days_in_month(Some(2024), 4), 30);
        assert_eq!(d(Some(2024), Some(3), Some(9)).label(), "2024-03-09");
        assert_eq!(d(Some(2024), Some(3), None).label(), "2024-03");
        assert_eq!(d(None, Some(3), Some(9)).label(), "March 9");
        assert_eq!(d(None, None, None).label(), "");
        assert_eq!(d(None, Some(0), None).label(), "?", "a month AniList should never send: no panic");
        assert_eq!(d(None, Some(13), Some(1)).label(), "? 1");
    }

    #[test]
    fn values_are_checked_against_the_title_and_the_score_format() {
        let limits = Limits { total: Some(12), volumes: Some(3), format: ScoreFormat::Point10Decimal };
        assert!(problems(&v(), &limits).is_empty());
        let bad = Values { progress: 13, volumes: 4, score: 7.55, repeat: 1000, started: FuzzyDate { year: Some(2023), month: Some(2), day: Some(30) }, ..v() };
        let fields: Vec<Field> = problems(&bad, &limits).into_iter().map(|(f, _)| f).collect();
        assert_eq!(fields, [Field::Progress, Field::Volumes, Field::Score, Field::Repeat, Field::Started]);
        let open = Limits { total: None, volumes: None, format: ScoreFormat::Point100 };
        assert!(problems(&Values { progress: 5000, score: 85.0, ..v() }, &open).is_empty());
        assert_eq!(score_problem(85.5, ScoreFormat::Point100).as_deref(), Some("A whole number."));
        assert_eq!(score_problem(6.0, ScoreFormat::Point5).as_deref(), Some("A score is from 0 to 5."));
        assert_eq!(score_problem(3.0, ScoreFormat::Point3), None);
        assert_eq!(score_problem(7.3, ScoreFormat::Point10Decimal), None);
        let adv = Values { advanced: vec![("Story".into(), 11.0)], ..v() };
        assert_eq!(problems(&adv, &limits), [(Field::Advanced, "Story: A score is from 0 to 10.".to_string())]);
    }

    #[test]
    fn anilist_validation_keys_name_fields() {
        assert_eq!(Field::from_api("progress"), Some(Field::Progress));
        assert_eq!(Field::from_api("progressVolumes"), Some(Field::Volumes));
        assert_eq!(Field::from_api("startedAt.year"), Some(Field::Started));
        assert_eq!(Field::from_api("scoreRaw"), Some(Field::Score));
        assert_eq!(Field::from_api("advancedScores.2"), Some(Field::Advanced));
        assert_eq!(Field::from_api("mediaId"), None);
    }

    #[test]
    fn advanced_scores_give_the_mean_of_those_given() {
        let s = |xs: &[f64]| xs.iter().enumerate().map(|(i, x)| (format!("S{i}"), *x)).collect::<Vec<_>>();
        assert_eq!(advanced_mean(&s(&[8.0, 9.0, 0.0]), ScoreFormat::Point10Decimal), 8.5);
        assert_eq!(advanced_mean(&s(&[7.0, 8.0, 8.0]), ScoreFormat::Point10Decimal), 7.7);
        assert_eq!(advanced_mean(&s(&[70.0, 85.0]), ScoreFormat::Point100), 78.0);
        assert_eq!(advanced_mean(&s(&[0.0]), ScoreFormat::Point10), 0.0);
    }
}
