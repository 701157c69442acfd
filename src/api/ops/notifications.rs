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
    const QUERY: &'static str = "query Notifications($page: Int) {
  Page(page: $page, perPage: 50) {
    pageInfo { hasNextPage }
    items: notifications(resetNotificationCount: true) {
      ... on AiringNotification { id type createdAt episode contexts media { ...Title } }
      ... on FollowingNotification { id type createdAt context user { ...Who } }
      ... on ActivityMessageNotification { id type createdAt context activityId user { ...Who } }
      ... on ActivityMentionNotification { id type createdAt context activityId user { ...Who } }
      ... on ActivityReplyNotification { id type createdAt context activityId user { ...Who } }
      ... on ActivityReplySubscribedNotification { id type createdAt context activityId user { ...Who } }
      ... on ActivityLikeNotification { id type createdAt context activityId user { ...Who } }
      ... on ActivityReplyLikeNotification { id type createdAt context activityId user { ...Who } }
      ... on ThreadCommentMentionNotification { id type createdAt context thread { ...Thread } user { ...Who } }
      ... on ThreadCommentReplyNotification { id type createdAt context thread { ...Thread } user { ...Who } }
      ... on ThreadCommentSubscribedNotification { id type createdAt context thread { ...Thread } user { ...Who } }
      ... on ThreadCommentLikeNotification { id type createdAt context thread { ...Thread } user { ...Who } }
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
fragment Thread on Thread { title siteUrl }";
    type Vars = Vars;
    type Data = PageData<Notification>;
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Vars {
    pub page: u32,
}

/// AniList's `NotificationType`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
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
    pub title: Option<String>,
    pub site_url: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Image {
    pub medium: Option<String>,
}
