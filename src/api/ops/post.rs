//! Posting on AniList: a status on the person's feed (`SaveTextActivity`),
//! a message on another member's page (`SaveMessageActivity`) and a reply
//! to an activity (`SaveActivityReply`). Each makes something new every
//! time it is sent, so none is ever sent again by itself: when the answer
//! is lost, the person's latest posts (or messages to that member, or the
//! activity's replies, `activity::ActivityReplies`) are read back and the
//! one sent is looked for by its text. Editing and deleting are safe to send again.

use serde::{Deserialize, Serialize};

use crate::api::operation::{Operation, PageData};
use crate::api::ops::activity::{Activity, Reply};

/// The fields of a posted status: those of the feed's, and its text as
/// written (`source`), which the read back compares.
macro_rules! status_fields {
    () => {
        "id type text(asHtml: true) source: text createdAt likeCount isLiked replyCount siteUrl user { id name avatar { medium } }"
    };
}

/// A message's fields, named as a post's (its writer is its `user`), with
/// whom it was written to and whether it is private.
macro_rules! message_fields {
    () => {
        "id type text: message(asHtml: true) source: message createdAt likeCount isLiked replyCount siteUrl isPrivate user: messenger { id name avatar { medium } } recipient { id name avatar { medium } }"
    };
}

/// A reply's fields, with its text as written.
macro_rules! reply_fields {
    () => {
        "id text(asHtml: true) source: text createdAt likeCount user { id name avatar { medium } }"
    };
}

/// Posts a status on the person's feed; AniList answers with the post.
pub struct PostStatus;

impl Operation for PostStatus {
    const NAME: &'static str = "PostStatus";
    const MUTATION: bool = true;
    const QUERY: &'static str = concat!("mutation PostStatus($text: String) {
  SaveTextActivity(text: $text) { ", status_fields!(), " }
}");
    type Vars = StatusVars;
    type Data = Posted;
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StatusVars {
    pub text: String,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Posted {
    #[serde(rename = "SaveTextActivity")]
    pub activity: Option<Activity>,
}

/// Changes the text of one of the person's posts. It sets the whole text,
/// so sending it again is safe.
pub struct EditPost;

impl Operation for EditPost {
    const NAME: &'static str = "EditPost";
    const MUTATION: bool = true;
    const QUERY: &'static str = concat!("mutation EditPost($id: Int, $text: String) {
  SaveTextActivity(id: $id, text: $text) { ", status_fields!(), " }
}");
    type Vars = EditVars;
    type Data = Posted;
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EditVars {
    pub id: i64,
    pub text: String,
}

/// The person's latest status posts, newest first: where a post whose
/// answer was lost is looked for.
pub struct LatestPosts;

impl Operation for LatestPosts {
    const NAME: &'static str = "LatestPosts";
    const MUTATION: bool = false;
    const QUERY: &'static str = concat!("query LatestPosts($userId: Int) {
  Page(perPage: 10) {
    pageInfo { hasNextPage }
    items: activities(userId: $userId, type: TEXT, sort: [ID_DESC]) {
      ... on TextActivity { ", status_fields!(), " }
    }
  }
}");
    type Vars = LatestVars;
    type Data = PageData<Activity>;
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LatestVars {
    pub user_id: u64,
}

/// Writes a message on another member's page (only they and the person
/// see a private one); AniList answers with the message. Sent once, like a
/// status: a lost answer is looked for with [`LatestMessages`].
pub struct SendMessage;

impl Operation for SendMessage {
    const NAME: &'static str = "SendMessage";
    const MUTATION: bool = true;
    const QUERY: &'static str = concat!("mutation SendMessage($recipientId: Int, $message: String, $private: Boolean) {
  SaveMessageActivity(recipientId: $recipientId, message: $message, private: $private) { ", message_fields!(), " }
}");
    type Vars = MessageVars;
    type Data = Messaged;
}

