//! The user's lists as files, made in the browser from the list store:
//! AniList's own JSON shape (a `MediaListCollection` per kind), CSV (one row
//! an entry, every field the editor has), and MyAnimeList's XML export for
//! the entries that have a MAL id (what MAL and other trackers import).
//! Pure: tested natively; the download is browser glue.

use serde::Serialize;

use crate::api::ops::list_collection::Entry;
use crate::edit::FuzzyDate;
use crate::media::{ListStatus, MediaKind, ScoreFormat};
use crate::store::{values_of, ListData};

/// The three formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    Csv,
    MalXml,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Json, Format::Csv, Format::MalXml];

    pub fn label(self) -> &'static str {
        match self {
            Format::Json => "AniList JSON",
            Format::Csv => "CSV",
            Format::MalXml => "MyAnimeList XML",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Csv => "csv",
            Format::MalXml => "xml",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Format::Json => "application/json",
            Format::Csv => "text/csv",
            Format::MalXml => "application/xml",
        }
    }
}

/// "anilist-5150-lists-2026-11-24.csv".
pub fn file_name(user: u64, format: Format, (y, m, d): (i32, u32, u32)) -> String {
    format!("anilist-{user}-lists-{y:04}-{m:02}-{d:02}.{}", format.extension())
}

/// The lists in AniList's shape: `{"anime": {"lists": [...]}, "manga": ...}`,
/// each list with its name, status, whether it is custom, and its entries
/// with every field (media id, title and MAL id with each).
pub fn json(lists: &[(MediaKind, &ListData)]) -> String {
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Group<'a> {
        name: String,
        status: Option<ListStatus>,
        is_custom_list: bool,
        entries: Vec<&'a Entry>,
    }
    let mut out = serde_json::Map::new();
    for (kind, d) in lists {
        let mut groups: Vec<Group> = ListStatus::ALL
            .iter()
            .map(|s| Group {
                name: s.label(*kind).to_string(),
                status: Some(*s),
                is_custom_list: false,
                entries: d.entries.iter().filter(|e| e.status == Some(*s) && e.hidden_from_status_lists != Some(true)).collect(),
            })
            .filter(|g| !g.entries.is_empty())
            .collect();
        for (name, ids) in &d.custom {
            groups.push(Group { name: name.clone(), status: None, is_custom_list: true, entries: d.entries.iter().filter(|e| ids.contains(&e.media_id)).collect() });
        }
        let value = serde_json::json!({ "scoreFormat": d.score_format, "lists": groups });
        out.insert(kind.slug().to_string(), value);
    }
    serde_json::to_string_pretty(&out).unwrap_or_default()
}

/// One CSV field, quoted when it must be (RFC 4180).
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.to_string() }
}

pub const CSV_COLUMNS: [&str; 19] = [
    "type", "media_id", "mal_id", "title", "status", "score", "score_format", "progress", "total", "volumes", "repeat",
    "priority", "private", "hidden_from_status_lists", "started", "completed", "custom_lists", "advanced_scores", "notes",
];

/// One row an entry, every field the editor has; `done` is told how far.
pub fn csv(lists: &[(MediaKind, &ListData)], mut done: impl FnMut(usize)) -> String {
    let mut out = CSV_COLUMNS.join(",");
    out.push_str("\r\n");
    let mut n = 0;
    for (kind, d) in lists {
        let format = d.score_format.as_api();
        for e in &d.entries {
            let v = values_of(e);
            let m = e.media.as_ref();
            let row = [
                kind.slug().to_string(),
                e.media_id.to_string(),
                m.and_then(|m| m.id_mal).map(|i| i.to_string()).unwrap_or_default(),
                e.title(),
                v.status.as_api().to_string(),
                crate::edit::short(v.score),
                format.to_string(),
                v.progress.to_string(),
                m.and_then(|m| m.total()).map(|t| t.to_string()).unwrap_or_default(),
                v.volumes.to_string(),
                v.repeat.to_string(),
                v.priority.to_string(),
                v.private.to_string(),
                v.hidden.to_string(),
                v.started.label(),
                v.completed.label(),
                v.lists.join("; "),
                v.advanced.iter().map(|(k, s)| format!("{k}: {s}")).collect::<Vec<_>>().join("; "),
                v.notes.clone(),
            ];
            out.push_str(&row.iter().map(|f| field(f)).collect::<Vec<_>>().join(","));
            out.push_str("\r\n");
            n += 1;
            if n % 500 == 0 {
                done(n);
            }
        }
    }
    done(n);
    out
}

