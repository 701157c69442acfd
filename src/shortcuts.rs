//! Keyboard shortcuts for the frequent actions, and when they apply: never
//! with Ctrl, Alt or Meta held (the browser's and the screen reader's), never
//! while typing in a field. Pure: tested natively; the glue that acts on
//! the page is the shortcuts component (components/shortcuts.rs).

/// What a key does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shortcut {
    /// Focus the search or the list's filter.
    Find,
    /// The next or the previous row of a list.
    Next,
    Previous,
    /// +1 or −1 on the row in focus.
    Increment,
    Decrement,
    /// Open the row's editor.
    Edit,
    /// Select the row (for a change to many at once), or unselect it.
    Select,
    /// Focus the page's box to write in (a status, a comment, a review).
    Write,
    /// Show the shortcuts.
    Help,
}

/// Every shortcut with its key and what it does, for the help.
pub const ALL: [(&str, &str); 9] = [
    ("/", "Focus the search, or the list's filter"),
    ("j", "Next entry"),
    ("k", "Previous entry"),
    ("+", "+1 on the entry in focus"),
    ("-", "−1 on the entry in focus"),
    ("e", "Edit the entry in focus"),
    ("x", "Select the entry in focus, for a change to many at once"),
    ("c", "Write: the page's status, message, comment, review or query"),
    ("?", "Show these shortcuts"),
];

/// The key's shortcut (`key` as `KeyboardEvent.key` gives it), if it is one
/// here: not with a modifier other than Shift, not while typing.
pub fn shortcut(key: &str, ctrl: bool, alt: bool, meta: bool, typing: bool) -> Option<Shortcut> {
    if ctrl || alt || meta || typing {
        return None;
    }
    Some(match key {
        "/" => Shortcut::Find,
        "j" => Shortcut::Next,
        "k" => Shortcut::Previous,
        "+" | "=" => Shortcut::Increment,
        "-" => Shortcut::Decrement,
        "e" => Shortcut::Edit,
        "x" => Shortcut::Select,
        "c" => Shortcut::Write,
        "?" => Shortcut::Help,
        _ => return None,
    })
}

/// Whether an element with this tag (upper case, as `tagName` gives it),
/// input type and editability takes typing.
pub fn takes_typing(tag: &str, input_type: Option<&str>, editable: bool) -> bool {
    match tag {
        "TEXTAREA" | "SELECT" => true,
        "INPUT" => !matches!(input_type, Some("checkbox" | "radio" | "button" | "submit" | "reset" | "range" | "color" | "file")),
        _ => editable,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_shortcuts_only_alone_and_outside_fields() {
        assert_eq!(shortcut("j", false, false, false, false), Some(Shortcut::Next));
        assert_eq!(shortcut("/", false, false, false, false), Some(Shortcut::Find));
        assert_eq!(shortcut("?", false, false, false, false), Some(Shortcut::Help));
        assert_eq!(shortcut("=", false, false, false, false), Some(Shortcut::Increment), "+ without Shift");
        assert_eq!(shortcut("j", true, false, false, false), None, "Ctrl+J is the browser's");
        assert_eq!(shortcut("k", false, false, true, false), None);
        assert_eq!(shortcut("e", false, true, false, false), None);
        assert_eq!(shortcut("e", false, false, false, true), None, "typing an e");
        assert_eq!(shortcut("x", false, false, false, false), Some(Shortcut::Select));
        assert_eq!(shortcut("c", false, false, false, false), Some(Shortcut::Write));
        assert_eq!(shortcut("c", false, false, false, true), None, "typing a c");
        assert_eq!(shortcut("q", false, false, false, false), None);
        assert_eq!(shortcut("J", false, false, false, false), None);
    }

    #[test]
    fn fields_that_take_typing() {
        assert!(takes_typing("INPUT", Some("text"), false));
        assert!(takes_typing("INPUT", Some("number"), false));
        assert!(takes_typing("INPUT", None, false));
        assert!(!takes_typing("INPUT", Some("checkbox"), false));
        assert!(takes_typing("TEXTAREA", None, false));
        assert!(takes_typing("SELECT", None, false));
        assert!(!takes_typing("BUTTON", None, false));
        assert!(takes_typing("DIV", None, true));
        assert!(!takes_typing("A", None, false));
    }
}
