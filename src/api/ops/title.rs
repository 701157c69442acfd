//! Everything a title's page shows, in one request: the title, its facts,
//! the description (as AniList's HTML, shown through the rich-text
//! allowlist), relations, characters with their Japanese voice actors,
//! the main staff, its rankings, its best-rated reviews, recommendations,
//! links, the next episode, and the person's own entry and favourite.

use serde::{Deserialize, Serialize};

use crate::api::operation::{nullable_list, Operation, Title as Names};
pub use crate::api::ops::list_collection::Airing;
use crate::api::ops::list_collection::{Entry, FuzzyDate};
use crate::entry_fields;
use crate::media::{CharacterRole, ListStatus, MediaKind, ScoreFormat, ExternalLinkType, MediaFormat, MediaRelation, MediaSeason, MediaSource, MediaStatus, MediaType, RecommendationRating};

/// A title's characters with their Japanese voices, as both queries ask.
macro_rules! character_edges {
    () => {
        "pageInfo { hasNextPage } edges { role node { id name { userPreferred } image { medium } } voiceActors(language: JAPANESE) { id name { userPreferred } image { medium } } }"
    };
}

/// A title's staff with their roles, as both queries ask.
macro_rules! staff_edges {
    () => {
        "pageInfo { hasNextPage } edges { role node { id name { userPreferred } image { medium } } }"
    };
}

/// A title's reviews, best rated first, as both queries ask: each review's
/// summary, score, rating and writer (its text is on the review's page).
macro_rules! review_edges {
    () => {
        "pageInfo { hasNextPage } edges { node { id summary score private rating ratingAmount user { id name avatar { medium } } } }"
    };
}

pub struct TitlePage;

