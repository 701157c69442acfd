//! AniList's forum: a title's threads (pinned ones first, then the most
//! recently answered, ten at a time), and one thread with its comments.

use serde::{Deserialize, Serialize};

use crate::api::operation::{nullable_list, Operation, PageData};
use crate::api::ops::title::{Member, Other};

/// A comment's fields, as the thread's page shows it.
macro_rules! comment_fields {
    () => {
        "id comment(asHtml: true) source: comment likeCount isLiked createdAt siteUrl childComments
      user { id name avatar { medium } }"
    };
}

/// A thread's fields, as a list of threads shows it.
macro_rules! thread_fields {
    () => {
        "id title replyCount viewCount isSticky isLocked repliedAt createdAt
      categories { id name }
      user { name }
      replyUser { name }"
    };
}

pub struct TitleThreads;

impl Operation for TitleThreads {
    const NAME: &'static str = "TitleThreads";
    const MUTATION: bool = false;
    const QUERY: &'static str = concat!(
        "query TitleThreads($mediaId: Int!, $page: Int) {
  Page(page: $page, perPage: 10) {
    pageInfo { hasNextPage }
    items: threads(mediaCategoryId: $mediaId, sort: [IS_STICKY, REPLIED_AT_DESC]) {
      ",
        thread_fields!(),
        "
    }
  }
}"
    );
    type Vars = Vars;
    type Data = PageData<Thread>;
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Vars {
    pub media_id: i64,
    pub page: u32,
}

/// AniList's forum, 25 threads at a time: those last answered, those the
/// person is subscribed to, those they began, or those found by a search
/// (best match first).
pub struct ForumThreads;

impl Operation for ForumThreads {
    const NAME: &'static str = "ForumThreads";
    const MUTATION: bool = false;
    const QUERY: &'static str = concat!(
        "query ForumThreads($page: Int, $search: String, $subscribed: Boolean, $userId: Int, $categoryId: Int, $sort: [ThreadSort]) {
  Page(page: $page, perPage: 25) {
    pageInfo { hasNextPage }
    items: threads(search: $search, subscribed: $subscribed, userId: $userId, categoryId: $categoryId, sort: $sort) {
      ",
        thread_fields!(),
        "
    }
  }
}"
    );
    type Vars = ForumVars;
    type Data = PageData<Thread>;
}

/// Which of the forum's threads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ForumShown {
    /// Everyone's, the last answered first.
    Recent,
    /// Those the person is subscribed to.
    Subscribed,
    /// Those the person began.
    Mine,
}

impl ForumShown {
    pub const ALL: [ForumShown; 3] = [ForumShown::Recent, ForumShown::Subscribed, ForumShown::Mine];

    /// From the address's `?show=` (anything else: the recent ones).
    pub fn from_param(p: Option<&str>) -> Self {
        match p {
            Some("subscribed") => ForumShown::Subscribed,
            Some("mine") => ForumShown::Mine,
            _ => ForumShown::Recent,
        }
    }

    /// For the address (none for the recent ones).
    pub fn param(self) -> Option<&'static str> {
        match self {
            ForumShown::Recent => None,
            ForumShown::Subscribed => Some("subscribed"),
            ForumShown::Mine => Some("mine"),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ForumShown::Recent => "Recent",
            ForumShown::Subscribed => "Subscribed",
            ForumShown::Mine => "Yours",
        }
    }

    /// Whether it needs the person signed in.
    pub fn needs_sign_in(self) -> bool {
        self != ForumShown::Recent
    }
}

/// AniList's orders of threads (those the app asks for).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ThreadSort {
    RepliedAtDesc,
    SearchMatch,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ForumVars {
    pub page: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub search: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subscribed: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<u64>,
    /// Only the threads of one of the forum's categories.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category_id: Option<i64>,
    pub sort: [ThreadSort; 1],
}

