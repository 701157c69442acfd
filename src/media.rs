//! AniList's enums as Rust types (each with a catch-all for values AniList
//! adds later), and what a list entry means to a person: statuses in words,
//! scores in the user's format, progress. Pure: tested natively.

use serde::{Deserialize, Serialize};

/// Anime or manga: the two kinds of list (and search) AniList has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MediaKind {
    Anime,
    Manga,
}

impl MediaKind {
    pub const ALL: [MediaKind; 2] = [MediaKind::Anime, MediaKind::Manga];

    /// Its place in [`MediaKind::ALL`]: the index of a value kept for each
    /// kind of list in a pair.
    pub fn index(self) -> usize {
        match self {
            MediaKind::Anime => 0,
            MediaKind::Manga => 1,
        }
    }

    /// The path segment and the `MediaType` of the schema, lower case.
    pub fn slug(self) -> &'static str {
        match self {
            MediaKind::Anime => "anime",
            MediaKind::Manga => "manga",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            MediaKind::Anime => "Anime",
            MediaKind::Manga => "Manga",
        }
    }

    /// What progress counts: "episode" or "chapter".
    pub fn unit(self) -> &'static str {
        match self {
            MediaKind::Anime => "episode",
            MediaKind::Manga => "chapter",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.slug() == slug)
    }
}


/// AniList's `MediaListStatus`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum ListStatus {
    Current,
    Repeating,
    Completed,
    Paused,
    Dropped,
    Planning,
    /// A status this app does not know yet; never sent back.
    #[serde(other)]
    Unknown,
}

impl ListStatus {
    pub const ALL: [ListStatus; 6] = [
        ListStatus::Current,
        ListStatus::Repeating,
        ListStatus::Completed,
        ListStatus::Paused,
        ListStatus::Dropped,
        ListStatus::Planning,
    ];

    pub fn from_api(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_api() == s)
    }

    /// Being watched or read, for the first time or again.
    pub fn in_progress(self) -> bool {
        matches!(self, ListStatus::Current | ListStatus::Repeating)
    }

    pub fn is_known(self) -> bool {
        self != ListStatus::Unknown
    }

    pub fn as_api(self) -> &'static str {
        match self {
            ListStatus::Current => "CURRENT",
            ListStatus::Repeating => "REPEATING",
            ListStatus::Completed => "COMPLETED",
            ListStatus::Paused => "PAUSED",
            ListStatus::Dropped => "DROPPED",
            ListStatus::Planning => "PLANNING",
            ListStatus::Unknown => "UNKNOWN",
        }
    }

    pub fn label(self, kind: MediaKind) -> &'static str {
        match (self, kind) {
            (ListStatus::Current, MediaKind::Anime) => "Watching",
            (ListStatus::Current, MediaKind::Manga) => "Reading",
            (ListStatus::Repeating, MediaKind::Anime) => "Rewatching",
            (ListStatus::Repeating, MediaKind::Manga) => "Rereading",
            (ListStatus::Completed, _) => "Completed",
            (ListStatus::Paused, _) => "Paused",
            (ListStatus::Dropped, _) => "Dropped",
            (ListStatus::Planning, _) => "Planning",
            (ListStatus::Unknown, _) => "Other",
        }
    }
}

/// AniList's `ScoreFormat`. A format this app does not know reads as
/// `POINT_10_DECIMAL`, AniList's default.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ScoreFormat {
    #[serde(rename = "POINT_100")]
    Point100,
    #[serde(rename = "POINT_10")]
    Point10,
    #[serde(rename = "POINT_5")]
    Point5,
    #[serde(rename = "POINT_3")]
    Point3,
    #[default]
    #[serde(rename = "POINT_10_DECIMAL", other)]
    Point10Decimal,
}

/// AniList's `MediaType`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum MediaType {
    Anime,
    Manga,
    #[serde(other)]
    Unknown,
}

