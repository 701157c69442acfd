//! The activity feed, newest first, 25 at a time: list updates ("Watched
//! episode 5 of …") and status posts, of the members the person follows
//! and their own (`isFollowing`), or of everyone (`hasRepliesOrTypeText`:
//! AniList's global feed leaves out list updates no one answered); on a
//! member's page, the messages written to them too. Every kind comes as one
//! flat [`Activity`] (a message's writer is its `user`); a kind AniList
//! adds later comes empty and is left out.

use serde::{Deserialize, Serialize};

use crate::api::operation::{nullable_list, Operation, PageData};
use crate::api::ops::title::{Member, Other};

/// Every kind of activity the app shows, as one [`Activity`] (with the
/// fragment `Who`).
macro_rules! activity_kinds {
    () => {
        "... on ListActivity { id type status progress createdAt likeCount isLiked isSubscribed isPinned replyCount siteUrl user { ...Who } media { id type format title { userPreferred } coverImage { medium } } }
      ... on TextActivity { id type text(asHtml: true) source: text createdAt likeCount isLiked isSubscribed isPinned replyCount siteUrl user { ...Who } }
      ... on MessageActivity { id type text: message(asHtml: true) source: message createdAt likeCount isLiked isSubscribed replyCount siteUrl isPrivate user: messenger { ...Who } recipient { ...Who } }"
    };
}

pub struct ActivityFeed;

impl Operation for ActivityFeed {
    const NAME: &'static str = "ActivityFeed";
    const MUTATION: bool = false;
    const QUERY: &'static str = concat!("query ActivityFeed($page: Int, $isFollowing: Boolean, $hasRepliesOrTypeText: Boolean, $userId: Int, $types: [ActivityType], $sort: [ActivitySort] = [ID_DESC]) {
  Page(page: $page, perPage: 25) {
    pageInfo { hasNextPage }
    items: activities(isFollowing: $isFollowing, hasRepliesOrTypeText: $hasRepliesOrTypeText, userId: $userId, type_in: $types, sort: $sort) {
      ", activity_kinds!(), "
    }
  }
}
fragment Who on User { id name avatar { medium } }");
    type Vars = Vars;
    type Data = PageData<Activity>;
}

/// One activity, by its id (its own page, where a notification leads).
pub struct ActivityItem;

impl Operation for ActivityItem {
    const NAME: &'static str = "ActivityItem";
    const MUTATION: bool = false;
    const QUERY: &'static str = concat!("query ActivityItem($id: Int) {
  Activity(id: $id) {
      ", activity_kinds!(), "
  }
}
fragment Who on User { id name avatar { medium } }");
    type Vars = RepliesVars;
    type Data = ItemData;
}

#[derive(Clone, Debug, Deserialize)]
pub struct ItemData {
    #[serde(rename = "Activity")]
    pub activity: Option<Activity>,
}

/// Tells the person of an activity's replies, or stops (`subscribe`). It
/// sets the state, so sending it again is safe.
pub struct Subscribe;

