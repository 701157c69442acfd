//! What a search asks AniList: the text and the filters (format, release
//! status, season and year, genre, tag, on the person's lists or not) and
//! the order, kept in the URL
//! (`?q=…&type=…&format=…&status=…&season=…&year=…&genre=…&tag=…&list=…&sort=…`)
//! so a search can be shared and reloaded. Pure: tested natively.

use std::time::Duration;

use crate::listing::YEARS;
use crate::media::{MediaFormat, MediaKind, MediaSeason, MediaStatus};

/// Typing pauses this long before a search is sent.
pub const DEBOUNCE: Duration = Duration::from_millis(400);

/// The genres to browse by: AniList's (see [`crate::media::GENRES`])
/// without the adult one, in its spelling; `name` in any case.
pub fn genre(name: &str) -> Option<&'static str> {
    crate::media::genre_index(name).map(|i| crate::media::GENRES[i]).filter(|g| *g != crate::media::ADULT_GENRE)
}

/// Every genre to browse by, in AniList's order.
pub fn genres() -> impl Iterator<Item = &'static str> {
    crate::media::GENRES.into_iter().filter(|g| *g != crate::media::ADULT_GENRE)
}

/// The order of the results.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Order {
    /// Best match with the text; most popular without any.
    #[default]
    Relevance,
    Popularity,
    Score,
    Trending,
    Newest,
}

impl Order {
    pub const ALL: [Order; 5] = [Order::Relevance, Order::Popularity, Order::Score, Order::Trending, Order::Newest];

    pub fn as_str(self) -> &'static str {
        match self {
            Order::Relevance => "relevance",
            Order::Popularity => "popularity",
            Order::Score => "score",
            Order::Trending => "trending",
            Order::Newest => "newest",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Order::Relevance => "Best match",
            Order::Popularity => "Popularity",
            Order::Score => "Average score",
            Order::Trending => "Trending",
            Order::Newest => "Newest",
        }
    }

    /// AniList's `MediaSort` for it, given whether there is text.
    pub fn media_sort(self, has_text: bool) -> Option<&'static str> {
        match self {
            Order::Relevance if has_text => None,
            Order::Relevance | Order::Popularity => Some("POPULARITY_DESC"),
            Order::Score => Some("SCORE_DESC"),
            Order::Trending => Some("TRENDING_DESC"),
            Order::Newest => Some("START_DATE_DESC"),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Browse {
    pub text: String,
    pub kind: MediaKind,
    pub format: Option<MediaFormat>,
    pub status: Option<MediaStatus>,
    pub season: Option<MediaSeason>,
    pub year: Option<i32>,
    pub genre: Option<String>,
    /// One of AniList's tags, as named (AniList's names are checked when
    /// the choice is drawn, not here: a new one still reads).
    pub tag: Option<String>,
    /// Only titles on the person's lists (`true`), or only those not on
    /// them (`false`); signed in only.
    pub on_list: Option<bool>,
    pub order: Order,
}

/// A tag's name is at most this long.
const TAG_MAX: usize = 100;

impl Default for Browse {
    fn default() -> Self {
        Self { text: String::new(), kind: MediaKind::Anime, format: None, status: None, season: None, year: None, genre: None, tag: None, on_list: None, order: Order::default() }
    }
}

/// The formats of a kind of title.
pub fn formats(kind: MediaKind) -> &'static [MediaFormat] {
    match kind {
        MediaKind::Anime => &MediaFormat::ALL[..7],
        MediaKind::Manga => &MediaFormat::ALL[7..],
    }
}

impl Browse {
    /// Reads the URL's parameters; what does not read is left out.
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> Self {
        let upper = |k: &str| get(k).map(|s| s.trim().to_ascii_uppercase());
        let kind = get("type").and_then(|t| MediaKind::from_slug(&t)).unwrap_or(MediaKind::Anime);
        Self {
            text: get("q").unwrap_or_default().trim().to_string(),
            kind,
            format: upper("format").and_then(|s| formats(kind).iter().copied().find(|f| f.as_api() == s)),
            status: upper("status").and_then(|s| MediaStatus::from_api(&s)),
            season: upper("season").and_then(|s| MediaSeason::from_api(&s)),
            year: get("year").and_then(|y| y.trim().parse().ok()).filter(|y| YEARS.contains(y)),
            genre: get("genre").and_then(|g| genre(&g)).map(str::to_string),
            tag: get("tag").map(|t| t.trim().to_string()).filter(|t| !t.is_empty() && t.chars().count() <= TAG_MAX),
            on_list: get("list").and_then(|l| Self::on_list_of(l.trim())),
            order: get("sort").and_then(|s| Order::ALL.into_iter().find(|o| o.as_str() == s)).unwrap_or_default(),
        }
    }

