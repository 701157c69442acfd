//! A MyAnimeList export brought onto the user's AniList lists: its entries
//! read (the browser reads the XML; this module reads each entry's fields),
//! matched to AniList's titles by their MyAnimeList ids, and compared with
//! what the lists hold: which to add, which differ, which are the same,
//! which AniList has no title for. What the file leaves empty (no score,
//! no notes, no dates) never clears what the lists hold. Pure: tested
//! natively; reading the file and sending are browser glue.

use std::collections::HashMap;

use serde::Deserialize;

use crate::api::ops::list_collection::{Entry, Media};
use crate::edit::{FuzzyDate, Patch, Values};
use crate::media::{ListStatus, MediaKind, ScoreFormat};
use crate::store::values_of;

/// One entry of a MyAnimeList export, read.
#[derive(Clone, Debug, PartialEq)]
pub struct MalEntry {
    pub kind: MediaKind,
    pub mal_id: i64,
    /// MyAnimeList's title (said of an entry AniList has no title for).
    pub title: String,
    pub status: ListStatus,
    pub progress: u32,
    pub volumes: u32,
    /// MyAnimeList's score: 0 (none) to 10.
    pub score: u32,
    pub repeat: u32,
    pub priority: u32,
    pub notes: String,
    pub started: FuzzyDate,
    pub completed: FuzzyDate,
    /// MyAnimeList's tags (`my_tags`, comma separated): they go on the
    /// custom lists of the same names, where the account has them.
    pub tags: Vec<String>,
}

/// MyAnimeList's status, in its words or as its numbers (1 watching, 2
/// completed, 3 on hold, 4 dropped, 6 planned).
fn status_of(text: &str) -> Option<ListStatus> {
    Some(match text.trim().to_ascii_lowercase().as_str() {
        "watching" | "reading" | "1" => ListStatus::Current,
        "completed" | "2" => ListStatus::Completed,
        "on-hold" | "on hold" | "3" => ListStatus::Paused,
        "dropped" | "4" => ListStatus::Dropped,
        "plan to watch" | "plan to read" | "6" => ListStatus::Planning,
        _ => return None,
    })
}

/// "2024-03-09"; MyAnimeList writes a missing part as zeros
/// ("2024-03-00", "0000-00-00": nothing).
fn date_of(text: &str) -> FuzzyDate {
    let mut parts = text.trim().splitn(3, '-').map(|p| p.parse::<u32>().ok().filter(|n| *n > 0));
    let year = parts.next().flatten().and_then(|y| i32::try_from(y).ok());
    let month = parts.next().flatten().filter(|m| *m <= 12);
    let day = parts.next().flatten().filter(|d| *d <= 31);
    FuzzyDate { year, month, day }
}

/// MyAnimeList's priority: LOW (its default), MEDIUM, HIGH, or a number.
fn priority_of(text: &str) -> u32 {
    match text.trim().to_ascii_uppercase().as_str() {
        "MEDIUM" => 1,
        "HIGH" => 2,
        other => other.parse().unwrap_or(0),
    }
}

/// One entry from its fields (`field(name)`: the text of the child element
/// so named); `Err` says why it cannot be taken.
pub fn read_entry(kind: MediaKind, field: impl Fn(&str) -> Option<String>) -> Result<MalEntry, String> {
    let number = |name: &str| field(name).and_then(|t| t.trim().parse::<u32>().ok()).unwrap_or(0);
    let text = |name: &str| field(name).map(|t| t.trim().to_string()).unwrap_or_default();
    let anime = kind == MediaKind::Anime;
    let title = text(if anime { "series_title" } else { "manga_title" });
    let id = text(if anime { "series_animedb_id" } else { "manga_mangadb_id" });
    let Some(mal_id) = id.parse::<i64>().ok().filter(|i| *i > 0) else {
        return Err(format!("{} has no MyAnimeList id", if title.is_empty() { "An entry" } else { &title }));
    };
    let named = if title.is_empty() { format!("#{mal_id}") } else { title.clone() };
    let Some(mut status) = status_of(&text("my_status")) else {
        return Err(format!("{named} has a status MyAnimeList does not use (“{}”)", text("my_status")));
    };
    let again = text(if anime { "my_rewatching" } else { "my_rereading" });
    if (again == "1" || again.eq_ignore_ascii_case("yes")) && matches!(status, ListStatus::Current | ListStatus::Completed) {
        status = ListStatus::Repeating;
    }
    Ok(MalEntry {
        kind,
        mal_id,
        title,
        status,
        progress: number(if anime { "my_watched_episodes" } else { "my_read_chapters" }),
        volumes: if anime { 0 } else { number("my_read_volumes") },
        score: number("my_score").min(10),
        repeat: number(if anime { "my_times_watched" } else { "my_times_read" }),
        priority: priority_of(&text("my_priority")),
        notes: text("my_comments"),
        started: date_of(&text("my_start_date")),
        completed: date_of(&text("my_finish_date")),
        tags: text("my_tags").split(',').map(str::trim).filter(|t| !t.is_empty()).map(String::from).collect(),
    })
}

/// A MyAnimeList score (1 to 10) in the user's format.
pub fn score_in(mal: u32, format: ScoreFormat) -> f64 {
    let mal = f64::from(mal.min(10));
    if mal == 0.0 {
        return 0.0;
    }
    match format {
        ScoreFormat::Point100 => mal * 10.0,
        ScoreFormat::Point10Decimal | ScoreFormat::Point10 => mal,
        ScoreFormat::Point5 => (mal / 2.0).round().max(1.0),
        ScoreFormat::Point3 => match mal as u32 {
            0..=4 => 1.0,
            5..=7 => 2.0,
            _ => 3.0,
        },
    }
}

/// Progress and volumes kept within what the title has (AniList refuses
/// more; a count it does not know, or 0, leaves them as they are).
fn keep_within(v: &mut Values, media: &Media) {
    let within = |n: u32, most: Option<u32>| most.filter(|m| *m > 0).map_or(n, |m| n.min(m));
    v.progress = within(v.progress, media.total());
    v.volumes = within(v.volumes, media.volumes);
}

/// The values the file gives a title: the score in the account's system,
/// the tags that name one of its custom lists (in any case) on it (`tags`:
/// the entry's, made whole by [`rejoined`]); progress and volumes as the
/// file has them ([`Plan::of`] keeps them within the title's).
fn values_for(e: &MalEntry, tags: &[String], fits: &Fits) -> Values {
    Values {
        progress: e.progress,
        volumes: e.volumes,
        score: score_in(e.score, fits.format),
        lists: fits.lists.iter().filter(|l| tags.iter().any(|t| t.eq_ignore_ascii_case(l))).cloned().collect(),
        repeat: e.repeat,
        priority: e.priority,
        notes: e.notes.clone(),
        started: e.started,
        completed: e.completed,
        ..Values::new(e.status)
    }
}

