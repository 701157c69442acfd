//! What a list page shows, decided without the browser: the filter and
//! sort (kept in the page's URL), the facts each entry is filtered and
//! sorted by (made once per entry), the groups a list falls into, and which
//! rows of a long group are near enough the viewport to be in the page
//! (windowing). Pure: tested natively; `pages::lists` is the glue.

use std::cmp::Ordering;
use std::ops::Range;
use std::sync::Arc;

use crate::media::{ListStatus, MediaFormat, MediaKind, MediaStatus};

/// How the rows are ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SortBy {
    #[default]
    Title,
    Score,
    Progress,
    Updated,
    /// The title's start (its release date).
    Started,
    Average,
    /// The entry added last first.
    Added,
    /// The date the person began it (the entry's `startedAt`).
    Began,
    /// The date the person completed it (the entry's `completedAt`).
    Finished,
    /// How many AniList members have the title on their lists.
    Popularity,
}

impl SortBy {
    pub const ALL: [SortBy; 10] = [SortBy::Title, SortBy::Score, SortBy::Progress, SortBy::Updated, SortBy::Added, SortBy::Began, SortBy::Finished, SortBy::Started, SortBy::Average, SortBy::Popularity];

    /// The orders AniList keeps as the user's default (`rowOrder`).
    pub const ROW_ORDERS: [SortBy; 4] = [SortBy::Title, SortBy::Score, SortBy::Updated, SortBy::Added];

    pub fn as_str(self) -> &'static str {
        match self {
            SortBy::Title => "title",
            SortBy::Score => "score",
            SortBy::Progress => "progress",
            SortBy::Updated => "updated",
            SortBy::Started => "started",
            SortBy::Average => "average",
            SortBy::Added => "added",
            SortBy::Began => "begun",
            SortBy::Finished => "completed",
            SortBy::Popularity => "popularity",
        }
    }

    /// AniList's name for it as the default order of list rows
    /// (`rowOrder`), for those it has.
    pub fn row_order(self) -> Option<&'static str> {
        match self {
            SortBy::Title => Some("title"),
            SortBy::Score => Some("score"),
            SortBy::Updated => Some("updatedAt"),
            SortBy::Added => Some("id"),
            _ => None,
        }
    }

    /// The user's default order from AniList's `rowOrder` (title when it
    /// gives none, or one this app does not know).
    pub fn from_row_order(row_order: Option<&str>) -> Self {
        Self::ROW_ORDERS.into_iter().find(|s| s.row_order() == row_order).unwrap_or_default()
    }

    pub fn label(self) -> &'static str {
        match self {
            SortBy::Title => "Title",
            SortBy::Score => "Your score (highest first)",
            SortBy::Progress => "Progress (most first)",
            SortBy::Updated => "Last updated",
            SortBy::Started => "Release date (newest first)",
            SortBy::Average => "Average score (highest first)",
            SortBy::Added => "Last added",
            SortBy::Began => "Your start date (latest first)",
            SortBy::Finished => "Completed date (latest first)",
            SortBy::Popularity => "Popularity (most first)",
        }
    }

    /// The other way round, in words: what [`ListQuery::reverse`] says.
    pub fn reversed(self) -> &'static str {
        match self {
            SortBy::Title => "Z to A",
            SortBy::Score | SortBy::Average => "Lowest first",
            SortBy::Progress | SortBy::Popularity => "Fewest first",
            SortBy::Updated | SortBy::Added | SortBy::Started | SortBy::Began | SortBy::Finished => "Oldest first",
        }
    }

    pub fn parse(s: &str) -> Self {
        Self::ALL.into_iter().find(|x| x.as_str() == s).unwrap_or_default()
    }
}

/// The start years the year filter knows.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// The filter and sort of a list page, as its URL holds them
/// (`?q=…&status=…&format=…&release=…&genre=…&country=…&year=…&scored=…&sort=…`), so they survive a round trip
/// to another page, a reload and a shared link.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ListQuery {
    /// Any part of any of the titles, as typed.
    pub text: String,
    pub status: Option<ListStatus>,
    pub format: Option<MediaFormat>,
    /// How far the title's release is (airing, finished…).
    pub release: Option<MediaStatus>,
    /// A genre, by its place in [`crate::media::GENRES`].
    pub genre: Option<usize>,
    /// The country of origin ([`crate::media::country_code`]).
    pub country: Option<[u8; 2]>,
    /// The year it started.
    pub year: Option<i32>,
    /// Scored (`true`) or not scored yet (`false`).
    pub scored: Option<bool>,
    pub sort: SortBy,
    /// The sort the other way round (lowest score first, oldest first, Z
    /// to A); what it does not know still comes last.
    pub reverse: bool,
    /// The user's default order (AniList's `rowOrder`): the URL names the
    /// sort only when it is another.
    pub default_sort: SortBy,
}

impl ListQuery {
    /// Reads the URL's query (`get` gives a parameter's decoded value);
    /// what does not read is left out, and the sort is the user's
    /// `default_sort` unless the URL names one.
    pub fn from_params(get: impl Fn(&str) -> Option<String>, default_sort: SortBy) -> Self {
        Self {
            text: get("q").unwrap_or_default(),
            status: get("status").and_then(|s| ListStatus::from_api(&s.to_ascii_uppercase())),
            format: get("format").and_then(|s| MediaFormat::ALL.into_iter().find(|f| f.as_api().eq_ignore_ascii_case(&s))),
            release: get("release").and_then(|s| MediaStatus::from_api(&s.trim().to_ascii_uppercase())),
            genre: get("genre").and_then(|g| crate::media::genre_index(&g)),
            country: get("country").and_then(|c| crate::media::country_code(&c)),
            year: get("year").and_then(|y| y.trim().parse().ok()).filter(|y| YEARS.contains(y)),
            scored: get("scored").and_then(|s| match s.trim().to_ascii_lowercase().as_str() {
                "yes" => Some(true),
                "no" => Some(false),
                _ => None,
            }),
            sort: get("sort").map(|s| SortBy::parse(&s)).unwrap_or(default_sort),
            reverse: get("order").is_some_and(|o| o.trim().eq_ignore_ascii_case("reverse")),
            default_sort,
        }
    }

