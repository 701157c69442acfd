//! A notification as a sentence: its parts in order, plain words and
//! links, built from AniList's own words (`context`, or `contexts` around
//! an aired episode and its title). Pure: tested natively; the page turns
//! the parts into text and links.

use crate::api::ops::notifications::{Media, Notification, NotificationType};
use crate::media::MediaKind;
use crate::rich_text::safe_href;

/// One piece of a notification's sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    Text(String),
    /// A title, linked to its page in the app.
    Title { kind: MediaKind, id: i64, name: String },
    /// A member, linked to their page in the app.
    Member { id: u64, name: String },
    /// A forum thread, linked to its page in the app (at `comment`, the
    /// comment it is about, when there is one).
    Thread { id: i64, title: String, comment: Option<i64> },
    /// A person or a thread on AniList (`href` only when it is `https:`).
    Link { text: String, href: Option<String> },
}

/// A notification as the page shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shown {
    pub id: i64,
    pub created_at: Option<i64>,
    pub sentence: Vec<Part>,
    /// Why (a title changed, merged or deleted), when AniList says.
    pub reason: Option<String>,
    /// The id of the activity it is about (shown on its own page).
    pub activity: Option<i64>,
    /// The cover of its title or the avatar of its person.
    pub image: Option<String>,
    /// Whether that image is a person's avatar (drawn round).
    pub avatar: bool,
    /// The title it is about, when that is a title in the app.
    pub title: Option<(MediaKind, i64)>,
}

fn kind_of(m: &Media) -> Option<MediaKind> {
    m.kind?.kind()
}

fn title_part(m: &Media) -> Part {
    let name = m.title.as_ref().and_then(|t| t.user_preferred.clone()).unwrap_or_else(|| format!("Title #{}", m.id));
    match kind_of(m) {
        Some(kind) => Part::Title { kind, id: m.id, name },
        None => Part::Text(name),
    }
}

fn text(s: &str) -> Option<Part> {
    (!s.is_empty()).then(|| Part::Text(s.to_string()))
}

/// The notification as a sentence, or `None` for one of a kind the query
/// has no fragment for (it comes as `{}`: no id).
pub fn shown(n: &Notification) -> Option<Shown> {
    let id = n.id?;
    let context = n.context.as_deref().unwrap_or_default();
    let mut sentence = Vec::new();
    if let (Some(NotificationType::Airing), Some(m)) = (n.kind, n.media.as_ref()) {
        let episode = n.episode.map(|e| e.to_string()).unwrap_or_default();
        match n.contexts.as_slice() {
            [before, between, after, ..] => {
                sentence.extend(text(&format!("{before}{episode}{between}")));
                sentence.push(title_part(m));
                sentence.extend(text(after));
            }
            _ => {
                sentence.push(Part::Text(format!("Episode {episode} of ")));
                sentence.push(title_part(m));
                sentence.push(Part::Text(" aired.".into()));
            }
        }
    } else if let Some(u) = &n.user {
        sentence.push(match u.id {
            Some(id) => Part::Member { id, name: u.name.clone() },
            None => Part::Link { text: u.name.clone(), href: u.site_url.as_deref().and_then(safe_href) },
        });
        sentence.extend(text(context));
        if let Some(t) = &n.thread {
            let title = t.title.clone().unwrap_or_else(|| "a thread".into());
            sentence.push(match t.id {
                Some(id) => Part::Thread { id, title, comment: n.comment_id },
                None => Part::Link { text: title, href: t.site_url.as_deref().and_then(safe_href) },
            });
        }
    } else if !n.deleted_media_titles.is_empty() {
        // Merged: "A, B were merged into C".
        sentence.push(Part::Text(n.deleted_media_titles.join(", ")));
        sentence.extend(text(context));
        sentence.extend(n.media.as_ref().map(title_part));
    } else if let Some(m) = &n.media {
        sentence.push(title_part(m));
        sentence.extend(text(context));
    } else {
        sentence.extend(n.deleted_media_title.as_deref().and_then(text));
        sentence.extend(text(context));
    }
    if sentence.is_empty() {
        sentence.push(Part::Text("Something happened on AniList.".into()));
    }
    let cover = n.media.as_ref().and_then(|m| m.cover_image.as_ref()).and_then(|i| i.medium.clone());
    let avatar = n.user.as_ref().and_then(|u| u.avatar.as_ref()).and_then(|i| i.medium.clone());
    Some(Shown {
        id,
        created_at: n.created_at,
        sentence,
        reason: n.reason.clone().filter(|r| !r.trim().is_empty()),
        activity: n.activity_id,
        avatar: cover.is_none() && avatar.is_some(),
        image: cover.or(avatar),
        title: n.media.as_ref().and_then(|m| Some((kind_of(m)?, m.id))),
    })
}