impl MediaType {
    /// The kind of list a title of this type is on (none for a type this
    /// app does not know).
    pub fn kind(self) -> Option<MediaKind> {
        match self {
            MediaType::Anime => Some(MediaKind::Anime),
            MediaType::Manga => Some(MediaKind::Manga),
            MediaType::Unknown => None,
        }
    }
}

impl From<MediaKind> for MediaType {
    fn from(kind: MediaKind) -> Self {
        match kind {
            MediaKind::Anime => MediaType::Anime,
            MediaKind::Manga => MediaType::Manga,
        }
    }
}

/// AniList's `MediaFormat`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum MediaFormat {
    Tv,
    TvShort,
    Movie,
    Special,
    Ova,
    Ona,
    Music,
    Manga,
    Novel,
    OneShot,
    #[serde(other)]
    Unknown,
}

impl MediaFormat {
    pub const ALL: [MediaFormat; 10] = [
        MediaFormat::Tv,
        MediaFormat::TvShort,
        MediaFormat::Movie,
        MediaFormat::Special,
        MediaFormat::Ova,
        MediaFormat::Ona,
        MediaFormat::Music,
        MediaFormat::Manga,
        MediaFormat::Novel,
        MediaFormat::OneShot,
    ];

    /// AniList's name for it.
    pub fn as_api(self) -> &'static str {
        match self {
            MediaFormat::Tv => "TV",
            MediaFormat::TvShort => "TV_SHORT",
            MediaFormat::Movie => "MOVIE",
            MediaFormat::Special => "SPECIAL",
            MediaFormat::Ova => "OVA",
            MediaFormat::Ona => "ONA",
            MediaFormat::Music => "MUSIC",
            MediaFormat::Manga => "MANGA",
            MediaFormat::Novel => "NOVEL",
            MediaFormat::OneShot => "ONE_SHOT",
            MediaFormat::Unknown => "UNKNOWN",
        }
    }

    /// The kind of list a title of this format is on.
    pub fn kind(self) -> MediaKind {
        match self {
            MediaFormat::Manga | MediaFormat::Novel | MediaFormat::OneShot => MediaKind::Manga,
            _ => MediaKind::Anime,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            MediaFormat::Tv => "TV",
            MediaFormat::TvShort => "TV short",
            MediaFormat::Movie => "Movie",
            MediaFormat::Special => "Special",
            MediaFormat::Ova => "OVA",
            MediaFormat::Ona => "ONA",
            MediaFormat::Music => "Music",
            MediaFormat::Manga => "Manga",
            MediaFormat::Novel => "Novel",
            MediaFormat::OneShot => "One shot",
            MediaFormat::Unknown => "Other",
        }
    }
}

/// AniList's genres (its `GenreCollection`), in its order. A genre it adds
/// later shows on titles but is not among the list filter's choices.
pub const GENRES: [&str; 19] = [
    "Action", "Adventure", "Comedy", "Drama", "Ecchi", "Fantasy", "Hentai", "Horror", "Mahou Shoujo", "Mecha", "Music", "Mystery",
    "Psychological", "Romance", "Sci-Fi", "Slice of Life", "Sports", "Supernatural", "Thriller",
];

/// The genre only for adults (left out of browsing).
pub const ADULT_GENRE: &str = "Hentai";

/// A genre's place in [`GENRES`], by its name in any case.
pub fn genre_index(name: &str) -> Option<usize> {
    GENRES.iter().position(|g| g.eq_ignore_ascii_case(name.trim()))
}

/// A title's genres as bits of [`GENRES`] (bit `i` for `GENRES[i]`).
pub fn genre_bits(names: &[String]) -> u32 {
    names.iter().filter_map(|n| genre_index(n)).fold(0, |bits, i| bits | 1 << i)
}