impl ForumVars {
    /// Page `page` of `shown` for person `me` (none signed out: then only
    /// the recent ones), found by `search` when it holds more than spaces.
    pub fn new(shown: ForumShown, me: Option<u64>, search: &str, category_id: Option<i64>, page: u32) -> Self {
        let search = Some(search.trim().to_string()).filter(|s| !s.is_empty());
        let sort = [if search.is_some() { ThreadSort::SearchMatch } else { ThreadSort::RepliedAtDesc }];
        let (subscribed, user_id) = match (shown, me) {
            (ForumShown::Subscribed, Some(_)) => (Some(true), None),
            (ForumShown::Mine, Some(me)) => (None, Some(me)),
            _ => (None, None),
        };
        ForumVars { page, search, subscribed, user_id, category_id, sort }
    }
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
    #[serde(default, deserialize_with = "nullable_list")]
    pub categories: Vec<Category>,
    pub user: Option<Name>,
    pub reply_user: Option<Name>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Name {
    pub name: String,
}

/// One of the forum's categories ("Anime", "Release Discussion"…), as
/// AniList names it.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Category {
    pub id: i64,
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
    const QUERY: &'static str = concat!(
        "query ThreadPage($id: Int!, $page: Int, $first: Boolean!) {
  Thread(id: $id) @include(if: $first) {
    id title body(asHtml: true) replyCount viewCount likeCount isLiked isSubscribed isLocked createdAt siteUrl
    categories { id name }
    user { ...Who }
    mediaCategories { id type format title { userPreferred } coverImage { medium } startDate { year } }
  }
  Page(page: $page, perPage: 25) {
    pageInfo { hasNextPage }
    items: threadComments(threadId: $id) {
      ",
        comment_fields!(),
        "
    }
  }
}
fragment Who on User { id name avatar { medium } }"
    );
    type Vars = PageVars;
    type Data = ThreadData;
}

/// A new comment on a thread, the person's. It makes a new one each time
/// it is sent: when its answer is lost it is looked for ([`MyComments`]),
/// never sent again blind.
pub struct PostComment;

impl Operation for PostComment {
    const NAME: &'static str = "PostComment";
    const MUTATION: bool = true;
    const QUERY: &'static str = concat!(
        "mutation PostComment($threadId: Int, $parentCommentId: Int, $comment: String) {
  SaveThreadComment(threadId: $threadId, parentCommentId: $parentCommentId, comment: $comment) {
      ",
        comment_fields!(),
        "
  }
}"
    );
    type Vars = CommentVars;
    type Data = Posted;
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CommentVars {
    pub thread_id: i64,
    /// An answer: to this comment of the thread.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent_comment_id: Option<i64>,
    /// In AniList's markdown.
    pub comment: String,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Posted {
    #[serde(rename = "SaveThreadComment")]
    pub comment: Option<Comment>,
}

/// The person's latest comments on a thread, newest first: where a
/// comment whose answer was lost is looked for (by its text as written).
pub struct MyComments;

impl Operation for MyComments {
    const NAME: &'static str = "MyComments";
    const MUTATION: bool = false;
    const QUERY: &'static str = concat!(
        "query MyComments($threadId: Int, $userId: Int) {
  Page(perPage: 10) {
    pageInfo { hasNextPage }
    items: threadComments(threadId: $threadId, userId: $userId, sort: [ID_DESC]) {
      ",
        comment_fields!(),
        "
    }
  }
}"
    );
    type Vars = MineVars;
    type Data = PageData<Comment>;
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MineVars {
    pub thread_id: i64,
    pub user_id: u64,
}

/// Changes the text of one of the person's comments. It sets the whole
/// text, so a lost answer is followed by one more send.
pub struct EditComment;

impl Operation for EditComment {
    const NAME: &'static str = "EditComment";
    const MUTATION: bool = true;
    const QUERY: &'static str = concat!(
        "mutation EditComment($id: Int, $comment: String) {
  SaveThreadComment(id: $id, comment: $comment) {
      ",
        comment_fields!(),
        "
  }
}"
    );
    type Vars = EditCommentVars;
    type Data = Posted;
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EditCommentVars {
    pub id: i64,
    pub comment: String,
}

/// Subscribes the person to a thread (AniList then tells them of each new
/// comment), or stops. It sets the state, so a lost answer is followed by
/// one more send.
pub struct SubscribeThread;

impl Operation for SubscribeThread {
    const NAME: &'static str = "SubscribeThread";
    const MUTATION: bool = true;
    const QUERY: &'static str = "mutation SubscribeThread($threadId: Int, $subscribe: Boolean) {
  ToggleThreadSubscription(threadId: $threadId, subscribe: $subscribe) { id isSubscribed }
}";
    type Vars = ThreadSubscribeVars;
    type Data = ThreadSubscribed;
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ThreadSubscribeVars {
    pub thread_id: i64,
    pub subscribe: bool,
}