/// What the file changes of an entry the lists hold: its status and
/// progress, and each other field it gives a value (a score, notes, a
/// date, a custom list, an advanced score…); a field it leaves empty keeps
/// the list's value, and no custom list is left.
pub fn patch_over(held: &Values, file: &Values) -> Patch {
    let mut after = held.clone();
    after.status = file.status;
    after.progress = file.progress;
    if file.volumes > 0 {
        after.volumes = file.volumes;
    }
    if file.score > 0.0 {
        after.score = file.score;
    }
    if file.repeat > 0 {
        after.repeat = file.repeat;
    }
    if file.priority > 0 {
        after.priority = file.priority;
    }
    if !file.notes.is_empty() {
        after.notes = file.notes.clone();
    }
    if !file.started.is_empty() {
        after.started = file.started;
    }
    if !file.completed.is_empty() {
        after.completed = file.completed;
    }
    // A backup's: private or hidden when it says so; its custom lists
    // added to those the entry is on; its advanced scores where given.
    after.private |= file.private;
    after.hidden |= file.hidden;
    for list in &file.lists {
        if !after.lists.contains(list) {
            after.lists.push(list.clone());
        }
    }
    for (name, score) in file.advanced.iter().filter(|(_, s)| *s > 0.0) {
        match after.advanced.iter_mut().find(|(n, _)| n == name) {
            Some((_, s)) => *s = *score,
            None => after.advanced.push((name.clone(), *score)),
        }
    }
    Patch::between(held, &after)
}

/// A title the file adds to the lists.
#[derive(Clone, Debug, PartialEq)]
pub struct Added {
    pub kind: MediaKind,
    pub media: Media,
    pub values: Values,
}

/// An entry on the lists the file gives other values.
#[derive(Clone, Debug, PartialEq)]
pub struct Differs {
    pub media_id: i64,
    pub title: String,
    pub now: Values,
    pub patch: Patch,
}

/// What an import would do.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plan {
    pub add: Vec<Added>,
    pub differ: Vec<Differs>,
    /// Entries the lists already hold as the file has them.
    pub same: usize,
    /// Entries AniList has no title for (by their MyAnimeList id, or a
    /// CSV's AniList id of another kind or of no title).
    pub unknown: Vec<Unknown>,
    /// The file's tags that name no custom list of the account (left out),
    /// each once, the most used first.
    pub tags_left: Vec<String>,
}

/// An entry of the file AniList has no title for: the file's name for
/// it, and the id it gave (MyAnimeList's, or AniList's).
#[derive(Clone, Debug, PartialEq)]
pub struct Unknown {
    pub title: String,
    pub id: i64,
    pub mal: bool,
}

impl Unknown {
    /// "Monster (MyAnimeList #19)", or the id alone when the file names none.
    pub fn label(&self) -> String {
        let on = if self.mal { "MyAnimeList" } else { "AniList" };
        match self.title.is_empty() {
            true => format!("{on} #{}", self.id),
            false => format!("{} ({on} #{})", self.title, self.id),
        }
    }
}

/// A title with the values a file gives it.
#[derive(Clone, Debug, PartialEq)]
pub struct Given {
    pub kind: MediaKind,
    pub media: Media,
    pub values: Values,
}

impl Plan {
    /// `entries` against the titles `found` (by kind and MyAnimeList id)
    /// and the lists (`held`: an entry's values by media id; `format`: the
    /// user's scoring system). An entry given twice counts once, as its
    /// later one.
    pub fn new(entries: &[MalEntry], found: &HashMap<(MediaKind, i64), Media>, held: impl Fn(i64) -> Option<Values>, fits: impl Fn(MediaKind) -> Fits) -> Plan {
        let account = Account::of(fits);
        let mut given = Vec::with_capacity(entries.len());
        let mut unknown = Vec::new();
        let mut missing = std::collections::HashSet::new();
        let mut left: Vec<(String, usize)> = Vec::new();
        for e in entries {
            let to = account.get(e.kind);
            let named = |t: &str| to.lists.iter().any(|l| l.eq_ignore_ascii_case(t));
            let tags = rejoined(&e.tags, ", ", named);
            for t in tags.iter().filter(|t| !named(t)) {
                match left.iter_mut().find(|(n, _)| n.eq_ignore_ascii_case(t)) {
                    Some((_, count)) => *count += 1,
                    None => left.push((t.clone(), 1)),
                }
            }
            match found.get(&(e.kind, e.mal_id)) {
                Some(media) => given.push(Given { kind: e.kind, media: media.clone(), values: values_for(e, &tags, to) }),
                None if missing.insert((e.kind, e.mal_id)) => unknown.push(Unknown { title: e.title.clone(), id: e.mal_id, mal: true }),
                None => {}
            }
        }
        left.sort_by_key(|t| std::cmp::Reverse(t.1));
        Plan { unknown, tags_left: left.into_iter().map(|(t, _)| t).collect(), ..Plan::of(given, held) }
    }

    /// Titles with their values against the lists (`held`), progress and
    /// volumes kept within what each title has where that is known. A
    /// title given twice counts once, as its later one.
    pub fn of(given: Vec<Given>, held: impl Fn(i64) -> Option<Values>) -> Plan {
        let mut plan = Plan::default();
        let mut seen = std::collections::HashSet::new();
        for mut g in given.into_iter().rev() {
            if !seen.insert(g.media.id) {
                continue;
            }
            keep_within(&mut g.values, &g.media);
            match held(g.media.id) {
                None => plan.add.push(Added { kind: g.kind, media: g.media, values: g.values }),
                Some(now) => {
                    let patch = patch_over(&now, &g.values);
                    if patch.is_empty() {
                        plan.same += 1;
                    } else {
                        plan.differ.push(Differs { media_id: g.media.id, title: g.media.title(), now, patch });
                    }
                }
            }
        }
        plan.add.reverse();
        plan.differ.reverse();
        plan
    }

    /// The titles to add that the file knows by id and name only (a CSV),
    /// by kind: what AniList is asked of before they are added, so that
    /// they show as a refresh would show them, and an id AniList has no
    /// title for is not sent.
    pub fn bare(&self) -> Vec<(MediaKind, Vec<i64>)> {
        MediaKind::ALL
            .into_iter()
            .map(|k| (k, self.add.iter().filter(|a| a.kind == k && a.media.kind.is_none()).map(|a| a.media.id).collect::<Vec<_>>()))
            .filter(|(_, ids)| !ids.is_empty())
            .collect()
    }

