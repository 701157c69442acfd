//! The signed-in person's notifications, newest first (AniList's
//! `NotificationUnion`: episodes aired, follows, likes, replies and
//! mentions, thread comments, titles added, changed, merged or deleted).
//! Reading them with `resetNotificationCount` marks them read on AniList.
//!
//! Every kind comes as one flat [`Notification`]: what each kind has is
//! asked for in its own inline fragment, and the words between its parts
//! are AniList's own (`context`, or `contexts` around an episode and a
//! title), so a kind AniList adds later still reads as a sentence.

use serde::{Deserialize, Serialize};

use crate::api::operation::{nullable_list, Operation, PageData};
use crate::media::MediaType;

pub struct Notifications;

/// How many one page holds (AniList's most).
pub const PER_PAGE: u32 = 50;

impl Operation for Notifications {
    const NAME: &'static str = "Notifications";
    const MUTATION: bool = false;
    const QUERY: &'static str = "query Notifications($page: Int, $types: [NotificationType], $reset: Boolean = true) {
  Page(page: $page, perPage: 50) {
    pageInfo { hasNextPage }
    items: notifications(type_in: $types, resetNotificationCount: $reset) {
      ... on AiringNotification { id type createdAt episode contexts media { ...Title } }
      ... on FollowingNotification { id type createdAt context user { ...Who } }
      ... on ActivityMessageNotification { id type createdAt context activityId user { ...Who } }
      ... on ActivityMentionNotification { id type createdAt context activityId user { ...Who } }
      ... on ActivityReplyNotification { id type createdAt context activityId user { ...Who } }
      ... on ActivityReplySubscribedNotification { id type createdAt context activityId user { ...Who } }
      ... on ActivityLikeNotification { id type createdAt context activityId user { ...Who } }
      ... on ActivityReplyLikeNotification { id type createdAt context activityId user { ...Who } }
      ... on ThreadCommentMentionNotification { id type createdAt context commentId thread { ...Thread } user { ...Who } }
      ... on ThreadCommentReplyNotification { id type createdAt context commentId thread { ...Thread } user { ...Who } }
      ... on ThreadCommentSubscribedNotification { id type createdAt context commentId thread { ...Thread } user { ...Who } }
      ... on ThreadCommentLikeNotification { id type createdAt context commentId thread { ...Thread } user { ...Who } }
      ... on ThreadLikeNotification { id type createdAt context thread { ...Thread } user { ...Who } }
      ... on RelatedMediaAdditionNotification { id type createdAt context media { ...Title } }
      ... on MediaDataChangeNotification { id type createdAt context reason media { ...Title } }
      ... on MediaMergeNotification { id type createdAt context reason deletedMediaTitles media { ...Title } }
      ... on MediaDeletionNotification { id type createdAt context reason deletedMediaTitle }
    }
  }
}
fragment Title on Media { id type title { userPreferred } coverImage { medium } }
fragment Who on User { id name siteUrl avatar { medium } }
fragment Thread on Thread { id title siteUrl }";
    type Vars = Vars;
    type Data = PageData<Notification>;
}

/// Page `page` (from 1) of the notifications `kinds` shows. All of them
/// are marked read on AniList as they are read; one kind only leaves them
/// unread (AniList's count is of all kinds).
#[derive(Clone, Debug, Default, Serialize)]
pub struct Vars {
    pub page: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub types: Option<&'static [&'static str]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reset: Option<bool>,
}

impl Vars {
    pub fn new(page: u32, kinds: Kinds) -> Self {
        let types = kinds.types();
        Vars { page, types, reset: types.map(|_| false) }
    }
}

/// Which notifications the page shows (`?show=`), as anilist.co's filters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Kinds {
    #[default]
    All,
    Airing,
    Activity,
    Forum,
    Follows,
    Media,
}

impl Kinds {
    pub const ALL: [Kinds; 6] = [Kinds::All, Kinds::Airing, Kinds::Activity, Kinds::Forum, Kinds::Follows, Kinds::Media];

    /// AniList's `NotificationType`s it asks for (all: none named).
    pub fn types(self) -> Option<&'static [&'static str]> {
        match self {
            Kinds::All => None,
            Kinds::Airing => Some(&["AIRING"]),
            Kinds::Activity => Some(&["ACTIVITY_MESSAGE", "ACTIVITY_MENTION", "ACTIVITY_REPLY", "ACTIVITY_REPLY_SUBSCRIBED", "ACTIVITY_LIKE", "ACTIVITY_REPLY_LIKE"]),
            Kinds::Forum => Some(&["THREAD_COMMENT_MENTION", "THREAD_COMMENT_REPLY", "THREAD_SUBSCRIBED", "THREAD_COMMENT_LIKE", "THREAD_LIKE"]),
            Kinds::Follows => Some(&["FOLLOWING"]),
            Kinds::Media => Some(&["RELATED_MEDIA_ADDITION", "MEDIA_DATA_CHANGE", "MEDIA_MERGE", "MEDIA_DELETION"]),
        }
    }

    /// Its value in the address (none for all).
    pub fn param(self) -> Option<&'static str> {
        match self {
            Kinds::All => None,
            Kinds::Airing => Some("airing"),
            Kinds::Activity => Some("activity"),
            Kinds::Forum => Some("forum"),
            Kinds::Follows => Some("follows"),
            Kinds::Media => Some("media"),
        }
    }

    /// Read from the address: anything else is all.
    pub fn from_param(value: Option<&str>) -> Self {
        Kinds::ALL.into_iter().find(|k| k.param().is_some() && k.param() == value.map(str::trim)).unwrap_or_default()
    }

    pub fn label(self) -> &'static str {
        match self {
            Kinds::All => "All",
            Kinds::Airing => "Airing",
            Kinds::Activity => "Activity",
            Kinds::Forum => "Forum",
            Kinds::Follows => "Follows",
            Kinds::Media => "Titles",
        }
    }
}

