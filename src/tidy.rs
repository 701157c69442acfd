//! Tidying a list, pure: the entries whose values disagree with each other
//! or with their title (a completed title with episodes left, every episode
//! of a finished title seen but not completed, a planned title already
//! begun, more counted than the title has, finished before it was begun),
//! and the values that mend them.
//! Lists brought in from elsewhere, or kept for years, gather these; AniList
//! shows them as they are. No `web_sys`: tested natively. Settings shows it
//! (`components/tidy_lists.rs`); the outbox sends it.

use crate::api::ops::list_collection::Entry;
use crate::edit::{Patch, Values};
use crate::media::{ListStatus, MediaKind, MediaStatus};
use crate::store::values_of;

/// What is amiss with an entry (the first that applies names its group).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rule {
    /// More episodes, chapters or volumes counted than the title has.
    OverCount,
    /// Completed, with episodes, chapters or volumes not counted.
    CompletedShort,
    /// Planned, yet progress is counted.
    PlanningStarted,
    /// Watching, paused or rewatching a finished title, every episode seen.
    AllSeen,
    /// A finish date before the start date.
    DatesReversed,
}

impl Rule {
    pub const ALL: [Rule; 5] = [Rule::OverCount, Rule::CompletedShort, Rule::PlanningStarted, Rule::AllSeen, Rule::DatesReversed];

    /// The group's heading, for this kind of list.
    pub fn label(self, kind: MediaKind) -> &'static str {
        match (self, kind) {
            (Rule::OverCount, MediaKind::Anime) => "More episodes counted than the title has",
            (Rule::OverCount, MediaKind::Manga) => "More chapters or volumes counted than the title has",
            (Rule::CompletedShort, MediaKind::Anime) => "Completed, with episodes not counted",
            (Rule::CompletedShort, MediaKind::Manga) => "Completed, with chapters or volumes not counted",
            (Rule::PlanningStarted, MediaKind::Anime) => "Planned, yet episodes are counted",
            (Rule::PlanningStarted, MediaKind::Manga) => "Planned, yet chapters are counted",
            (Rule::AllSeen, MediaKind::Anime) => "Every episode of a finished title seen, not completed",
            (Rule::AllSeen, MediaKind::Manga) => "Every chapter of a finished title read, not completed",
            (Rule::DatesReversed, _) => "Finished before it was begun",
        }
    }

    /// What mending does, in a sentence.
    pub fn mend(self, kind: MediaKind) -> &'static str {
        match (self, kind) {
            (Rule::OverCount, _) => "The count comes down to the title's.",
            (Rule::CompletedShort, _) => "The count goes up to the title's.",
            (Rule::PlanningStarted, MediaKind::Anime) => "Marked Watching.",
            (Rule::PlanningStarted, MediaKind::Manga) => "Marked Reading.",
            (Rule::AllSeen, MediaKind::Anime) => "Marked Completed; a rewatch counts one more.",
            (Rule::AllSeen, MediaKind::Manga) => "Marked Completed; a reread counts one more.",
            (Rule::DatesReversed, _) => "The start and finish dates change places.",
        }
    }

    /// A word for it in addresses and test ids.
    pub fn slug(self) -> &'static str {
        match self {
            Rule::OverCount => "over",
            Rule::CompletedShort => "short",
            Rule::PlanningStarted => "started",
            Rule::AllSeen => "seen",
            Rule::DatesReversed => "dates",
        }
    }
}

/// One entry to mend: its values now and the change that mends it.
#[derive(Clone, Debug, PartialEq)]
pub struct Fix {
    pub media_id: i64,
    pub title: String,
    pub rule: Rule,
    pub now: Values,
    pub patch: Patch,
}

impl Fix {
    /// The change that puts the entry back as it was.
    pub fn undo(&self) -> Patch {
        let mut after = self.now.clone();
        self.patch.apply(&mut after);
        Patch::between(&after, &self.now)
    }
}