impl Operation for Subscribe {
    const NAME: &'static str = "Subscribe";
    const MUTATION: bool = true;
    const QUERY: &'static str = "mutation Subscribe($activityId: Int, $subscribe: Boolean) {
  ToggleActivitySubscription(activityId: $activityId, subscribe: $subscribe) {
    ... on ListActivity { id isSubscribed }
    ... on TextActivity { id isSubscribed }
    ... on MessageActivity { id isSubscribed }
  }
}";
    type Vars = SubscribeVars;
    type Data = Subscribed;
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SubscribeVars {
    pub activity_id: i64,
    pub subscribe: bool,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Subscribed {
    #[serde(rename = "ToggleActivitySubscription")]
    pub activity: Option<Activity>,
}

/// Pins one of the person's activities to the top of their activity, or
/// unpins it (`pinned`). It sets the state, so sending it again is safe.
pub struct Pin;

impl Operation for Pin {
    const NAME: &'static str = "Pin";
    const MUTATION: bool = true;
    const QUERY: &'static str = "mutation Pin($id: Int, $pinned: Boolean) {
  ToggleActivityPin(id: $id, pinned: $pinned) {
    ... on ListActivity { id isPinned }
    ... on TextActivity { id isPinned }
  }
}";
    type Vars = PinVars;
    type Data = Pinned;
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PinVars {
    pub id: i64,
    pub pinned: bool,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Pinned {
    #[serde(rename = "ToggleActivityPin")]
    pub activity: Option<Activity>,
}

impl ItemData {
    /// The activity, unless it is of a kind the query does not know.
    pub fn activity(self) -> Option<Activity> {
        self.activity.filter(|a| a.id.is_some())
    }
}

/// An activity's replies, oldest first (AniList's order), read when the
/// person opens them.
pub struct ActivityReplies;

impl Operation for ActivityReplies {
    const NAME: &'static str = "ActivityReplies";
    const MUTATION: bool = false;
    const QUERY: &'static str = "query ActivityReplies($id: Int) {
  Activity(id: $id) {
    ... on ListActivity { id replies { ...Reply } }
    ... on TextActivity { id replies { ...Reply } }
    ... on MessageActivity { id replies { ...Reply } }
  }
}
fragment Reply on ActivityReply { id text(asHtml: true) source: text createdAt likeCount user { id name avatar { medium } } }";
    type Vars = RepliesVars;
    type Data = RepliesData;
}

#[derive(Clone, Debug, Serialize)]
pub struct RepliesVars {
    pub id: i64,
}

#[derive(Clone, Debug, Deserialize)]
pub struct RepliesData {
    #[serde(rename = "Activity")]
    pub activity: Option<WithReplies>,
}

#[derive(Clone, Debug, Default, Deserialize)]
pub struct WithReplies {
    #[serde(default, deserialize_with = "nullable_list")]
    pub replies: Vec<Reply>,
}

/// One reply: who, what (AniList's HTML, shown through the allowlist), when.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Reply {
    pub id: i64,
    pub text: Option<String>,
    pub created_at: Option<i64>,
    pub like_count: Option<u32>,
    pub user: Option<Member>,
    /// As written: what Edit starts from, and what a reply whose answer
    /// was lost is looked for by.
    pub source: Option<String>,
}

impl RepliesData {
    pub fn replies(self) -> Vec<Reply> {
        self.activity.unwrap_or_default().replies
    }
}

/// Whose activity a feed shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Whose {
    /// The members the person follows, and the person.
    Following,
    /// Everyone's: posts, and list updates someone answered.
    Everyone,
    /// One member's, all of it.
    Member(u64),
}

/// Which kinds of activity a feed shows (`?show=` on the activity page).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Shown {
    /// List updates and status posts.
    #[default]
    All,
    /// Status posts only.
    Posts,
    /// List updates only (anime and manga).
    Lists,
}

impl Shown {
    pub const ALL: [Shown; 3] = [Shown::All, Shown::Posts, Shown::Lists];

    /// AniList's `ActivityType`s it asks for: everything on a member's page
    /// has the messages written to them as well.
    pub fn types(self, whose: Whose) -> &'static [&'static str] {
        match self {
            Shown::All if matches!(whose, Whose::Member(_)) => &["TEXT", "ANIME_LIST", "MANGA_LIST", "MESSAGE"],
            Shown::All => &["TEXT", "ANIME_LIST", "MANGA_LIST"],
            Shown::Posts => &["TEXT"],
            Shown::Lists => &["ANIME_LIST", "MANGA_LIST"],
        }
    }

    /// Its value in the address (none for all).
    pub fn param(self) -> Option<&'static str> {
        match self {
            Shown::All => None,
            Shown::Posts => Some("posts"),
            Shown::Lists => Some("lists"),
        }
    }

    /// Read from the address: anything else is all.
    pub fn from_param(value: Option<&str>) -> Self {
        Shown::ALL.into_iter().find(|s| s.param().is_some() && s.param() == value.map(str::trim)).unwrap_or_default()
    }

    pub fn label(self) -> &'static str {
        match self {
            Shown::All => "Everything",
            Shown::Posts => "Status posts",
            Shown::Lists => "List updates",
        }
    }
}