/// The sentence as plain text (what a screen reader and the tests read).
pub fn plain(parts: &[Part]) -> String {
    parts
        .iter()
        .map(|p| match p {
            Part::Text(t) => t.as_str(),
            Part::Title { name, .. } | Part::Member { name, .. } => name.as_str(),
            Part::Thread { title, .. } => title.as_str(),
            Part::Link { text, .. } => text.as_str(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::operation::PageData;
    use crate::api::ops::notifications::Notification;

    fn read(json: &str) -> Vec<Shown> {
        let data: PageData<Notification> = serde_json::from_str(json).unwrap();
        data.items().0.iter().filter_map(shown).collect()
    }

    #[test]
    fn each_kind_reads_as_a_sentence_in_anilists_words() {
        let all = read(include_str!("../tests/fixtures/Notifications.json"));
        let texts: Vec<String> = all.iter().map(|s| plain(&s.sentence)).collect();
        assert_eq!(
            texts,
            [
                "Episode 15 of Cowboy Bebop aired.",
                "Hana started following you.",
                "Jun liked your activity.",
                "Hana replied to your comment, in the forum thread Best of 2026",
                "Bebop (dup) were merged into Berserk",
                "Gone Title was deleted from the site",
            ],
            "the unknown kind ({{}}) is left out"
        );
        assert_eq!(all[0].sentence[1], Part::Title { kind: MediaKind::Anime, id: 1, name: "Cowboy Bebop".into() });
        assert_eq!(all[0].title, Some((MediaKind::Anime, 1)));
        assert_eq!(all[0].image.as_deref(), Some("https://example.test/c1.png"));
        assert_eq!(all[1].sentence[0], Part::Member { id: 6001, name: "Hana".into() });
        assert_eq!(all[1].image.as_deref(), Some("https://example.test/a.png"));
        assert!(all[1].avatar && !all[0].avatar);
        assert_eq!(all[2].activity, Some(4242));
        assert_eq!(all[3].sentence[0], Part::Link { text: "Hana".into(), href: None }, "no siteUrl: no link");
        assert_eq!(all[3].sentence[2], Part::Thread { id: 7, title: "Best of 2026".into(), comment: Some(70) }, "the thread's page in the app, at the comment");
        assert_eq!(all[4].sentence[2], Part::Title { kind: MediaKind::Manga, id: 5, name: "Berserk".into() });
        assert_eq!(all[4].reason.as_deref(), Some("Duplicate entry"));
        assert_eq!(all[5].reason, None);
    }

    #[test]
    fn odd_answers_still_read() {
        // No contexts: the app's own words; a link that is not https: is no link;
        // a kind AniList adds later keeps its type's catch-all.
        let all = read(
            r#"{"Page":{"items":[
            {"id":1,"type":"AIRING","episode":3,"contexts":null,"media":{"id":9,"type":"ANIME","title":null,"coverImage":null}},
            {"id":2,"type":"SOMETHING_NEW","context":" waved.","user":{"name":"Eve","siteUrl":"javascript:alert(1)","avatar":null}},
            {"id":3,"type":"MEDIA_DELETION","context":null,"deletedMediaTitle":null}
        ]}}"#,
        );
        assert_eq!(plain(&all[0].sentence), "Episode 3 of Title #9 aired.");
        assert_eq!(all[1].sentence[0], Part::Link { text: "Eve".into(), href: None });
        assert_eq!(plain(&all[1].sentence), "Eve waved.");
        assert_eq!(plain(&all[2].sentence), "Something happened on AniList.");
        let data: PageData<Notification> = serde_json::from_str(r#"{"Page":{"items":[{"id":2,"type":"SOMETHING_NEW"}]}}"#).unwrap();
        assert_eq!(data.items().0[0].kind, Some(NotificationType::Unknown));
    }
}