impl Operation for TitlePage {
    const NAME: &'static str = "TitlePage";
    const MUTATION: bool = false;
    const QUERY: &'static str = concat!(
        "query TitlePage($id: Int!, $type: MediaType, $following: Boolean!, $format: ScoreFormat, $user: Int) {
  Media(id: $id, type: $type) {
    id
    type
    format
    status
    episodes
    chapters
    volumes
    duration
    source(version: 3)
    season
    seasonYear
    siteUrl
    title { userPreferred romaji english native }
    synonyms
    coverImage { large medium }
    bannerImage
    startDate { year month day }
    endDate { year month day }
    genres
    countryOfOrigin
    tags { id name description rank isMediaSpoiler isGeneralSpoiler }
    averageScore
    meanScore
    popularity
    favourites
    isFavourite
    description(asHtml: true)
    studios(isMain: true) { nodes { id name } }
    nextAiringEpisode { episode airingAt }
    relations { edges { relationType(version: 2) node { id type format title { userPreferred } coverImage { medium } } } }
    characters(sort: [ROLE, RELEVANCE, ID], perPage: 12) { ",
        character_edges!(),
        " }
    staff(sort: [RELEVANCE, ID], perPage: 8) { ",
        staff_edges!(),
        " }
    rankings { rank allTime season year context }
    stats { statusDistribution { status amount } scoreDistribution { score amount } }
    reviews(sort: [RATING_DESC, ID], perPage: 3) { ",
        review_edges!(),
        " }
    recommendations(sort: [RATING_DESC, ID], perPage: 8) { nodes { id rating userRating mediaRecommendation { id type format title { userPreferred } coverImage { medium } } } }
    externalLinks { id site url type }
    mediaListEntry { ",
        entry_fields!(),
        " }
  }
  following: Page(perPage: 25) @include(if: $following) {
    mediaList(mediaId: $id, isFollowing: true, sort: [UPDATED_TIME_DESC]) { status progress progressVolumes score(format: $format) user { id name avatar { medium } } }
  }
  mine: Page(perPage: 1) @include(if: $following) { reviews(mediaId: $id, userId: $user) { id } }
}"
    );
    type Vars = Vars;
    type Data = Data;
}

#[derive(Clone, Debug, Serialize)]
pub struct Vars {
    pub id: i64,
    #[serde(rename = "type")]
    pub kind: MediaType,
    /// Signed in: the members the person follows who have the title too.
    pub following: bool,
    /// Their scores come in this system (the person's own).
    pub format: ScoreFormat,
    /// Signed in: the person, whose review of it is looked for (however
    /// few members found it helpful).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user: Option<u64>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Data {
    #[serde(rename = "Media")]
    pub media: Option<Title>,
    #[serde(default)]
    pub following: Option<FollowingPage>,
    #[serde(default)]
    pub mine: Option<MinePage>,
}

/// The person's own review of the title, if they wrote one.
#[derive(Clone, Debug, Deserialize)]
pub struct MinePage {
    #[serde(default, deserialize_with = "nullable_list")]
    pub reviews: Vec<ReviewId>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct ReviewId {
    pub id: i64,
}

impl Data {
    /// The title, with the members followed who have it (their scores in
    /// `format`, as asked).
    pub fn title(self, format: ScoreFormat) -> Option<Title> {
        let mut title = self.media?;
        title.following = self.following.map(|f| Followed { format, entries: f.media_list });
        title.own_review = self.mine.and_then(|m| m.reviews.first().map(|r| r.id));
        Some(title)
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FollowingPage {
    #[serde(default, deserialize_with = "nullable_list")]
    pub media_list: Vec<FollowedEntry>,
}

/// The entries on this title of the members the person follows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Followed {
    /// The system their scores are in.
    pub format: ScoreFormat,
    pub entries: Vec<FollowedEntry>,
}

/// A followed member's entry on the title.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FollowedEntry {
    pub status: Option<ListStatus>,
    pub progress: Option<u32>,
    pub progress_volumes: Option<u32>,
    pub score: Option<f64>,
    pub user: Option<Member>,
}

/// An AniList member, as a list names them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Member {
    pub id: u64,
    pub name: String,
    pub avatar: Option<Images>,
}

/// A title, as its page shows it (also kept for a revisit).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Title {
    pub id: i64,
    #[serde(rename = "type")]
    pub kind: Option<MediaType>,
    pub format: Option<MediaFormat>,
    pub status: Option<MediaStatus>,
    pub episodes: Option<u32>,
    pub chapters: Option<u32>,
    pub volumes: Option<u32>,
    /// Minutes per episode.
    pub duration: Option<u32>,
    pub source: Option<MediaSource>,
    pub season: Option<MediaSeason>,
    pub season_year: Option<i32>,
    pub site_url: Option<String>,
    pub title: Option<Names>,
    #[serde(default, deserialize_with = "nullable_list")]
    pub synonyms: Vec<String>,
    pub cover_image: Option<Images>,
    pub banner_image: Option<String>,
    pub start_date: Option<FuzzyDate>,
    pub end_date: Option<FuzzyDate>,
    #[serde(default, deserialize_with = "nullable_list")]
    pub genres: Vec<String>,
    /// Where it comes from (`JP`…).
    #[serde(default)]
    pub country_of_origin: Option<String>,
    #[serde(default, deserialize_with = "nullable_list")]
    pub tags: Vec<Tag>,
    pub average_score: Option<u32>,
    pub mean_score: Option<u32>,
    pub popularity: Option<u32>,
    pub favourites: Option<u32>,
    #[serde(default)]
    pub is_favourite: bool,
    /// AniList's HTML: shown only through [`crate::rich_text`].
    pub description: Option<String>,
    pub studios: Option<Nodes<Named>>,
    pub next_airing_episode: Option<Airing>,
    pub relations: Option<Edges<Relation>>,
    pub characters: Option<Edges<CharacterEdge>>,
    #[serde(default)]
    pub staff: Option<Edges<StaffEdge>>,
    #[serde(default, deserialize_with = "nullable_list")]
    pub rankings: Vec<Ranking>,
    /// Absent from a copy kept before these were asked for.
    #[serde(default)]
    pub stats: Option<MediaStats>,
    #[serde(default)]
    pub reviews: Option<Edges<ReviewEdge>>,
    pub recommendations: Option<Nodes<Recommendation>>,
    #[serde(default, deserialize_with = "nullable_list")]
    pub external_links: Vec<Link>,
    pub media_list_entry: Option<Entry>,
    /// Not part of `Media`: set from the same answer ([`Data::title`]).
    #[serde(default)]
    pub following: Option<Followed>,    /// The person's review of it, its id (not part of `Media` either).
    #[serde(default)]
    pub own_review: Option<i64>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Images {
    #[serde(default)]
    pub large: Option<String>,
    #[serde(default)]
    pub medium: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Tag {
    pub id: i64,
    pub name: String,
    /// What AniList means by it, a sentence of plain text.
    #[serde(default)]
    pub description: Option<String>,
    /// How relevant, 0–100.
    pub rank: Option<u32>,
    #[serde(default)]
    pub is_media_spoiler: Option<bool>,
    #[serde(default)]
    pub is_general_spoiler: Option<bool>,
}

impl Tag {
    pub fn is_spoiler(&self) -> bool {
        self.is_media_spoiler == Some(true) || self.is_general_spoiler == Some(true)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(bound(deserialize = "T: Deserialize<'de>"))]
pub struct Nodes<T> {
    #[serde(default, deserialize_with = "nullable_list")]
    pub nodes: Vec<T>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", bound(deserialize = "T: Deserialize<'de>"))]
pub struct Edges<T> {
    /// Asked where more can be read (a title's characters and staff).
    #[serde(default)]
    pub page_info: Option<More>,
    #[serde(default, deserialize_with = "nullable_list")]
    pub edges: Vec<T>,
}

impl<T> Edges<T> {
    pub fn has_more(&self) -> bool {
        crate::api::operation::has_next(self.page_info.as_ref())
    }
}

pub use crate::api::operation::More;

/// A title's characters, staff or reviews, 25 at a time after the few its
/// page starts with.
pub struct TitleCast;

impl Operation for TitleCast {
    const NAME: &'static str = "TitleCast";
    const MUTATION: bool = false;
    const QUERY: &'static str = concat!(
        "query TitleCast($id: Int!, $page: Int!, $characters: Boolean!, $staff: Boolean!, $reviews: Boolean!) {
  Media(id: $id) {
    id
    characters(sort: [ROLE, RELEVANCE, ID], page: $page, perPage: 25) @include(if: $characters) { ",
        character_edges!(),
        " }
    staff(sort: [RELEVANCE, ID], page: $page, perPage: 25) @include(if: $staff) { ",
        staff_edges!(),
        " }
    reviews(sort: [RATING_DESC, ID], page: $page, perPage: 25) @include(if: $reviews) { ",
        review_edges!(),
        " }
  }
}"
    );
    type Vars = CastVars;
    type Data = CastData;
}

/// Which page of 25, of the characters, the staff or the reviews.
#[derive(Clone, Debug, Serialize)]
pub struct CastVars {
    pub id: i64,
    pub page: u32,
    pub characters: bool,
    pub staff: bool,
    pub reviews: bool,
}

#[derive(Clone, Debug, Deserialize)]
pub struct CastData {
    #[serde(rename = "Media")]
    pub media: Option<Cast>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Cast {
    pub characters: Option<Edges<CharacterEdge>>,
    pub staff: Option<Edges<StaffEdge>>,
    pub reviews: Option<Edges<ReviewEdge>>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Named {
    pub id: i64,
    pub name: Option<String>,
}

/// Another title, as a link to its page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Other {
    pub id: i64,
    #[serde(rename = "type")]
    pub kind: Option<MediaType>,
    pub format: Option<MediaFormat>,
    pub title: Option<Names>,
    pub cover_image: Option<Images>,
    /// Asked for where a year is shown (a character's or staff member's titles).
    pub start_date: Option<FuzzyDate>,
}

impl Other {
    pub fn name(&self) -> String {
        self.title.as_ref().and_then(|t| t.user_preferred.clone()).unwrap_or_else(|| format!("Title #{}", self.id))
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Relation {
    pub relation_type: Option<MediaRelation>,
    pub node: Option<Other>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Recommendation {
    /// Asked since the app shows the members' say (a title kept before
    /// has none until it is read again).
    #[serde(default)]
    pub id: Option<i64>,
    /// Members who agree, less those who do not.
    #[serde(default)]
    pub rating: Option<i32>,
    /// The person's own say (signed out: none).
    #[serde(default)]
    pub user_rating: Option<RecommendationRating>,
    pub media_recommendation: Option<Other>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PersonName {
    #[serde(rename = "userPreferred")]
    pub user_preferred: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Person {
    pub id: i64,
    pub name: Option<PersonName>,
    pub image: Option<Images>,
}

impl Person {
    pub fn name(&self) -> String {
        self.name.as_ref().and_then(|n| n.user_preferred.clone()).unwrap_or_default()
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CharacterEdge {
    pub role: Option<CharacterRole>,
    pub node: Option<Person>,
    #[serde(default, deserialize_with = "nullable_list")]
    pub voice_actors: Vec<Person>,
}

/// Someone who made the title, and what they did ("Director").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StaffEdge {
    pub role: Option<String>,
    pub node: Option<Person>,
}

/// How many members' lists hold the title, by status and by score.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MediaStats {
    #[serde(default, deserialize_with = "nullable_list")]
    pub status_distribution: Vec<StatusCount>,
    #[serde(default, deserialize_with = "nullable_list")]
    pub score_distribution: Vec<ScoreCount>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StatusCount {
    pub status: Option<ListStatus>,
    pub amount: Option<u32>,
}

/// Entries scored `score` (AniList gives 10, 20 … 100, whatever the
/// members' own systems).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScoreCount {
    pub score: Option<u32>,
    pub amount: Option<u32>,
}

impl MediaStats {
    /// The statuses in the order the app lists them ("Watching" first, one
    /// AniList adds later last, as "Other"), each once, with their counts;
    /// nothing when no list holds the title.
    pub fn statuses(&self, kind: MediaKind) -> Vec<(&'static str, u32)> {
        let count = |s: ListStatus| self.status_distribution.iter().filter(|c| c.status == Some(s)).filter_map(|c| c.amount).sum::<u32>();
        ListStatus::ALL.into_iter().chain([ListStatus::Unknown]).map(|s| (s.label(kind), count(s))).filter(|(_, n)| *n > 0).collect()
    }

    /// The scores, lowest first, each with its count (zeros kept: the
    /// shape is the point); nothing when no one scored it.
    pub fn scores(&self) -> Vec<(u32, u32)> {
        let mut rows: Vec<(u32, u32)> = self.score_distribution.iter().filter_map(|c| Some((c.score?, c.amount.unwrap_or(0)))).collect();
        rows.sort_unstable();
        if rows.iter().all(|(_, n)| *n == 0) {
            rows.clear();
        }
        rows
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReviewEdge {
    pub node: Option<ReviewSummary>,
}

/// A review as a list of them shows it (its text is on its own page): a
/// title's reviews name the writer, a member's the title.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewSummary {
    pub id: i64,
    pub summary: Option<String>,
    /// The writer's score for the title, out of 100.
    pub score: Option<u32>,
    /// Only its writer sees it (and so only they are shown it).
    #[serde(default)]
    pub private: Option<bool>,
    /// How many members found it helpful, of how many who said.
    pub rating: Option<u32>,
    pub rating_amount: Option<u32>,
    #[serde(default)]
    pub user: Option<Member>,
    #[serde(default)]
    pub media: Option<Other>,
}

/// "12 of 15 found it helpful", or nothing before anyone said.
pub fn helpful(rating: Option<u32>, amount: Option<u32>) -> Option<String> {
    let amount = amount.filter(|a| *a > 0)?;
    Some(format!("{} of {amount} found it helpful", rating.unwrap_or(0).min(amount)))
}

/// A place in one of AniList's rankings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Ranking {
    pub rank: u32,
    #[serde(default)]
    pub all_time: Option<bool>,
    #[serde(default)]
    pub season: Option<MediaSeason>,
    #[serde(default)]
    pub year: Option<i32>,
    /// AniList's words for it: "highest rated all time", "most popular".
    pub context: String,
}

impl Ranking {
    /// As AniList's site puts it: "#3 Most Popular Winter 1998".
    pub fn label(&self) -> String {
        // AniList's words are English: ASCII case is enough.
        let words: Vec<String> = self.context.split_whitespace().map(crate::text::capitalised).collect();
        let mut out = format!("#{}", self.rank);
        if !words.is_empty() {
            out.push(' ');
            out.push_str(&words.join(" "));
        }
        if self.all_time != Some(true) {
            if let Some(season) = self.season {
                out.push(' ');
                out.push_str(season.label());
            }
            if let Some(year) = self.year {
                out.push_str(&format!(" {year}"));
            }
        }
        out
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Link {
    pub id: i64,
    pub site: String,
    pub url: Option<String>,
    #[serde(rename = "type")]
    pub kind: Option<ExternalLinkType>,
}

impl Title {
    pub fn name(&self) -> String {
        self.title.as_ref().and_then(|t| t.user_preferred.clone()).unwrap_or_else(|| format!("Title #{}", self.id))
    }
}

#[cfg(test)]
mod tests {
    use super::{helpful, MediaStats, Ranking, ScoreCount, StatusCount};
    use crate::media::{ListStatus, MediaKind};

    #[test]
    fn members_lists_read_in_the_apps_order() {
        let st = |s, n| StatusCount { status: Some(s), amount: Some(n) };
        let stats = MediaStats {
            status_distribution: vec![st(ListStatus::Planning, 40), st(ListStatus::Current, 7), st(ListStatus::Completed, 300), st(ListStatus::Dropped, 0), StatusCount { status: None, amount: Some(5) }, st(ListStatus::Unknown, 2)],
            score_distribution: vec![ScoreCount { score: Some(100), amount: Some(9) }, ScoreCount { score: Some(10), amount: None }, ScoreCount { score: Some(50), amount: Some(2) }, ScoreCount { score: None, amount: Some(4) }],
        };
        assert_eq!(stats.statuses(MediaKind::Anime), vec![("Watching", 7), ("Completed", 300), ("Planning", 40), ("Other", 2)]);
        assert_eq!(stats.statuses(MediaKind::Manga)[0], ("Reading", 7));
        assert_eq!(stats.scores(), vec![(10, 0), (50, 2), (100, 9)]);
        let unscored = MediaStats { score_distribution: vec![ScoreCount { score: Some(10), amount: Some(0) }], ..MediaStats::default() };
        assert!(unscored.scores().is_empty());
        assert!(unscored.statuses(MediaKind::Anime).is_empty());
    }

    #[test]
    fn helpful_says_how_many_of_how_many() {
        assert_eq!(helpful(Some(12), Some(15)).as_deref(), Some("12 of 15 found it helpful"));
        assert_eq!(helpful(None, Some(3)).as_deref(), Some("0 of 3 found it helpful"));
        // More helpful than asked (AniList's counts move apart): never "5 of 3".
        assert_eq!(helpful(Some(5), Some(3)).as_deref(), Some("3 of 3 found it helpful"));
        assert_eq!(helpful(Some(0), Some(0)), None);
        assert_eq!(helpful(None, None), None);
    }
    use crate::media::MediaSeason;

    #[test]
    fn rankings_read_as_on_anilist() {
        let r = |rank, all_time, season, year, context: &str| Ranking { rank, all_time: Some(all_time), season, year, context: context.into() };
        assert_eq!(r(27, true, None, None, "highest rated all time").label(), "#27 Highest Rated All Time");
        assert_eq!(r(3, false, Some(MediaSeason::Spring), Some(1998), "most popular").label(), "#3 Most Popular Spring 1998");
        assert_eq!(r(1, false, None, Some(1998), "highest rated").label(), "#1 Highest Rated 1998");
        assert_eq!(r(9, false, None, None, "").label(), "#9");
    }
}
