//! Many edits at once, pure: which entries are selected (click, shift-click,
//! every one shown), what one change does to each (the preview before it
//! runs), and what undoes it. No `web_sys`: tested natively. The list page
//! shows it; the outbox sends it ([`crate::outbox`]).

use std::collections::HashSet;

use crate::edit::{Patch, Values};
use crate::media::{ListStatus, MediaKind, ScoreFormat};

/// The entries chosen on a list page, by media id.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Selection {
    ids: HashSet<i64>,
    /// The last entry clicked without shift: where a shift-click's range starts.
    anchor: Option<i64>,
}

impl Selection {
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    pub fn contains(&self, id: i64) -> bool {
        self.ids.contains(&id)
    }

    /// A click on an entry's box. With shift, every entry shown between the
    /// last one clicked and this one takes this one's new state (as in mail
    /// programs); `order` is the entries shown, top to bottom.
    pub fn click(&mut self, id: i64, shift: bool, order: &[i64]) {
        let on = !self.ids.contains(&id);
        let range = match (shift, self.anchor) {
            (true, Some(anchor)) => {
                let at = |x: i64| order.iter().position(|o| *o == x);
                at(anchor).zip(at(id)).map(|(a, b)| if a <= b { a..=b } else { b..=a })
            }
            _ => None,
        };
        match range {
            Some(r) => {
                for x in &order[r] {
                    self.set(*x, on);
                }
            }
            None => self.set(id, on),
        }
        self.anchor = Some(id);
    }

    fn set(&mut self, id: i64, on: bool) {
        if on {
            self.ids.insert(id);
        } else {
            self.ids.remove(&id);
        }
    }

    /// Every entry shown (added to what is already chosen).
    pub fn select_all(&mut self, order: &[i64]) {
        self.ids.extend(order.iter().copied());
    }

    pub fn clear(&mut self) {
        *self = Selection::default();
    }

    /// Forgets what is no longer on the list.
    pub fn keep(&mut self, exists: impl Fn(i64) -> bool) {
        self.ids.retain(|id| exists(*id));
        if self.anchor.is_some_and(|a| !exists(a)) {
            self.anchor = None;
        }
    }

    /// The chosen ids in `order`'s order first, then any chosen but not
    /// shown (a filter changed after choosing), by id.
    pub fn in_order(&self, order: &[i64]) -> Vec<i64> {
        let shown: HashSet<i64> = order.iter().copied().collect();
        let mut out: Vec<i64> = order.iter().copied().filter(|id| self.ids.contains(id)).collect();
        let mut hidden: Vec<i64> = self.ids.iter().copied().filter(|id| !shown.contains(id)).collect();
        hidden.sort_unstable();
        out.extend(hidden);
        out
    }
}

/// One change for every chosen entry.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Status(ListStatus),
    /// In the user's score format.
    Score(f64),
    Private(bool),
    /// Hidden from the status lists (shown only in custom lists).
    Hidden(bool),
    AddToList(String),
    RemoveFromList(String),
    Delete,
}

/// What happens to one entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub media_id: i64,
    pub title: String,
    pub before: Values,
    /// `None`: the entry is deleted.
    pub patch: Option<Patch>,
}

/// The preview: what changes, and how many are left as they are.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plan {
    pub steps: Vec<Step>,
    pub unchanged: usize,
}

impl Action {
    /// What it changes on an entry holding `v`: `None` when nothing would.
    pub fn patch(&self, v: &Values) -> Option<Patch> {
        let mut p = Patch::default();
        match self {
            Action::Status(s) => p.status = Some(*s),
            Action::Score(x) => p.score = Some(*x),
            Action::Private(b) => p.private = Some(*b),
            Action::Hidden(b) => p.hidden = Some(*b),
            Action::AddToList(name) => {
                if v.lists.contains(name) {
                    return None;
                }
                p.lists = Some(v.lists.iter().cloned().chain([name.clone()]).collect());
            }
            Action::RemoveFromList(name) => {
                if !v.lists.contains(name) {
                    return None;
                }
                p.lists = Some(v.lists.iter().filter(|n| *n != name).cloned().collect());
            }
            Action::Delete => return None,
        }
        (!p.held_by(v)).then_some(p)
    }

