//! Light, dark, or whatever the system prefers. The choice is kept in
//! localStorage and applied as `data-theme` on `<html>`; the stylesheet does
//! the rest (and follows `prefers-color-scheme` when the choice is "auto").

use crate::storage::{self, Area};

pub const STORAGE_KEY: &str = "tsuzuki.theme.v1";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Auto, Theme::Light, Theme::Dark];

    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Theme::Auto => "Same as the system",
            Theme::Light => "Light",
            Theme::Dark => "Dark",
        }
    }

    /// Unknown or missing values mean "auto".
    pub fn parse(s: &str) -> Theme {
        Self::ALL
            .into_iter()
            .find(|t| t.as_str() == s)
            .unwrap_or_default()
    }
}

/// The stored choice; "auto" when storage is unavailable or holds garbage.
pub fn load() -> Theme {
    match storage::get::<String>(Area::Local, STORAGE_KEY) {
        Ok(Some(s)) => Theme::parse(&s),
        _ => Theme::Auto,
    }
}

/// Applies the theme to the page and keeps it. Returns whether it could be
/// kept (storage may be disabled or full); the page changes either way.
pub fn apply_and_store(theme: Theme) -> bool {
    apply(theme);
    storage::set(Area::Local, STORAGE_KEY, theme.as_str()).is_ok()
}

pub fn apply(theme: Theme) {
    if let Some(root) = leptos::prelude::document().document_element() {
        let _ = root.set_attribute("data-theme", theme.as_str());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_round_trips_and_defaults_to_auto() {
        for t in Theme::ALL {
            assert_eq!(Theme::parse(t.as_str()), t);
        }
        assert_eq!(Theme::parse(""), Theme::Auto);
        assert_eq!(Theme::parse("DARK"), Theme::Auto);
        assert_eq!(Theme::parse("\"dark\""), Theme::Auto);
    }
}