/// Page `page` (from 1) of a feed.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Vars {
    pub page: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_following: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub has_replies_or_type_text: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<u64>,
    pub types: &'static [&'static str],
    /// One member's: what they pinned first (else the newest first).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort: Option<[&'static str; 2]>,
}

impl Vars {
    pub fn new(page: u32, whose: Whose, shown: Shown) -> Self {
        let mut vars = Vars { page, is_following: None, has_replies_or_type_text: None, user_id: None, types: shown.types(whose), sort: None };
        match whose {
            Whose::Following => vars.is_following = Some(true),
            Whose::Everyone => vars.has_replies_or_type_text = Some(true),
            Whose::Member(id) => {
                vars.user_id = Some(id);
                vars.sort = Some(["PINNED", "ID_DESC"]);
            }
        }
        vars
    }
}

impl PageData<Activity> {
    /// The page's activities (those of a kind the query does not know left
    /// out) and whether more follow.
    pub fn page(self) -> (Vec<Activity>, bool) {
        let (found, more) = self.items();
        (found.into_iter().filter(|a| a.id.is_some()).collect(), more)
    }
}

/// AniList's `ActivityType`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ActivityType {
    Text,
    AnimeList,
    MangaList,
    Message,
    MediaList,
    #[serde(other)]
    Unknown,
}

/// One activity, of any kind: what its kind does not have is `None`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Activity {
    pub id: Option<i64>,
    #[serde(rename = "type")]
    pub kind: Option<ActivityType>,
    /// A list update's status in AniList's words ("watched episode",
    /// "completed", "plans to read").
    pub status: Option<String>,
    /// Its progress ("5", "10 - 12").
    pub progress: Option<String>,
    /// A status post or a message, as AniList's HTML (shown through the
    /// allowlist).
    pub text: Option<String>,
    /// Unix seconds.
    pub created_at: Option<i64>,
    pub like_count: Option<u32>,
    /// Whether the person signed in liked it.
    pub is_liked: Option<bool>,
    /// Whether the person signed in is told of its replies.
    pub is_subscribed: Option<bool>,
    pub reply_count: Option<u32>,
    pub site_url: Option<String>,
    pub user: Option<Member>,
    pub media: Option<Other>,
    /// A post or a message as written (what editing it starts from).
    pub source: Option<String>,
    /// Whom a message was written to (its writer is `user`).
    pub recipient: Option<Member>,
    /// A message only its writer and its recipient see.
    pub is_private: Option<bool>,
    /// Pinned to the top of its writer's activity (a post or a list
    /// update).
    #[serde(default)]
    pub is_pinned: Option<bool>,
}

impl Activity {
    /// A list update's words before its title: "Watched episode 5 of ",
    /// "Completed ", "Plans to read " (`None` for another kind).
    pub fn list_words(&self) -> Option<String> {
        let status = crate::text::said(self.status.as_deref())?;
        let mut words = crate::text::capitalised(status);
        match crate::text::said(self.progress.as_deref()) {
            Some(p) => {
                words.push(' ');
                words.push_str(p);
                words.push_str(" of ");
            }
            None => words.push(' '),
        }
        Some(words)
    }
}