    /// The titles to add, each as AniList gave it (`found`, by kind and
    /// id), its progress and volumes kept within what it has (AniList
    /// refuses more); one AniList was `asked` of and did not give is left
    /// out, as unknown.
    pub fn looked_up(mut self, found: &HashMap<(MediaKind, i64), Media>, asked: impl Fn(MediaKind, i64) -> bool) -> Plan {
        let mut add = Vec::with_capacity(self.add.len());
        for a in std::mem::take(&mut self.add) {
            match found.get(&(a.kind, a.media.id)) {
                Some(media) => {
                    let mut values = a.values;
                    keep_within(&mut values, media);
                    add.push(Added { kind: a.kind, media: media.clone(), values });
                }
                None if a.media.kind.is_none() && asked(a.kind, a.media.id) => {
                    let title = a.media.title.and_then(|t| t.user_preferred).unwrap_or_default();
                    self.unknown.push(Unknown { title, id: a.media.id, mal: false });
                }
                None => add.push(a),
            }
        }
        self.add = add;
        self
    }
}

/// A score given in `from` in the user's format `to` (through AniList's
/// 100-point scale; none stays none).
pub fn score_between(score: f64, from: ScoreFormat, to: ScoreFormat) -> f64 {
    if from == to || score <= 0.0 {
        return score.max(0.0);
    }
    let hundred = match from {
        ScoreFormat::Point100 => score,
        ScoreFormat::Point10Decimal | ScoreFormat::Point10 => score * 10.0,
        ScoreFormat::Point5 => score * 20.0,
        ScoreFormat::Point3 => match score.round() as i64 {
            1 => 35.0,
            2 => 60.0,
            _ => 85.0,
        },
    }
    .clamp(1.0, 100.0);
    match to {
        ScoreFormat::Point100 => hundred.round(),
        ScoreFormat::Point10Decimal => (hundred / 10.0 * 10.0).round() / 10.0,
        ScoreFormat::Point10 => (hundred / 10.0).round().max(1.0),
        ScoreFormat::Point5 => (hundred / 20.0).round().max(1.0),
        ScoreFormat::Point3 => match hundred {
            h if h <= 40.0 => 1.0,
            h if h <= 70.0 => 2.0,
            _ => 3.0,
        },
    }
}

/// This app's own backup (Settings, *Your data*, AniList JSON).
#[derive(Deserialize)]
struct Backup {
    anime: Option<BackupKind>,
    manga: Option<BackupKind>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct BackupKind {
    #[serde(default)]
    score_format: ScoreFormat,
    #[serde(default)]
    lists: Vec<BackupList>,
}

#[derive(Deserialize)]
struct BackupList {
    #[serde(default)]
    entries: Vec<Entry>,
}

/// The titles of a CSV file made here (Settings, *Your data*, CSV), perhaps
/// edited in a spreadsheet since, each once, and the rows that could not be
/// read ("row 12: no status"). Columns are found by name, in any order;
/// `type`, `media_id`, `status` and `progress` are needed, any other cell
/// empty or missing leaves the list's value (see [`patch_over`]). Yes and no read as a
/// spreadsheet writes them (TRUE, true, yes, 1).
pub fn read_csv(text: &str) -> Result<(Vec<Backed>, Vec<String>), String> {
    let not_ours = "This CSV is not a list export made here: its first line must name the columns (type, media_id, status…), as Settings, Your data, CSV writes them.";
    let mut reader = csv::ReaderBuilder::new().flexible(true).trim(csv::Trim::Headers).from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().map_err(|_| not_ours.to_string())?.clone();
    let column = |name: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(name));
    if ["type", "media_id", "status", "progress"].iter().any(|c| column(c).is_none()) {
        return Err(not_ours.into());
    }
    let (mut out, mut skipped) = (Vec::new(), Vec::new());
    let mut seen = std::collections::HashSet::new();
    for (i, row) in reader.records().enumerate() {
        let line = i + 2;
        let Ok(row) = row else {
            skipped.push(format!("row {line}: not CSV"));
            continue;
        };
        // Notes as written (a spreadsheet's spaces around a value trimmed
        // elsewhere): an entry's own notes are not changed by their spaces.
        let raw = |name: &str| column(name).and_then(|c| row.get(c));
        let cell = |name: &str| raw(name).map(str::trim).filter(|v| !v.is_empty());
        match csv_entry(&cell, raw("notes").filter(|n| !n.trim().is_empty())) {
            Ok(b) if seen.insert((b.given.kind, b.given.media.id)) => out.push(b),
            Ok(_) => {}
            Err(why) => skipped.push(format!("row {line}: {why}")),
        }
    }
    Ok((out, skipped))
}

/// One row of [`read_csv`], its cells by column name.
fn csv_entry<'a>(cell: &dyn Fn(&str) -> Option<&'a str>, notes: Option<&str>) -> Result<Backed, &'static str> {
    let kind = cell("type").and_then(|t| MediaKind::from_slug(&t.to_ascii_lowercase())).ok_or("no type (anime or manga)")?;
    let id = cell("media_id").and_then(|i| i.parse::<i64>().ok()).filter(|i| *i > 0).ok_or("no AniList id")?;
    let status = cell("status").and_then(|s| ListStatus::from_api(&s.to_ascii_uppercase())).ok_or("no status")?;
    let number = |name: &str| cell(name).and_then(|n| n.parse::<f64>().ok()).filter(|n| n.is_finite() && *n >= 0.0);
    let count = |n: f64| n.round().min(f64::from(u32::MAX)) as u32;
    let whole = |name: &str| number(name).map_or(0, count);
    // Progress always counts (as in a MyAnimeList file): a row without it is not guessed at.
    let progress = number("progress").map(count).ok_or("no progress")?;
    let yes = |name: &str| cell(name).is_some_and(|v| matches!(v.to_ascii_lowercase().as_str(), "true" | "yes" | "1"));
    let names = |name: &str| cell(name).map(|l| l.split(';').map(str::trim).filter(|n| !n.is_empty()).map(String::from).collect()).unwrap_or_default();
    let advanced = cell("advanced_scores").map(advanced_of).unwrap_or_default();
    let values = Values {
        progress,
        volumes: whole("volumes"),
        score: number("score").unwrap_or(0.0),
        repeat: whole("repeat"),
        priority: whole("priority"),
        private: yes("private"),
        hidden: yes("hidden_from_status_lists"),
        notes: notes.unwrap_or_default().to_string(),
        started: cell("started").map(date_of).unwrap_or_default(),
        completed: cell("completed").map(date_of).unwrap_or_default(),
        lists: names("custom_lists"),
        advanced,
        ..Values::new(status)
    };
    let title = cell("title").map(|t| crate::api::operation::Title { user_preferred: Some(t.to_string()), ..Default::default() });
    let id_mal = cell("mal_id").and_then(|i| i.parse().ok());
    // A name this app does not know: the scores are taken as the account's.
    let score_format = cell("score_format").and_then(|c| ScoreFormat::ALL.into_iter().find(|f| f.as_api().eq_ignore_ascii_case(c)));
    Ok(Backed { given: Given { kind, media: Media { id, id_mal, title, ..Media::default() }, values }, score_format })
}