/// A score on MyAnimeList's scale (whole numbers, 0 to 10).
pub fn mal_score(score: f64, format: ScoreFormat) -> u32 {
    let ten = match format {
        ScoreFormat::Point100 => score / 10.0,
        ScoreFormat::Point10Decimal | ScoreFormat::Point10 => score,
        ScoreFormat::Point5 => score * 2.0,
        ScoreFormat::Point3 => match score.round() as i64 {
            1 => 3.0,
            2 => 6.0,
            3 => 9.0,
            _ => 0.0,
        },
    };
    ten.round().clamp(0.0, 10.0) as u32
}

/// MyAnimeList's words for a status.
pub fn mal_status(s: ListStatus, kind: MediaKind) -> &'static str {
    match (s, kind) {
        (ListStatus::Current | ListStatus::Repeating, MediaKind::Anime) => "Watching",
        (ListStatus::Current | ListStatus::Repeating, MediaKind::Manga) => "Reading",
        (ListStatus::Completed, _) => "Completed",
        (ListStatus::Paused, _) => "On-Hold",
        (ListStatus::Dropped, _) => "Dropped",
        (ListStatus::Planning | ListStatus::Unknown, MediaKind::Anime) => "Plan to Watch",
        (ListStatus::Planning | ListStatus::Unknown, MediaKind::Manga) => "Plan to Read",
    }
}

/// Text for XML: the five characters XML gives meaning to, escaped.
fn xml(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&apos;")
}

/// "2024-03-09"; MAL writes a missing part as zeros.
fn mal_date(d: FuzzyDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year.unwrap_or(0), d.month.unwrap_or(0), d.day.unwrap_or(0))
}