/// A country of origin as AniList gives it (ISO 3166-1 alpha-2, `JP`), in
/// upper case; `None` for what is not one.
pub fn country_code(code: &str) -> Option<[u8; 2]> {
    match code.trim().as_bytes() {
        &[a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => Some([a.to_ascii_uppercase(), b.to_ascii_uppercase()]),
        _ => None,
    }
}

/// A [`country_code`] as text.
pub fn country_text(code: [u8; 2]) -> String {
    code.iter().map(|&b| char::from(b)).collect()
}

impl ScoreFormat {
    pub const ALL: [ScoreFormat; 5] = [ScoreFormat::Point100, ScoreFormat::Point10Decimal, ScoreFormat::Point10, ScoreFormat::Point5, ScoreFormat::Point3];

    /// The scoring system in words, with an example.
    pub fn label(self) -> &'static str {
        match self {
            ScoreFormat::Point100 => "100 points (85/100)",
            ScoreFormat::Point10Decimal => "10 points with decimals (8.5/10)",
            ScoreFormat::Point10 => "10 points (8/10)",
            ScoreFormat::Point5 => "5 stars",
            ScoreFormat::Point3 => "3 smileys",
        }
    }

    /// Reads AniList's name; anything else is AniList's default.
    pub fn from_api(s: &str) -> Self {
        serde_json::from_value(serde_json::Value::String(s.to_string())).unwrap_or_default()
    }

    /// AniList's name for it (`POINT_10_DECIMAL`), as serde writes it.
    pub fn as_api(self) -> &'static str {
        match self {
            ScoreFormat::Point100 => "POINT_100",
            ScoreFormat::Point10Decimal => "POINT_10_DECIMAL",
            ScoreFormat::Point10 => "POINT_10",
            ScoreFormat::Point5 => "POINT_5",
            ScoreFormat::Point3 => "POINT_3",
        }
    }

    pub fn max(self) -> f64 {
        match self {
            ScoreFormat::Point100 => 100.0,
            ScoreFormat::Point10Decimal | ScoreFormat::Point10 => 10.0,
            ScoreFormat::Point5 => 5.0,
            ScoreFormat::Point3 => 3.0,
        }
    }

    pub fn step(self) -> f64 {
        if self == ScoreFormat::Point10Decimal { 0.1 } else { 1.0 }
    }

    /// "8.5 / 10", "85 / 100", "★★★★☆", "🙂"; "no score" for 0.
    pub fn display(self, score: f64) -> String {
        let (value, scale) = self.display_parts(score);
        value + scale
    }

    /// [`Self::display`] in two: the score itself and what it is out of
    /// (" / 10"; empty where the score says it, as stars do), which a
    /// narrow row can leave unseen.
    pub fn display_parts(self, score: f64) -> (String, &'static str) {
        if score <= 0.0 || !score.is_finite() {
            return ("no score".into(), "");
        }
        match self {
            ScoreFormat::Point100 => (format!("{score:.0}"), " / 100"),
            ScoreFormat::Point10Decimal => (format!("{score:.1}"), " / 10"),
            ScoreFormat::Point10 => (format!("{score:.0}"), " / 10"),
            ScoreFormat::Point5 => {
                let n = score.round().clamp(0.0, 5.0) as usize;
                (format!("{}{}", "★".repeat(n), "☆".repeat(5 - n)), "")
            }
            ScoreFormat::Point3 => match score.round() as i64 {
                1 => ("☹".into(), " (1 / 3)"),
                2 => ("😐".into(), " (2 / 3)"),
                _ => ("🙂".into(), " (3 / 3)"),
            },
        }
    }

    /// Whether a score typed by the person is one AniList takes.
    pub fn accepts(self, score: f64) -> bool {
        score.is_finite() && (0.0..=self.max()).contains(&score)
    }
}

/// "12 / 26", or "12 / ?" while the total is unknown (still airing).
pub fn progress_label(progress: u32, total: Option<u32>) -> String {
    match total {
        Some(t) if t > 0 => format!("{progress} / {t}"),
        _ => format!("{progress} / ?"),
    }
}

