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
