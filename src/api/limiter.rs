//! Keeps the app under AniList's rate limit by itself, whether or not the
//! browser can see the rate-limit headers: at most `per_window` requests in
//! any `window_ms`. Requests over that are queued (given a later slot),
//! never dropped. Pure: tested natively.

use std::collections::VecDeque;

/// AniList allows 90 a minute, 30 when degraded; the app keeps below both.
pub const PER_MINUTE: usize = 25;
/// A minute, plus a second for the trip to AniList and clock differences:
/// AniList counts arrivals, the app can only count departures.
pub const WINDOW_MS: f64 = 61_000.0;

#[derive(Clone, Debug)]
pub struct Limiter {
    per_window: usize,
    window_ms: f64,
    /// Send times handed out, oldest first (some may lie in the future).
    slots: VecDeque<f64>,
}

impl Default for Limiter {
    fn default() -> Self {
        Self::new(PER_MINUTE, WINDOW_MS)
    }
}

impl Limiter {
    pub fn new(per_window: usize, window_ms: f64) -> Self {
        Self { per_window: per_window.max(1), window_ms, slots: VecDeque::new() }
    }

    /// Reserves the next slot: the time (ms) the request may be sent.
    pub fn reserve(&mut self, now: f64) -> f64 {
        while self.slots.front().is_some_and(|&t| t <= now - self.window_ms) {
            self.slots.pop_front();
        }
        let mut at = now;
        if self.slots.len() >= self.per_window {
            at = at.max(self.slots[self.slots.len() - self.per_window] + self.window_ms);
        }
        if let Some(&last) = self.slots.back() {
            at = at.max(last);
        }
        self.slots.push_back(at);
        at
    }

    /// Slots still free in the current window (for display).
    pub fn free_now(&self, now: f64) -> usize {
        let used = self.slots.iter().filter(|&&t| t > now - self.window_ms && t <= now).count();
        let queued = self.slots.iter().filter(|&&t| t > now).count();
        self.per_window.saturating_sub(used + queued)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn max_in_any_window(times: &[f64], window: f64) -> usize {
        times
            .iter()
            .map(|&start| times.iter().filter(|&&t| t >= start && t < start + window).count())
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn a_burst_of_fifty_is_queued_not_dropped() {
        let mut l = Limiter::default();
        let times: Vec<f64> = (0..50).map(|i| l.reserve(1000.0 + i as f64)).collect();
        assert_eq!(times.len(), 50);
        // The first 25 go at once, the next 25 a minute after the first ones.
        assert!(times[..25].iter().enumerate().all(|(i, &t)| t == 1000.0 + i as f64));
        assert_eq!(times[25], 62_000.0);
        assert_eq!(max_in_any_window(&times, WINDOW_MS), PER_MINUTE);
        // Even arriving up to a second late, no 60 s window sees more than 25.
        let late: Vec<f64> = times.iter().enumerate().map(|(i, t)| if i < 25 { t + 999.0 } else { *t }).collect();
        assert_eq!(max_in_any_window(&late, 60_000.0), PER_MINUTE);
        assert!(times.windows(2).all(|w| w[0] <= w[1]), "in order");
    }

    #[test]
    fn steady_traffic_below_the_limit_is_not_delayed() {
        let mut l = Limiter::default();
        for i in 0..200 {
            let now = i as f64 * 3000.0; // 20 a minute
            assert_eq!(l.reserve(now), now);
        }
    }

    #[test]
    fn never_more_than_the_limit_in_any_window() {
        let mut l = Limiter::new(5, 1000.0);
        let mut times = Vec::new();
        let mut now = 0.0;
        for i in 0..300u32 {
            now += f64::from((i * 7919) % 13) * 37.0;
            times.push(l.reserve(now));
        }
        assert!(max_in_any_window(&times, 1000.0) <= 5);
    }

    #[test]
    fn free_slots() {
        let mut l = Limiter::new(3, 1000.0);
        assert_eq!(l.free_now(0.0), 3);
        l.reserve(0.0);
        l.reserve(0.0);
        assert_eq!(l.free_now(0.0), 1);
        l.reserve(0.0);
        l.reserve(0.0);
        assert_eq!(l.free_now(0.0), 0);
        assert_eq!(l.free_now(1500.0), 2);
    }
}