/// Whether "+1" may go further.
pub fn can_increment(progress: u32, total: Option<u32>) -> bool {
    total.filter(|&t| t > 0).is_none_or(|t| progress < t)
}

/// Whether to offer "mark completed".
pub fn offer_completion(progress: u32, total: Option<u32>, status: ListStatus) -> bool {
    matches!(total, Some(t) if t > 0 && progress >= t) && status != ListStatus::Completed
}


/// An AniList enum shown as words: each value's name in the schema and its
/// label, and `Unknown` for a value AniList adds later.
macro_rules! anilist_enum {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $api:literal : $label:literal,)+ }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name {
            $(#[serde(rename = $api)] $variant,)+
            #[serde(other)]
            Unknown,
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_api(self) -> &'static str {
                match self {
                    $($name::$variant => $api,)+
                    $name::Unknown => "UNKNOWN",
                }
            }

            pub fn label(self) -> &'static str {
                match self {
                    $($name::$variant => $label,)+
                    $name::Unknown => "Other",
                }
            }

            pub fn from_api(s: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|x| x.as_api() == s)
            }
        }
    };
}

anilist_enum!(
    /// AniList's `UserTitleLanguage`: the language titles come in
    /// (`title { userPreferred }`).
    UserTitleLanguage {
        Romaji = "ROMAJI": "Romaji",
        English = "ENGLISH": "English",
        Native = "NATIVE": "Native",
        RomajiStylised = "ROMAJI_STYLISED": "Romaji (stylised)",
        EnglishStylised = "ENGLISH_STYLISED": "English (stylised)",
        NativeStylised = "NATIVE_STYLISED": "Native (stylised)",
    }
);

anilist_enum!(
    /// AniList's `UserStaffNameLanguage`: the names characters and staff
    /// go by (`name { userPreferred }`).
    UserStaffNameLanguage {
        RomajiWestern = "ROMAJI_WESTERN": "Romaji, given name first",
        Romaji = "ROMAJI": "Romaji, family name first",
        Native = "NATIVE": "Native",
    }
);

anilist_enum!(
    /// AniList's `MediaStatus`: how far its release is.
    MediaStatus {
        Finished = "FINISHED": "Finished",
        Releasing = "RELEASING": "Releasing",
        NotYetReleased = "NOT_YET_RELEASED": "Not yet released",
        Cancelled = "CANCELLED": "Cancelled",
        Hiatus = "HIATUS": "On hiatus",
    }
);

impl MediaStatus {
    /// Its name for a title of `kind`, in anilist.co's words: an anime
    /// airs ("Airing", "Not yet aired"), a manga is released.
    pub fn label_for(self, kind: MediaKind) -> &'static str {
        match (self, kind) {
            (MediaStatus::Releasing, MediaKind::Anime) => "Airing",
            (MediaStatus::NotYetReleased, MediaKind::Anime) => "Not yet aired",
            (s, _) => s.label(),
        }
    }
}

anilist_enum!(
    /// AniList's `MediaSeason`.
    MediaSeason {
        Winter = "WINTER": "Winter",
        Spring = "SPRING": "Spring",
        Summer = "SUMMER": "Summer",
        Fall = "FALL": "Fall",
    }
);

anilist_enum!(
    /// AniList's `MediaSource`: what it was made from.
    MediaSource {
        Original = "ORIGINAL": "Original",
        Manga = "MANGA": "Manga",
        LightNovel = "LIGHT_NOVEL": "Light novel",
        VisualNovel = "VISUAL_NOVEL": "Visual novel",
        VideoGame = "VIDEO_GAME": "Video game",
        Other = "OTHER": "Other",
        Novel = "NOVEL": "Novel",
        Doujinshi = "DOUJINSHI": "Doujinshi",
        Anime = "ANIME": "Anime",
        WebNovel = "WEB_NOVEL": "Web novel",
        LiveAction = "LIVE_ACTION": "Live action",
        Game = "GAME": "Game",
        Comic = "COMIC": "Comic",
        MultimediaProject = "MULTIMEDIA_PROJECT": "Multimedia project",
        PictureBook = "PICTURE_BOOK": "Picture book",
    }
);

