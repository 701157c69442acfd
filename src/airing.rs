//! What is airing, in words: how long until the next episode, and how many
//! aired episodes the person has not seen. Pure: tested natively.

/// "2 d 4 h", "4 h 12 min", "12 min", "under a minute"; "aired" once past.
pub fn countdown(secs: i64) -> String {
    if secs <= 0 {
        return "aired".into();
    }
    let (d, h, m) = (secs / 86_400, secs % 86_400 / 3_600, secs % 3_600 / 60);
    match (d, h, m) {
        (0, 0, 0) => "under a minute".into(),
        (0, 0, m) => format!("{m} min"),
        (0, h, m) => format!("{h} h {m} min"),
        (d, h, _) => format!("{d} d {h} h"),
    }
}

/// "Ep 8 in 2 d 4 h": the next episode and when, from `now` (Unix seconds).
pub fn next_episode(episode: u32, airing_at: i64, now: i64) -> String {
    let left = airing_at - now;
    if left <= 0 { format!("Ep {episode} aired") } else { format!("Ep {episode} in {}", countdown(left)) }
}

/// Episodes aired (those before the next one, and the next one too once
/// its time has passed) that the person's progress has not reached.
pub fn behind(next: u32, airing_at: i64, now: i64, progress: u32) -> u32 {
    let aired = if airing_at <= now { next } else { next.saturating_sub(1) };
    aired.saturating_sub(progress)
}

/// A title's next episode is asked of AniList again this long after the
/// last ask, while its time has passed and AniList has not moved on.
pub const ASK_AGAIN_SECS: i64 = 600;

/// The titles whose next episode should be asked of AniList now: being
/// watched, with an airing time that has passed, and not asked within
/// [`ASK_AGAIN_SECS`] (`asked_at`: when each was last asked, Unix seconds).
pub fn due(titles: impl IntoIterator<Item = (i64, bool, Option<i64>)>, now: i64, asked_at: impl Fn(i64) -> Option<i64>) -> Vec<i64> {
    titles
        .into_iter()
        .filter(|&(id, watching, airing_at)| watching && airing_at.is_some_and(|at| at <= now) && asked_at(id).is_none_or(|t| now - t >= ASK_AGAIN_SECS))
        .map(|(id, ..)| id)
        .collect()
}

/// Whether a title's page, last read (or asked for) at `read_at`, should be
/// read again now for its next episode (`airing_at`; all Unix seconds): that
/// time has passed since the last read, or it had passed already then and
/// [`ASK_AGAIN_SECS`] have gone by with AniList not yet moved on.
pub fn read_again(airing_at: i64, read_at: i64, now: i64) -> bool {
    airing_at <= now && (read_at < airing_at || now - read_at >= ASK_AGAIN_SECS)
}

/// A calendar day, as the schedule's address names it (`2026-12-07`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Day {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Day {
    /// A `YYYY-MM-DD` that is a real date (years 1970 to 9999), or `None`.
    pub fn parse(s: &str) -> Option<Day> {
        let mut parts = s.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
        if parts.next().is_some() || !digits(y, 4) || !digits(m, 2) || !digits(d, 2) {
            return None;
        }
        let day = Day { year: y.parse().ok()?, month: m.parse().ok()?, day: d.parse().ok()? };
        let real = (1970..=9999).contains(&day.year) && (1..=12).contains(&day.month) && (1..=day.days_in_month()).contains(&day.day);
        real.then_some(day)
    }

    /// `2026-12-07`.
    pub fn key(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    fn days_in_month(self) -> u32 {
        match self.month {
            2 if self.year % 4 == 0 && (self.year % 100 != 0 || self.year % 400 == 0) => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    }
}

/// The days the schedule offers, from today: yesterday to five days on.
pub const SCHEDULE_DAYS: std::ops::RangeInclusive<i32> = -1..=5;

/// "Yesterday", "Today", "Tomorrow" for a day `offset` days from today.
pub fn day_word(offset: i32) -> Option<&'static str> {
    match offset {
        -1 => Some("Yesterday"),
        0 => Some("Today"),
        1 => Some("Tomorrow"),
        _ => None,
    }
}

