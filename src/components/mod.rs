//! Reusable pieces of the interface.

pub mod add_to_list;
pub mod api_status;
pub mod clock;
pub mod copy;
pub mod empty_state;
pub mod entry_editor;
pub mod export_lists;
pub mod notice;
pub mod read;
pub mod rich_text;
pub mod shell;
pub mod shortcuts;
pub mod watch_row;

use leptos::prelude::*;

/// A `<dialog>`'s node ref that opens it as a modal once it is in the page:
/// the browser keeps focus inside, Escape closes it (its `close` event), a
/// click on the backdrop does nothing.
pub fn modal_dialog() -> NodeRef<leptos::html::Dialog> {
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    Effect::new(move |_| {
        if let Some(d) = dialog.get() {
            if !d.open() {
                let _ = d.show_modal();
            }
        }
    });
    dialog
}