/// AniList's `NotificationType`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum NotificationType {
    Airing,
    Following,
    ActivityMessage,
    ActivityMention,
    ActivityReply,
    ActivityReplySubscribed,
    ActivityLike,
    ActivityReplyLike,
    ThreadCommentMention,
    ThreadCommentReply,
    ThreadSubscribed,
    ThreadCommentLike,
    ThreadLike,
    RelatedMediaAddition,
    MediaDataChange,
    MediaMerge,
    MediaDeletion,
    #[serde(other)]
    Unknown,
}

impl NotificationType {
    /// What AniList tells of, in the words of a setting ("Tell me when…").
    pub fn setting(self) -> &'static str {
        match self {
            NotificationType::Airing => "an episode airs of an anime I am watching",
            NotificationType::Following => "someone follows me",
            NotificationType::ActivityMessage => "someone writes to me",
            NotificationType::ActivityMention => "someone mentions me in an activity",
            NotificationType::ActivityReply => "someone replies to my activity",
            NotificationType::ActivityReplySubscribed => "someone replies to an activity I am subscribed to",
            NotificationType::ActivityLike => "someone likes my activity",
            NotificationType::ActivityReplyLike => "someone likes my reply",
            NotificationType::ThreadCommentMention => "someone mentions me in a forum comment",
            NotificationType::ThreadCommentReply => "someone answers my forum comment",
            NotificationType::ThreadSubscribed => "someone comments in a forum thread I am subscribed to",
            NotificationType::ThreadCommentLike => "someone likes my forum comment",
            NotificationType::ThreadLike => "someone likes my forum thread",
            NotificationType::RelatedMediaAddition => "a title related to one on my lists is added",
            NotificationType::MediaDataChange => "a title on my lists changes in a way that matters to tracking it",
            NotificationType::MediaMerge => "titles on my lists are merged into one",
            NotificationType::MediaDeletion => "a title on my lists is deleted",
            NotificationType::Unknown => "another kind of notification (as on AniList)",
        }
    }
}

/// One notification, of any kind: what its kind does not have is `None`.
/// (A kind the query does not know comes as an empty object: no id.)
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Notification {
    pub id: Option<i64>,
    #[serde(rename = "type")]
    pub kind: Option<NotificationType>,
    /// Unix seconds.
    pub created_at: Option<i64>,
    /// The words after the person or title ("Hana" + " liked your activity.").
    pub context: Option<String>,
    /// An aired episode's words, around the episode and the title:
    /// `["Episode ", " of ", " aired."]`.
    #[serde(default, deserialize_with = "nullable_list")]
    pub contexts: Vec<String>,
    pub episode: Option<u32>,
    pub media: Option<Media>,
    pub user: Option<User>,
    pub activity_id: Option<i64>,
    /// The forum comment it is about (a mention, an answer, a like).
    #[serde(default)]
    pub comment_id: Option<i64>,
    pub thread: Option<Thread>,
    pub reason: Option<String>,
    #[serde(default, deserialize_with = "nullable_list")]
    pub deleted_media_titles: Vec<String>,
    pub deleted_media_title: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Media {
    pub id: i64,
    #[serde(rename = "type")]
    pub kind: Option<MediaType>,
    pub title: Option<crate::api::operation::Title>,
    pub cover_image: Option<Image>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct User {
    pub id: Option<u64>,
    pub name: String,
    pub site_url: Option<String>,
    pub avatar: Option<Image>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Thread {
    #[serde(default)]
    pub id: Option<i64>,
    pub title: Option<String>,
    pub site_url: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Image {
    pub medium: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kind_asks_for_its_types_and_leaves_them_unread_all_marks_them_read() {
        assert_eq!(serde_json::to_string(&Vars::new(2, Kinds::All)).unwrap(), r#"{"page":2}"#);
        assert_eq!(serde_json::to_string(&Vars::new(1, Kinds::Follows)).unwrap(), r#"{"page":1,"types":["FOLLOWING"],"reset":false}"#);
        for k in Kinds::ALL {
            assert_eq!(Kinds::from_param(k.param()), k);
            // Every type asked for is one AniList's NotificationType has.
            for t in k.types().unwrap_or_default() {
                assert_ne!(serde_json::from_str::<NotificationType>(&format!("\"{t}\"")).unwrap(), NotificationType::Unknown, "{t}");
            }
        }
        assert_eq!(Kinds::from_param(Some(" media ")), Kinds::Media);
        assert_eq!(Kinds::from_param(Some("everything")), Kinds::All);
    }
}