/// The values that mend `v`, and the first rule that changed them (`None`:
/// nothing is amiss). Titles whose counts AniList does not know are left
/// alone, and so are scores and notes; dates only when the finish comes
/// before the start (as far as their known parts tell: the two were most
/// likely given each in the other's place).
pub fn mend(v: &Values, kind: MediaKind, total: Option<u32>, volumes: Option<u32>, finished: bool) -> Option<(Rule, Values)> {
    let total = total.filter(|t| *t > 0);
    let volumes = volumes.filter(|t| *t > 0 && kind == MediaKind::Manga);
    let mut after = v.clone();
    let mut first = None;
    if let Some(t) = total.filter(|t| after.progress > *t) {
        after.progress = t;
        first.get_or_insert(Rule::OverCount);
    }
    if let Some(t) = volumes.filter(|t| after.volumes > *t) {
        after.volumes = t;
        first.get_or_insert(Rule::OverCount);
    }
    if after.status == ListStatus::Completed {
        if let Some(t) = total.filter(|t| after.progress < *t) {
            after.progress = t;
            first.get_or_insert(Rule::CompletedShort);
        }
        if let Some(t) = volumes.filter(|t| after.volumes < *t) {
            after.volumes = t;
            first.get_or_insert(Rule::CompletedShort);
        }
    }
    if after.status == ListStatus::Planning && after.progress > 0 {
        after.status = ListStatus::Current;
        first.get_or_insert(Rule::PlanningStarted);
    }
    let seen_all = total.is_some_and(|t| after.progress >= t);
    if finished && seen_all && matches!(after.status, ListStatus::Current | ListStatus::Paused | ListStatus::Repeating) {
        Patch::completed(after.status, after.repeat).apply(&mut after);
        first.get_or_insert(Rule::AllSeen);
    }
    if after.completed.is_before(&after.started) {
        std::mem::swap(&mut after.started, &mut after.completed);
        first.get_or_insert(Rule::DatesReversed);
    }
    first.map(|rule| (rule, after))
}