anilist_enum!(
    /// AniList's `MediaRelation`: how two titles are related.
    MediaRelation {
        Adaptation = "ADAPTATION": "Adaptation",
        Prequel = "PREQUEL": "Prequel",
        Sequel = "SEQUEL": "Sequel",
        Parent = "PARENT": "Parent story",
        SideStory = "SIDE_STORY": "Side story",
        Character = "CHARACTER": "Shares characters",
        Summary = "SUMMARY": "Summary",
        Alternative = "ALTERNATIVE": "Alternative",
        SpinOff = "SPIN_OFF": "Spin-off",
        Other = "OTHER": "Other",
        Source = "SOURCE": "Source",
        Compilation = "COMPILATION": "Compilation",
        Contains = "CONTAINS": "Contains",
    }
);

anilist_enum!(
    /// AniList's `CharacterRole`.
    CharacterRole {
        Main = "MAIN": "Main",
        Supporting = "SUPPORTING": "Supporting",
        Background = "BACKGROUND": "Background",
    }
);

anilist_enum!(
    /// AniList's `ReviewRating`: the person's say on a review.
    ReviewRating {
        NoVote = "NO_VOTE": "No vote",
        UpVote = "UP_VOTE": "Helpful",
        DownVote = "DOWN_VOTE": "Not helpful",
    }
);

anilist_enum!(
    /// AniList's `RecommendationRating`: the person's say on a
    /// recommendation ("if you liked this, try that").
    RecommendationRating {
        NoRating = "NO_RATING": "No rating",
        RateUp = "RATE_UP": "Agree",
        RateDown = "RATE_DOWN": "Disagree",
    }
);