    /// The query string for the URL ("" when nothing is set), form-encoded.
    pub fn to_query(&self) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        if !self.text.trim().is_empty() {
            out.append_pair("q", &self.text);
        }
        if let Some(s) = self.status {
            out.append_pair("status", &s.as_api().to_ascii_lowercase());
        }
        if let Some(f) = self.format {
            out.append_pair("format", &f.as_api().to_ascii_lowercase());
        }
        if let Some(r) = self.release {
            out.append_pair("release", &r.as_api().to_ascii_lowercase());
        }
        if let Some(g) = self.genre.and_then(|g| crate::media::GENRES.get(g)) {
            out.append_pair("genre", g);
        }
        if let Some(c) = self.country {
            out.append_pair("country", &crate::media::country_text(c));
        }
        if let Some(y) = self.year {
            out.append_pair("year", &y.to_string());
        }
        if let Some(s) = self.scored {
            out.append_pair("scored", if s { "yes" } else { "no" });
        }
        if self.sort != self.default_sort {
            out.append_pair("sort", self.sort.as_str());
        }
        if self.reverse {
            out.append_pair("order", "reverse");
        }
        let q = out.finish();
        if q.is_empty() { q } else { format!("?{q}") }
    }

    /// Whether anything narrows the list.
    pub fn narrows(&self) -> bool {
        !self.text.trim().is_empty() || self.status.is_some() || self.format.is_some() || self.release.is_some() || self.genre.is_some() || self.country.is_some() || self.year.is_some() || self.scored.is_some()
    }

    /// How many of the choices beside the text (status, format, release,
    /// genre, country, year, score, sort, its order) are not at their
    /// default: what a folded set of them says.
    pub fn choices_made(&self) -> usize {
        [self.status.is_some(), self.format.is_some(), self.release.is_some(), self.genre.is_some(), self.country.is_some(), self.year.is_some(), self.scored.is_some(), self.sort != self.default_sort, self.reverse]
            .into_iter()
            .filter(|&c| c)
            .count()
    }
}

/// What an entry is filtered and sorted by, made once per entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Facts {
    pub media_id: i64,
    /// Its status group; `None` when it is hidden from the status lists
    /// (it then stands only in its custom lists).
    pub group: Option<ListStatus>,
    pub status: ListStatus,
    pub format: Option<MediaFormat>,
    pub release: Option<MediaStatus>,
    /// Its genres ([`crate::media::genre_bits`]).
    pub genres: u32,
    pub country: Option<[u8; 2]>,
    pub year: Option<i32>,
    /// Every title in lower case, one per line ([`title_key`]).
    pub key: Arc<str>,
    /// Where its title comes in the user's collation (equal titles share it).
    pub rank: u32,
    pub score: f64,
    pub progress: u32,
    /// Seconds since the epoch.
    pub updated_at: i64,
    /// Its start date as one sortable number (yyyymmdd, unknown parts 0).
    pub started: Option<i64>,
    /// When the person began and completed it, the same way.
    pub began: Option<i64>,
    pub finished: Option<i64>,
    pub average: Option<u32>,
    /// How many members have it on their lists.
    pub popularity: Option<u32>,
    /// The entry's id: AniList numbers entries as they are added.
    pub added: i64,
}

/// The choices a list offers beside "All" in its filters: only what its
/// titles have.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FilterChoices {
    /// In AniList's order ([`MediaFormat::ALL`]).
    pub formats: Vec<MediaFormat>,
    /// In AniList's order ([`MediaStatus::ALL`]).
    pub releases: Vec<MediaStatus>,
    /// Places in [`crate::media::GENRES`], in its order.
    pub genres: Vec<usize>,
    /// Countries of origin, as first met (the page orders them by name).
    pub countries: Vec<[u8; 2]>,
    /// Newest first, within [`YEARS`].
    pub years: Vec<i32>,
}

/// What one title brings to the choices.
#[derive(Clone, Copy, Debug, Default)]
pub struct ChoiceFacts {
    pub format: Option<MediaFormat>,
    pub release: Option<MediaStatus>,
    /// [`crate::media::genre_bits`].
    pub genres: u32,
    pub country: Option<[u8; 2]>,
    /// The year it started.
    pub year: Option<i32>,
}

/// The choices of a list's titles, in one pass (no sort: formats, release
/// states and genres have their own order, years are marked in a table).
pub fn filter_choices(titles: impl IntoIterator<Item = ChoiceFacts>) -> FilterChoices {
    let first = *YEARS.start();
    let mut formats = [false; MediaFormat::ALL.len()];
    let mut releases = [false; MediaStatus::ALL.len()];
    let mut years = [false; (*YEARS.end() - *YEARS.start() + 1) as usize];
    let mut genres = 0u32;
    let mut countries = Vec::new();
    for t in titles {
        if let Some(i) = t.format.and_then(|f| MediaFormat::ALL.iter().position(|x| *x == f)) {
            formats[i] = true;
        }
        if let Some(i) = t.release.and_then(|r| MediaStatus::ALL.iter().position(|x| *x == r)) {
            releases[i] = true;
        }
        genres |= t.genres;
        if let Some(c) = t.country.filter(|c| !countries.contains(c)) {
            countries.push(c);
        }
        if let Some(h) = t.year.and_then(|y| usize::try_from(y - first).ok()).and_then(|i| years.get_mut(i)) {
            *h = true;
        }
    }
    FilterChoices {
        formats: MediaFormat::ALL.iter().zip(formats).filter(|(_, h)| *h).map(|(f, _)| *f).collect(),
        releases: MediaStatus::ALL.iter().zip(releases).filter(|(_, h)| *h).map(|(r, _)| *r).collect(),
        genres: (0..crate::media::GENRES.len()).filter(|&i| genres & 1 << i != 0).collect(),
        countries,
        years: (0..years.len()).rev().filter(|&i| years[i]).map(|i| first + i as i32).collect(),
    }
}

