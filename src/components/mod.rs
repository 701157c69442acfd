//! Reusable pieces of the interface.

pub mod empty_state;
pub mod notice;
pub mod shell;