/// A message to `recipient_id`; with an `id`, a new text for that one
/// (its recipient and privacy sent as they were, so nothing else changes).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MessageVars {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    pub recipient_id: u64,
    pub message: String,
    pub private: bool,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Messaged {
    #[serde(rename = "SaveMessageActivity")]
    pub activity: Option<Activity>,
}

/// Changes the text of a message the person wrote; like [`EditPost`].
pub struct EditMessage;

impl Operation for EditMessage {
    const NAME: &'static str = "EditMessage";
    const MUTATION: bool = true;
    const QUERY: &'static str = concat!("mutation EditMessage($id: Int, $recipientId: Int, $message: String, $private: Boolean) {
  SaveMessageActivity(id: $id, recipientId: $recipientId, message: $message, private: $private) { ", message_fields!(), " }
}");
    type Vars = MessageVars;
    type Data = Messaged;
}

/// The latest messages the person wrote to one member, newest first: where
/// a message whose answer was lost is looked for.
pub struct LatestMessages;

impl Operation for LatestMessages {
    const NAME: &'static str = "LatestMessages";
    const MUTATION: bool = false;
    const QUERY: &'static str = concat!("query LatestMessages($userId: Int, $messengerId: Int) {
  Page(perPage: 10) {
    pageInfo { hasNextPage }
    items: activities(userId: $userId, messengerId: $messengerId, type: MESSAGE, sort: [ID_DESC]) {
      ... on MessageActivity { ", message_fields!(), " }
    }
  }
}");
    type Vars = MessagesVars;
    type Data = PageData<Activity>;
}

/// Messages written to `user_id` (their owner) by `messenger_id`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MessagesVars {
    pub user_id: u64,
    pub messenger_id: u64,
}

/// Replies to activity `activity_id`; AniList answers with the reply.
pub struct PostReply;

impl Operation for PostReply {
    const NAME: &'static str = "PostReply";
    const MUTATION: bool = true;
    const QUERY: &'static str = concat!("mutation PostReply($activityId: Int, $text: String) {
  SaveActivityReply(activityId: $activityId, text: $text) { ", reply_fields!(), " }
}");
    type Vars = ReplyVars;
    type Data = Replied;
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReplyVars {
    pub activity_id: i64,
    pub text: String,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Replied {
    #[serde(rename = "SaveActivityReply")]
    pub reply: Option<Reply>,
}

/// Changes the text of one of the person's replies; like [`EditPost`].
pub struct EditReply;

impl Operation for EditReply {
    const NAME: &'static str = "EditReply";
    const MUTATION: bool = true;
    const QUERY: &'static str = concat!("mutation EditReply($id: Int, $text: String) {
  SaveActivityReply(id: $id, text: $text) { ", reply_fields!(), " }
}");
    type Vars = EditVars;
    type Data = Replied;
}

/// Deletes one of the person's activities (a status or a list update).
/// Deleting twice deletes once: AniList then says it is not found, which
/// means it is gone, so this is safe to send again.
pub struct DeletePost;

impl Operation for DeletePost {
    const NAME: &'static str = "DeletePost";
    const MUTATION: bool = true;
    const QUERY: &'static str = "mutation DeletePost($id: Int) {
  DeleteActivity(id: $id) { deleted }
}";
    type Vars = crate::api::ops::activity::RepliesVars;
    type Data = PostDeleted;
}

#[derive(Clone, Debug, Deserialize)]
pub struct PostDeleted {
    #[serde(rename = "DeleteActivity")]
    pub result: Option<crate::api::ops::delete_entry::Deleted>,
}

/// Deletes one of the person's replies; like [`DeletePost`].
pub struct DeleteReply;

impl Operation for DeleteReply {
    const NAME: &'static str = "DeleteReply";
    const MUTATION: bool = true;
    const QUERY: &'static str = "mutation DeleteReply($id: Int) {
  DeleteActivityReply(id: $id) { deleted }
}";
    type Vars = crate::api::ops::activity::RepliesVars;
    type Data = ReplyDeleted;
}