#[derive(Clone, Debug, Deserialize)]
pub struct ThreadSubscribed {
    #[serde(rename = "ToggleThreadSubscription")]
    pub thread: Option<SubscriptionState>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SubscriptionState {
    pub id: Option<i64>,
    pub is_subscribed: Option<bool>,
}

/// Deletes one of the person's comments. Deleting twice deletes once
/// (AniList then says it is not found: gone), so it is safe to send again.
pub struct DeleteComment;

impl Operation for DeleteComment {
    const NAME: &'static str = "DeleteComment";
    const MUTATION: bool = true;
    const QUERY: &'static str = "mutation DeleteComment($id: Int) {
  DeleteThreadComment(id: $id) { deleted }
}";
    type Vars = crate::api::ops::activity::RepliesVars;
    type Data = CommentDeleted;
}

#[derive(Clone, Debug, Deserialize)]
pub struct CommentDeleted {
    #[serde(rename = "DeleteThreadComment")]
    pub result: Option<crate::api::ops::delete_entry::Deleted>,
}

/// The answer sent, among those to the comment it answers, if it is
/// there: its id.
pub fn find_answer(answers: &[Child], text: &str, me: u64, sent_at: i64) -> Option<i64> {
    answers.iter().rev().filter(|c| c.id.is_some()).find(|c| crate::api::ops::post::is_the_one_sent(c.comment.as_deref(), c.user.map(|u| u.id), c.created_at, text, me, sent_at)).and_then(|c| c.id)
}

/// The comment sent, among the person's latest on the thread, if it is
/// there.
pub fn find_comment(latest: Vec<Comment>, text: &str, me: u64, sent_at: i64) -> Option<Comment> {
    latest.into_iter().find(|c| crate::api::ops::post::is_the_one_sent(c.source.as_deref(), c.user.as_ref().map(|u| u.id), c.created_at, text, me, sent_at))
}

/// How many answers one [`Answers`] reads.
pub const ANSWERS_AT_ONCE: usize = 10;

/// One answer of the query below, `a0` to `a9`, each asked only when its
/// `i` is true.
macro_rules! answer {
    ($n:literal) => {
        concat!("  a", $n, ": ThreadComment(id: $a", $n, ") @include(if: $i", $n, ") {\n    ", comment_fields!(), "\n  }\n")
    };
}

/// Answers to comments, read by their ids, up to [`ANSWERS_AT_ONCE`] in one
/// request: AniList gives a comment's answers only as markdown in its
/// tree, and each one by its id as HTML (what the allowlist shows), with
/// its likes and, for the person's own, its text as written.
pub struct Answers;

impl Operation for Answers {
    const NAME: &'static str = "Answers";
    const MUTATION: bool = false;
    const QUERY: &'static str = concat!(
        "query Answers($a0: Int, $a1: Int, $a2: Int, $a3: Int, $a4: Int, $a5: Int, $a6: Int, $a7: Int, $a8: Int, $a9: Int,
  $i0: Boolean = false, $i1: Boolean = false, $i2: Boolean = false, $i3: Boolean = false, $i4: Boolean = false,
  $i5: Boolean = false, $i6: Boolean = false, $i7: Boolean = false, $i8: Boolean = false, $i9: Boolean = false) {
",
        answer!(0),
        answer!(1),
        answer!(2),
        answer!(3),
        answer!(4),
        answer!(5),
        answer!(6),
        answer!(7),
        answer!(8),
        answer!(9),
        "}"
    );
    type Vars = AnswersVars;
    type Data = AnswersData;
}

/// The ids to read (the first [`ANSWERS_AT_ONCE`]), sent as `a0`… with
/// `i0`… true.
#[derive(Clone, Debug, PartialEq)]
pub struct AnswersVars {
    pub ids: Vec<i64>,
}

impl Serialize for AnswersVars {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let ids = &self.ids[..self.ids.len().min(ANSWERS_AT_ONCE)];
        let mut map = s.serialize_map(Some(ids.len() * 2))?;
        for (i, id) in ids.iter().enumerate() {
            map.serialize_entry(&format!("a{i}"), id)?;
            map.serialize_entry(&format!("i{i}"), &true)?;
        }
        map.end()
    }
}