anilist_enum!(
    /// AniList's `ExternalLinkType`.
    ExternalLinkType {
        Info = "INFO": "Info",
        Streaming = "STREAMING": "Streaming",
        Social = "SOCIAL": "Social",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_index_their_place() {
        for (i, kind) in MediaKind::ALL.into_iter().enumerate() {
            assert_eq!(kind.index(), i);
        }
    }

    #[test]
    fn statuses() {
        for s in ListStatus::ALL {
            assert_eq!(ListStatus::from_api(s.as_api()), Some(s));
        }
        assert_eq!(ListStatus::from_api("current"), None);
        assert_eq!(ListStatus::Current.label(MediaKind::Anime), "Watching");
        assert_eq!(ListStatus::Current.label(MediaKind::Manga), "Reading");
        assert_eq!(ListStatus::Repeating.label(MediaKind::Manga), "Rereading");
    }

    #[test]
    fn enums_read_anilist_names_and_keep_unknown_ones() {
        let read = |s: &str| serde_json::from_str::<ListStatus>(&format!("\"{s}\"")).unwrap();
        for s in ListStatus::ALL {
            assert_eq!(read(s.as_api()), s);
            assert_eq!(serde_json::to_string(&s).unwrap(), format!("\"{}\"", s.as_api()));
        }
        assert_eq!(read("ON_HOLD"), ListStatus::Unknown);
        let format = |s: &str| serde_json::from_str::<ScoreFormat>(&format!("\"{s}\"")).unwrap();
        assert_eq!(format("POINT_10_DECIMAL"), ScoreFormat::Point10Decimal);
        assert_eq!(format("POINT_100"), ScoreFormat::Point100);
        assert_eq!(format("POINT_3"), ScoreFormat::Point3);
        assert_eq!(format("POINT_1000"), ScoreFormat::Point10Decimal);
        let f = |s: &str| serde_json::from_str::<MediaFormat>(&format!("\"{s}\"")).unwrap();
        assert_eq!(f("TV_SHORT"), MediaFormat::TvShort);
        assert_eq!(f("ONE_SHOT").label(), "One shot");
        assert_eq!(f("HOLOGRAM"), MediaFormat::Unknown);
        assert_eq!(serde_json::to_string(&MediaType::from(MediaKind::Manga)).unwrap(), "\"MANGA\"");
        for m in MediaFormat::ALL {
            assert_eq!(f(m.as_api()), m);
        }
    }

    #[test]
    fn display_enums_read_their_names_and_keep_unknown_ones() {
        let status = |s: &str| serde_json::from_str::<MediaStatus>(&format!("\"{s}\"")).unwrap();
        assert_eq!(status("NOT_YET_RELEASED").label(), "Not yet released");
        assert_eq!(status("REBOOTED"), MediaStatus::Unknown);
        assert_eq!(status("RELEASING").label_for(MediaKind::Anime), "Airing");
        assert_eq!(status("NOT_YET_RELEASED").label_for(MediaKind::Anime), "Not yet aired");
        assert_eq!(status("RELEASING").label_for(MediaKind::Manga), "Releasing");
        assert_eq!(status("HIATUS").label_for(MediaKind::Anime), "On hiatus");
        for r in MediaRelation::ALL {
            assert_eq!(serde_json::from_str::<MediaRelation>(&format!("\"{}\"", r.as_api())).unwrap(), *r);
        }
        assert_eq!(MediaSeason::from_api("FALL"), Some(MediaSeason::Fall));
        assert_eq!(serde_json::to_string(&MediaSource::LightNovel).unwrap(), "\"LIGHT_NOVEL\"");
    }

    #[test]
    fn scores() {
        assert_eq!(ScoreFormat::from_api("POINT_100").display(85.0), "85 / 100");
        assert_eq!(ScoreFormat::from_api("POINT_10_DECIMAL").display(8.5), "8.5 / 10");
        assert_eq!(ScoreFormat::from_api("POINT_10").display(8.0), "8 / 10");
        assert_eq!(ScoreFormat::from_api("POINT_5").display(4.0), "★★★★☆");
        assert_eq!(ScoreFormat::from_api("POINT_3").display(2.0), "😐 (2 / 3)");
        assert_eq!(ScoreFormat::from_api("???"), ScoreFormat::Point10Decimal);
        for f in ScoreFormat::ALL {
            assert_eq!(serde_json::to_value(f).unwrap(), serde_json::json!(f.as_api()), "the name serde writes");
            assert_eq!(ScoreFormat::from_api(f.as_api()), f);
        }
        assert_eq!(ScoreFormat::Point10.display(0.0), "no score");
        assert_eq!(ScoreFormat::Point10.display(f64::NAN), "no score");
        assert_eq!(ScoreFormat::Point10Decimal.display_parts(8.5), ("8.5".to_string(), " / 10"));
        assert_eq!(ScoreFormat::Point3.display_parts(1.0), ("☹".to_string(), " (1 / 3)"));
        assert_eq!(ScoreFormat::Point5.display_parts(4.0), ("★★★★☆".to_string(), ""));
        assert!(ScoreFormat::Point10.accepts(10.0));
        assert!(!ScoreFormat::Point10.accepts(10.5));
        assert!(!ScoreFormat::Point5.accepts(-1.0));
        assert!(ScoreFormat::Point100.accepts(0.0));
    }

    #[test]
    fn progress() {
        assert_eq!(progress_label(12, Some(26)), "12 / 26");
        assert_eq!(progress_label(130, None), "130 / ?");
        assert_eq!(progress_label(3, Some(0)), "3 / ?");
        assert!(can_increment(25, Some(26)));
        assert!(!can_increment(26, Some(26)));
        assert!(can_increment(1000, None));
        assert!(offer_completion(26, Some(26), ListStatus::Current));
        assert!(!offer_completion(26, Some(26), ListStatus::Completed));
        assert!(!offer_completion(25, Some(26), ListStatus::Current));
        assert!(!offer_completion(25, None, ListStatus::Current));
    }
}
