//! Every GraphQL operation the app sends:
//! - is valid against AniList's schema (`../shared/anilist/schema.graphql`
//!   beside the repository, or the file named by `ANILIST_SCHEMA`; without
//!   it these tests say where they looked and skip);
//! - reads its fixture answer (`tests/fixtures/NAME.json`) into its typed
//!   answer exactly as it reads the part of that answer its query selects,
//!   so a field the app reads but the query no longer asks for fails here.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use apollo_compiler::ast;
use apollo_compiler::{ExecutableDocument, Schema};
use serde_json::{Map, Value};
use tsuzuki::api::ops::{self, activity, airing, favourite, like, post, delete_entry, schedule, list_collection, list_entries, by_ids, markdown, me, member_list, notifications, recommendation, people, review, save_entry, thread, save_user_options, search, stats, studio, tags, thread_write, title, unread, update_entries, user, user_options, viewer};
use tsuzuki::api::Operation;
use tsuzuki::media::{MediaFormat, MediaType};

/// The schema's text, or `None` (said on stderr) when it is nowhere.
fn schema_text() -> Option<(PathBuf, String)> {
    let mut tried = Vec::new();
    if let Ok(p) = std::env::var("ANILIST_SCHEMA") {
        tried.push(PathBuf::from(p));
    }
    tried.push(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/anilist/schema.graphql"));
    // Written by `make schema` (introspection of the real AniList).
    tried.push(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/anilist-schema.graphql"));
    for path in &tried {
        if let Ok(text) = std::fs::read_to_string(path) {
            return Some((path.clone(), text));
        }
    }
    eprintln!(
        "SKIPPED: AniList's schema was not found; looked at: {}. Put it there, set ANILIST_SCHEMA, or run `make schema`.",
        tried.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
    );
    None
}

#[test]
fn every_operation_is_valid_against_the_schema() {
    let Some((path, text)) = schema_text() else { return };
    let schema = Schema::parse_and_validate(text, &path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let all: Vec<(&str, &str, bool)> =
        ops::ALL.iter().copied().chain(ops::examples::ALL.iter().map(|e| (e.name, e.query, e.mutation))).collect();
    assert!(all.len() >= 10);
    let mut names = Vec::new();
    for &(name, query, mutation) in &all {
        let doc = ExecutableDocument::parse_and_validate(&schema, query, format!("{name}.graphql"))
            .unwrap_or_else(|e| panic!("operation {name} is not valid against AniList's schema:\n{e}"));
        let operation = doc
            .operations
            .get(Some(name))
            .unwrap_or_else(|_| panic!("operation {name} is not named {name} in its own text"));
        assert_eq!(operation.is_mutation(), mutation, "{name}: mutation flag");
        names.push(name);
    }
    names.sort();
    names.dedup();
    assert_eq!(names.len(), all.len(), "two operations share a name");
}

/// AniList's enums as the app names them: every value it sends or reads
/// is one of the schema's.
#[test]
fn every_enum_value_is_one_of_the_schemas() {
    use tsuzuki::media::*;
    let Some((path, text)) = schema_text() else { return };
    let schema = Schema::parse_and_validate(text, &path).unwrap();
    let ours: Vec<(&str, Vec<&str>)> = vec![
        ("MediaStatus", MediaStatus::ALL.iter().map(|v| v.as_api()).collect()),
        ("MediaSeason", MediaSeason::ALL.iter().map(|v| v.as_api()).collect()),
        ("MediaSource", MediaSource::ALL.iter().map(|v| v.as_api()).collect()),
        ("MediaRelation", MediaRelation::ALL.iter().map(|v| v.as_api()).collect()),
        ("CharacterRole", CharacterRole::ALL.iter().map(|v| v.as_api()).collect()),
        ("ReviewRating", ReviewRating::ALL.iter().map(|v| v.as_api()).collect()),
        ("RecommendationRating", RecommendationRating::ALL.iter().map(|v| v.as_api()).collect()),
        ("ExternalLinkType", ExternalLinkType::ALL.iter().map(|v| v.as_api()).collect()),
        ("ScoreFormat", ScoreFormat::ALL.iter().map(|v| v.as_api()).collect()),
    ];
    for (name, values) in ours {
        let Some(apollo_compiler::schema::ExtendedType::Enum(e)) = schema.types.get(name) else { panic!("{name} is not an enum of the schema") };
        for v in values {
            assert!(e.values.keys().any(|k| k.as_str() == v), "{name}.{v} is not in AniList's schema");
        }
    }
}

/// An operation whose text is made for a count of aliased fields: its
/// fixture read as the text for two selects it, and (with the schema) the
/// text valid against it at each of `sizes`, a mutation or not as said.
fn made_operation<D: serde::de::DeserializeOwned>(name: &str, make: impl Fn(usize) -> String, mutation: bool, sizes: &[usize]) -> D {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/{name}.json"));
    let whole: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let read: D = serde_json::from_value(select(&whole, &make(2))).expect("the answer reads as the text selects it");
    if let Some((path, schema)) = schema_text() {
        let schema = Schema::parse_and_validate(schema, &path).unwrap();
        for &n in sizes {
            let doc = ExecutableDocument::parse_and_validate(&schema, make(n), format!("{name}.graphql"))
                .unwrap_or_else(|e| panic!("{name} of {n} is not valid against AniList's schema:\n{e}"));
            assert!(doc.operations.get(Some(name)).is_ok_and(|o| o.is_mutation() == mutation), "{name}: mutation flag");
        }
    }
    read
}

/// The request of many saves is made for the number of entries: a few
/// sizes are valid against the schema, and the answer reads by alias.
#[test]
fn many_saves_in_one_request_are_valid_and_read_their_answer() {
    use tsuzuki::api::ops::save_entries;
    let read: save_entries::Data = made_operation(save_entries::NAME, save_entries::query, true, &[1, 2, 20]);
    assert_eq!(read.get("e0").cloned().flatten().map(|e| (e.id, e.media_id, e.progress)), Some((700001, 1, Some(13))));
    assert!(read.get("e1").is_some_and(Option::is_none), "a save AniList did not make is null");
    assert!(!read.contains_key("e2"), "only what the text asks for");
}

/// Many pages of titles by MyAnimeList id in one request: valid against
/// the schema at a few sizes, and the answer reads by alias.
#[test]
fn many_pages_of_titles_by_mal_id_are_valid_and_read_their_answer() {
    let key = by_ids::Key::Mal;
    let read: by_ids::ManyData = made_operation(key.name(), |n| by_ids::many_query(n, key), false, &[1, 2, by_ids::PAGES_PER_REQUEST]);
    let p0 = read.get("p0").cloned().flatten().expect("p0");
    assert_eq!(p0.items.iter().map(|m| (m.id, m.id_mal)).collect::<Vec<_>>(), [(1, Some(1))]);
    assert_eq!(p0.items[0].episodes, Some(26));
    assert!(read.get("p1").cloned().flatten().is_some_and(|p| p.items.is_empty() && p.page_info.and_then(|i| i.has_next_page) == Some(false)));
    assert!(!read.contains_key("p2"), "only what the text asks for");
}

/// Many pages of titles by AniList id (a CSV's added titles) in one
/// request: valid against the schema at a few sizes; the answer reads by
/// alias, each title with what a list entry keeps.
#[test]
fn many_pages_of_titles_by_anilist_id_are_valid_and_read_their_answer() {
    let key = by_ids::Key::AniList;
    let read: by_ids::ManyData = made_operation(key.name(), |n| by_ids::many_query(n, key), false, &[1, 2, by_ids::PAGES_PER_REQUEST]);
    let p0 = read.get("p0").cloned().flatten().expect("p0");
    assert_eq!(p0.items.iter().map(|m| (m.id, m.format, m.next_airing_episode.map(|a| a.episode))).collect::<Vec<_>>(), [(21, Some(MediaFormat::Tv), Some(1100))]);
    assert!(p0.items[0].cover_image.is_some() && p0.items[0].kind == Some(MediaType::Anime));
    assert!(read.get("p1").cloned().flatten().is_some_and(|p| p.items.is_empty()));
    assert!(!read.contains_key("p2"), "only what the text asks for");
}

#[test]
fn the_check_catches_a_wrong_field() {
    let Some((path, text)) = schema_text() else { return };
    let schema = Schema::parse_and_validate(text, &path).unwrap();
    let err = ExecutableDocument::parse_and_validate(&schema, "query V { Viewer { id nope } }", "bad.graphql")
        .expect_err("an unknown field must fail");
    assert!(err.to_string().contains("nope"), "{err}");
}

/// The named fragments of a query, by name.
type Fragments = std::collections::HashMap<String, Vec<ast::Selection>>;

/// What of `value` a selection set asks for (by response key).
fn project(value: &Value, selections: &[ast::Selection], fragments: &Fragments) -> Value {
    match value {
        Value::Array(items) => Value::Array(items.iter().map(|i| project(i, selections, fragments)).collect()),
        Value::Object(map) => {
            let mut out = Map::new();
            for s in selections {
                match s {
                    ast::Selection::Field(f) => {
                        let key = f.alias.as_ref().unwrap_or(&f.name).as_str();
                        if let Some(v) = map.get(key) {
                            let v = if f.selection_set.is_empty() { v.clone() } else { project(v, &f.selection_set, fragments) };
                            out.insert(key.to_string(), v);
                        }
                    }
                    // A fixture object that names its type (`__typename`)
                    // takes only the fragments on that type.
                    ast::Selection::InlineFragment(i)
                        if i.type_condition.as_ref().zip(map.get("__typename").and_then(Value::as_str)).is_some_and(|(on, is)| on.as_str() != is) => {}
                    ast::Selection::InlineFragment(i) => {
                        if let Value::Object(more) = project(value, &i.selection_set, fragments) {
                            out.extend(more);
                        }
                    }
                    ast::Selection::FragmentSpread(f) => {
                        let named = fragments.get(f.fragment_name.as_str()).unwrap_or_else(|| panic!("no fragment {}", f.fragment_name));
                        if let Value::Object(more) = project(value, named, fragments) {
                            out.extend(more);
                        }
                    }
                }
            }
            Value::Object(out)
        }
        other => other.clone(),
    }
}

/// The operation's selection set and the query's named fragments.
fn selections(query: &str) -> (Vec<ast::Selection>, Fragments) {
    let doc = ast::Document::parse(query, "op.graphql").expect("the query parses");
    let fragments = doc
        .definitions
        .iter()
        .filter_map(|d| match d {
            ast::Definition::FragmentDefinition(f) => Some((f.name.to_string(), f.selection_set.clone())),
            _ => None,
        })
        .collect();
    let operation = doc
        .definitions
        .iter()
        .find_map(|d| match d {
            ast::Definition::OperationDefinition(op) => Some(op.selection_set.clone()),
            _ => None,
        })
        .expect("an operation");
    (operation, fragments)
}

/// What of `value` the query asks for.
fn select(value: &Value, query: &str) -> Value {
    let (operation, fragments) = selections(query);
    project(value, &operation, &fragments)
}

/// The fixture read whole and read as the query selects it give the same
/// typed answer; returns the answer's `Debug` text.
fn fixture_reads_as_selected<O: Operation>() -> String
where
    O::Data: std::fmt::Debug,
{
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/{}.json", O::NAME));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let whole: Value = serde_json::from_str(&text).unwrap();
    let selected = select(&whole, O::QUERY);
    let from_whole: O::Data = serde_json::from_value(whole).unwrap_or_else(|e| panic!("{}: the fixture does not read: {e}", O::NAME));
    let from_selected: O::Data = serde_json::from_value(selected)
        .unwrap_or_else(|e| panic!("{}: the query does not ask for what its answer needs: {e}", O::NAME));
    let (a, b) = (format!("{from_whole:?}"), format!("{from_selected:?}"));
    assert_eq!(a, b, "{}: the query does not ask for every field its answer reads", O::NAME);
    a
}

#[test]
fn every_operation_reads_its_fixture_as_its_query_selects_it() {
    let viewer = fixture_reads_as_selected::<viewer::Viewer>();
    assert!(viewer.contains("minutes_watched: 5424") && viewer.contains("Point10Decimal"), "{viewer}");
    assert!(viewer.contains(r#"source: Some("Whatever __happens__, happens.")"#), "the bio as written: {viewer}");
    for part in ["page_info: Some(Total { total: Some(27) })", "title: Some(Title { user_preferred: Some(\"Cowboy Bebop\")", "start_date: Some(FuzzyDate { year: Some(1998)", "Spike Spiegel", "staff: None", "studios: Some(Favoured { page_info: Some(Total { total: Some(1) }), nodes: [FavStudio { id: 14, name: \"Sunrise\" }] })"] {
        assert!(viewer.contains(part), "{part}: {viewer}");
    }
    for part in ["following: Some(Members { page_info: Some(More { has_next_page: Some(true) }), members: [Member { id: 6001, name: \"Hana\"", "followers: Some(Members { page_info: Some(More { has_next_page: Some(false) }), members: [] })"] {
        assert!(viewer.contains(part), "{part}: {viewer}");
    }
    let airing = fixture_reads_as_selected::<airing::AiringNow>();
    assert!(airing.contains("next_airing_episode: Some(Airing { episode: 15, airing_at: 1764204800 })") && airing.contains("status: Some(Finished)") && airing.contains("next_airing_episode: None"), "{airing}");
    let schedule = fixture_reads_as_selected::<schedule::AiringSchedule>();
    for part in ["has_next_page: Some(true)", "id: 40001006, episode: 6, airing_at: 1764927000, adult: Some(Adult { is_adult: Some(false) })", "Bakery at Dawn", "id_mal: Some(60001)", "status: Some(Releasing)", "next_airing_episode: Some(Airing { episode: 6, airing_at: 1764927000 })", "is_adult: Some(true)", "media: None"] {
        assert!(schedule.contains(part), "{part}: {schedule}");
    }
    let feed = fixture_reads_as_selected::<activity::ActivityFeed>();
    assert!(feed.contains("is_pinned: Some(true)") && feed.contains("is_pinned: Some(false)"), "what is pinned: {feed}");
    for part in ["has_next_page: Some(true)", "id: Some(8001), kind: Some(AnimeList), status: Some(\"watched episode\"), progress: Some(\"10 - 12\")", "name: \"Hana\"", "Cowboy Bebop", "kind: Some(Text)", "<b>Bebop</b>", "kind: Some(MangaList), status: Some(\"completed\"), progress: None", "Activity { id: None, kind: None"] {
        assert!(feed.contains(part), "{part}: {feed}");
    }
    assert!(feed.contains("like_count: Some(3), is_liked: Some(false), is_subscribed: Some(true), reply_count: Some(1)"), "{feed}");
    assert!(feed.contains("source: Some(\"Anyone up for __Bebop__?\")"), "{feed}");
    assert!(feed.contains("id: Some(8004), kind: Some(Message)") && feed.contains("text: Some(\"<p>See you at the <em>screening</em>.</p>\")"), "{feed}");
    assert!(feed.contains("recipient: Some(Member { id: 6001, name: \"Hana\", avatar: None }), is_private: Some(true)"), "{feed}");
    let one = fixture_reads_as_selected::<activity::ActivityItem>();
    for part in ["id: Some(8004), kind: Some(Message)", "reply_count: Some(2)", "name: \"Jun\"", "recipient: Some(Member { id: 6001", "source: Some(\"See you at the _screening_.\")"] {
        assert!(one.contains(part), "{part}: {one}");
    }
    let people = fixture_reads_as_selected::<user::MemberPeople>();
    for part in ["has_next_page: Some(false)", "Member { id: 6050, name: \"Aoi\"", "Member { id: 6051, name: \"Ren\", avatar: None }"] {
        assert!(people.contains(part), "{part}: {people}");
    }
    let pinned = fixture_reads_as_selected::<activity::Pin>();
    assert!(pinned.contains("id: Some(8005)") && pinned.contains("is_pinned: Some(true)"), "{pinned}");
    let subscribed = fixture_reads_as_selected::<activity::Subscribe>();
    assert!(subscribed.contains("id: Some(8005)") && subscribed.contains("is_subscribed: Some(true)"), "{subscribed}");
    let replies = fixture_reads_as_selected::<activity::ActivityReplies>();
    for part in ["id: 90001, text: Some(\"<p>Session <i>12</i> is the best.</p>\"), created_at: Some(1764920300), like_count: Some(2)", "name: \"Jun\"", "id: 90002, text: None", "source: Some(\"Session _12_ is the best.\")"] {
        assert!(replies.contains(part), "{part}: {replies}");
    }
    let liked = fixture_reads_as_selected::<like::ToggleLike>();
    assert!(liked.contains("id: Some(8006), like_count: Some(4), is_liked: Some(true)"), "{liked}");
    let state = fixture_reads_as_selected::<like::LikeState>();
    assert!(state.contains("id: Some(8002), like_count: Some(5), is_liked: Some(false)"), "{state}");
    assert!(state.contains("thread: Some(Liked { id: Some(9001), like_count: Some(12), is_liked: Some(true) })") && state.contains("comment: [Liked { id: Some(50001), like_count: Some(4)"), "{state}");
    let posted = fixture_reads_as_selected::<post::PostStatus>();
    for part in ["id: Some(8101), kind: Some(Text)", "text: Some(\"<p>Starting <strong>Bebop</strong> again.</p>\")", "created_at: Some(1764930000)", "site_url: Some(\"https://anilist.co/activity/8101\")", "name: \"Mitsuki\"", "source: Some(\"Starting __Bebop__ again.\")"] {
        assert!(posted.contains(part), "{part}: {posted}");
    }
    let edited = fixture_reads_as_selected::<post::EditPost>();
    for part in ["id: Some(8101)", "text: Some(\"<p>Starting <strong>Bebop</strong> again, tonight.</p>\")", "source: Some(\"Starting __Bebop__ again, tonight.\")"] {
        assert!(edited.contains(part), "{part}: {edited}");
    }
    let latest = fixture_reads_as_selected::<post::LatestPosts>();
    for part in ["has_next_page: Some(true)", "id: Some(8101)", "like_count: Some(2), is_liked: Some(true), is_subscribed: None, reply_count: Some(1)", "source: Some(\"Starting __Bebop__ again.\")", "Activity { id: None"] {
        assert!(latest.contains(part), "{part}: {latest}");
    }
    for (message, text) in [
        (fixture_reads_as_selected::<post::SendMessage>(), "See you at the _screening_."),
        (fixture_reads_as_selected::<post::EditMessage>(), "See you at the _screening_ at nine."),
        (fixture_reads_as_selected::<post::LatestMessages>(), "See you at the _screening_."),
    ] {
        for part in ["id: Some(8102), kind: Some(Message)", "name: \"Mitsuki\"", "recipient: Some(Member { id: 6001", "is_private: Some(false)", &format!("source: Some(\"{text}\")")] {
            assert!(message.contains(part), "{part}: {message}");
        }
    }
    let replied = fixture_reads_as_selected::<post::PostReply>();
    for part in ["id: 90101, text: Some(\"<p>Same here, <em>see you</em> there.</p>\"), created_at: Some(1764930100)", "id: 5150", "source: Some(\"Same here, _see you_ there.\")"] {
        assert!(replied.contains(part), "{part}: {replied}");
    }
    let reply_edited = fixture_reads_as_selected::<post::EditReply>();
    for part in ["id: 90101", "text: Some(\"<p>Same here, <em>see you</em> there at nine.</p>\")", "source: Some(\"Same here, _see you_ there at nine.\")"] {
        assert!(reply_edited.contains(part), "{part}: {reply_edited}");
    }
    let subscribed = fixture_reads_as_selected::<thread::SubscribeThread>();
    assert!(subscribed.contains("id: Some(9001), is_subscribed: Some(true)"), "{subscribed}");
    let comment_edited = fixture_reads_as_selected::<thread::EditComment>();
    assert!(comment_edited.contains("comment: Some(\"<p>Session <b>6</b>, then.</p>\")") && comment_edited.contains("source: Some(\"Session __6__, then.\")"), "{comment_edited}");
    let draft = fixture_reads_as_selected::<thread_write::ThreadDraft>();
    for part in [r#"body: Some("Sessions __5__ to 8.")"#, "user_id: Some(5150)", r#"categories: [Category { id: 1, name: "Anime" }, Category { id: 7, name: "General" }]"#, r#"media_categories: [About { id: 1, kind: Some(Anime), title: Some(Title { user_preferred: Some("Cowboy Bebop")"#, r#"media: Some(About { id: 30002, kind: Some(Manga)"#] {
        assert!(draft.contains(part), "{part}: {draft}");
    }
    assert!(fixture_reads_as_selected::<thread_write::SaveThread>().contains(r#"Made { id: 9201, title: Some("Rewatch club: week 2"), user_id: None, created_at: None }"#));
    let mine = fixture_reads_as_selected::<thread_write::MyThreads>();
    assert!(mine.contains("Made { id: 9201, title: Some(\"Rewatch club: week 2\"), user_id: Some(5150), created_at: Some(1765000000) }") && mine.contains("Made { id: 9003"), "{mine}");
    for gone in [fixture_reads_as_selected::<post::DeletePost>(), fixture_reads_as_selected::<post::DeleteReply>(), fixture_reads_as_selected::<thread::DeleteComment>(), fixture_reads_as_selected::<thread_write::DeleteThread>()] {
        assert!(gone.contains("deleted: Some(true)"), "{gone}");
    }
    let found = fixture_reads_as_selected::<by_ids::ByMalIds>();
    for part in ["id: 1, id_mal: Some(1), kind: Some(Anime)", "episodes: Some(26)", "id: 20954, id_mal: Some(28851)", "has_next_page: Some(false)"] {
        assert!(found.contains(part), "{part}: {found}");
    }
    assert_eq!(found.matches("Media {").count(), 2, "the null one skipped: {found}");
    let tags = fixture_reads_as_selected::<tags::Tags>();
    assert!(tags.contains(r#"name: "Space", description: Some("Set in outer space."), category: Some("Setting-Universe"), is_adult: Some(false), is_general_spoiler: Some(false)"#) && tags.contains("is_adult: Some(true)") && tags.contains("description: None, category: None"), "{tags}");
    assert_eq!(tags.matches("Tag {").count(), 3, "the null one skipped: {tags}");
    let me = fixture_reads_as_selected::<me::Me>();
    assert!(me.contains("name: \"Jun\"") && me.contains("medium/b5150.png") && me.contains("options: Some(Adult { display_adult_content: Some(true) })"), "{me}");
    let list = fixture_reads_as_selected::<list_collection::ListCollection>();
    assert!(list.contains("Cowboy Bebop") && list.contains("Point100") && list.contains("is_custom_list: Some(true)") && list.contains("has_next_chunk: Some(true)") && list.contains("hidden_from_status_lists: Some(false)") && list.contains("カウボーイビバップ") && list.contains("year: Some(1998)") && list.contains("average_score: Some(86), popularity: Some(370000)") && list.contains("\"CB\""), "{list}");
    assert!(list.contains(r#"genres: ["Action", "Sci-Fi", "Space Western"], country_of_origin: Some("JP")"#), "{list}");
    assert!(list.contains("id_mal: Some(1)") && list.contains(r#"row_order: Some("score")"#), "{list}");
    assert!(list.contains(r#"name: Some("Mitsuki"), avatar: Some(Avatar { medium: Some("https://s4.anilist.co/file/anilistcdn/user/avatar/medium/b5150.png") }), options: Some(Adult { display_adult_content: Some(true) })"#), "{list}");
    assert!(list.contains("next_airing_episode: Some(Airing { episode: 14, airing_at: 1763600000 })") && list.contains("status: Some(Releasing)"), "{list}");
    assert!(list.contains("repeat: Some(1)") && list.contains("priority: Some(2)") && list.contains("private: Some(true)") && list.contains("Rewatch with Hana"), "{list}");
    assert!(list.contains(r#"custom_lists: ["Favourites"]"#) && list.contains(r#"("Story", 90.0)"#) && list.contains(r#"("Characters", 80.0)"#), "{list}");
    assert!(list.contains("started_at: Some(FuzzyDate { year: Some(2024), month: Some(3), day: None })"), "{list}");
    assert!(list.contains(r#"custom_lists: ["Favourites", "Empty one"], advanced_scoring: ["Story", "Characters"], advanced_scoring_enabled: Some(true), section_order: ["Watching", "Favourites", "Completed", "Completed TV", "Planning"], split_completed_section_by_format: Some(true)"#), "{list}");
    let entry = fixture_reads_as_selected::<list_entries::ListEntries>();
    assert!(entry.contains("progress_volumes: Some(20)") && entry.contains("year: Some(2025)") && entry.contains("id: 700007") && entry.contains("None"), "{entry}");
    let saved = fixture_reads_as_selected::<save_entry::SaveEntry>();
    assert!(saved.contains("updated_at: Some(1763500100)") && saved.contains("Second time") && saved.contains("hidden_from_status_lists: Some(true)"), "{saved}");
    let deleted = fixture_reads_as_selected::<delete_entry::DeleteEntry>();
    assert!(deleted.contains("deleted: Some(true)"), "{deleted}");
    let updated = fixture_reads_as_selected::<update_entries::UpdateEntries>();
    assert!(updated.contains("id: 700001") && updated.contains("id: 700002") && updated.contains("status: Some(Completed)") && updated.contains("None]"), "{updated}");
    let title = fixture_reads_as_selected::<title::TitlePage>();
    for part in ["Kouichi Yamadera", "relation_type: Some(SideStory)", "relation_type: Some(Unknown)", "is_media_spoiler: Some(true)", "description: Some(\"Prominently features a setting in outer space.\"), rank: Some(94)", "source: Some(Original)", "season: Some(Spring)", "kind: Some(Streaming)", "is_favourite: true", "Samurai Champloo", "id: Some(3101), rating: Some(412), user_rating: Some(RateUp)", "rating: Some(-3), user_rating: Some(NoRating)", "Sunrise", "progress: Some(12)", "Hajime Yatate", "Original Creator", "rank: 27", "highest rated all time", "country_of_origin: Some(\"JP\")"] {
        assert!(title.contains(part), "{part}: {title}");
    }
    assert!(title.contains("characters: Some(Edges { page_info: Some(More { has_next_page: Some(true) })"), "{title}");
    // The members followed come beside `Media`, in the same answer.
    let followed = {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/TitlePage.json");
        let whole: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let data: title::Data = serde_json::from_value(select(&whole, title::TitlePage::QUERY)).unwrap();
        let title = data.title(tsuzuki::media::ScoreFormat::Point10Decimal).unwrap();
        // And the person's own review, however few found it helpful.
        assert_eq!(title.own_review, Some(7009));
        format!("{:?}", title.following)
    };
    for part in ["format: Point10Decimal", "status: Some(Current), progress: Some(3)", "name: \"Hana\"", "b6001.png", "score: Some(9.5)", "name: \"Jun\", avatar: None"] {
        assert!(followed.contains(part), "{part}: {followed}");
    }
    for part in ["StatusCount { status: Some(Current), amount: Some(24000) }", "StatusCount { status: Some(Unknown), amount: Some(3) }", "ScoreCount { score: Some(100), amount: Some(52000) }", "ScoreCount { score: None, amount: Some(1) }"] {
        assert!(title.contains(part), "{part}: {title}");
    }
    for part in ["reviews: Some(Edges { page_info: Some(More { has_next_page: Some(true) })", "id: 7001, summary: Some(\"The best space western there is.\"), score: Some(95), private: Some(false), rating: Some(120), rating_amount: Some(131)", "id: 7002, summary: None", "ReviewEdge { node: None }"] {
        assert!(title.contains(part), "{part}: {title}");
    }
    let cast = fixture_reads_as_selected::<title::TitleCast>();
    for part in ["id: 7004", "name: \"Jun\", avatar: None", "Laughing Bull", "role: Some(Background)", "Kouichi Yamadera", "has_next_page: Some(true)", "role: Some(\"Director\")", "has_next_page: Some(false)"] {
        assert!(cast.contains(part), "{part}: {cast}");
    }
    let notes = fixture_reads_as_selected::<notifications::Notifications>();
    for part in ["kind: Some(Airing)", "episode: Some(15)", "\" of \"", "Cowboy Bebop", "kind: Some(Anime)", "activity_id: Some(4242)", "Best of 2026", "deleted_media_titles: [\"Bebop (dup)\"]", "kind: Some(Manga)", "deleted_media_title: Some(\"Gone Title\")", "has_next_page: Some(true)"] {
        assert!(notes.contains(part), "{part}: {notes}");
    }
    // A kind the query has no fragment for comes as `{}`: an empty one.
    assert!(notes.contains("Notification { id: None, kind: None"), "{notes}");
    let unread = fixture_reads_as_selected::<unread::Unread>();
    assert!(unread.contains("unread_notification_count: Some(3)"), "{unread}");
    let options = fixture_reads_as_selected::<user_options::UserOptions>();
    assert!(options.contains("title_language: Some(English), airing_notifications: Some(false)") && options.contains("score_format: Some(Point5), row_order: Some(\"title\")"), "{options}");
    assert!(options.contains(r#"anime_list: Some(KindOptions { custom_lists: ["Favourites", "Rewatch"], section_order: ["Watching", "Favourites", "Planning"], split_completed_section_by_format: Some(true), advanced_scoring: ["Story", "Feels"], advanced_scoring_enabled: Some(false) })"#) && options.contains("manga_list: Some(KindOptions { custom_lists: [], section_order: [], split_completed_section_by_format: None, advanced_scoring: [], advanced_scoring_enabled: Some(true) })"), "{options}");
    assert!(options.contains(r#"timezone: Some("+09:00")"#), "{options}");
    let saved_options = fixture_reads_as_selected::<save_user_options::SaveUserOptions>();
    assert!(saved_options.contains("title_language: Some(Native), airing_notifications: Some(true)") && saved_options.contains("score_format: Some(Point100), row_order: Some(\"updatedAt\")"), "{saved_options}");
    assert!(saved_options.contains(r#"["Summer 2026"]"#) && saved_options.contains(r#"["To buy"]"#) && saved_options.contains(r#"section_order: ["Planning", "To buy"]"#), "{saved_options}");
    assert!(saved_options.contains(r#"advanced_scoring: ["Art"], advanced_scoring_enabled: Some(true)"#), "{saved_options}");
    assert!(saved_options.contains("staff_name_language: Some(Native), restrict_messages_to_following: Some(true), activity_merge_time: Some(0), timezone: Some(\"-03:30\")") && saved_options.contains("kind: Some(Completed), disabled: Some(true)"), "{saved_options}");
    assert!(options.contains(r#"display_adult_content: Some(true), profile_color: Some("pink"), staff_name_language: Some(Romaji)"#) && options.contains("NotifyOption { kind: Some(ThreadLike), enabled: Some(false) }") && options.contains("ListActivityOption { kind: Some(Planning), disabled: Some(true) }"), "{options}");
    let about = fixture_reads_as_selected::<viewer::SaveAbout>();
    assert!(about.contains(r#"About { id: 5150, about: Some("<p>Rewatching <b>Bebop</b>.</p>"), source: Some("Rewatching __Bebop__.") }"#), "{about}");
    let stats = fixture_reads_as_selected::<stats::UserStats>();
    for part in ["standard_deviation: 7.4", "count: 3, mean_score: 86.5, minutes_watched: 4800, chapters_read: 0, status: Some(Completed)", "format: Some(Movie)", "score: Some(70)", "release_year: Some(2004)", "genre: Some(\"Action\")", "name: \"Space\"", "name: \"Sunrise\"", "Shinichirou Watanabe", "chapters_read: 362, volumes_read: 47"] {
        assert!(stats.contains(part), "{part}: {stats}");
    }
    let character = fixture_reads_as_selected::<people::CharacterPage>();
    for part in ["Spike Spiegel", "alternative: [\"Swimming Bird\"]", "age: Some(\"27\")", "month: Some(6), day: Some(26)", "favourites: Some(41026)", "character_role: Some(Main)", "character_role: Some(Background)", "Kouichi Yamadera", "start_date: Some(FuzzyDate { year: Some(2001)", "has_next_page: Some(true)", "markdown_spoiler"] {
        assert!(character.contains(part), "{part}: {character}");
    }
    let staff = fixture_reads_as_selected::<people::StaffPage>();
    for part in ["years: Some(65)", "age: None", "primary_occupations: [\"Voice Actor\", \"Narrator\"]", "years_active: [1984]", "home_town: Some(\"Shiogama, Miyagi, Japan\")", "language_v2: Some(\"Japanese\")", "is_favourite: true", "characters: [Person { id: 1", "staff_role: Some(\"ADR Director\")", "blood_type: Some(\"B\")"] {
        assert!(staff.contains(part), "{part}: {staff}");
    }
    let studio = fixture_reads_as_selected::<studio::StudioPage>();
    for part in ["name: \"Sunrise\"", "is_animation_studio: true", "favourites: Some(3200)", "is_main_studio: Some(false)", "is_main_studio: Some(true)", "Fullmetal Alchemist: Brotherhood", "has_next_page: Some(true)"] {
        assert!(studio.contains(part), "{part}: {studio}");
    }
    assert!(viewer.contains("reviews: Some(Written { page_info: Some(More { has_next_page: Some(false) }), reviews: [] })"), "{viewer}");
    let member = fixture_reads_as_selected::<user::UserPage>();
    for part in ["reviews: Some(Written { page_info: Some(More { has_next_page: Some(true) })", "id: 7001, summary: Some(\"The best space western there is.\"), score: Some(95), private: Some(false), rating: Some(120), rating_amount: Some(131), user: None, media: Some(Other { id: 1", "id: 7003, summary: None, score: Some(85), private: Some(true)"] {
        assert!(member.contains(part), "{part}: {member}");
    }
    for part in ["members: [Member { id: 5150, name: \"Spike\"", "has_next_page: Some(true) }), members: [Member { id: 6002, name: \"Jun\", avatar: None }]", "name: \"Hana\"", "is_following: Some(true)", "is_follower: Some(false)", "Reads <b>everything</b>", "minutes_watched: 5424", "Spike Spiegel"] {
        assert!(member.contains(part), "{part}: {member}");
    }
    let later = fixture_reads_as_selected::<user::MemberReviews>();
    for part in ["page: Some(PageOf { page_info: Some(More { has_next_page: Some(false) })", "id: 7110, summary: Some(\"Star of Miracles, part 11, reviewed.\"), score: Some(70), private: Some(false), rating: Some(1), rating_amount: Some(2), user: None, media: Some(Other { id: 90011", "id: 7111, summary: None, score: None, private: Some(true)"] {
        assert!(later.contains(part), "{part}: {later}");
    }
    let favourites = fixture_reads_as_selected::<favourite::MemberFavourites>();
    for part in ["characters: Some(Favoured { page_info: Some(Total { total: Some(27) }), nodes: [Person { id: 1, name: Some(PersonName { user_preferred: Some(\"Spike Spiegel\")", "Person { id: 2, name: None, image: None }", "anime: None", "staff: None"] {
        assert!(favourites.contains(part), "{part}: {favourites}");
    }
    let threads = fixture_reads_as_selected::<thread::TitleThreads>();
    for part in ["has_next_page: Some(true)", "Thread { id: 9001, title: Some(\"Rewatch club: week 1\"), reply_count: Some(42), view_count: Some(900), is_sticky: Some(true), is_locked: Some(false), replied_at: Some(1762272000), created_at: Some(1761408000), categories: [Category { id: 1, name: \"Anime\" }, Category { id: 7, name: \"General\" }], user: Some(Name { name: \"Hana\" }), reply_user: Some(Name { name: \"Jun\" }) }", "Thread { id: 9003, title: None, reply_count: Some(0)", "categories: [], user: None"] {
        assert!(threads.contains(part), "{part}: {threads}");
    }
    assert_eq!(fixture_reads_as_selected::<thread::ForumThreads>(), threads, "the same fields");
    let thread_page = fixture_reads_as_selected::<thread::ThreadPage>();
    for part in ["ThreadBody { id: 9001, title: Some(\"Rewatch club: week 1\"), body: Some(\"<p>Sessions <b>1</b> to 4.</p>\"), reply_count: Some(42), view_count: Some(900), like_count: Some(12), is_liked: Some(true), is_subscribed: Some(false), is_locked: Some(false)", "site_url: Some(\"https://anilist.co/forum/thread/9001\"), categories: [Category { id: 1, name: \"Anime\" }]", "name: \"Hana\"", "media_categories: [Other { id: 1", "has_next_page: Some(true)", "Comment { id: 50001, comment: Some(\"<p>Asteroid Blues!</p>\"), like_count: Some(3), is_liked: Some(true)", "child_comments: [Child { id: Some(50002), comment: Some(\"Yes\"), user: Some(Who { id: 6001 }), created_at: None, child_comments: [Child { id: Some(50003), comment: None, user: None, created_at: None, child_comments: [] }] }]", "Comment { id: 50004, comment: None"] {
        assert!(thread_page.contains(part), "{part}: {thread_page}");
    }
    let posted = fixture_reads_as_selected::<thread::PostComment>();
    assert!(posted.contains("Comment { id: 50200, comment: Some(\"<p>Session <b>5</b> next?</p>\")") && posted.contains("id: 5150"), "{posted}");
    let mine = fixture_reads_as_selected::<thread::MyComments>();
    assert!(mine.contains("source: Some(\"Session __5__ next?\")") && mine.contains("id: 50150") && mine.contains("source: Some(\"Earlier.\")"), "{mine}");
    let answers = fixture_reads_as_selected::<thread::Answers>();
    for part in ["\"a0\": Found([Comment { id: 50002, comment: Some(\"<p>Yes! <b>Blues</b> it is.</p>\"), like_count: Some(1), is_liked: Some(true)", "\"a1\": Found([])", "\"a2\": Found([])", "\"a3\": Found([Comment { id: 50003", "source: Some(\"Yes! __Blues__ it is.\")", "name: \"Jun\""] {
        assert!(answers.contains(part), "{part}: {answers}");
    }
    let preview = fixture_reads_as_selected::<markdown::Markdown>();
    assert!(preview.contains("html: Some(\"<p><b>Alchemy</b> has a price.</p>") && preview.contains("markdown_spoiler"), "{preview}");
    let theirs = fixture_reads_as_selected::<member_list::MemberList>();
    for part in ["has_next_page: Some(true)", "id: 900101, status: Some(Completed), progress: Some(26)", "score: Some(9.5)", "Cowboy Bebop", "status: Some(Current), progress: Some(5)", "Star of Miracles 1"] {
        assert!(theirs.contains(part), "{part}: {theirs}");
    }
    let review = fixture_reads_as_selected::<review::ReviewPage>();
    for part in ["id: 7001, rating: Some(120), rating_amount: Some(131), user_rating: Some(UpVote)", "markdown_spoiler", "score: Some(95)", "created_at: Some(1764000000)", "name: \"Hana\"", "Cowboy Bebop", "year: Some(1998)"] {
        assert!(review.contains(part), "{part}: {review}");
    }
    let rated = fixture_reads_as_selected::<review::RateReview>();
    assert!(rated.contains("rating: Some(119), rating_amount: Some(131), user_rating: Some(NoVote)"), "{rated}");
    assert!(review.contains("score: Some(95), private: Some(false)"), "{review}");
    let mine = fixture_reads_as_selected::<review::MyReview>();
    for part in ["id: 30002, kind: Some(Manga)", "Berserk", "reviews: [OwnReview { id: 7005, media_id: Some(30002), summary: Some(\"Guts, and then some.\"), body: Some(\"Heavy, and **worth it**.\"), score: Some(90), private: Some(false) }]"] {
        assert!(mine.contains(part), "{part}: {mine}");
    }
    let saved = fixture_reads_as_selected::<review::SaveReview>();
    for part in ["id: 7006, media_id: Some(1), summary: Some(\"A space western that knows when to stop.\")", "body: Some(\"Mugen, Jin and Fuu", "score: Some(92), private: Some(true)"] {
        assert!(saved.contains(part), "{part}: {saved}");
    }
    assert!(fixture_reads_as_selected::<review::DeleteReview>().contains("deleted: Some(true)"));
    let said = fixture_reads_as_selected::<recommendation::RateRecommendation>();
    assert!(said.contains("id: 3101, rating: Some(411), user_rating: Some(NoRating)"), "{said}");
    let found = fixture_reads_as_selected::<search::Search>();
    assert!(found.contains("has_next_page: Some(true)") && found.contains("Berserk"), "{found}");
    assert!(found.contains("Spike Spiegel") && found.contains("Kouichi Yamadera") && found.contains("name: Some(\"Sunrise\")"), "{found}");
    assert!(found.contains("users: [Member { id: 6001, name: \"Hana\""), "{found}");
    assert!(found.contains("status: Some(Releasing)") && found.contains("start_date: Some(FuzzyDate { year: Some(1989), month: Some(8), day: Some(25) })"), "{found}");
    assert!(found.contains(r#"popularity: Some(370000), genres: ["Action", "Sci-Fi"], country_of_origin: Some("JP")"#), "{found}");
}

#[test]
fn a_field_left_out_of_a_query_is_caught() {
    // The projection is what the check stands on: without `progress` in
    // the selection, the entry reads differently.
    let whole: Value = serde_json::from_str(r#"{"SaveMediaListEntry":{"id":1,"mediaId":2,"status":"CURRENT","progress":3}}"#).unwrap();
    let all = select(&whole, "mutation { SaveMediaListEntry { id mediaId status progress } }");
    let less = select(&whole, "mutation { SaveMediaListEntry { id mediaId status } }");
    let read = |v: Value| format!("{:?}", serde_json::from_value::<save_entry::Data>(v).unwrap());
    assert_eq!(read(all), read(whole.clone()));
    assert_ne!(read(less), read(whole));
}