/// Each alias asked, with what AniList found by that id (a deleted answer:
/// none).
#[derive(Clone, Debug, Deserialize)]
pub struct AnswersData(pub std::collections::BTreeMap<String, Found>);

#[derive(Clone, Debug, Deserialize)]
pub struct Found(#[serde(deserialize_with = "nullable_list")] pub Vec<Comment>);

impl AnswersData {
    /// The answers found.
    pub fn answers(self) -> impl Iterator<Item = Comment> {
        self.0.into_values().flat_map(|f| f.0)
    }
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
    #[serde(default)]
    pub like_count: Option<u32>,
    /// Signed out: `null`.
    #[serde(default)]
    pub is_liked: Option<bool>,
    #[serde(default)]
    pub is_subscribed: Option<bool>,
    pub is_locked: Option<bool>,
    pub created_at: Option<i64>,
    pub site_url: Option<String>,
    #[serde(default, deserialize_with = "nullable_list")]
    pub categories: Vec<Category>,
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
    #[serde(default)]
    pub is_liked: Option<bool>,
    pub created_at: Option<i64>,
    pub site_url: Option<String>,
    pub user: Option<Member>,
    /// The text as written (markdown): where one sent is looked for, and
    /// what the person's own is changed from.
    #[serde(default)]
    pub source: Option<String>,
    /// The answers to it, each with its own (AniList's `Json`): only how
    /// many is read.
    #[serde(default, deserialize_with = "nullable_list")]
    pub child_comments: Vec<Child>,
}

/// An answer to a comment, and the answers to it, as AniList's `Json`
/// gives them (the text in markdown, which the app does not render: each
/// is read by its id, [`Answers`]).
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Child {
    /// None in a tree AniList gave oddly: then it cannot be read.
    #[serde(default)]
    pub id: Option<i64>,
    /// Its text as written (markdown), who wrote it and when: where an
    /// answer whose answer was lost is looked for.
    #[serde(default)]
    pub comment: Option<String>,
    #[serde(default)]
    pub user: Option<Who>,
    #[serde(default)]
    pub created_at: Option<i64>,
    #[serde(default, deserialize_with = "nullable_list")]
    pub child_comments: Vec<Child>,
}

/// Who wrote an answer.
#[derive(Clone, Copy, Debug, PartialEq, Deserialize)]
pub struct Who {
    pub id: u64,
}

impl Child {
    /// The id of every answer in `tree` that has one, each before its own
    /// answers.
    pub fn ids(tree: &[Child]) -> Vec<i64> {
        fn walk(tree: &[Child], out: &mut Vec<i64>) {
            for c in tree {
                out.extend(c.id);
                walk(&c.child_comments, out);
            }
        }
        let mut out = Vec::new();
        walk(tree, &mut out);
        out
    }
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
    fn a_comment_sent_is_found_among_the_persons_latest_only_if_it_is_that_one() {
        let c = |id: i64, user: u64, source: &str, at: i64| -> Comment {
            serde_json::from_value(serde_json::json!({"id": id, "source": source, "comment": "<p>x</p>", "likeCount": 0, "createdAt": at, "siteUrl": null, "user": {"id": user, "name": "N", "avatar": null}})).unwrap()
        };
        let sent_at = 1_800_000_000;
        let latest = vec![c(3, 5150, "Session 5 next?", sent_at + 1), c(2, 5150, "Session 4 next?", sent_at - 100), c(1, 6001, "Session 5 next?", sent_at + 2)];
        assert_eq!(find_comment(latest.clone(), " Session 5 next?\r\n", 5150, sent_at).map(|c| c.id), Some(3));
        assert_eq!(find_comment(latest.clone(), "Session 6 next?", 5150, sent_at), None, "not sent");
        assert_eq!(find_comment(vec![c(4, 5150, "Again", sent_at - 86_400)], "Again", 5150, sent_at), None, "yesterday's, the same text");
        assert_eq!(serde_json::to_string(&CommentVars { thread_id: 9001, parent_comment_id: None, comment: "Hi".into() }).unwrap(), r#"{"threadId":9001,"comment":"Hi"}"#);
        assert_eq!(serde_json::to_string(&CommentVars { thread_id: 9001, parent_comment_id: Some(50001), comment: "Hi".into() }).unwrap(), r#"{"threadId":9001,"parentCommentId":50001,"comment":"Hi"}"#);
        assert_eq!(serde_json::to_string(&MineVars { thread_id: 9001, user_id: 5150 }).unwrap(), r#"{"threadId":9001,"userId":5150}"#);
    }

    #[test]
    fn the_forum_asks_for_what_is_shown() {
        let json = |v: ForumVars| serde_json::to_string(&v).unwrap();
        assert_eq!(json(ForumVars::new(ForumShown::Recent, Some(5150), "  ", None, 1)), r#"{"page":1,"sort":["REPLIED_AT_DESC"]}"#);
        assert_eq!(json(ForumVars::new(ForumShown::Subscribed, Some(5150), "", None, 2)), r#"{"page":2,"subscribed":true,"sort":["REPLIED_AT_DESC"]}"#);
        assert_eq!(json(ForumVars::new(ForumShown::Mine, Some(5150), " bebop ", Some(7), 1)), r#"{"page":1,"search":"bebop","userId":5150,"categoryId":7,"sort":["SEARCH_MATCH"]}"#);
        assert_eq!(json(ForumVars::new(ForumShown::Subscribed, None, "", None, 1)), r#"{"page":1,"sort":["REPLIED_AT_DESC"]}"#, "signed out: everyone's");
        for shown in ForumShown::ALL {
            assert_eq!(ForumShown::from_param(shown.param()), shown);
        }
        assert_eq!(ForumShown::from_param(Some("everything")), ForumShown::Recent);
    }

    #[test]
    fn an_answer_sent_is_found_among_those_to_its_comment_only_if_it_is_that_one() {
        let sent_at = 1_800_000_000;
        let answers: Vec<Child> = serde_json::from_value(serde_json::json!([
            {"id": 1, "comment": "Yes!", "user": {"id": 5150, "name": "Viewer"}, "createdAt": sent_at - 86_400, "childComments": null},
            {"id": 2, "comment": "Yes!", "user": {"id": 6001, "name": "Hana"}, "createdAt": sent_at + 1},
            {"id": 3, "comment": "Yes!\r\n", "user": {"id": 5150}, "createdAt": sent_at + 2},
            {"comment": "Yes!", "user": {"id": 5150}, "createdAt": sent_at + 3}
        ]))
        .unwrap();
        assert_eq!(find_answer(&answers, "Yes!", 5150, sent_at), Some(3), "the person's, that text, not older than the send");
        assert_eq!(find_answer(&answers[..2], "Yes!", 5150, sent_at), None, "yesterday's, or another's");
        assert_eq!(find_answer(&answers, "No.", 5150, sent_at), None);
    }

    #[test]
    fn a_comment_counts_every_answer_below_it() {
        let c: Comment = serde_json::from_str(
            r#"{"id":1,"comment":"<p>Hi</p>","likeCount":2,"createdAt":5,"siteUrl":"https://anilist.co/forum/thread/9001/comment/1","user":null,
                "childComments":[{"id":2,"comment":"a","childComments":[{"id":3,"childComments":null},null]},{"id":4}]}"#,
        )
        .unwrap();
        assert_eq!(c.answers(), 3);
        assert_eq!(Child::ids(&c.child_comments), vec![2, 3, 4], "each before its own answers");
        assert_eq!(c.link().as_deref(), Some("https://anilist.co/forum/thread/9001/comment/1"));
        let none: Comment = serde_json::from_str(r#"{"id":1,"comment":null,"likeCount":0,"createdAt":5,"siteUrl":"http://evil.example/","user":null,"childComments":null}"#).unwrap();
        assert_eq!((none.answers(), none.link()), (0, None));
        assert_eq!(serde_json::to_string(&PageVars { id: 9001, page: 1, first: true }).unwrap(), r#"{"id":9001,"page":1,"first":true}"#);
        assert_eq!(serde_json::to_string(&AnswersVars { ids: vec![7, 8] }).unwrap(), r#"{"a0":7,"i0":true,"a1":8,"i1":true}"#);
        let eleven = serde_json::to_value(AnswersVars { ids: (1..=11).collect() }).unwrap();
        assert_eq!((eleven.as_object().unwrap().len(), eleven.get("a9").cloned(), eleven.get("a10")), (20, Some(serde_json::json!(10)), None), "no more than the query has");
    }
}