/// MyAnimeList's export format, the entries with a MAL id only; returns
/// the text and how many entries were left out for want of one.
pub fn mal_xml(lists: &[(MediaKind, &ListData)]) -> (String, usize) {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<myanimelist>\n");
    let mut left_out = 0;
    for (kind, d) in lists {
        let anime = *kind == MediaKind::Anime;
        out.push_str(&format!("  <myinfo><user_export_type>{}</user_export_type></myinfo>\n", if anime { 1 } else { 2 }));
        for e in &d.entries {
            let Some(mal) = e.media.as_ref().and_then(|m| m.id_mal) else {
                left_out += 1;
                continue;
            };
            let v = values_of(e);
            let tag = if anime { "anime" } else { "manga" };
            out.push_str(&format!("  <{tag}>\n"));
            let mut put = |k: &str, val: String| out.push_str(&format!("    <{k}>{val}</{k}>\n"));
            if anime {
                put("series_animedb_id", mal.to_string());
                put("series_title", xml(&e.title()));
                put("my_watched_episodes", v.progress.to_string());
                put("my_times_watched", v.repeat.to_string());
            } else {
                put("manga_mangadb_id", mal.to_string());
                put("manga_title", xml(&e.title()));
                put("my_read_chapters", v.progress.to_string());
                put("my_read_volumes", v.volumes.to_string());
                put("my_times_read", v.repeat.to_string());
            }
            put("my_start_date", mal_date(v.started));
            put("my_finish_date", mal_date(v.completed));
            put("my_score", mal_score(v.score, d.score_format).to_string());
            put("my_status", mal_status(v.status, *kind).to_string());
            put("my_comments", xml(&v.notes));
            // Custom lists as MyAnimeList's tags (imported here, they go back on the lists).
            put("my_tags", xml(&v.lists.join(", ")));
            put("my_priority", ["LOW", "MEDIUM", "HIGH"][v.priority.min(2) as usize].to_string());
            put("update_on_import", "1".into());
            out.push_str(&format!("  </{tag}>\n"));
        }
    }
    out.push_str("</myanimelist>\n");
    (out, left_out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::ops::list_collection::{AdvancedScores, Media};
    use crate::store::LIST_FORMAT;

    fn list() -> ListData {
        let entry = |media_id, mal, title: &str, status, notes: Option<&str>| Entry {
            id: media_id * 10,
            media_id,
            status: Some(status),
            progress: Some(3),
            score: Some(8.5),
            notes: notes.map(str::to_string),
            started_at: Some(FuzzyDate { year: Some(2024), month: Some(3), day: None }),
            custom_lists: vec!["Rewatch".into()],
            advanced_scores: AdvancedScores(vec![("Story".into(), 9.0)]),
            media: Some(Media { id: media_id, id_mal: mal, title: Some(crate::api::operation::Title { user_preferred: Some(title.into()), ..Default::default() }), episodes: Some(12), ..Media::default() }),
            ..Entry::default()
        };
        ListData {
            entries: vec![
                entry(1, Some(101), "Plain", ListStatus::Current, None),
                entry(2, None, "Quote \"and\", comma", ListStatus::Completed, Some("line one\nline <two> & more")),
            ],
            custom: vec![("Rewatch".into(), vec![1, 2])],
            score_format: ScoreFormat::Point10Decimal,
            format: LIST_FORMAT,
            ..ListData::default()
        }
    }

    #[test]
    fn csv_has_every_field_and_quotes_what_it_must() {
        let d = list();
        let mut told = Vec::new();
        let text = csv(&[(MediaKind::Anime, &d)], |n| told.push(n));
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(lines[0].split(',').count(), CSV_COLUMNS.len());
        assert_eq!(lines[1], "anime,1,101,Plain,CURRENT,8.5,POINT_10_DECIMAL,3,12,0,0,0,false,false,2024-03,,Rewatch,Story: 9,");
        assert!(lines[2].starts_with("anime,2,,\"Quote \"\"and\"\", comma\",COMPLETED,"), "{}", lines[2]);
        assert!(text.contains("\"line one\nline <two> & more\"\r\n"), "a note with a new line stays one field");
        assert_eq!(told, [2]);
    }

    #[test]
    fn mal_xml_has_the_entries_with_a_mal_id_escaped() {
        let d = list();
        let (text, left_out) = mal_xml(&[(MediaKind::Anime, &d)]);
        assert_eq!(left_out, 1);
        assert!(text.contains("<series_animedb_id>101</series_animedb_id>"));
        assert!(text.contains("<my_status>Watching</my_status>") && text.contains("<my_score>9</my_score>"), "{text}");
        assert!(text.contains("<my_start_date>2024-03-00</my_start_date>"));
        assert!(text.contains("<my_tags>Rewatch</my_tags>"), "custom lists as tags");
        assert!(!text.contains("Quote"));
        let mut manga = list();
        manga.entries[1].media.as_mut().unwrap().id_mal = Some(7);
        let (text, _) = mal_xml(&[(MediaKind::Manga, &manga)]);
        assert!(text.contains("<manga_title>Quote &quot;and&quot;, comma</manga_title>"));
        assert!(text.contains("<my_comments>line one\nline &lt;two&gt; &amp; more</my_comments>"));
        assert!(text.contains("<my_status>Completed</my_status>") && text.contains("<my_read_volumes>0</my_read_volumes>"));
    }

    #[test]
    fn scores_and_statuses_in_mal_terms() {
        assert_eq!(mal_score(85.0, ScoreFormat::Point100), 9);
        assert_eq!(mal_score(84.0, ScoreFormat::Point100), 8);
        assert_eq!(mal_score(4.0, ScoreFormat::Point5), 8);
        assert_eq!(mal_score(2.0, ScoreFormat::Point3), 6);
        assert_eq!(mal_score(0.0, ScoreFormat::Point10), 0);
        assert_eq!(mal_status(ListStatus::Paused, MediaKind::Anime), "On-Hold");
        assert_eq!(mal_status(ListStatus::Planning, MediaKind::Manga), "Plan to Read");
        assert_eq!(file_name(5150, Format::MalXml, (2026, 11, 4)), "anilist-5150-lists-2026-11-04.xml");
    }

    #[test]
    fn json_keeps_anilists_shape() {
        let d = list();
        let v: serde_json::Value = serde_json::from_str(&json(&[(MediaKind::Anime, &d)])).unwrap();
        let lists = v["anime"]["lists"].as_array().unwrap();
        assert_eq!(lists.iter().map(|l| l["name"].as_str().unwrap()).collect::<Vec<_>>(), ["Watching", "Completed", "Rewatch"]);
        assert_eq!(lists[0]["entries"][0]["mediaId"], 1);
        assert_eq!(lists[0]["entries"][0]["media"]["idMal"], 101);
        assert_eq!(lists[2]["isCustomList"], true);
        assert_eq!(v["anime"]["scoreFormat"], "POINT_10_DECIMAL");
    }
}
