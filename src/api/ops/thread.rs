//! AniList's forum: a title's threads (pinned ones first, then the most
//! recently answered, ten at a time), and one thread with its comments.

use serde::{Deserialize, Serialize};

use crate::api::operation::{nullable_list, Operation, PageData};
use crate::api::ops::title::{Member, Other};

pub struct TitleThreads;

impl Operation for TitleThreads {
    const NAME: &'static str = "TitleThreads";
    const MUTATION: bool = false;
    const QUERY: &'static str = "query TitleThreads($mediaId: Int!, $page: Int) {
  Page(page: $page, perPage: 10) {
    pageInfo { hasNextPage }
    items: threads(mediaCategoryId: $mediaId, sort: [IS_STICKY, REPLIED_AT_DESC]) {
      id title replyCount viewCount isSticky isLocked repliedAt createdAt
      user { name }
      replyUser { name }
    }
  }
}";
    type Vars = Vars;
    type Data = PageData<Thread>;
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Vars {
    pub media_id: i64,
    pub page: u32,
}

/// One thread, as a title's list of them shows it.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Thread {
    pub id: i64,
    pub title: Option<String>,
    pub reply_count: Option<u32>,
    pub view_count: Option<u32>,
    #[serde(default)]
    pub is_sticky: Option<bool>,
    #[serde(default)]
    pub is_locked: Option<bool>,
    /// When it was last answered (none yet: when it was begun).
    pub replied_at: Option<i64>,
    pub created_at: Option<i64>,
    pub user: Option<Name>,
    pub reply_user: Option<Name>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Name {
    pub name: String,
}

impl Thread {
    /// When it last moved: its last answer, else its beginning.
    pub fn last_active(&self) -> Option<i64> {
        self.replied_at.filter(|&t| t > 0).or(self.created_at)
    }
}

/// A thread: what it says (as HTML, shown through the allowlist), who began
/// it, the titles it is about; with `$first`, and always the comments of
/// page `$page` (25, oldest first, as AniList lists them), each with how
/// many answers it has (read on AniList: they come as markdown).
pub struct ThreadPage;

impl Operation for ThreadPage {
    const NAME: &'static str = "ThreadPage";
    const MUTATION: bool = false;
    const QUERY: &'static str = "query ThreadPage($id: Int!, $page: Int, $first: Boolean!) {
  Thread(id: $id) @include(if: $first) {
    id title body(asHtml: true) replyCount viewCount isLocked createdAt siteUrl
    user { ...Who }
    mediaCategories { id type format title { userPreferred } coverImage { medium } startDate { year } }
  }
  Page(page: $page, perPage: 25) {
    pageInfo { hasNextPage }
    items: threadComments(threadId: $id) {
      id comment(asHtml: true) likeCount createdAt siteUrl childComments
      user { ...Who }
    }
  }
}
fragment Who on User { id name avatar { medium } }";
    type Vars = PageVars;
    type Data = ThreadData;
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PageVars {
    pub id: i64,
    pub page: u32,
    /// The thread itself too (the first page).
    pub first: bool,
}

#[derive(Clone, Debug, Deserialize)]
pub struct ThreadData {
    #[serde(rename = "Thread", default)]
    pub thread: Option<ThreadBody>,
    #[serde(rename = "Page")]
    pub page: Option<crate::api::operation::PageOf<Comment>>,
}

impl ThreadData {
    /// The page's comments (a `null` one left out) and whether more follow.
    pub fn comments(self) -> (Vec<Comment>, bool) {
        crate::api::operation::PageData { page: self.page }.items()
    }
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ThreadBody {
    pub id: i64,
    pub title: Option<String>,
    pub body: Option<String>,
    pub reply_count: Option<u32>,
    pub view_count: Option<u32>,
    pub is_locked: Option<bool>,
    pub created_at: Option<i64>,
    pub site_url: Option<String>,
    pub user: Option<Member>,
    #[serde(default, deserialize_with = "nullable_list")]
    pub media_categories: Vec<Other>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Comment {
    pub id: i64,
    pub comment: Option<String>,
    pub like_count: Option<u32>,
    pub created_at: Option<i64>,
    pub site_url: Option<String>,
    pub user: Option<Member>,
    /// The answers to it, each with its own (AniList's `Json`): only how
    /// many is read.
    #[serde(default, deserialize_with = "nullable_list")]
    pub child_comments: Vec<Child>,
}

/// An answer to a comment, and the answers to it.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Child {
    #[serde(default, deserialize_with = "nullable_list")]
    pub child_comments: Vec<Child>,
}

impl Comment {
    /// How many answers it has, answers to answers included.
    pub fn answers(&self) -> usize {
        fn count(c: &[Child]) -> usize {
            c.iter().map(|c| 1 + count(&c.child_comments)).sum()
        }
        count(&self.child_comments)
    }

    /// Its place on AniList (only an AniList address: else none).
    pub fn link(&self) -> Option<String> {
        self.site_url.clone().filter(|u| u.starts_with("https://anilist.co/"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_thread_moved_when_last_answered_else_when_begun() {
        let t: Thread = serde_json::from_str(r#"{"id":7,"title":"Episode 1","replyCount":3,"viewCount":null,"repliedAt":0,"createdAt":100,"user":{"name":"Hana"},"replyUser":null}"#).unwrap();
        assert_eq!(t.last_active(), Some(100));
        let t = Thread { replied_at: Some(200), ..t };
        assert_eq!(t.last_active(), Some(200));
        assert_eq!(serde_json::to_string(&Vars { media_id: 1, page: 2 }).unwrap(), r#"{"mediaId":1,"page":2}"#);
    }

    #[test]
    fn a_comment_counts_every_answer_below_it() {
        let c: Comment = serde_json::from_str(
            r#"{"id":1,"comment":"<p>Hi</p>","likeCount":2,"createdAt":5,"siteUrl":"https://anilist.co/forum/thread/9001/comment/1","user":null,
                "childComments":[{"id":2,"comment":"a","childComments":[{"id":3,"childComments":null},null]},{"id":4}]}"#,
        )
        .unwrap();
        assert_eq!(c.answers(), 3);
        assert_eq!(c.link().as_deref(), Some("https://anilist.co/forum/thread/9001/comment/1"));
        let none: Comment = serde_json::from_str(r#"{"id":1,"comment":null,"likeCount":0,"createdAt":5,"siteUrl":"http://evil.example/","user":null,"childComments":null}"#).unwrap();
        assert_eq!((none.answers(), none.link()), (0, None));
        assert_eq!(serde_json::to_string(&PageVars { id: 9001, page: 1, first: true }).unwrap(), r#"{"id":9001,"page":1,"first":true}"#);
    }
}