/// A start date as one sortable number: 1998-04-03 is 19980403; a date
/// with only its year is 19980000.
pub fn date_number(year: Option<i32>, month: Option<u32>, day: Option<u32>) -> Option<i64> {
    let y = i64::from(year?);
    Some(y * 10_000 + i64::from(month.unwrap_or(0).min(12)) * 100 + i64::from(day.unwrap_or(0).min(31)))
}

/// Every title of an entry as one text, one per line (so a filter never
/// matches across two titles).
pub fn titles_text(titles: &[&str]) -> String {
    titles.join("\n")
}

/// The key the filter looks in: an entry's [`titles_text`] in lower case.
pub fn title_key(titles_text: &str) -> String {
    crate::text::lower(titles_text)
}

/// A filter as typed, ready to look for in title keys: trimmed, lower
/// case, without line breaks.
pub fn filter_key(filter: &str) -> String {
    crate::text::lower(filter.trim()).replace('\n', " ")
}

/// Whether an entry passes the filter (`text` is the [`filter_key`] of
/// `q.text`).
pub fn passes(f: &Facts, q: &ListQuery, text: &str) -> bool {
    (text.is_empty() || f.key.contains(text))
        && q.status.is_none_or(|s| f.status == s)
        && q.format.is_none_or(|fmt| f.format == Some(fmt))
        && q.release.is_none_or(|r| f.release == Some(r))
        && q.genre.is_none_or(|g| f.genres & 1 << g != 0)
        && q.country.is_none_or(|c| f.country == Some(c))
        && q.year.is_none_or(|y| f.year == Some(y))
        && q.scored.is_none_or(|s| (f.score > 0.0) == s)
}

/// Higher of two options first (`reverse`: lower first), unknown last.
fn highest_first<T: PartialOrd>(a: Option<T>, b: Option<T>, reverse: bool) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) if reverse => a.partial_cmp(&b).unwrap_or(Ordering::Equal),
        (Some(a), Some(b)) => b.partial_cmp(&a).unwrap_or(Ordering::Equal),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Titles in the user's collation; scores, progress and dates highest
/// first (unknown ones, and no score, last); `reverse`d the other way
/// round, unknown ones still last. Ties by title (A to Z), then by media
/// id, so the order never depends on the order the entries came in.
pub fn compare(a: &Facts, b: &Facts, by: SortBy, reverse: bool) -> Ordering {
    let scored = |f: &Facts| Some(f.score).filter(|s| *s > 0.0);
    let first = match by {
        SortBy::Title => Ordering::Equal,
        SortBy::Score => highest_first(scored(a), scored(b), reverse),
        SortBy::Progress => highest_first(Some(a.progress), Some(b.progress), reverse),
        SortBy::Updated => highest_first(Some(a.updated_at), Some(b.updated_at), reverse),
        SortBy::Started => highest_first(a.started, b.started, reverse),
        SortBy::Average => highest_first(a.average, b.average, reverse),
        SortBy::Added => highest_first(Some(a.added), Some(b.added), reverse),
        SortBy::Began => highest_first(a.began, b.began, reverse),
        SortBy::Finished => highest_first(a.finished, b.finished, reverse),
        SortBy::Popularity => highest_first(a.popularity, b.popularity, reverse),
    };
    let title = match (by, reverse) {
        (SortBy::Title, true) => b.rank.cmp(&a.rank),
        _ => a.rank.cmp(&b.rank),
    };
    first.then(title).then(a.media_id.cmp(&b.media_id))
}

/// Where the groups stand in [`arrange`]'s answer: the status lists in
/// [`ListStatus::ALL`]'s order, then the completed ones by format in
/// [`MediaFormat::ALL`]'s (AniList's split completed lists), then the
/// custom lists.
pub const SPLIT_AT: usize = ListStatus::ALL.len();
pub const CUSTOM_AT: usize = SPLIT_AT + MediaFormat::ALL.len();

/// A split completed list's name, as AniList names it ("Completed TV
/// Short").
pub fn split_name(kind: MediaKind, format: MediaFormat) -> String {
    let word = match format {
        MediaFormat::TvShort => "TV Short",
        MediaFormat::OneShot => "One Shot",
        f => f.label(),
    };
    format!("{} {word}", ListStatus::Completed.label(kind))
}

/// The media ids of each group, filtered and sorted (see [`SPLIT_AT`]). An
/// entry hidden from the status lists is only in its custom lists. With
/// `split` (the list's kind, when the user splits the completed list by
/// format on AniList), a completed entry stands in its format's list; one
/// of no known format, or of the other kind's (which [`section_order`]
/// never shows), stays in "Completed".
pub fn arrange(facts: &[Facts], custom: &[(String, Vec<i64>)], q: &ListQuery, split: Option<MediaKind>) -> Vec<Vec<i64>> {
    let text = filter_key(&q.text);
    let mut order: Vec<&Facts> = facts.iter().filter(|f| passes(f, q, &text)).collect();
    // Unstable is enough: `compare` never finds two entries equal.
    order.sort_unstable_by(|a, b| compare(a, b, q.sort, q.reverse));
    let mut groups = vec![Vec::new(); CUSTOM_AT];
    for f in &order {
        let Some(g) = f.group else { continue };
        let by_format = split
            .filter(|_| g == ListStatus::Completed)
            .and_then(|kind| f.format.filter(|x| x.kind() == kind))
            .and_then(|x| MediaFormat::ALL.iter().position(|m| *m == x));
        let at = by_format.map(|j| SPLIT_AT + j).or_else(|| ListStatus::ALL.iter().position(|s| *s == g));
        if let Some(at) = at {
            groups[at].push(f.media_id);
        }
    }
    for (_, ids) in custom {
        let on: std::collections::HashSet<i64> = ids.iter().copied().collect();
        groups.push(order.iter().filter(|f| on.contains(&f.media_id)).map(|f| f.media_id).collect());
    }
    groups
}

