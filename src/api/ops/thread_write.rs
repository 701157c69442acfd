//! Beginning, changing and deleting a forum thread of the person's own.
//! A change sets every field, so a lost answer is followed by one more
//! send; a new thread is sent once and, when its answer is lost, looked
//! for among the person's latest ([`MyThreads`]), never sent again blind.

use serde::{Deserialize, Serialize};

use crate::api::operation::{nullable_list, Operation, PageData};
use crate::api::ops::thread::Category;
use crate::api::operation::Title;
use crate::media::MediaType;

/// What the form starts from: with `$thread`, the thread as written (its
/// text as markdown), its writer, categories and titles; with `$media`,
/// the title a new thread is about.
pub struct ThreadDraft;

impl Operation for ThreadDraft {
    const NAME: &'static str = "ThreadDraft";
    const MUTATION: bool = false;
    const QUERY: &'static str = "query ThreadDraft($id: Int, $mediaId: Int, $thread: Boolean!, $media: Boolean!) {
  Thread(id: $id) @include(if: $thread) {
    id title body(asHtml: false) userId
    categories { id name }
    mediaCategories { id type title { userPreferred } }
  }
  Media(id: $mediaId) @include(if: $media) { id type title { userPreferred } }
}";
    type Vars = DraftVars;
    type Data = DraftData;
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DraftVars {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media_id: Option<i64>,
    pub thread: bool,
    pub media: bool,
}

impl DraftVars {
    /// The thread `id` to change, else a new one about title `media`.
    pub fn of(id: Option<i64>, media: Option<i64>) -> Self {
        let media_id = media.filter(|_| id.is_none());
        DraftVars { id, media_id, thread: id.is_some(), media: media_id.is_some() }
    }
}

#[derive(Clone, Debug, Deserialize)]
pub struct DraftData {
    #[serde(rename = "Thread", default)]
    pub thread: Option<Source>,
    #[serde(rename = "Media", default)]
    pub media: Option<About>,
}

/// A thread as its writer wrote it.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Source {
    pub id: i64,
    pub title: Option<String>,
    /// Markdown.
    pub body: Option<String>,
    pub user_id: Option<u64>,
    #[serde(default, deserialize_with = "nullable_list")]
    pub categories: Vec<Category>,
    #[serde(default, deserialize_with = "nullable_list")]
    pub media_categories: Vec<About>,
}

/// A title a thread is about.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct About {
    pub id: i64,
    #[serde(rename = "type")]
    pub kind: Option<MediaType>,
    pub title: Option<Title>,
}

impl About {
    /// Anime or manga (AniList said neither: anime).
    pub fn kind(&self) -> crate::media::MediaKind {
        self.kind.and_then(MediaType::kind).unwrap_or(crate::media::MediaKind::Anime)
    }

    /// Its title in the person's language, or "Title #…".
    pub fn name(&self) -> String {
        self.title.as_ref().and_then(|t| t.user_preferred.clone()).unwrap_or_else(|| format!("Title #{}", self.id))
    }
}

/// Begins a thread (without an id) or changes one of the person's (with
/// it): every field is sent.
pub struct SaveThread;

impl Operation for SaveThread {
    const NAME: &'static str = "SaveThread";
    const MUTATION: bool = true;
    const QUERY: &'static str = "mutation SaveThread($id: Int, $title: String, $body: String, $categories: [Int], $mediaCategories: [Int]) {
  SaveThread(id: $id, title: $title, body: $body, categories: $categories, mediaCategories: $mediaCategories) { id title }
}";
    type Vars = SaveVars;
    type Data = Saved;
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SaveVars {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    pub title: String,
    /// Markdown.
    pub body: String,
    pub categories: Vec<i64>,
    pub media_categories: Vec<i64>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Saved {
    #[serde(rename = "SaveThread")]
    pub thread: Option<Made>,
}

/// A thread AniList holds: its id and title (read back: whose, and
/// when it was begun).
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Made {
    pub id: i64,
    pub title: Option<String>,
    #[serde(default)]
    pub user_id: Option<u64>,
    #[serde(default)]
    pub created_at: Option<i64>,
}

/// The person's latest threads, newest first: where a new one whose
/// answer was lost is looked for (by its title).
pub struct MyThreads;

impl Operation for MyThreads {
    const NAME: &'static str = "MyThreads";
    const MUTATION: bool = false;
    const QUERY: &'static str = "query MyThreads($userId: Int) {
  Page(perPage: 10) {
    pageInfo { hasNextPage }
    items: threads(userId: $userId, sort: [ID_DESC]) { id title userId createdAt }
  }
}";
    type Vars = MineVars;
    type Data = PageData<Made>;
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MineVars {
    pub user_id: u64,
}

/// The new thread, among the person's latest (newest first), if it is
/// there: `me`'s, with its title, begun no earlier than `sent_at` (less
/// the clock's slack, as for posts).
pub fn find_thread(latest: Vec<Made>, title: &str, me: u64, sent_at: i64) -> Option<Made> {
    latest.into_iter().find(|t| crate::api::ops::post::is_the_one_sent(t.title.as_deref(), t.user_id, t.created_at, title, me, sent_at))
}

/// Deletes one of the person's threads, with its comments. Deleting twice
/// deletes once (AniList then says it is not found: gone).
pub struct DeleteThread;

impl Operation for DeleteThread {
    const NAME: &'static str = "DeleteThread";
    const MUTATION: bool = true;
    const QUERY: &'static str = "mutation DeleteThread($id: Int) {
  DeleteThread(id: $id) { deleted }
}";
    type Vars = crate::api::ops::activity::RepliesVars;
    type Data = ThreadDeleted;
}

#[derive(Clone, Debug, Deserialize)]
pub struct ThreadDeleted {
    #[serde(rename = "DeleteThread")]
    pub result: Option<crate::api::ops::delete_entry::Deleted>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_asks_for_the_thread_to_change_or_the_title_a_new_one_is_about() {
        let sent = |v: DraftVars| serde_json::to_string(&v).unwrap();
        assert_eq!(sent(DraftVars::of(Some(9001), Some(1))), r#"{"id":9001,"thread":true,"media":false}"#);
        assert_eq!(sent(DraftVars::of(None, Some(1))), r#"{"mediaId":1,"thread":false,"media":true}"#);
        assert_eq!(sent(DraftVars::of(None, None)), r#"{"thread":false,"media":false}"#);
        let new = SaveVars { id: None, title: "T".into(), body: "B".into(), categories: vec![1], media_categories: vec![] };
        assert_eq!(serde_json::to_string(&new).unwrap(), r#"{"title":"T","body":"B","categories":[1],"mediaCategories":[]}"#);
    }

    #[test]
    fn a_new_thread_is_found_by_its_title_among_those_begun_since() {
        let made = |id: i64, title: &str, at: i64| Made { id, title: Some(title.into()), user_id: Some(5150), created_at: Some(at) };
        let sent_at = 1_800_000_000;
        let latest = vec![made(9210, "Week 3", sent_at + 2), made(9205, "Week 2 ", sent_at + 1), made(9100, "Week 2", sent_at - 86_400)];
        assert_eq!(find_thread(latest.clone(), " Week 2", 5150, sent_at).map(|t| t.id), Some(9205));
        assert_eq!(find_thread(latest[2..].to_vec(), "Week 2", 5150, sent_at), None, "one begun a day before is another");
        assert_eq!(find_thread(latest.clone(), "Week 2", 6001, sent_at), None, "someone else's");
        assert_eq!(find_thread(latest, "Week 4", 5150, sent_at), None);
    }
}