#[derive(Clone, Debug, Deserialize)]
pub struct ReplyDeleted {
    #[serde(rename = "DeleteActivityReply")]
    pub result: Option<crate::api::ops::delete_entry::Deleted>,
}

/// How long before the send a post found may have been made (the device's
/// clock and AniList's may differ): an older one with the same text is an
/// earlier post, not this one.
pub const CLOCK_SLACK_SECS: i64 = 600;

/// Whether a post read back is the one sent: `me`'s, with the text as
/// sent (AniList may trim it or change its line ends), made no earlier
/// than `sent_at` less [`CLOCK_SLACK_SECS`].
pub fn is_the_one_sent(source: Option<&str>, author: Option<u64>, created_at: Option<i64>, text: &str, me: u64, sent_at: i64) -> bool {
    let same = |a: &str, b: &str| a.trim().replace("\r\n", "\n") == b.trim().replace("\r\n", "\n");
    author == Some(me) && source.is_some_and(|s| same(s, text)) && created_at.is_some_and(|at| at >= sent_at - CLOCK_SLACK_SECS)
}

/// The post sent, among the person's latest (newest first), if it is there.
pub fn find_post(latest: Vec<Activity>, text: &str, me: u64, sent_at: i64) -> Option<Activity> {
    latest.into_iter().find(|a| is_the_one_sent(a.source.as_deref(), a.user.as_ref().map(|u| u.id), a.created_at, text, me, sent_at))
}