/// Whether the schedule shows an episode: a title on the person's lists
/// always; another unless `only_mine`, and then not when it is for adults
/// and the person does not let those show (`adult_hidden`).
pub fn on_schedule(adult_hidden: bool, on_list: bool, only_mine: bool) -> bool {
    on_list || (!only_mine && !adult_hidden)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_schedule_day_is_a_real_date_written_in_full() {
        assert_eq!(Day::parse("2026-12-07"), Some(Day { year: 2026, month: 12, day: 7 }));
        assert_eq!(Day::parse("2028-02-29").map(Day::key).as_deref(), Some("2028-02-29"));
        for bad in ["2026-02-29", "2100-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-12-00", "2026-12-7", "26-12-07", "+026-12-07", "2026-12-07-01", "2026-12", "", "1969-12-31", "２０２６-12-07", "2026-1a-07"] {
            assert_eq!(Day::parse(bad), None, "{bad}");
        }
        assert_eq!(Day::parse("2000-02-29").map(Day::key).as_deref(), Some("2000-02-29"));
        assert_eq!(Day { year: 2027, month: 1, day: 5 }.key(), "2027-01-05");
    }

    #[test]
    fn the_schedule_names_the_days_near_today_and_hides_adult_titles_not_on_a_list() {
        assert_eq!(SCHEDULE_DAYS.map(day_word).collect::<Vec<_>>(), [Some("Yesterday"), Some("Today"), Some("Tomorrow"), None, None, None, None]);
        // (adult, on list, only mine) -> shown
        assert!(on_schedule(false, false, false));
        assert!(!on_schedule(true, false, false));
        assert!(on_schedule(true, true, false));
        assert!(on_schedule(true, true, true));
        assert!(!on_schedule(false, false, true));
        assert!(on_schedule(false, true, true));
    }

    #[test]
    fn only_watched_titles_whose_episode_time_has_passed_are_asked_and_not_too_often() {
        let titles = [(1, true, Some(900)), (2, true, Some(1_100)), (3, false, Some(900)), (4, true, None), (5, true, Some(1_000)), (6, true, Some(500))];
        let asked = |id: i64| match id {
            5 => Some(990),
            6 => Some(1_000 - ASK_AGAIN_SECS),
            _ => None,
        };
        // 2 airs later, 3 is not being watched, 4 has no date, 5 was asked
        // ten seconds ago; 6 was asked long enough ago to ask again.
        assert_eq!(due(titles, 1_000, asked), [1, 6]);
    }

    #[test]
    fn a_title_page_is_read_again_once_its_episode_has_aired_and_not_too_often() {
        // Read before episode time (1,000): not yet, then at once after it.
        assert!(!read_again(1_000, 900, 999));
        assert!(read_again(1_000, 900, 1_000));
        // Read after the time, AniList not moved on: again only after a while.
        assert!(!read_again(1_000, 1_010, 1_010 + ASK_AGAIN_SECS - 1));
        assert!(read_again(1_000, 1_010, 1_010 + ASK_AGAIN_SECS));
    }

    #[test]
    fn countdowns_read_as_a_person_says_them() {
        assert_eq!(countdown(2 * 86_400 + 4 * 3_600 + 59), "2 d 4 h");
        assert_eq!(countdown(4 * 3_600 + 12 * 60 + 5), "4 h 12 min");
        assert_eq!(countdown(12 * 60), "12 min");
        assert_eq!(countdown(30), "under a minute");
        assert_eq!(countdown(0), "aired");
        assert_eq!(next_episode(8, 1_000 + 2 * 86_400 + 4 * 3_600, 1_000), "Ep 8 in 2 d 4 h");
        assert_eq!(next_episode(8, 1_000, 1_001), "Ep 8 aired");
    }

    #[test]
    fn episodes_behind_count_only_what_has_aired() {
        // Episode 8 airs tomorrow: 7 are out.
        assert_eq!(behind(8, 2_000, 1_000, 5), 2);
        assert_eq!(behind(8, 2_000, 1_000, 7), 0);
        assert_eq!(behind(8, 2_000, 1_000, 9), 0, "ahead (another source): not behind");
        // Its time has passed and AniList has not moved on yet: 8 are out.
        assert_eq!(behind(8, 900, 1_000, 5), 3);
        assert_eq!(behind(1, 2_000, 1_000, 0), 0);
    }
}