/// The order the groups of [`arrange`] show in, as indices into them: the
/// sections in the user's order from AniList (`order`: status lists by
/// their names, "Watching", "Planning"…, split completed lists, "Completed
/// TV", and custom lists by theirs), then every other one in its own place
/// (status lists, the split completed lists after "Completed", custom
/// lists). Without `split` the split lists are left out; a name matching
/// no group (a list since taken out) is passed over; a name given twice
/// counts once.
pub fn section_order(order: &[String], kind: MediaKind, custom: &[&str], split: bool) -> Vec<usize> {
    let count = CUSTOM_AT + custom.len();
    let completed = ListStatus::ALL.iter().position(|s| *s == ListStatus::Completed).unwrap_or(0);
    // The kind's own formats only: a manga list has no "Completed TV".
    let splits: Vec<usize> = if split { (SPLIT_AT..CUSTOM_AT).filter(|i| MediaFormat::ALL[i - SPLIT_AT].kind() == kind).collect() } else { Vec::new() };
    let index_of = |name: &str| {
        ListStatus::ALL
            .iter()
            .position(|s| s.label(kind) == name)
            .or_else(|| splits.iter().copied().find(|i| split_name(kind, MediaFormat::ALL[i - SPLIT_AT]) == name))
            .or_else(|| custom.iter().position(|c| *c == name).map(|i| CUSTOM_AT + i))
    };
    let own = (0..=completed).chain(splits.iter().copied()).chain(completed + 1..SPLIT_AT).chain(CUSTOM_AT..count);
    let mut seen = vec![false; count];
    let mut out = Vec::with_capacity(count);
    // Puts `i` at `at` (the end when `None`) unless it is there already.
    let mut add = |out: &mut Vec<usize>, at: Option<usize>, i: usize| {
        if std::mem::replace(&mut seen[i], true) {
            return false;
        }
        out.insert(at.unwrap_or(out.len()), i);
        true
    };
    for i in order.iter().filter_map(|name| index_of(name)) {
        add(&mut out, None, i);
    }
    // The split lists it does not name follow the last completed one it
    // does.
    if let Some(mut at) = out.iter().rposition(|i| *i == completed || splits.contains(i)).map(|p| p + 1) {
        for &i in &splits {
            if add(&mut out, Some(at), i) {
                at += 1;
            }
        }
    }
    for i in own {
        add(&mut out, None, i);
    }
    out
}

/// The heading and test id of the group at `i` of [`arrange`]'s answer.
pub fn section_label(i: usize, kind: MediaKind, custom: &[&str]) -> (String, String) {
    match (ListStatus::ALL.get(i), MediaFormat::ALL.get(i.wrapping_sub(SPLIT_AT))) {
        (Some(status), _) => (status.label(kind).to_string(), format!("group-{}", status.as_api().to_ascii_lowercase())),
        (None, Some(format)) if i < CUSTOM_AT => (split_name(kind, *format), format!("group-completed-{}", format.as_api().to_ascii_lowercase())),
        _ => {
            let at = i.saturating_sub(CUSTOM_AT);
            (custom.get(at).copied().unwrap_or_default().to_string(), format!("group-custom-{at}"))
        }
    }
}

/// The sections' names in the order [`section_order`] shows them.
pub fn section_names(order: &[String], kind: MediaKind, custom: &[&str], split: bool) -> Vec<String> {
    section_order(order, kind, custom, split).into_iter().map(|i| section_label(i, kind, custom).0).collect()
}

/// The order to keep on AniList once the section shown at `at` moves one
/// place up (or down): every section named, in the order shown (with
/// `split`, each split completed list is a section of its own). Otherwise
/// AniList's split completed lists ("Completed TV") stay right after
/// "Completed", as they were; a name matching nothing else (a list taken
/// out) goes.
pub fn move_section(order: &[String], kind: MediaKind, custom: &[&str], split: bool, at: usize, up: bool) -> Vec<String> {
    let mut names = section_names(order, kind, custom, split);
    let to = if up { at.checked_sub(1) } else { Some(at + 1) };
    if let Some(to) = to.filter(|to| *to < names.len() && at < names.len()) {
        names.swap(at, to);
    }
    let completed = ListStatus::Completed.label(kind);
    let kept: Vec<&String> = order.iter().filter(|n| n.len() > completed.len() && n.starts_with(completed) && !names.contains(n)).collect();
    let mut out = Vec::with_capacity(names.len() + kept.len());
    for name in names {
        let after = name == completed;
        out.push(name);
        if after {
            out.extend(kept.iter().map(|n| n.to_string()));
        }
    }
    out
}

/// Rows kept in the page above and below the viewport, so scrolling and
/// tabbing find them already there.
pub const OVERSCAN: usize = 8;