/// Every entry of a list that is amiss, grouped by [`Rule`] in its order,
/// each group in the list's order.
pub fn find(kind: MediaKind, entries: &[Entry]) -> Vec<Fix> {
    let mut out: Vec<Fix> = entries
        .iter()
        .filter_map(|e| {
            let m = e.media.as_ref();
            let finished = m.and_then(|m| m.status) == Some(MediaStatus::Finished);
            let now = values_of(e);
            let (rule, after) = mend(&now, kind, m.and_then(|m| m.total()), m.and_then(|m| m.volumes), finished)?;
            let patch = Patch::between(&now, &after);
            Some(Fix { media_id: e.media_id, title: e.title(), rule, now, patch })
        })
        .collect();
    out.sort_by_key(|f| f.rule);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(status: ListStatus, progress: u32, volumes: u32) -> Values {
        Values { volumes, ..Values { progress, ..Values::new(status) } }
    }

    fn mended(v: &Values, kind: MediaKind, total: Option<u32>, volumes: Option<u32>, finished: bool) -> Option<(Rule, ListStatus, u32, u32)> {
        mend(v, kind, total, volumes, finished).map(|(r, a)| (r, a.status, a.progress, a.volumes))
    }

    #[test]
    fn a_completed_title_counts_every_episode_chapter_and_volume() {
        use ListStatus::*;
        let anime = MediaKind::Anime;
        assert_eq!(mended(&values(Completed, 3, 0), anime, Some(26), None, true), Some((Rule::CompletedShort, Completed, 26, 0)));
        assert_eq!(mended(&values(Completed, 26, 0), anime, Some(26), None, true), None);
        assert_eq!(mended(&values(Completed, 3, 0), anime, None, None, true), None, "a count AniList does not know is left alone");
        assert_eq!(mended(&values(Completed, 3, 0), anime, Some(0), None, true), None);
        // Manga: chapters and volumes; an anime has no volumes to mend.
        assert_eq!(mended(&values(Completed, 162, 20), MediaKind::Manga, Some(162), Some(27), true), Some((Rule::CompletedShort, Completed, 162, 27)));
        assert_eq!(mended(&values(Completed, 26, 0), anime, Some(26), Some(3), true), None);
    }

    #[test]
    fn more_than_the_title_has_comes_down_to_it() {
        use ListStatus::*;
        assert_eq!(mended(&values(Dropped, 30, 0), MediaKind::Anime, Some(26), None, false), Some((Rule::OverCount, Dropped, 26, 0)));
        assert_eq!(mended(&values(Current, 100, 40), MediaKind::Manga, None, Some(27), false), Some((Rule::OverCount, Current, 100, 27)));
        // Then every episode is seen of a finished title: completed too,
        // named by the first rule.
        assert_eq!(mended(&values(Current, 30, 0), MediaKind::Anime, Some(26), None, true), Some((Rule::OverCount, Completed, 26, 0)));
    }

    #[test]
    fn a_planned_title_with_progress_is_begun_and_every_episode_of_a_finished_one_seen_is_completed() {
        use ListStatus::*;
        let anime = MediaKind::Anime;
        assert_eq!(mended(&values(Planning, 4, 0), anime, Some(26), None, true), Some((Rule::PlanningStarted, Current, 4, 0)));
        assert_eq!(mended(&values(Planning, 0, 0), anime, Some(26), None, true), None);
        assert_eq!(mended(&values(Planning, 26, 0), anime, Some(26), None, true), Some((Rule::PlanningStarted, Completed, 26, 0)));
        assert_eq!(mended(&values(Paused, 26, 0), anime, Some(26), None, true), Some((Rule::AllSeen, Completed, 26, 0)));
        assert_eq!(mended(&values(Current, 12, 0), anime, Some(12), None, false), None, "still airing: its count may grow");
        assert_eq!(mended(&values(Dropped, 26, 0), anime, Some(26), None, true), None, "dropped stays dropped");
        // A rewatch seen through counts one more, as Complete does.
        let (rule, after) = mend(&Values { repeat: 2, ..values(Repeating, 26, 0) }, anime, Some(26), None, true).unwrap();
        assert_eq!((rule, after.status, after.repeat), (Rule::AllSeen, Completed, 3));
    }

    #[test]
    fn a_finish_before_the_start_swaps_the_two() {
        use crate::edit::FuzzyDate;
        let date = |year, month, day| FuzzyDate { year: Some(year), month, day };
        let v = Values { started: date(2024, Some(5), Some(2)), completed: date(2023, None, None), ..values(ListStatus::Completed, 26, 0) };
        let (rule, after) = mend(&v, MediaKind::Anime, Some(26), None, true).unwrap();
        assert_eq!((rule, after.started, after.completed), (Rule::DatesReversed, date(2023, None, None), date(2024, Some(5), Some(2))));
        assert_eq!(Patch::between(&v, &after), Patch { started: Some(after.started), completed: Some(after.completed), ..Patch::default() }, "the dates only");
        let v = Values { started: date(2024, Some(5), None), completed: date(2024, Some(5), Some(1)), ..values(ListStatus::Completed, 26, 0) };
        assert_eq!(mended(&v, MediaKind::Anime, Some(26), None, true), None, "within the month it began: nothing to tell");
        let v = Values { completed: date(2020, None, None), ..values(ListStatus::Completed, 26, 0) };
        assert_eq!(mended(&v, MediaKind::Anime, Some(26), None, true), None, "no start date");
        // Named by the first rule that applies.
        let v = Values { started: date(2024, None, None), completed: date(2023, None, None), ..values(ListStatus::Completed, 3, 0) };
        let (rule, after) = mend(&v, MediaKind::Anime, Some(26), None, true).unwrap();
        assert_eq!((rule, after.progress, after.started.year), (Rule::CompletedShort, 26, Some(2023)));
    }

    #[test]
    fn a_fix_changes_only_what_mends_and_its_undo_puts_it_back() {
        use crate::api::ops::list_collection::Media;
        let media = |id: i64, episodes: u32, status: MediaStatus| Media { id, episodes: Some(episodes), status: Some(status), ..Media::default() };
        let entry = |id: i64, status: ListStatus, progress: u32, m: Media| Entry {
            id: id * 10,
            media_id: id,
            status: Some(status),
            progress: Some(progress),
            score: Some(8.0),
            notes: Some("mine".into()),
            media: Some(m),
            ..Entry::default()
        };
        let entries = [
            entry(1, ListStatus::Current, 26, media(1, 26, MediaStatus::Finished)),
            entry(2, ListStatus::Completed, 26, media(2, 26, MediaStatus::Finished)),
            entry(3, ListStatus::Completed, 5, media(3, 12, MediaStatus::Finished)),
        ];
        let fixes = find(MediaKind::Anime, &entries);
        assert_eq!(fixes.iter().map(|f| (f.media_id, f.rule)).collect::<Vec<_>>(), [(3, Rule::CompletedShort), (1, Rule::AllSeen)]);
        assert_eq!(fixes[0].patch, Patch { progress: Some(12), ..Patch::default() });
        assert_eq!(fixes[1].patch, Patch { status: Some(ListStatus::Completed), ..Patch::default() });
        assert_eq!(fixes[0].undo(), Patch { progress: Some(5), ..Patch::default() });
        assert_eq!(fixes[1].undo(), Patch { status: Some(ListStatus::Current), ..Patch::default() });
    }
}