    /// The change in words, for the preview's heading and the undo bar.
    pub fn words(&self, kind: MediaKind, format: ScoreFormat) -> String {
        match self {
            Action::Status(s) => format!("Status: {}", s.label(kind)),
            Action::Score(x) => format!("Score: {}", format.display(*x)),
            Action::Private(true) => "Make private".into(),
            Action::Private(false) => "Make public".into(),
            Action::Hidden(true) => "Hide from status lists".into(),
            Action::Hidden(false) => "Show in status lists".into(),
            Action::AddToList(name) => format!("Add to {name}"),
            Action::RemoveFromList(name) => format!("Remove from {name}"),
            Action::Delete => "Delete from your list".into(),
        }
    }

    /// The field it changes, before and after, as the preview shows it.
    pub fn before_after(&self, before: &Values, kind: MediaKind, format: ScoreFormat) -> (String, String) {
        let yes_no = |b: bool, yes: &str, no: &str| if b { yes.to_string() } else { no.to_string() };
        let lists = |l: &[String]| if l.is_empty() { "no custom list".to_string() } else { l.join(", ") };
        match self {
            Action::Status(s) => (before.status.label(kind).into(), s.label(kind).into()),
            Action::Score(x) => (format.display(before.score), format.display(*x)),
            Action::Private(b) => (yes_no(before.private, "Private", "Public"), yes_no(*b, "Private", "Public")),
            Action::Hidden(b) => (yes_no(before.hidden, "Hidden", "Shown"), yes_no(*b, "Hidden", "Shown")),
            Action::AddToList(_) | Action::RemoveFromList(_) => {
                let after = self.patch(before).and_then(|p| p.lists).unwrap_or_else(|| before.lists.clone());
                (lists(&before.lists), lists(&after))
            }
            Action::Delete => (before.status.label(kind).into(), "Deleted".into()),
        }
    }
}

/// What `action` does to each of `entries` (media id, title, values), in
/// their order.
pub fn plan(action: &Action, entries: impl IntoIterator<Item = (i64, String, Values)>) -> Plan {
    let mut out = Plan::default();
    for (media_id, title, before) in entries {
        let patch = match action {
            Action::Delete => None,
            a => match a.patch(&before) {
                Some(p) => Some(p),
                None => {
                    out.unchanged += 1;
                    continue;
                }
            },
        };
        out.steps.push(Step { media_id, title, before, patch });
    }
    out
}

