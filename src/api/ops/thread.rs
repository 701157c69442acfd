//! A title's forum threads on AniList: pinned ones first, then the most
//! recently answered, ten at a time.

use serde::{Deserialize, Serialize};

use crate::api::operation::{Operation, PageData};

pub struct TitleThreads;

impl Operation for TitleThreads {
    const NAME: &'static str = "TitleThreads";
    const MUTATION: bool = false;
    const QUERY: &'static str = "query TitleThreads($mediaId: Int!, $page: Int) {
  Page(page: $page, perPage: 10) {
    pageInfo { hasNextPage }
    items: threads(mediaCategoryId: $mediaId, sort: [IS_STICKY, REPLIED_AT_DESC]) {
      id title replyCount viewCount isSticky isLocked repliedAt createdAt siteUrl
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
    /// The thread on AniList (the app has no forum of its own).
    pub site_url: Option<String>,
    pub user: Option<Name>,
    pub reply_user: Option<Name>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Name {
    pub name: String,
}

impl Thread {
    /// Its page on AniList, only when it is one (an address of another
    /// site, or none: the thread's number there).
    pub fn link(&self) -> String {
        self.site_url
            .clone()
            .filter(|u| u.starts_with("https://anilist.co/"))
            .unwrap_or_else(|| format!("https://anilist.co/forum/thread/{}", self.id))
    }

    /// When it last moved: its last answer, else its beginning.
    pub fn last_active(&self) -> Option<i64> {
        self.replied_at.filter(|&t| t > 0).or(self.created_at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_thread_links_to_anilist_only_and_moved_when_last_answered() {
        let t: Thread = serde_json::from_str(r#"{"id":7,"title":"Episode 1","replyCount":3,"viewCount":null,"repliedAt":0,"createdAt":100,"siteUrl":"javascript:alert(1)","user":{"name":"Hana"},"replyUser":null}"#).unwrap();
        assert_eq!(t.link(), "https://anilist.co/forum/thread/7");
        assert_eq!(t.last_active(), Some(100));
        let t = Thread { site_url: Some("https://anilist.co/forum/thread/7".into()), replied_at: Some(200), ..t };
        assert_eq!(t.link(), "https://anilist.co/forum/thread/7");
        assert_eq!(t.last_active(), Some(200));
        assert_eq!(serde_json::to_string(&Vars { media_id: 1, page: 2 }).unwrap(), r#"{"mediaId":1,"page":2}"#);
    }
}