/// A backup's title as kept: its values and the scoring system they are in.
#[derive(Clone, Debug, PartialEq)]
pub struct Backed {
    pub given: Given,
    /// The scoring system its scores are in (`None`: the account's own).
    pub score_format: Option<ScoreFormat>,
}

/// The titles of a backup this app made (its AniList JSON), each once,
/// with every value it kept (made to fit the account by [`fit`]).
pub fn read_backup(text: &str) -> Result<Vec<Backed>, String> {
    let backup: Backup = serde_json::from_str(text).map_err(|_| "This JSON is not a backup of lists made here (Settings, Your data, AniList JSON).".to_string())?;
    let mut out = Vec::new();
    for (kind, part) in [(MediaKind::Anime, backup.anime), (MediaKind::Manga, backup.manga)] {
        let Some(part) = part else { continue };
        let mut seen = std::collections::HashSet::new();
        for e in part.lists.into_iter().flat_map(|l| l.entries) {
            if !seen.insert(e.media_id) {
                continue;
            }
            let values = values_of(&e);
            let media = e.media.unwrap_or_else(|| Media { id: e.media_id, ..Media::default() });
            out.push(Backed { given: Given { kind, media, values }, score_format: Some(part.score_format) });
        }
    }
    Ok(out)
}

/// What an account takes of a list of one kind: its scoring system, its
/// custom lists and its advanced scoring sections (none when off).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Fits {
    pub format: ScoreFormat,
    pub lists: Vec<String>,
    pub sections: Vec<String>,
}

/// The account's [`Fits`] of each kind, asked once.
struct Account(HashMap<MediaKind, Fits>, Fits);

impl Account {
    fn of(fits: impl Fn(MediaKind) -> Fits) -> Self {
        Account(MediaKind::ALL.into_iter().map(|k| (k, fits(k))).collect(), Fits::default())
    }

    fn get(&self, kind: MediaKind) -> &Fits {
        self.0.get(&kind).unwrap_or(&self.1)
    }
}

/// A backup's titles made to fit the account (`fits`): scores in its
/// scoring system, custom lists and advanced scores only those it has (by
/// name), advanced scores in its system too.
pub fn fit(backed: &[Backed], fits: impl Fn(MediaKind) -> Fits) -> Vec<Given> {
    let account = Account::of(fits);
    backed
        .iter()
        .map(|b| {
            let mut g = b.given.clone();
            let to = account.get(g.kind);
            let from = b.score_format.unwrap_or(to.format);
            g.values.score = score_between(g.values.score, from, to.format);
            g.values.lists = rejoined(&g.values.lists, "; ", |n| to.lists.iter().any(|l| l == n));
            g.values.lists.retain(|n| to.lists.contains(n));
            g.values.advanced.retain(|(n, _)| to.sections.contains(n));
            for (_, s) in &mut g.values.advanced {
                *s = score_between(*s, from, to.format);
            }
            g
        })
        .collect()
}

/// A CSV's advanced scores, "Story: 9; Art: 7.5": each section's name is
/// what comes before its score's ":". A piece with no score of its own is
/// the start of a name that holds the ";" itself ("Char; acters: 7"), so
/// it is kept with the next; a last piece with no score is left out.
fn advanced_of(cell: &str) -> Vec<(String, f64)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (at, _) in cell.match_indices(';').chain([(cell.len(), "")]) {
        let scored = cell[start..at].rsplit_once(':').and_then(|(n, s)| Some((n.trim(), s.trim().parse::<f64>().ok().filter(|s| s.is_finite())?)));
        if let Some((name, score)) = scored.filter(|(n, _)| !n.is_empty()) {
            out.push((name.to_string(), score));
            start = (at + 1).min(cell.len());
        }
    }
    out
}

/// Custom list names as a file splits them at `sep` (a CSV's "; ", the
/// MyAnimeList tags' ", "), made whole again where the account has a list
/// whose name holds the separator: a run of pieces side by side is joined
/// when it names one of the account's lists (`known`) and not every piece
/// names one by itself (the longest such run first).
fn rejoined(pieces: &[String], sep: &str, known: impl Fn(&str) -> bool) -> Vec<String> {
    let mut out = Vec::with_capacity(pieces.len());
    let mut i = 0;
    while i < pieces.len() {
        let run = (i + 2..=pieces.len()).rev().find(|&end| {
            let run = &pieces[i..end];
            known(&run.join(sep)) && !run.iter().all(|p| known(p))
        });
        let end = run.unwrap_or(i + 1);
        out.push(pieces[i..end].join(sep));
        i = end;
    }
    out
}

/// The MyAnimeList ids to look up, by kind, each once, in the file's order.
pub fn ids_by_kind(entries: &[MalEntry]) -> Vec<(MediaKind, Vec<i64>)> {
    MediaKind::ALL
        .into_iter()
        .map(|k| {
            let mut seen = std::collections::HashSet::new();
            (k, entries.iter().filter(|e| e.kind == k && seen.insert(e.mal_id)).map(|e| e.mal_id).collect::<Vec<_>>())
        })
        .filter(|(_, ids)| !ids.is_empty())
        .collect()
}