    /// The query string (always with the type), form-encoded.
    pub fn to_query(&self) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        if !self.text.is_empty() {
            out.append_pair("q", &self.text);
        }
        out.append_pair("type", self.kind.slug());
        let lower = |s: &str| s.to_ascii_lowercase();
        if let Some(f) = self.format {
            out.append_pair("format", &lower(f.as_api()));
        }
        if let Some(s) = self.status {
            out.append_pair("status", &lower(s.as_api()));
        }
        if let Some(s) = self.season {
            out.append_pair("season", &lower(s.as_api()));
        }
        if let Some(y) = self.year {
            out.append_pair("year", &y.to_string());
        }
        if let Some(g) = &self.genre {
            out.append_pair("genre", g);
        }
        if let Some(t) = &self.tag {
            out.append_pair("tag", t);
        }
        if self.on_list.is_some() {
            out.append_pair("list", Self::list_word(self.on_list));
        }
        if self.order != Order::default() {
            out.append_pair("sort", self.order.as_str());
        }
        format!("?{}", out.finish())
    }

    /// How the URL (and the filter's choice) says [`Self::on_list`]: "on",
    /// "off", or "" for either.
    pub fn list_word(on_list: Option<bool>) -> &'static str {
        match on_list {
            Some(true) => "on",
            Some(false) => "off",
            None => "",
        }
    }

    /// [`Self::on_list`] from its word; anything else: either.
    pub fn on_list_of(word: &str) -> Option<bool> {
        match word {
            "on" => Some(true),
            "off" => Some(false),
            _ => None,
        }
    }

    /// Whether there is anything to ask: text, a filter or an order.
    pub fn asks(&self) -> bool {
        !self.text.is_empty() || self.narrows() || self.order != Order::default()
    }

    /// Whether a filter narrows the results.
    pub fn narrows(&self) -> bool {
        self.format.is_some() || self.status.is_some() || self.season.is_some() || self.year.is_some() || self.genre.is_some() || self.tag.is_some() || self.on_list.is_some()
    }
}

/// The anime season a month (1–12) of a year falls in, with its year as
/// AniList counts it (December opens the next year's winter).
pub fn season_of(year: i32, month: u32) -> (MediaSeason, i32) {
    match month {
        12 => (MediaSeason::Winter, year + 1),
        1 | 2 => (MediaSeason::Winter, year),
        3..=5 => (MediaSeason::Spring, year),
        6..=8 => (MediaSeason::Summer, year),
        _ => (MediaSeason::Fall, year),
    }
}

/// The season after one.
pub fn next_season((season, year): (MediaSeason, i32)) -> (MediaSeason, i32) {
    match season {
        MediaSeason::Winter => (MediaSeason::Spring, year),
        MediaSeason::Spring => (MediaSeason::Summer, year),
        MediaSeason::Summer => (MediaSeason::Fall, year),
        _ => (MediaSeason::Winter, year + 1),
    }
}

