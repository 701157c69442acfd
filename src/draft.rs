//! A form's draft kept on this device while it is written (a review, a
//! forum thread): a reload, a closed tab or a refused save loses nothing,
//! and the form comes back with it when it says something AniList does not
//! hold.

use serde::{Deserialize, Serialize};

/// What a form holds, as far as keeping it goes.
pub trait Written: Clone + PartialEq {
    /// Whether nothing has been written (a blank form).
    fn is_blank(&self) -> bool;
}

/// A draft kept on this device, and when (ms since the epoch).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Kept<D> {
    pub draft: D,
    pub at: f64,
}

/// What the form starts from.
#[derive(Clone, Debug, PartialEq)]
pub enum Start<D> {
    /// What AniList holds (blank when there is nothing yet).
    Saved(D),
    /// A draft kept here that AniList does not hold: it was not sent, or
    /// its save did not go through. Shown, with a way back to AniList's.
    Restored { draft: D, at: f64 },
}

impl<D> Start<D> {
    pub fn draft(&self) -> &D {
        match self {
            Start::Saved(d) | Start::Restored { draft: d, .. } => d,
        }
    }

    /// When the draft shown was kept, if it is one kept here.
    pub fn restored_at(&self) -> Option<f64> {
        match self {
            Start::Restored { at, .. } => Some(*at),
            Start::Saved(_) => None,
        }
    }
}

/// The kept draft when there is one that says something AniList's does
/// not; else AniList's.
pub fn start<D: Written>(saved: D, kept: Option<Kept<D>>) -> Start<D> {
    match kept {
        Some(k) if !k.draft.is_blank() && k.draft != saved => Start::Restored { draft: k.draft, at: k.at },
        _ => Start::Saved(saved),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    impl Written for String {
        fn is_blank(&self) -> bool {
            self.trim().is_empty()
        }
    }

    #[test]
    fn a_kept_draft_comes_back_only_when_it_says_more_than_anilist_holds() {
        let saved = "As AniList has it".to_string();
        assert_eq!(start(saved.clone(), None), Start::Saved(saved.clone()));
        assert_eq!(start(saved.clone(), Some(Kept { draft: saved.clone(), at: 1.0 })), Start::Saved(saved.clone()), "the same: it was saved");
        assert_eq!(start(saved.clone(), Some(Kept { draft: "  ".to_string(), at: 1.0 })), Start::Saved(saved.clone()), "a blank one says nothing");
        let back = start(saved.clone(), Some(Kept { draft: "Changed".to_string(), at: 5.0 }));
        assert_eq!(back, Start::Restored { draft: "Changed".to_string(), at: 5.0 });
        assert_eq!((back.draft().as_str(), back.restored_at()), ("Changed", Some(5.0)));
        assert_eq!(Start::Saved(saved).restored_at(), None);
    }
}