/// Each field `patch` changes of an entry, in words: its name, the
/// lists' value and the file's ("Progress", "10", "26").
pub fn changes_in_words(now: &Values, patch: &Patch, kind: MediaKind, format: ScoreFormat) -> Vec<(&'static str, String, String)> {
    let mut out = Vec::new();
    let date = |d: FuzzyDate| if d.is_empty() { "none".to_string() } else { d.label() };
    if let Some(s) = patch.status {
        out.push(("Status", now.status.label(kind).to_string(), s.label(kind).to_string()));
    }
    if let Some(p) = patch.progress {
        out.push(("Progress", now.progress.to_string(), p.to_string()));
    }
    if let Some(v) = patch.volumes {
        out.push(("Volumes", now.volumes.to_string(), v.to_string()));
    }
    if let Some(x) = patch.score {
        out.push(("Score", format.display(now.score), format.display(x)));
    }
    if let Some(r) = patch.repeat {
        out.push((if kind == MediaKind::Anime { "Rewatches" } else { "Rereads" }, now.repeat.to_string(), r.to_string()));
    }
    if let Some(p) = patch.priority {
        out.push(("Priority", now.priority.to_string(), p.to_string()));
    }
    if let Some(n) = &patch.notes {
        out.push(("Notes", if now.notes.is_empty() { "none".into() } else { now.notes.clone() }, n.clone()));
    }
    if let Some(d) = patch.started {
        out.push(("Started", date(now.started), date(d)));
    }
    if let Some(d) = patch.completed {
        out.push(("Completed", date(now.completed), date(d)));
    }
    let yes_no = |b: bool| if b { "yes" } else { "no" }.to_string();
    if let Some(p) = patch.private {
        out.push(("Private", yes_no(now.private), yes_no(p)));
    }
    if let Some(h) = patch.hidden {
        out.push(("Hidden from status lists", yes_no(now.hidden), yes_no(h)));
    }
    let names = |l: &[String]| if l.is_empty() { "none".to_string() } else { l.join(", ") };
    if let Some(l) = &patch.lists {
        out.push(("Custom lists", names(&now.lists), names(l)));
    }
    let scores = |a: &[(String, f64)]| names(&a.iter().filter(|(_, s)| *s > 0.0).map(|(n, s)| format!("{n} {}", format.display(*s))).collect::<Vec<_>>());
    if let Some(a) = &patch.advanced {
        out.push(("Advanced scores", scores(&now.advanced), scores(a)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::operation::Title;
    use crate::media::MediaType;

    fn fields<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string())
    }

    fn media(id: i64, episodes: Option<u32>) -> Media {
        Media { id, episodes, title: Some(Title { user_preferred: Some(format!("Title {id}")), ..Default::default() }), ..Media::default() }
    }

    fn anime(mal_id: i64, status: &str, watched: &str, score: &str) -> MalEntry {
        let id = mal_id.to_string();
        read_entry(MediaKind::Anime, fields(&[("series_animedb_id", &id), ("series_title", "A title"), ("my_status", status), ("my_watched_episodes", watched), ("my_score", score)])).unwrap()
    }

    #[test]
    fn reads_an_anime_entry_as_mal_writes_it() {
        let e = read_entry(
            MediaKind::Anime,
            fields(&[
                ("series_animedb_id", " 1 "),
                ("series_title", "Cowboy Bebop"),
                ("my_watched_episodes", "26"),
                ("my_start_date", "2024-03-00"),
                ("my_finish_date", "0000-00-00"),
                ("my_score", "9"),
                ("my_status", "Completed"),
                ("my_comments", " Great. "),
                ("my_times_watched", "2"),
                ("my_priority", "HIGH"),
                ("my_rewatching", "1"),
            ]),
        )
        .unwrap();
        assert_eq!((e.mal_id, e.title.as_str(), e.progress, e.score, e.repeat, e.priority), (1, "Cowboy Bebop", 26, 9, 2, 2));
        assert_eq!(e.status, ListStatus::Repeating, "completed and rewatching: watched again");
        assert_eq!(e.started, FuzzyDate { year: Some(2024), month: Some(3), day: None });
        assert!(e.completed.is_empty());
        assert_eq!(e.notes, "Great.");
    }

    #[test]
    fn reads_a_manga_entry_and_mals_numbers() {
        let e = read_entry(MediaKind::Manga, fields(&[("manga_mangadb_id", "2"), ("my_read_chapters", "100"), ("my_read_volumes", "10"), ("my_status", "6"), ("my_rereading", "0")])).unwrap();
        assert_eq!((e.kind, e.progress, e.volumes, e.status), (MediaKind::Manga, 100, 10, ListStatus::Planning));
        for (word, status) in [("Reading", ListStatus::Current), ("On-Hold", ListStatus::Paused), ("Dropped", ListStatus::Dropped), ("Plan to Read", ListStatus::Planning), ("4", ListStatus::Dropped)] {
            let e = read_entry(MediaKind::Manga, fields(&[("manga_mangadb_id", "2"), ("my_status", word)])).unwrap();
            assert_eq!(e.status, status, "{word}");
        }
    }

    #[test]
    fn says_why_an_entry_cannot_be_taken() {
        let no_id = read_entry(MediaKind::Anime, fields(&[("series_title", "Nameless"), ("my_status", "Watching")])).unwrap_err();
        assert_eq!(no_id, "Nameless has no MyAnimeList id");
        let odd = read_entry(MediaKind::Anime, fields(&[("series_animedb_id", "5"), ("series_title", "Odd"), ("my_status", "Binged")])).unwrap_err();
        assert!(odd.contains("Odd") && odd.contains("Binged"), "{odd}");
        assert!(read_entry(MediaKind::Anime, fields(&[("series_animedb_id", "0"), ("my_status", "Watching")])).is_err());
    }

    #[test]
    fn scores_in_every_format() {
        assert_eq!(score_in(8, ScoreFormat::Point100), 80.0);
        assert_eq!(score_in(8, ScoreFormat::Point10Decimal), 8.0);
        assert_eq!(score_in(7, ScoreFormat::Point5), 4.0);
        assert_eq!(score_in(1, ScoreFormat::Point5), 1.0, "a score is never made none");
        assert_eq!(score_in(4, ScoreFormat::Point3), 1.0);
        assert_eq!(score_in(6, ScoreFormat::Point3), 2.0);
        assert_eq!(score_in(9, ScoreFormat::Point3), 3.0);
        assert_eq!(score_in(0, ScoreFormat::Point3), 0.0);
        // MyAnimeList's scale both ways: the export's scores come back.
        for s in 1..=10 {
            assert_eq!(crate::export::mal_score(score_in(s, ScoreFormat::Point100), ScoreFormat::Point100), s);
        }
    }

    #[test]
    fn the_plan_adds_changes_and_leaves_what_is_the_same() {
        let entries = vec![
            anime(1, "Completed", "30", "9"),  // held: differs; progress past the title's 26
            anime(5, "Watching", "3", "0"),   // not held: added
            anime(6, "Plan to Watch", "0", "0"), // held the same
            anime(7, "Watching", "1", "0"),   // AniList has no such title
            anime(5, "Watching", "4", "0"),   // given twice: the later one
        ];
        let found: HashMap<(MediaKind, i64), Media> =
            [((MediaKind::Anime, 1), media(101, Some(26))), ((MediaKind::Anime, 5), media(105, None)), ((MediaKind::Anime, 6), media(106, Some(12)))].into();
        let mut held_1 = Values::new(ListStatus::Current);
        held_1.progress = 10;
        held_1.notes = "mine".into();
        let held = |id: i64| match id {
            101 => Some(held_1.clone()),
            106 => Some(Values::new(ListStatus::Planning)),
            _ => None,
        };
        let plan = Plan::new(&entries, &found, held, |_| Fits { format: ScoreFormat::Point100, ..Fits::default() });
        assert_eq!(plan.add.len(), 1);
        assert_eq!((plan.add[0].media.id, plan.add[0].values.progress), (105, 4));
        assert_eq!(plan.same, 1);
        assert_eq!(plan.unknown.iter().map(|e| (e.id, e.mal)).collect::<Vec<_>>(), [(7, true)]);
        assert_eq!(plan.differ.len(), 1);
        let d = &plan.differ[0];
        assert_eq!((d.media_id, d.title.as_str()), (101, "Title 101"));
        assert_eq!(d.patch, Patch { status: Some(ListStatus::Completed), progress: Some(26), score: Some(90.0), ..Patch::default() }, "the notes the file leaves empty stay");
    }

    #[test]
    fn tags_go_on_the_custom_lists_so_named_and_the_others_are_said() {
        let tagged = |mal_id: i64, tags: &str| {
            let id = mal_id.to_string();
            read_entry(MediaKind::Anime, fields(&[("series_animedb_id", &id), ("my_status", "Completed"), ("my_watched_episodes", "1"), ("my_tags", tags)])).unwrap()
        };
        let entries = vec![tagged(1, " rewatch , Gems,  "), tagged(5, "gems, cozy, Summer 2020"), tagged(6, ""), tagged(7, "best, OF, gems")];
        assert_eq!(entries[0].tags, ["rewatch", "Gems"]);
        let found: HashMap<(MediaKind, i64), Media> =
            [((MediaKind::Anime, 1), media(101, Some(1))), ((MediaKind::Anime, 5), media(105, Some(1))), ((MediaKind::Anime, 6), media(106, Some(1))), ((MediaKind::Anime, 7), media(107, Some(1)))].into();
        let held = |id: i64| (id == 105).then(|| Values { progress: 1, lists: vec!["Mine".into()], ..Values::new(ListStatus::Completed) });
        let fits = |_| Fits { lists: vec!["Rewatch".into(), "Mine".into(), "Gems".into(), "Best, of".into()], ..Fits::default() };
        let plan = Plan::new(&entries, &found, held, fits);
        let add = |id| plan.add.iter().find(|a| a.media.id == id).unwrap();
        assert_eq!(add(101).values.lists, ["Rewatch", "Gems"], "the account's spelling, its order");
        assert!(add(106).values.lists.is_empty());
        assert_eq!(add(107).values.lists, ["Gems", "Best, of"], "a list whose name holds a comma, as the export writes it");
        assert_eq!(plan.differ[0].patch.lists, Some(vec!["Mine".into(), "Gems".into()]), "added to the entry's own");
        assert_eq!(plan.tags_left, ["cozy", "Summer 2020"]);
    }

    #[test]
    fn an_empty_field_never_clears_the_lists_value() {
        let mut held = Values::new(ListStatus::Completed);
        held.progress = 12;
        held.score = 7.0;
        held.notes = "kept".into();
        held.started = FuzzyDate { year: Some(2020), month: None, day: None };
        held.repeat = 1;
        let file = Values { progress: 12, ..Values::new(ListStatus::Completed) };
        assert!(patch_over(&held, &file).is_empty());
        let file = Values { progress: 12, notes: "new".into(), repeat: 3, ..Values::new(ListStatus::Completed) };
        assert_eq!(patch_over(&held, &file), Patch { notes: Some("new".into()), repeat: Some(3), ..Patch::default() });
    }

    #[test]
    fn a_backup_restores_lists_privacy_and_advanced_scores_and_leaves_nothing() {
        let held = Values {
            lists: vec!["Since".into()],
            advanced: vec![("Story".into(), 0.0), ("Art".into(), 7.0)],
            ..Values::new(ListStatus::Current)
        };
        let file = Values {
            private: true,
            lists: vec!["Rewatch".into(), "Since".into()],
            advanced: vec![("Story".into(), 9.0), ("Art".into(), 0.0)],
            ..Values::new(ListStatus::Current)
        };
        let patch = patch_over(&held, &file);
        assert_eq!(patch.private, Some(true));
        assert_eq!(patch.hidden, None, "not hidden in the file: left as it is");
        assert_eq!(patch.lists, Some(vec!["Since".into(), "Rewatch".into()]), "added to, never taken from");
        assert_eq!(patch.advanced, Some(vec![("Story".into(), 9.0), ("Art".into(), 7.0)]), "a section the file leaves at none keeps its score");
        assert!(patch_over(&Values { private: true, ..held.clone() }, &Values::new(ListStatus::Current)).is_empty(), "a file that is not private changes nothing");
        let words = changes_in_words(&held, &patch, MediaKind::Anime, ScoreFormat::Point10Decimal);
        let told: Vec<(&str, &str, &str)> = words.iter().map(|(f, a, b)| (*f, a.as_str(), b.as_str())).collect();
        assert_eq!(
            told,
            [("Private", "no", "yes"), ("Custom lists", "Since", "Since, Rewatch"), ("Advanced scores", "Art 7.0 / 10", "Story 9.0 / 10, Art 7.0 / 10")]
        );
    }

    #[test]
    fn a_csv_made_here_comes_back_with_every_value() {
        use crate::api::ops::list_collection::AdvancedScores;
        let entry = |media_id: i64, status, notes: &str| Entry {
            id: media_id * 10,
            media_id,
            status: Some(status),
            progress: Some(3),
            progress_volumes: Some(2),
            score: Some(8.5),
            repeat: Some(1),
            priority: Some(2),
            private: Some(true),
            notes: Some(notes.into()),
            started_at: Some(FuzzyDate { year: Some(2024), month: Some(3), day: None }),
            completed_at: Some(FuzzyDate { year: Some(2024), month: Some(4), day: Some(5) }),
            custom_lists: vec!["Rewatch".into(), "Best; of".into()],
            advanced_scores: AdvancedScores(vec![("Story".into(), 9.0), ("Art: line".into(), 7.5), ("Char; acters".into(), 6.0)]),
            media: Some(Media { id_mal: Some(media_id + 100), ..media(media_id, Some(12)) }),
            ..Entry::default()
        };
        let list = crate::store::ListData {
            entries: vec![entry(1, ListStatus::Current, " plain, spaced\n"), entry(2, ListStatus::Completed, "Quote \"and\", comma\nline two")],
            score_format: ScoreFormat::Point10Decimal,
            ..crate::store::ListData::default()
        };
        let text = crate::export::csv(&[(MediaKind::Manga, &list)], |_| {});
        let (backed, skipped) = read_csv(&text).unwrap();
        assert!(skipped.is_empty(), "{skipped:?}");
        assert_eq!(backed.len(), 2);
        // A list's name with the separator in it comes back whole when the
        // account has it.
        let fits = |_| Fits { format: ScoreFormat::Point10Decimal, lists: vec!["Rewatch".into(), "Best; of".into()], sections: vec!["Story".into(), "Art: line".into(), "Char; acters".into()] };
        assert!(fit(&backed, fits).iter().zip(&list.entries).all(|(g, e)| g.values == values_of(e)));
        for (b, e) in backed.iter().zip(&list.entries) {
            let mut want = values_of(e);
            want.lists = vec!["Rewatch".into(), "Best".into(), "of".into()];
            assert_eq!((b.given.kind, b.given.media.id, b.given.media.id_mal, b.given.media.title()), (MediaKind::Manga, e.media_id, Some(e.media_id + 100), format!("Title {}", e.media_id)));
            assert_eq!(b.given.values, want);
            assert_eq!(b.score_format, Some(ScoreFormat::Point10Decimal));
        }
    }

    #[test]
    fn a_csv_from_a_spreadsheet_is_read_as_it_can_be() {
        // Columns in another order, one left out, a byte order mark, TRUE,
        // lower case, a row twice, rows that cannot be read.
        let text = "\u{feff}Status,media_id,type,progress,score,private,score_format\r\n\
                    current,1,Anime,4,85,TRUE,point_100\r\n\
                    COMPLETED,1,anime,9,,,\r\n\
                    CURRENT,2,anime,,,,\r\n\
                    WATCHING,3,anime,1,,,\r\n\
                    CURRENT,4,book,1,,,\r\n\
                    PLANNING,5,manga,0,7,no,POINT_1000\r\n";
        let (backed, skipped) = read_csv(text).unwrap();
        assert_eq!(skipped, ["row 4: no progress", "row 5: no status", "row 6: no type (anime or manga)"]);
        assert_eq!(backed.len(), 2, "the title given twice counts once");
        let one = &backed[0].given;
        assert_eq!((one.kind, one.media.id, one.values.status, one.values.progress, one.values.score, one.values.private), (MediaKind::Anime, 1, ListStatus::Current, 4, 85.0, true));
        assert_eq!(backed[0].score_format, Some(ScoreFormat::Point100));
        assert_eq!((backed[1].given.kind, backed[1].given.values.private, backed[1].score_format), (MediaKind::Manga, false, None), "a scoring system not known: the account's");
        let given = fit(&backed, |_| Fits { format: ScoreFormat::Point10Decimal, ..Fits::default() });
        assert_eq!((given[0].values.score, given[1].values.score), (8.5, 7.0));
        assert!(read_csv("name,score\r\nA,1\r\n").is_err(), "not a list export");
        assert!(read_csv("").is_err());
    }

    #[test]
    fn a_title_on_the_lists_is_not_given_more_than_it_has() {
        let held = |id| (id < 3).then(|| Values { progress: 12, ..Values::new(ListStatus::Current) });
        let given = |id, episodes, progress, volumes| Given {
            kind: MediaKind::Manga,
            media: Media { volumes: Some(10), chapters: episodes, ..media(id, None) },
            values: Values { progress, volumes, ..Values::new(ListStatus::Current) },
        };
        let plan = Plan::of(vec![given(1, Some(26), 30, 12), given(2, None, 40, 0), given(3, Some(5), 9, 0)], held);
        let differ: Vec<(i64, Option<u32>, Option<u32>)> = plan.differ.iter().map(|d| (d.media_id, d.patch.progress, d.patch.volumes)).collect();
        assert_eq!(differ, [(1, Some(26), Some(10)), (2, Some(40), None)], "within its chapters and volumes; a count not known: as the file has it");
        assert_eq!((plan.add[0].media.id, plan.add[0].values.progress), (3, 5), "an added one too");
        let same = Plan::of(vec![given(1, Some(12), 30, 0)], held);
        assert_eq!((same.same, same.differ.len()), (1, 0), "the most it has, as the lists hold: nothing to change");
    }

    #[test]
    fn a_csv_adds_titles_as_anilist_gives_them_and_not_those_it_has_not() {
        let text = "type,media_id,title,status,progress\r\n\
                    anime,1,Mine,CURRENT,30\r\n\
                    anime,2,Held,CURRENT,1\r\n\
                    anime,3,Not a title,PLANNING,0\r\n\
                    manga,4,,PLANNING,0\r\n\
                    manga,5,Later,CURRENT,40\r\n\
                    manga,6,Unasked,PLANNING,0\r\n";
        let (backed, _) = read_csv(text).unwrap();
        let given = fit(&backed, |_| Fits { format: ScoreFormat::Point100, ..Fits::default() });
        let plan = Plan::of(given, |id| (id == 2).then(|| Values::new(ListStatus::Current)));
        assert_eq!(plan.bare(), vec![(MediaKind::Anime, vec![1, 3]), (MediaKind::Manga, vec![4, 5, 6])], "only what is to be added, by kind");
        let anime = Media { kind: Some(MediaType::Anime), episodes: Some(26), ..media(1, None) };
        let manga = Media { kind: Some(MediaType::Manga), chapters: None, ..media(5, None) };
        let found: HashMap<(MediaKind, i64), Media> = [((MediaKind::Anime, 1), anime), ((MediaKind::Manga, 5), manga)].into();
        // Asked: the anime, and manga 4 and 5 (6 not yet: a lookup under way).
        let plan = plan.looked_up(&found, |kind, id| kind == MediaKind::Anime || id < 6);
        let added: Vec<(i64, String, Option<MediaType>, u32)> = plan.add.iter().map(|a| (a.media.id, a.media.title(), a.media.kind, a.values.progress)).collect();
        assert_eq!(added, [(1, "Title 1".to_string(), Some(MediaType::Anime), 26), (5, "Title 5".into(), Some(MediaType::Manga), 40), (6, "Unasked".into(), None, 0)], "as AniList has it, progress within its episodes (a count it does not know left as it is); one not asked as the file has it");
        assert_eq!(plan.unknown.iter().map(Unknown::label).collect::<Vec<_>>(), ["Not a title (AniList #3)", "AniList #4"]);
        assert_eq!(plan.bare(), vec![(MediaKind::Manga, vec![6])], "only the one not asked is left to ask");
        assert_eq!(Unknown { title: "Monster".into(), id: 19, mal: true }.label(), "Monster (MyAnimeList #19)");
    }

    #[test]
    fn list_names_split_at_the_separator_are_made_whole_when_the_account_has_them() {
        let names = |n: &[&str]| n.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let lists = names(&["Best; of", "Rewatch", "A", "B", "A; B", "X; Y; Z"]);
        let known = |n: &str| lists.iter().any(|l| l == n);
        assert_eq!(rejoined(&names(&["Best", "of", "Rewatch"]), "; ", known), names(&["Best; of", "Rewatch"]));
        assert_eq!(rejoined(&names(&["A", "B"]), "; ", known), names(&["A", "B"]), "each a list of its own: left apart");
        assert_eq!(rejoined(&names(&["X", "Y", "Z", "Gone"]), "; ", known), names(&["X; Y; Z", "Gone"]), "the longest run");
        assert_eq!(rejoined(&names(&["Best", "Rewatch", "of"]), "; ", known), names(&["Best", "Rewatch", "of"]), "only pieces side by side");
        assert!(rejoined(&[], "; ", known).is_empty());
    }

    #[test]
    fn advanced_scores_keep_section_names_that_hold_the_separators() {
        let pairs = |p: &[(&str, f64)]| p.iter().map(|(n, s)| (n.to_string(), *s)).collect::<Vec<_>>();
        assert_eq!(advanced_of("Story: 9; Art: 7.5"), pairs(&[("Story", 9.0), ("Art", 7.5)]));
        assert_eq!(advanced_of("Char; acters: 7;Art: line: 6.5"), pairs(&[("Char; acters", 7.0), ("Art: line", 6.5)]));
        assert_eq!(advanced_of("Story: 9; Trailing"), pairs(&[("Story", 9.0)]), "a last piece with no score is left out");
        assert_eq!(advanced_of("Story: nine; : 4; Art: 3"), pairs(&[("Story: nine;", 4.0), ("Art", 3.0)]), "a score that is no number: the name runs on");
        assert!(advanced_of("").is_empty());
        assert!(advanced_of("NaN: NaN").is_empty());
    }

    #[test]
    fn ids_are_asked_once_by_kind() {
        let mut manga = anime(9, "Watching", "1", "0");
        manga.kind = MediaKind::Manga;
        let entries = vec![anime(1, "Watching", "1", "0"), anime(2, "Watching", "1", "0"), anime(1, "Completed", "1", "0"), manga];
        assert_eq!(ids_by_kind(&entries), vec![(MediaKind::Anime, vec![1, 2]), (MediaKind::Manga, vec![9])]);
    }
    #[test]
    fn a_difference_in_words() {
        let mut now = Values::new(ListStatus::Current);
        now.progress = 10;
        let patch = Patch { status: Some(ListStatus::Completed), progress: Some(26), score: Some(9.0), started: Some(FuzzyDate { year: Some(2024), month: Some(3), day: None }), ..Patch::default() };
        let words = changes_in_words(&now, &patch, MediaKind::Anime, ScoreFormat::Point10);
        assert_eq!(words.iter().map(|(f, _, _)| *f).collect::<Vec<_>>(), ["Status", "Progress", "Score", "Started"]);
        assert_eq!((words[0].1.as_str(), words[0].2.as_str()), ("Watching", "Completed"));
        assert_eq!((words[1].1.as_str(), words[1].2.as_str()), ("10", "26"));
        assert_eq!(words[3].1, "none");
    }
    #[test]
    fn scores_move_between_formats() {
        assert_eq!(score_between(8.5, ScoreFormat::Point10Decimal, ScoreFormat::Point100), 85.0);
        assert_eq!(score_between(85.0, ScoreFormat::Point100, ScoreFormat::Point10Decimal), 8.5);
        assert_eq!(score_between(85.0, ScoreFormat::Point100, ScoreFormat::Point5), 4.0);
        assert_eq!(score_between(3.0, ScoreFormat::Point3, ScoreFormat::Point10), 9.0);
        assert_eq!(score_between(2.0, ScoreFormat::Point5, ScoreFormat::Point3), 1.0);
        assert_eq!(score_between(3.0, ScoreFormat::Point5, ScoreFormat::Point3), 2.0);
        assert_eq!(score_between(0.0, ScoreFormat::Point5, ScoreFormat::Point100), 0.0, "none stays none");
        assert_eq!(score_between(7.5, ScoreFormat::Point10Decimal, ScoreFormat::Point10Decimal), 7.5);
    }

    #[test]
    fn a_backup_gives_each_title_once_with_its_values() {
        let text = r#"{"anime": {"scoreFormat": "POINT_100", "lists": [
            {"name": "Watching", "status": "CURRENT", "isCustomList": false, "entries": [
                {"id": 1, "mediaId": 10, "status": "CURRENT", "progress": 3, "score": 80, "notes": "n", "private": true,
                 "customLists": ["Rewatch", "Gone"], "advancedScores": {"Story": 90, "Music": 70}, "media": {"id": 10, "idMal": 5, "title": {"userPreferred": "Ten"}}}]},
            {"name": "Rewatch", "status": null, "isCustomList": true, "entries": [
                {"id": 1, "mediaId": 10, "status": "CURRENT", "progress": 3, "score": 80}]}]},
          "manga": {"lists": [{"entries": [{"id": 2, "mediaId": 20, "status": "PLANNING", "progress": 0, "score": 0}]}]}}"#;
        let fits = |k| Fits {
            format: ScoreFormat::Point10Decimal,
            lists: if k == MediaKind::Anime { vec!["Rewatch".into()] } else { vec![] },
            sections: if k == MediaKind::Anime { vec!["Story".into(), "Art".into()] } else { vec![] },
        };
        let given = fit(&read_backup(text).unwrap(), fits);
        assert_eq!(given.len(), 2, "the entry in its custom list counts once");
        let ten = &given[0];
        assert_eq!((ten.kind, ten.media.id, ten.media.title()), (MediaKind::Anime, 10, "Ten".to_string()));
        assert_eq!((ten.values.progress, ten.values.score, ten.values.private, ten.values.notes.as_str()), (3, 8.0, true, "n"));
        assert_eq!(ten.values.lists, ["Rewatch"], "only the custom lists the account has");
        assert_eq!(ten.values.advanced, [("Story".to_string(), 9.0)], "only the sections the account has, in its scoring system");
        assert_eq!((given[1].kind, given[1].media.id, given[1].values.status), (MediaKind::Manga, 20, ListStatus::Planning));
        assert!(read_backup("[1, 2]").is_err());
        assert!(read_backup("{\"anime\": {\"lists\": 3}}").is_err());
        let plan = Plan::of(given, |id| (id == 20).then(|| Values::new(ListStatus::Planning)));
        assert_eq!((plan.add.len(), plan.same, plan.differ.len()), (1, 1, 0));
    }
}