/// What puts the entries of a plan back as they were: for each changed
/// entry, its former values of the fields changed (entries with the same
/// undo next to each other, so they can go to AniList together); deleted
/// entries are added again with every former value (`Patch::whole`).
pub fn undo(plan: &Plan) -> Vec<(i64, Patch)> {
    let mut groups: Vec<(Patch, Vec<i64>)> = Vec::new();
    for step in &plan.steps {
        let back = match &step.patch {
            Some(p) => p.undo(&step.before),
            None => Patch::whole(&step.before),
        };
        match groups.iter_mut().find(|(p, _)| *p == back) {
            Some((_, ids)) => ids.push(step.media_id),
            None => groups.push((back, vec![step.media_id])),
        }
    }
    groups.into_iter().flat_map(|(p, ids)| ids.into_iter().map(move |id| (id, p.clone()))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORDER: [i64; 6] = [10, 20, 30, 40, 50, 60];

    fn chosen(s: &Selection) -> Vec<i64> {
        s.in_order(&ORDER)
    }

    #[test]
    fn clicks_toggle_and_shift_clicks_take_the_range() {
        let mut s = Selection::default();
        s.click(20, false, &ORDER);
        assert_eq!(chosen(&s), [20]);
        s.click(50, true, &ORDER);
        assert_eq!(chosen(&s), [20, 30, 40, 50]);
        // Upwards from the last click, and off when the clicked one goes off.
        s.click(30, true, &ORDER);
        assert_eq!(chosen(&s), [20], "30 was on: 30..=50 go off");
        s.click(60, false, &ORDER);
        s.click(60, false, &ORDER);
        assert_eq!(chosen(&s), [20]);
        // A shift-click with no earlier click, or whose start is not shown, is a click.
        let mut t = Selection::default();
        t.click(40, true, &ORDER);
        assert_eq!(chosen(&t), [40]);
        t.click(40, false, &[99, 40]);
        t.click(99, true, &[99]);
        assert_eq!(t.in_order(&[99]), [99]);
    }

    #[test]
    fn select_all_adds_what_is_shown_and_keep_drops_the_gone() {
        let mut s = Selection::default();
        s.click(99, false, &[99]);
        s.select_all(&ORDER[..3]);
        assert_eq!(chosen(&s), [10, 20, 30, 99], "one chosen before a filter stays, after those shown");
        s.keep(|id| id != 20 && id != 99);
        assert_eq!(chosen(&s), [10, 30]);
        assert_eq!(s.len(), 2);
        s.clear();
        assert!(s.is_empty());
    }

    fn v(status: ListStatus, score: f64, lists: &[&str]) -> Values {
        Values { score, lists: lists.iter().map(|s| s.to_string()).collect(), ..Values::new(status) }
    }

    fn three() -> Vec<(i64, String, Values)> {
        vec![
            (1, "A".into(), v(ListStatus::Current, 7.0, &[])),
            (2, "B".into(), v(ListStatus::Completed, 9.0, &["Favourites"])),
            (3, "C".into(), v(ListStatus::Planning, 0.0, &["Rewatch"])),
        ]
    }

    #[test]
    fn a_plan_skips_entries_it_would_not_change() {
        let p = plan(&Action::Status(ListStatus::Completed), three());
        assert_eq!(p.steps.iter().map(|s| s.media_id).collect::<Vec<_>>(), [1, 3]);
        assert_eq!(p.unchanged, 1);
        assert_eq!(p.steps[0].patch, Some(Patch { status: Some(ListStatus::Completed), ..Patch::default() }));
        let add = plan(&Action::AddToList("Favourites".into()), three());
        assert_eq!(add.unchanged, 1);
        assert_eq!(add.steps[1].patch.as_ref().unwrap().lists.as_deref(), Some(&["Rewatch".to_string(), "Favourites".to_string()][..]));
        let remove = plan(&Action::RemoveFromList("Rewatch".into()), three());
        assert_eq!((remove.steps.len(), remove.unchanged), (1, 2));
        assert_eq!(remove.steps[0].patch.as_ref().unwrap().lists, Some(vec![]));
        let delete = plan(&Action::Delete, three());
        assert_eq!((delete.steps.len(), delete.unchanged), (3, 0));
        assert!(delete.steps.iter().all(|s| s.patch.is_none()));
        assert_eq!(plan(&Action::Score(9.0), three()).unchanged, 1);
        assert_eq!(plan(&Action::Private(false), three()).steps.len(), 0);
    }

    #[test]
    fn the_preview_says_before_and_after() {
        let (k, f) = (MediaKind::Anime, ScoreFormat::Point10);
        let b = v(ListStatus::Current, 7.0, &["Rewatch"]);
        assert_eq!(Action::Status(ListStatus::Completed).before_after(&b, k, f), ("Watching".into(), "Completed".into()));
        assert_eq!(Action::AddToList("Fav".into()).before_after(&b, k, f), ("Rewatch".into(), "Rewatch, Fav".into()));
        assert_eq!(Action::RemoveFromList("Rewatch".into()).before_after(&b, k, f), ("Rewatch".into(), "no custom list".into()));
        assert_eq!(Action::Private(true).before_after(&b, k, f), ("Public".into(), "Private".into()));
        assert_eq!(Action::Delete.before_after(&b, MediaKind::Manga, f), ("Reading".into(), "Deleted".into()));
        assert_eq!(Action::Score(8.0).words(k, f), format!("Score: {}", f.display(8.0)));
    }

    #[test]
    fn undo_restores_each_entrys_own_values_grouped() {
        let p = plan(&Action::Status(ListStatus::Dropped), [
            (1, "A".into(), v(ListStatus::Current, 0.0, &[])),
            (2, "B".into(), v(ListStatus::Planning, 0.0, &[])),
            (3, "C".into(), v(ListStatus::Current, 0.0, &[])),
        ]);
        let back = undo(&p);
        let status = |s| Patch { status: Some(s), ..Patch::default() };
        assert_eq!(back, [(1, status(ListStatus::Current)), (3, status(ListStatus::Current)), (2, status(ListStatus::Planning))]);
        // Applying the undo to the changed values gives the former ones.
        for step in &p.steps {
            let mut after = step.before.clone();
            step.patch.as_ref().unwrap().apply(&mut after);
            let (_, back) = back.iter().find(|(id, _)| *id == step.media_id).unwrap();
            back.apply(&mut after);
            assert_eq!(after, step.before);
        }
        let deleted = plan(&Action::Delete, three());
        assert_eq!(undo(&deleted)[1], (2, Patch::whole(&three()[1].2)));
    }
}
