//! How a list is kept in IndexedDB: a head (the list without its entries,
//! and how many chunks hold them) and the entries in chunks of [`CHUNK`],
//! so an edit rewrites the chunk that holds its entry, not the whole list
//! (at 5,000 entries the whole list is about 1 MB of JSON: writing it took
//! the page 60–90 ms after every edit). Pure: tested natively.

use std::collections::{BTreeSet, HashSet};

use serde::{Deserialize, Serialize};

use super::ListData;
use crate::api::ops::list_collection::Entry;

/// Entries in one kept chunk.
pub const CHUNK: usize = 250;

/// What changed in a list since it was last kept.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Dirty {
    #[default]
    Clean,
    /// These entries' values; none was added or removed.
    Entries(BTreeSet<i64>),
    /// Entries added or removed, or the list replaced: every chunk.
    All,
}

impl Dirty {
    pub fn add(&mut self, more: Dirty) {
        *self = match (std::mem::take(self), more) {
            (Dirty::All, _) | (_, Dirty::All) => Dirty::All,
            (Dirty::Clean, d) | (d, Dirty::Clean) => d,
            (Dirty::Entries(mut a), Dirty::Entries(b)) => {
                a.extend(b);
                Dirty::Entries(a)
            }
        };
    }
}

/// The kept head of a list.
#[derive(Debug, Serialize, Deserialize)]
pub struct Head {
    pub list: ListData,
    pub chunks: usize,
}

/// A chunk's key, after its list's key.
pub fn chunk_key(list_key: &str, i: usize) -> String {
    format!("{list_key}:{i}")
}

/// How many chunks a list of `n` entries takes.
pub fn chunk_count(n: usize) -> usize {
    n.div_ceil(CHUNK)
}

/// The texts to keep a list by: its head, and the chunks in `only` (every
/// chunk when `None`), each with its index.
pub fn texts(d: &ListData, only: Option<&BTreeSet<usize>>) -> (String, Vec<(usize, String)>) {
    let head = Head {
        list: ListData {
            entries: Vec::new(),
            custom: d.custom.clone(),
            score_format: d.score_format,
            fetched_at: d.fetched_at,
            whole_at: d.whole_at,
            format: d.format,
            list_names: d.list_names.clone(),
            advanced_names: d.advanced_names.clone(),
            section_order: d.section_order.clone(),
            split_completed: d.split_completed,
            row_order: d.row_order.clone(),
        },
        chunks: chunk_count(d.entries.len()),
    };
    let chunks = d
        .entries
        .chunks(CHUNK)
        .enumerate()
        .filter(|(i, _)| only.is_none_or(|o| o.contains(i)))
        .filter_map(|(i, c)| serde_json::to_string(c).ok().map(|t| (i, t)))
        .collect();
    (serde_json::to_string(&head).unwrap_or_default(), chunks)
}

/// The chunks that hold these media.
pub fn chunks_of(d: &ListData, media_ids: &BTreeSet<i64>) -> BTreeSet<usize> {
    let wanted: HashSet<i64> = media_ids.iter().copied().collect();
    d.entries.iter().enumerate().filter(|(_, e)| wanted.contains(&e.media_id)).map(|(i, _)| i / CHUNK).collect()
}

/// What a list's key holds: a head (its chunks are read next), or a list
/// kept whole by an older version.
pub enum Kept {
    Head(Head),
    Whole(ListData),
}

pub fn read_head(text: &str) -> Option<Kept> {
    if text.starts_with("{\"list\":") {
        serde_json::from_str::<Head>(text).ok().map(Kept::Head)
    } else {
        serde_json::from_str::<ListData>(text).ok().map(Kept::Whole)
    }
}

/// The list again from its head and its chunks' texts, in order; `None`
/// when a chunk is missing or unreadable (then AniList is asked).
pub fn assemble(head: Head, chunks: Vec<Option<String>>) -> Option<ListData> {
    if chunks.len() != head.chunks {
        return None;
    }
    let mut list = head.list;
    for text in chunks {
        list.entries.extend(serde_json::from_str::<Vec<Entry>>(&text?).ok()?);
    }
    Some(list)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(n: i64) -> ListData {
        let entries = (1..=n).map(|m| Entry { id: m * 10, media_id: m, progress: Some(1), ..Entry::default() }).collect();
        ListData { entries, custom: vec![("Rewatch".into(), vec![3])], fetched_at: 5.0, whole_at: 4.0, format: 3, ..ListData::default() }
    }

    fn back(d: &ListData, only: Option<&BTreeSet<usize>>, mut kept: Vec<Option<String>>) -> (Option<ListData>, Vec<usize>) {
        let (head, chunks) = texts(d, only);
        let written: Vec<usize> = chunks.iter().map(|(i, _)| *i).collect();
        for (i, t) in chunks {
            if kept.len() <= i {
                kept.resize(i + 1, None);
            }
            kept[i] = Some(t);
        }
        let Some(Kept::Head(h)) = read_head(&head) else { panic!("a head") };
        kept.truncate(h.chunks);
        (assemble(h, kept), written)
    }

    #[test]
    fn a_list_comes_back_whole_from_its_head_and_chunks() {
        let d = list(2 * CHUNK as i64 + 7);
        let (again, written) = back(&d, None, Vec::new());
        assert_eq!(written, [0, 1, 2]);
        assert_eq!(again.as_ref(), Some(&d));
        let empty = list(0);
        assert_eq!(back(&empty, None, Vec::new()).0, Some(empty));
    }

    #[test]
    fn an_edit_rewrites_only_the_chunk_that_holds_it() {
        let mut d = list(3 * CHUNK as i64);
        let (_, all) = texts(&d, None);
        let kept: Vec<Option<String>> = all.into_iter().map(|(_, t)| Some(t)).collect();
        // The 300th entry changes: the second chunk, alone.
        d.entries[299].progress = Some(9);
        let only = chunks_of(&d, &BTreeSet::from([300]));
        assert_eq!(only, BTreeSet::from([1]));
        let (again, written) = back(&d, Some(&only), kept);
        assert_eq!(written, [1]);
        assert_eq!(again, Some(d));
    }

    #[test]
    fn a_missing_chunk_or_an_older_whole_list_is_told_apart() {
        let d = list(CHUNK as i64 + 1);
        let (head, _) = texts(&d, None);
        let Some(Kept::Head(h)) = read_head(&head) else { panic!("a head") };
        assert!(assemble(h, vec![None, None]).is_none(), "a chunk missing: asked of AniList again");
        let whole = serde_json::to_string(&d).unwrap();
        assert!(matches!(read_head(&whole), Some(Kept::Whole(w)) if w == d), "kept whole by an older version");
        assert!(read_head("{not json").is_none());
    }

    #[test]
    fn changes_add_up() {
        let mut d = Dirty::Clean;
        d.add(Dirty::Entries(BTreeSet::from([1])));
        d.add(Dirty::Entries(BTreeSet::from([2])));
        assert_eq!(d, Dirty::Entries(BTreeSet::from([1, 2])));
        d.add(Dirty::All);
        d.add(Dirty::Entries(BTreeSet::from([3])));
        assert_eq!(d, Dirty::All);
    }
}
