//! A ticking "now", for countdowns and expiry warnings.

use std::time::Duration;

use leptos::prelude::*;

use crate::auth::time::now_secs;

/// Seconds since the epoch, updated every `period` while the caller lives.
pub fn clock(period: Duration) -> ReadSignal<i64> {
    let (now, set_now) = signal(now_secs());
    if let Ok(handle) = set_interval_with_handle(move || set_now.set(now_secs()), period) {
        on_cleanup(move || handle.clear());
    }
    now
}