/// The reply sent, among an activity's replies (oldest first: the newest
/// match is taken), if it is there.
pub fn find_reply(replies: Vec<Reply>, text: &str, me: u64, sent_at: i64) -> Option<Reply> {
    replies.into_iter().rev().find(|r| is_the_one_sent(r.source.as_deref(), r.user.as_ref().map(|u| u.id), r.created_at, text, me, sent_at))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::ops::activity::RepliesData;

    #[test]
    fn a_post_read_back_is_the_one_sent_only_if_it_is_mine_with_that_text_and_new() {
        let sent_at = 1_800_000_000;
        assert!(is_the_one_sent(Some("Watching *Bebop*"), Some(5150), Some(sent_at + 2), "Watching *Bebop*", 5150, sent_at));
        assert!(is_the_one_sent(Some("line one\nline two"), Some(5150), Some(sent_at - 30), "  line one\r\nline two\n", 5150, sent_at), "trimmed, line ends alike, the clocks a little apart");
        assert!(!is_the_one_sent(Some("Watching *Bebop*"), Some(6001), Some(sent_at), "Watching *Bebop*", 5150, sent_at), "someone else's");
        assert!(!is_the_one_sent(Some("Watching Bebop"), Some(5150), Some(sent_at), "Watching *Bebop*", 5150, sent_at), "another text");
        assert!(!is_the_one_sent(Some("Good morning"), Some(5150), Some(sent_at - 86_400), "Good morning", 5150, sent_at), "yesterday's, with the same text");
        assert!(!is_the_one_sent(None, Some(5150), Some(sent_at), "Good morning", 5150, sent_at));
        assert!(!is_the_one_sent(Some("Good morning"), None, Some(sent_at), "Good morning", 5150, sent_at));
    }

    #[test]
    fn the_post_and_the_reply_are_found_in_their_answers() {
        let at = 1_800_000_000;
        let page: PageData<Activity> = serde_json::from_str(&format!(
            r#"{{"Page":{{"pageInfo":{{"hasNextPage":false}},"items":[
                {{"id":12,"type":"TEXT","text":"<p>other</p>","source":"other","createdAt":{at},"user":{{"id":5150,"name":"Mitsuki"}}}},
                {{"id":11,"type":"TEXT","text":"<p><b>hi</b></p>","source":"__hi__","createdAt":{at},"likeCount":0,"isLiked":false,"replyCount":0,"siteUrl":"https://anilist.co/activity/11","user":{{"id":5150,"name":"Mitsuki","avatar":{{"medium":null}}}}}},
                {{}}, null]}}}}"#
        ))
        .unwrap();
        let (latest, _) = page.page();
        let found = find_post(latest.clone(), "__hi__", 5150, at).unwrap();
        assert_eq!((found.id, found.text.as_deref()), (Some(11), Some("<p><b>hi</b></p>")), "shown as AniList's HTML");
        assert_eq!(find_post(latest, "__bye__", 5150, at), None);

        let answer: RepliesData = serde_json::from_str(&format!(
            r#"{{"Activity":{{"id":8005,"replies":[
                {{"id":1,"text":"<p>same</p>","source":"same","createdAt":{old},"likeCount":0,"user":{{"id":5150,"name":"Mitsuki"}}}},
                {{"id":2,"text":"<p>same</p>","source":"same","createdAt":{at},"likeCount":0,"user":{{"id":5150,"name":"Mitsuki"}}}},
                null]}}}}"#,
            old = at - 86_400
        ))
        .unwrap();
        assert_eq!(find_reply(answer.replies(), "same", 5150, at).map(|r| r.id), Some(2), "today's, not yesterday's same words");

        let posted: Posted = serde_json::from_str(r#"{"SaveTextActivity":{"id":13,"type":"TEXT","text":"<p>x</p>","source":"x"}}"#).unwrap();
        assert_eq!(posted.activity.and_then(|a| a.id), Some(13));
        let replied: Replied = serde_json::from_str(r#"{"SaveActivityReply":{"id":3,"text":"<p>x</p>","source":"x"}}"#).unwrap();
        assert_eq!(replied.reply.map(|r| r.id), Some(3));
        assert_eq!(serde_json::to_string(&ReplyVars { activity_id: 8005, text: "x".into() }).unwrap(), r#"{"activityId":8005,"text":"x"}"#);
        assert_eq!(serde_json::to_string(&EditVars { id: 8101, text: "y".into() }).unwrap(), r#"{"id":8101,"text":"y"}"#);
        let edited: Replied = serde_json::from_str(r#"{"SaveActivityReply":{"id":3,"text":"<p>y</p>","source":"y"}}"#).unwrap();
        assert_eq!(edited.reply.and_then(|r| r.source), Some("y".into()));
        let sent: Messaged = serde_json::from_str(&format!(r#"{{"SaveMessageActivity":{{"id":14,"type":"MESSAGE","text":"<p>hi</p>","source":"hi","createdAt":{at},"isPrivate":true,"user":{{"id":5150,"name":"Mitsuki"}},"recipient":{{"id":6001,"name":"Hana"}}}}}}"#)).unwrap();
        let sent = sent.activity.unwrap();
        assert_eq!((sent.id, sent.is_private, sent.recipient.as_ref().map(|r| r.id)), (Some(14), Some(true), Some(6001)));
        assert_eq!(find_post(vec![sent.clone()], "hi", 5150, at).and_then(|m| m.id), Some(14), "a message is found as a post is");
        let new = MessageVars { id: None, recipient_id: 6001, message: "hi".into(), private: false };
        assert_eq!(serde_json::to_string(&new).unwrap(), r#"{"recipientId":6001,"message":"hi","private":false}"#);
        assert_eq!(serde_json::to_string(&MessageVars { id: Some(14), ..new }).unwrap(), r#"{"id":14,"recipientId":6001,"message":"hi","private":false}"#);
        assert_eq!(serde_json::to_string(&MessagesVars { user_id: 6001, messenger_id: 5150 }).unwrap(), r#"{"userId":6001,"messengerId":5150}"#);
        let gone: PostDeleted = serde_json::from_str(r#"{"DeleteActivity":{"deleted":true}}"#).unwrap();
        assert_eq!(gone.result.and_then(|d| d.deleted), Some(true));
        let gone: ReplyDeleted = serde_json::from_str(r#"{"DeleteActivityReply":{"deleted":false}}"#).unwrap();
        assert_eq!(gone.result.and_then(|d| d.deleted), Some(false));
    }
}