/// Ways to start browsing with one click, as (words, what it asks): the
/// season's anime and the next's, the season's not on the person's
/// lists (`signed_in`), and what is trending.
pub fn starts(kind: MediaKind, now: (MediaSeason, i32), signed_in: bool) -> Vec<(String, Browse)> {
    let mut out = Vec::new();
    let trending = Browse { kind, order: Order::Trending, ..Browse::default() };
    if kind == MediaKind::Anime {
        let of = |(season, year): (MediaSeason, i32)| Browse { season: Some(season), year: Some(year), order: Order::Popularity, ..Browse::default() };
        let named = |(season, year): (MediaSeason, i32)| format!("{} {year}", season.label());
        out.push((format!("This season: {}", named(now)), of(now)));
        if signed_in {
            out.push((format!("{}, not on your lists", named(now)), Browse { on_list: Some(false), ..of(now) }));
        }
        out.push((format!("Next season: {}", named(next_season(now))), of(next_season(now))));
    }
    out.push((format!("Trending {}", kind.label().to_lowercase()), trending));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seasons_as_anilist_counts_them_and_ways_to_start() {
        assert_eq!(season_of(2026, 12), (MediaSeason::Winter, 2027), "December opens the next year's winter");
        assert_eq!(season_of(2027, 2), (MediaSeason::Winter, 2027));
        assert_eq!([3, 6, 9, 11].map(|m| season_of(2026, m).0), [MediaSeason::Spring, MediaSeason::Summer, MediaSeason::Fall, MediaSeason::Fall]);
        assert_eq!(next_season((MediaSeason::Fall, 2026)), (MediaSeason::Winter, 2027));
        assert_eq!(next_season((MediaSeason::Winter, 2027)), (MediaSeason::Spring, 2027));
        let anime = starts(MediaKind::Anime, (MediaSeason::Winter, 2027), true);
        let words: Vec<&str> = anime.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(words, ["This season: Winter 2027", "Winter 2027, not on your lists", "Next season: Spring 2027", "Trending anime"]);
        assert_eq!(anime[1].1.to_query(), "?type=anime&season=winter&year=2027&list=off&sort=popularity");
        assert!(anime.iter().all(|(_, b)| b.asks()), "each browses");
        assert_eq!(starts(MediaKind::Anime, (MediaSeason::Winter, 2027), false).len(), 3, "signed out: not the one about the lists");
        let manga = starts(MediaKind::Manga, (MediaSeason::Winter, 2027), true);
        assert_eq!(manga.iter().map(|(w, b)| (w.as_str(), b.to_query())).collect::<Vec<_>>(), [("Trending manga", "?type=manga&sort=trending".to_string())]);
    }

    fn read(url: &str) -> Browse {
        let pairs: Vec<(String, String)> = form_urlencoded::parse(url.trim_start_matches('?').as_bytes()).into_owned().collect();
        Browse::from_params(|k| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()))
    }

    #[test]
    fn a_search_goes_to_the_url_and_back() {
        let b = Browse {
            text: "star & sea".into(),
            kind: MediaKind::Anime,
            format: Some(MediaFormat::Movie),
            status: Some(MediaStatus::NotYetReleased),
            season: Some(MediaSeason::Fall),
            year: Some(2024),
            genre: Some("Slice of Life".into()),
            tag: Some("Found Family".into()),
            on_list: Some(false),
            order: Order::Trending,
        };
        let url = b.to_query();
        assert_eq!(url, "?q=star+%26+sea&type=anime&format=movie&status=not_yet_released&season=fall&year=2024&genre=Slice+of+Life&tag=Found+Family&list=off&sort=trending");
        assert_eq!(read(&url), b);
        assert_eq!(Browse::default().to_query(), "?type=anime");
        assert!(!Browse::default().asks());
        assert!(Browse { genre: Some("Drama".into()), ..Browse::default() }.asks());
        assert!(Browse { on_list: Some(true), ..Browse::default() }.narrows());
        assert_eq!(read("?list=on").on_list, Some(true));
    }

    #[test]
    fn what_does_not_read_is_left_out() {
        let odd = read("?type=manga&format=tv&status=airing&season=monsoon&year=19x8&genre=Hentai&tag=+&list=maybe&sort=random");
        assert_eq!(odd, Browse { kind: MediaKind::Manga, ..Browse::default() }, "a TV format is not a manga's");
        assert_eq!(read("?type=manga&format=one_shot").format, Some(MediaFormat::OneShot));
        assert_eq!(read("?genre=sci-fi").genre.as_deref(), Some("Sci-Fi"));
        assert_eq!((genres().count(), genres().any(|g| g == crate::media::ADULT_GENRE)), (18, false), "AniList's genres but the adult one");
        assert_eq!(read("?tag=%20Space%20").tag.as_deref(), Some("Space"));
        assert_eq!(read(&format!("?tag={}", "a".repeat(101))).tag, None);
    }

    #[test]
    fn the_order_becomes_anilists_sort() {
        assert_eq!(Order::Relevance.media_sort(true), None, "AniList's own best match");
        assert_eq!(Order::Relevance.media_sort(false), Some("POPULARITY_DESC"));
        assert_eq!(Order::Newest.media_sort(true), Some("START_DATE_DESC"));
        assert_eq!(formats(MediaKind::Manga), [MediaFormat::Manga, MediaFormat::Novel, MediaFormat::OneShot]);
        assert!(!formats(MediaKind::Anime).contains(&MediaFormat::Manga));
    }
}