/// Which rows of a list of `count` rows, each `row_h` pixels high, are
/// within [`OVERSCAN`] rows of the viewport: `top` is where the list's
/// first row starts relative to the viewport's top (negative once it has
/// scrolled past), `view_h` the viewport's height.
pub fn window(count: usize, row_h: f64, top: f64, view_h: f64) -> Range<usize> {
    if count == 0 || row_h.is_nan() || row_h <= 0.0 || !top.is_finite() || !view_h.is_finite() {
        return 0..0;
    }
    let first = (-top / row_h).floor();
    let last = ((view_h - top) / row_h).ceil();
    let clamp = |x: f64| x.clamp(0.0, count as f64) as usize;
    let start = clamp(first - OVERSCAN as f64);
    let end = clamp(last + OVERSCAN as f64);
    if end <= start { 0..0 } else { start..end }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_choices_made_beside_the_text_are_counted() {
        let mut q = ListQuery { text: "bebop".into(), ..ListQuery::default() };
        assert_eq!(q.choices_made(), 0, "the text is not one of them");
        q.status = Some(ListStatus::Paused);
        q.year = Some(2000);
        assert_eq!(q.choices_made(), 2);
        q.sort = SortBy::Score;
        q.format = Some(MediaFormat::Movie);
        assert_eq!(q.choices_made(), 4);
        q.sort = SortBy::Title;
        assert_eq!(q.choices_made(), 3, "the default sort is no choice");
    }

    #[test]
    fn a_list_offers_only_the_choices_its_titles_have() {
        let drama = crate::media::genre_bits(&["Drama".into()]);
        let both = crate::media::genre_bits(&["Action".into(), "Sci-Fi".into()]);
        let title = |format, release, genres, country, year| ChoiceFacts { format, release, genres, country, year };
        let c = filter_choices([
            title(Some(MediaFormat::Movie), Some(MediaStatus::Releasing), drama, Some(*b"KR"), Some(1998)),
            title(Some(MediaFormat::Tv), Some(MediaStatus::Finished), both, Some(*b"JP"), Some(2024)),
            title(Some(MediaFormat::Movie), Some(MediaStatus::Releasing), 0, Some(*b"KR"), Some(1998)),
            ChoiceFacts::default(),
            title(Some(MediaFormat::Unknown), Some(MediaStatus::Unknown), 0, None, Some(1800)),
        ]);
        assert_eq!(c.formats, [MediaFormat::Tv, MediaFormat::Movie], "AniList's order, each once, no unknown");
        assert_eq!(c.releases, [MediaStatus::Finished, MediaStatus::Releasing], "AniList's order, each once, no unknown");
        assert_eq!(c.genres.iter().map(|&g| crate::media::GENRES[g]).collect::<Vec<_>>(), ["Action", "Drama", "Sci-Fi"]);
        assert_eq!(c.countries, [*b"KR", *b"JP"], "as first met, each once");
        assert_eq!(c.years, [2024, 1998], "newest first; 1800 is out of range");
        assert_eq!(filter_choices([]), FilterChoices::default());
    }

    fn facts(media_id: i64, title: &str, rank: u32) -> Facts {
        Facts {
            media_id,
            group: Some(ListStatus::Current),
            status: ListStatus::Current,
            format: Some(MediaFormat::Tv),
            release: Some(MediaStatus::Releasing),
            genres: crate::media::genre_bits(&["Drama".into(), "Sci-Fi".into()]),
            country: Some(*b"KR"),
            year: Some(2000),
            key: title_key(title).into(),
            rank,
            score: 0.0,
            progress: 0,
            updated_at: 0,
            started: None,
            began: None,
            finished: None,
            average: None,
            popularity: None,
            added: media_id,
        }
    }

    #[test]
    fn the_query_goes_to_the_url_and_back() {
        let q = ListQuery { text: "Tale & stars".into(), status: Some(ListStatus::Completed), format: Some(MediaFormat::TvShort), release: Some(MediaStatus::NotYetReleased), genre: crate::media::genre_index("Slice of Life"), country: Some(*b"CN"), year: Some(1998), scored: Some(false), sort: SortBy::Started, reverse: true, default_sort: SortBy::Title };
        let url = q.to_query();
        assert_eq!(url, "?q=Tale+%26+stars&status=completed&format=tv_short&release=not_yet_released&genre=Slice+of+Life&country=CN&year=1998&scored=no&sort=started&order=reverse");
        assert_eq!(q.choices_made(), 9);
        let pairs: Vec<(String, String)> = form_urlencoded::parse(&url.as_bytes()[1..]).into_owned().collect();
        let back = ListQuery::from_params(|k| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()), SortBy::Title);
        assert_eq!(back, q);
        assert_eq!(ListQuery::default().to_query(), "");
        assert!(!ListQuery::default().narrows() && q.narrows());
        // What does not read is left out, never an error.
        let odd = ListQuery::from_params(|k| Some(match k { "year" => "19x8", "status" => "watching", "format" => "HOLOGRAM", "genre" => "Isekai", "country" => "Japan", "release" => "rebooted", "scored" => "maybe", _ => "nope" }.to_string()), SortBy::Title);
        assert_eq!((odd.status, odd.format, odd.genre, odd.country, odd.year, odd.sort, odd.reverse, odd.text.as_str()), (None, None, None, None, None, SortBy::Title, false, "nope"));
        assert_eq!(odd.scored, None);
        let scored = ListQuery::from_params(|k| (k == "scored").then(|| " YES".to_string()), SortBy::Title);
        assert_eq!((scored.scored, scored.to_query().as_str(), scored.narrows(), scored.choices_made()), (Some(true), "?scored=yes", true, 1));
        assert_eq!(odd.release, None);
        let airing = ListQuery::from_params(|k| (k == "release").then(|| " Releasing".to_string()), SortBy::Title);
        assert_eq!((airing.release, airing.to_query().as_str(), airing.narrows()), (Some(MediaStatus::Releasing), "?release=releasing", true));
        let kr = ListQuery::from_params(|k| (k == "country").then(|| " kr".to_string()), SortBy::Title);
        assert_eq!(kr.to_query(), "?country=KR");
        // A genre in any case reads as AniList writes it.
        let sci = ListQuery::from_params(|k| (k == "genre").then(|| "sci-fi".to_string()), SortBy::Title);
        assert_eq!(sci.to_query(), "?genre=Sci-Fi");
        // The user's default order from AniList: the URL names the sort
        // only when it is another (title, here, then).
        let scored = ListQuery::from_params(|_| None, SortBy::Score);
        assert_eq!((scored.sort, scored.to_query().as_str(), scored.choices_made()), (SortBy::Score, "", 0));
        let titled = ListQuery { sort: SortBy::Title, ..scored };
        assert_eq!((titled.to_query().as_str(), titled.choices_made()), ("?sort=title", 1));
        assert_eq!(ListQuery::from_params(|k| (k == "sort").then(|| "title".to_string()), SortBy::Score).sort, SortBy::Title);
    }

    #[test]
    fn anilists_row_orders_are_default_sorts() {
        assert_eq!(SortBy::from_row_order(Some("score")), SortBy::Score);
        assert_eq!(SortBy::from_row_order(Some("updatedAt")), SortBy::Updated);
        assert_eq!(SortBy::from_row_order(Some("id")), SortBy::Added);
        assert_eq!(SortBy::from_row_order(Some("title")), SortBy::Title);
        assert_eq!(SortBy::from_row_order(Some("popularity")), SortBy::Title, "one this app does not know");
        assert_eq!(SortBy::from_row_order(None), SortBy::Title);
        for s in SortBy::ROW_ORDERS {
            assert_eq!(SortBy::from_row_order(s.row_order()), s);
        }
        let mut list: Vec<Facts> = (1..=3).map(|i| facts(i, &format!("t{i}"), i as u32)).collect();
        list[0].added = 30;
        assert_eq!(arrange(&list, &[], &ListQuery { sort: SortBy::Added, ..ListQuery::default() }, None)[0], [1, 3, 2], "the last added first");
    }

    #[test]
    fn the_filter_looks_in_every_title_but_not_across_two() {
        let mut f = facts(1, "", 0);
        f.key = title_key(&titles_text(&["Shingeki no Kyojin", "Attack on Titan", "進撃の巨人", "AoT"])).into();
        let q = ListQuery::default();
        let finds = |typed: &str| passes(&f, &q, &filter_key(typed));
        assert!(finds(" ATTACK ") && finds("巨人") && finds("aot") && finds("kyojin") && finds(""));
        assert!(!finds("kyojin attack"), "across two titles");
        assert!(!finds("berserk"));
        let narrowed = |q: ListQuery| passes(&f, &q, "");
        assert!(narrowed(ListQuery { status: Some(ListStatus::Current), year: Some(2000), format: Some(MediaFormat::Tv), ..ListQuery::default() }));
        assert!(!narrowed(ListQuery { status: Some(ListStatus::Planning), ..ListQuery::default() }));
        assert!(!narrowed(ListQuery { format: Some(MediaFormat::Movie), ..ListQuery::default() }));
        assert!(!narrowed(ListQuery { year: Some(2001), ..ListQuery::default() }));
        assert!(narrowed(ListQuery { release: Some(MediaStatus::Releasing), ..ListQuery::default() }));
        assert!(!narrowed(ListQuery { release: Some(MediaStatus::Finished), ..ListQuery::default() }));
        assert!(!passes(&Facts { release: None, ..f.clone() }, &ListQuery { release: Some(MediaStatus::Releasing), ..ListQuery::default() }, ""), "none given");
        assert!(narrowed(ListQuery { genre: crate::media::genre_index("Sci-Fi"), ..ListQuery::default() }));
        assert!(narrowed(ListQuery { genre: crate::media::genre_index("drama"), ..ListQuery::default() }));
        assert!(!narrowed(ListQuery { genre: crate::media::genre_index("Comedy"), ..ListQuery::default() }));
        assert!(!narrowed(ListQuery { genre: crate::media::genre_index("Thriller"), ..ListQuery::default() }), "the last genre");
        assert!(narrowed(ListQuery { country: Some(*b"KR"), genre: crate::media::genre_index("Drama"), ..ListQuery::default() }));
        assert!(!narrowed(ListQuery { country: Some(*b"JP"), ..ListQuery::default() }));
        let none = Facts { genres: 0, country: None, ..f.clone() };
        assert!(!passes(&none, &ListQuery { country: Some(*b"KR"), ..ListQuery::default() }, ""), "no country given");
        assert!(!passes(&none, &ListQuery { genre: crate::media::genre_index("Drama"), ..ListQuery::default() }, ""), "none given");
        // Scored or not yet: a score of 0 is none.
        let rated = Facts { score: 7.5, ..f.clone() };
        let unrated = Facts { score: 0.0, ..f.clone() };
        let scored = |s| ListQuery { scored: Some(s), ..ListQuery::default() };
        assert!(passes(&rated, &scored(true), "") && !passes(&rated, &scored(false), ""));
        assert!(passes(&unrated, &scored(false), "") && !passes(&unrated, &scored(true), ""));
    }

    #[test]
    fn genres_are_bits_of_anilists_list() {
        use crate::media::{genre_bits, genre_index, GENRES};
        assert_eq!(genre_index(" mahou shoujo "), Some(8));
        assert_eq!(genre_index("Isekai"), None);
        // One AniList adds later is left out; each known one is its own bit.
        assert_eq!(genre_bits(&["Action".into(), "Isekai".into(), "Thriller".into()]), 1 | 1 << 18);
        let all: Vec<String> = GENRES.iter().map(|g| g.to_string()).collect();
        assert_eq!(genre_bits(&all).count_ones(), GENRES.len() as u32);
    }

    #[test]
    fn sorts_put_unknowns_last_and_break_ties_by_title() {
        let mut a = facts(1, "a", 0);
        let mut b = facts(2, "b", 1);
        let mut c = facts(3, "c", 2);
        (a.score, b.score, c.score) = (8.0, 9.0, 8.0);
        (a.progress, b.progress, c.progress) = (1, 3, 3);
        (a.updated_at, b.updated_at, c.updated_at) = (5, 1, 9);
        (a.started, b.started, c.started) = (Some(19980403), None, Some(20010000));
        (a.average, b.average, c.average) = (None, Some(70), Some(90));
        (a.popularity, b.popularity, c.popularity) = (Some(370_000), None, Some(1_200));
        (a.began, b.began, c.began) = (Some(20240100), Some(20240115), None);
        (a.finished, b.finished, c.finished) = (None, Some(20250301), Some(20250301));
        let all = [a, b, c];
        let order = |by| {
            let mut v: Vec<&Facts> = all.iter().collect();
            v.sort_by(|x, y| compare(x, y, by, false));
            v.iter().map(|f| f.media_id).collect::<Vec<_>>()
        };
        assert_eq!(order(SortBy::Title), [1, 2, 3]);
        assert_eq!(order(SortBy::Score), [2, 1, 3]);
        assert_eq!(order(SortBy::Progress), [2, 3, 1]);
        assert_eq!(order(SortBy::Updated), [3, 1, 2]);
        assert_eq!(order(SortBy::Started), [3, 1, 2]);
        assert_eq!(order(SortBy::Average), [3, 2, 1]);
        assert_eq!(order(SortBy::Popularity), [1, 3, 2], "most first, unknown last");
        assert_eq!(order(SortBy::Began), [2, 1, 3], "latest first: a month without its day after its days; unknown last");
        assert_eq!(order(SortBy::Finished), [2, 3, 1], "the same day: by title");
        // The other way round: unknown (and no score) still last, ties
        // still by title A to Z.
        let reversed = |by| {
            let mut v: Vec<&Facts> = all.iter().collect();
            v.sort_by(|x, y| compare(x, y, by, true));
            v.iter().map(|f| f.media_id).collect::<Vec<_>>()
        };
        assert_eq!(reversed(SortBy::Title), [3, 2, 1]);
        assert_eq!(reversed(SortBy::Score), [1, 3, 2], "lowest first; equal scores by title");
        assert_eq!(reversed(SortBy::Progress), [1, 2, 3]);
        assert_eq!(reversed(SortBy::Updated), [2, 1, 3]);
        assert_eq!(reversed(SortBy::Popularity), [3, 1, 2], "fewest first, unknown last");
        assert_eq!(reversed(SortBy::Began), [1, 2, 3], "earliest first, unknown last");
        assert_eq!(reversed(SortBy::Finished), [2, 3, 1], "the same day: by title, A to Z");
        let mut unscored = all.clone();
        unscored[0].score = 0.0;
        let mut v: Vec<&Facts> = unscored.iter().collect();
        v.sort_by(|x, y| compare(x, y, SortBy::Score, true));
        assert_eq!(v.iter().map(|f| f.media_id).collect::<Vec<_>>(), [3, 2, 1], "no score is last either way");
        assert_eq!((SortBy::Score.reversed(), SortBy::Title.reversed(), SortBy::Updated.reversed()), ("Lowest first", "Z to A", "Oldest first"));
        for by in SortBy::ALL {
            assert_eq!(SortBy::parse(by.as_str()), by);
        }
        assert_eq!(SortBy::parse("nope"), SortBy::Title);
        assert_eq!(date_number(Some(1998), Some(4), Some(3)), Some(19980403));
        assert_eq!(date_number(Some(1998), None, None), Some(19980000));
        assert_eq!(date_number(None, Some(4), Some(3)), None);
    }

    #[test]
    fn groups_are_filtered_sorted_and_hidden_entries_only_in_custom_lists() {
        let mut list: Vec<Facts> = (1..=6).map(|i| facts(i, &format!("t{i}"), 10 - i as u32)).collect();
        list[1].group = Some(ListStatus::Planning);
        list[1].status = ListStatus::Planning;
        list[2].group = None; // hidden from status lists
        let custom = vec![("Rewatch".to_string(), vec![3, 5, 99])];
        let g = arrange(&list, &custom, &ListQuery::default(), None);
        assert_eq!(g.len(), CUSTOM_AT + 1);
        assert_eq!(g[0], [6, 5, 4, 1], "by rank: 6 first");
        assert_eq!(g[5], [2], "planning");
        assert_eq!(g[CUSTOM_AT], [5, 3], "the custom list, sorted, with the hidden entry");
        let g = arrange(&list, &custom, &ListQuery { text: "T5".into(), ..ListQuery::default() }, None);
        assert_eq!((g[0].as_slice(), g[CUSTOM_AT].as_slice()), (&[5][..], &[5][..]));
        // Completed, split by format: a TV, a movie, one of no known format
        // and a manga's format on an anime list.
        for (i, format) in [(0, Some(MediaFormat::Tv)), (3, Some(MediaFormat::Movie)), (5, Some(MediaFormat::Unknown)), (4, Some(MediaFormat::Manga))] {
            (list[i].group, list[i].format) = (Some(ListStatus::Completed), format);
        }
        let completed = ListStatus::ALL.iter().position(|s| *s == ListStatus::Completed).unwrap();
        let split = arrange(&list, &custom, &ListQuery::default(), Some(MediaKind::Anime));
        let at = |f: MediaFormat| SPLIT_AT + MediaFormat::ALL.iter().position(|x| *x == f).unwrap();
        assert_eq!((split[at(MediaFormat::Tv)].as_slice(), split[at(MediaFormat::Movie)].as_slice(), split[completed].as_slice()), (&[1][..], &[4][..], &[6, 5][..]));
        assert!(split[at(MediaFormat::Manga)].is_empty(), "a manga's format on an anime list: no group the anime list shows");
        assert_eq!(arrange(&list, &custom, &ListQuery::default(), None)[completed], [6, 5, 4, 1], "one Completed list when not split");
    }

    #[test]
    fn sections_follow_the_users_order_then_their_own() {
        let names = |order: &[&str]| order.iter().map(|n| n.to_string()).collect::<Vec<_>>();
        let c = CUSTOM_AT;
        // Nothing set: status lists, then custom lists, as they come.
        assert_eq!(section_order(&[], MediaKind::Anime, &["Rewatch"], false), [0, 1, 2, 3, 4, 5, c]);
        // AniList's own default, split completed lists and all.
        let order = names(&["Watching", "Rewatching", "Completed", "Completed TV", "Completed Movie", "Paused", "Dropped", "Planning"]);
        assert_eq!(section_order(&order, MediaKind::Anime, &[], false), [0, 1, 2, 3, 4, 5]);
        // Split: those named where they are, the other formats after them.
        let tv = SPLIT_AT;
        let movie = SPLIT_AT + MediaFormat::ALL.iter().position(|f| *f == MediaFormat::Movie).unwrap();
        let split = section_order(&order, MediaKind::Anime, &[], true);
        assert_eq!(split[..5], [0, 1, 2, tv, movie]);
        assert!(split[5..10].iter().all(|i| (SPLIT_AT..CUSTOM_AT).contains(i)), "the formats it does not name after the last it does: {split:?}");
        assert_eq!(split[10..], [3, 4, 5]);
        assert_eq!(split.len(), SPLIT_AT + 7, "the anime formats only");
        // Nothing set, split: each format's list right after Completed.
        assert_eq!(section_order(&[], MediaKind::Anime, &[], true)[..4], [0, 1, 2, tv]);
        // Planning first, a custom list before Completed; the rest after.
        let order = names(&["Planning", "Rewatch", "Completed", "Planning", "Gone"]);
        assert_eq!(section_order(&order, MediaKind::Anime, &["Favourites", "Rewatch"], false), [5, c + 1, 2, 0, 1, 3, 4, c]);
        // A manga list's names are its own.
        assert_eq!(section_order(&names(&["Rereading", "Reading"]), MediaKind::Manga, &[], false)[..2], [1, 0]);
        assert_eq!(section_order(&names(&["Rewatching"]), MediaKind::Manga, &[], false)[0], 0, "an anime name in a manga list");
        assert_eq!(section_label(movie, MediaKind::Anime, &[]), ("Completed Movie".to_string(), "group-completed-movie".to_string()));
        assert_eq!(split_name(MediaKind::Manga, MediaFormat::OneShot), "Completed One Shot");
        assert_eq!(section_label(c + 1, MediaKind::Anime, &["A", "B"]), ("B".to_string(), "group-custom-1".to_string()));
        assert_eq!(section_label(2, MediaKind::Anime, &[]).1, "group-completed");
    }

    #[test]
    fn a_section_moves_one_place_and_the_split_lists_stay_after_completed() {
        let names = |order: &[&str]| order.iter().map(|n| n.to_string()).collect::<Vec<_>>();
        assert_eq!(section_names(&[], MediaKind::Manga, &["To buy"], false), names(&["Reading", "Rereading", "Completed", "Paused", "Dropped", "Planning", "To buy"]));
        // Nothing set yet: the whole order is written, the one moved.
        assert_eq!(move_section(&[], MediaKind::Anime, &["Rewatch"], false, 6, true), names(&["Watching", "Rewatching", "Completed", "Paused", "Dropped", "Rewatch", "Planning"]));
        let order = names(&["Watching", "Rewatching", "Completed", "Completed TV", "Completed Movie", "Paused", "Dropped", "Planning"]);
        assert_eq!(
            move_section(&order, MediaKind::Anime, &[], false, 2, true),
            names(&["Watching", "Completed", "Completed TV", "Completed Movie", "Rewatching", "Paused", "Dropped", "Planning"])
        );
        assert_eq!(move_section(&order, MediaKind::Anime, &[], false, 5, false), order, "the last cannot go further down");
        let mut gone = order.clone();
        gone.push("Taken out".into());
        assert_eq!(move_section(&gone, MediaKind::Anime, &[], false, 0, true), order, "a list no longer there goes");
        // Split: each split list moves on its own, and every one is named.
        let moved = move_section(&order, MediaKind::Anime, &[], true, 4, true);
        assert_eq!(moved[..6], names(&["Watching", "Rewatching", "Completed", "Completed Movie", "Completed TV", "Completed TV Short"]));
        assert_eq!(moved.len(), 6 + 7, "six statuses and seven anime formats");
        assert!(section_names(&[], MediaKind::Manga, &[], true).contains(&"Completed One Shot".to_string()));
        assert!(!section_names(&[], MediaKind::Manga, &[], true).contains(&"Completed TV".to_string()));
        assert_eq!(move_section(&order, MediaKind::Anime, &[], false, 0, true), order, "nor the first further up");
    }

    #[test]
    fn the_window_covers_the_viewport_and_a_margin() {
        // 1,000 rows of 50 px; the list starts 200 px down the viewport.
        assert_eq!(window(1000, 50.0, 200.0, 800.0), 0..(12 + OVERSCAN));
        // Scrolled 10,000 px into the list.
        assert_eq!(window(1000, 50.0, -10_000.0, 800.0), (200 - OVERSCAN)..(216 + OVERSCAN));
        // At the end.
        assert_eq!(window(1000, 50.0, -49_500.0, 800.0), (990 - OVERSCAN)..1000);
        // Far below or above the viewport: nothing.
        assert_eq!(window(1000, 50.0, 5_000.0, 800.0), 0..0);
        assert_eq!(window(10, 50.0, -5_000.0, 800.0), 0..0);
        // Just below the viewport: the first rows are ready.
        assert_eq!(window(1000, 50.0, 850.0, 800.0), 0..7);
        assert_eq!(window(0, 50.0, 0.0, 800.0), 0..0);
        assert_eq!(window(10, 0.0, 0.0, 800.0), 0..0);
        assert_eq!(window(10, 50.0, f64::NAN, 800.0), 0..0);
    }
}