/// Adds a later page to the activities shown, leaving out those shown
/// already (the pages shift while new activity comes in on top).
pub fn merge(shown: &mut Vec<Activity>, more: Vec<Activity>) {
    crate::api::operation::add_unseen(shown, more, |a| a.id);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_later_page_adds_only_what_is_not_shown_yet() {
        let of = |ids: &[i64]| ids.iter().map(|&id| Activity { id: Some(id), ..Activity::default() }).collect::<Vec<_>>();
        let mut shown = of(&[9, 8]);
        // Something new came in on top: the next page starts with the last one shown.
        merge(&mut shown, of(&[8, 7, 6]));
        assert_eq!(shown.iter().map(|a| a.id.unwrap()).collect::<Vec<_>>(), [9, 8, 7, 6]);
    }

    fn list(status: Option<&str>, progress: Option<&str>) -> Activity {
        Activity { status: status.map(Into::into), progress: progress.map(Into::into), ..Activity::default() }
    }

    #[test]
    fn a_list_update_reads_as_a_sentence_before_its_title() {
        assert_eq!(list(Some("watched episode"), Some("10 - 12")).list_words().as_deref(), Some("Watched episode 10 - 12 of "));
        assert_eq!(list(Some("read chapter"), Some("5")).list_words().as_deref(), Some("Read chapter 5 of "));
        assert_eq!(list(Some("completed"), None).list_words().as_deref(), Some("Completed "));
        assert_eq!(list(Some("plans to read"), Some("")).list_words().as_deref(), Some("Plans to read "));
        assert_eq!(list(None, Some("5")).list_words(), None);
        assert_eq!(list(Some("  "), None).list_words(), None);
    }

    #[test]
    fn the_feed_asks_for_the_followed_everyone_or_a_member_and_leaves_out_unknown_kinds() {
        let vars = |whose, shown| serde_json::to_string(&Vars::new(2, whose, shown)).unwrap();
        assert_eq!(vars(Whose::Following, Shown::All), r#"{"page":2,"isFollowing":true,"types":["TEXT","ANIME_LIST","MANGA_LIST"]}"#);
        assert_eq!(vars(Whose::Everyone, Shown::Posts), r#"{"page":2,"hasRepliesOrTypeText":true,"types":["TEXT"]}"#);
        assert_eq!(vars(Whose::Member(6001), Shown::Lists), r#"{"page":2,"userId":6001,"types":["ANIME_LIST","MANGA_LIST"],"sort":["PINNED","ID_DESC"]}"#, "a member's: what they pinned first");
        assert_eq!(vars(Whose::Member(6001), Shown::All), r#"{"page":2,"userId":6001,"types":["TEXT","ANIME_LIST","MANGA_LIST","MESSAGE"],"sort":["PINNED","ID_DESC"]}"#, "a member's page: the messages written to them too");
        let (found, more) = serde_json::from_str::<PageData<Activity>>(r#"{"Page":{"pageInfo":{"hasNextPage":true},"items":[{"id":1,"type":"TEXT","text":"<p>hi</p>"},{},null,{"id":2,"type":"SOMETHING_NEW"}]}}"#).unwrap().page();
        assert!(more);
        assert_eq!(found.iter().map(|a| (a.id, a.kind)).collect::<Vec<_>>(), [(Some(1), Some(ActivityType::Text)), (Some(2), Some(ActivityType::Unknown))]);
    }

    #[test]
    fn one_activity_is_read_unless_its_kind_is_unknown() {
        let one: ItemData = serde_json::from_str(r#"{"Activity":{"id":8005,"type":"TEXT","text":"<p>hi</p>"}}"#).unwrap();
        assert_eq!(one.activity().and_then(|a| a.id), Some(8005));
        let unknown: ItemData = serde_json::from_str(r#"{"Activity":{}}"#).unwrap();
        assert_eq!(unknown.activity(), None);
        let none: ItemData = serde_json::from_str(r#"{"Activity":null}"#).unwrap();
        assert_eq!(none.activity(), None);
    }

    #[test]
    fn what_a_feed_shows_goes_to_the_address_and_back() {
        for shown in Shown::ALL {
            assert_eq!(Shown::from_param(shown.param()), shown);
        }
        assert_eq!(Shown::from_param(Some(" posts ")), Shown::Posts);
        assert_eq!(Shown::from_param(Some("messages")), Shown::All, "one this app does not know");
        assert_eq!(Shown::from_param(Some("")), Shown::All);
        // Every type asked for is one AniList's ActivityType has.
        for t in Shown::ALL.iter().flat_map(|s| [Whose::Following, Whose::Everyone, Whose::Member(1)].map(|w| s.types(w))).flatten() {
            assert_ne!(serde_json::from_str::<ActivityType>(&format!("\"{t}\"")).unwrap(), ActivityType::Unknown, "{t}");
        }
    }
}
