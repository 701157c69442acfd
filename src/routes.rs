//! Every route path of the app, in one place. Pages link with [`Page::href`];
//! `lib.rs` builds the router from the segment constants.

use std::cell::RefCell;

thread_local! {
    static BASE: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Sets the path the app is served under (`""` at the root, `"/x"` under
/// `/x/`); [`crate::App`] does it once. Leptos' router matches routes under
/// its base but leaves absolute link paths alone, so links carry it.
pub fn set_base(base: &str) {
    BASE.with(|b| *b.borrow_mut() = base.trim_end_matches('/').to_string());
}

/// The path the app is served under, as [`set_base`] left it.
pub fn base() -> String {
    BASE.with(|b| b.borrow().clone())
}

pub const TOKEN: &str = "token";
pub const PROFILE: &str = "profile";
pub const LISTS: &str = "lists";
pub const SEARCH: &str = "search";
pub const CONSOLE: &str = "console";
pub const SETTINGS: &str = "settings";
pub const AIRING: &str = "airing";
/// Under [`AIRING`]: `/airing/schedule`.
pub const SCHEDULE: &str = "schedule";
pub const NOTIFICATIONS: &str = "notifications";
pub const ACTIVITY: &str = "activity";
pub const STATS: &str = "stats";
pub const CHARACTER: &str = "character";
pub const STAFF: &str = "staff";
pub const STUDIO: &str = "studio";
pub const USER: &str = "user";
pub const REVIEW: &str = "review";
pub const THREAD: &str = "thread";
pub const FORUM: &str = "forum";
/// `/forum/new`: a thread to begin.
pub const NEW: &str = "new";
/// `/thread/9001/edit`: the person's thread, to change.
pub const EDIT: &str = "edit";

pub use crate::media::MediaKind;

/// The forum's threads of one of its categories (`/forum?category=7`).
pub fn forum_category_href(id: i64) -> String {
    format!("{}?category={id}", Page::Forum.href())
}

/// A thread to begin: about title `media`, in category `category`, when
/// they are given.
pub fn new_thread_href(media: Option<i64>, category: Option<i64>) -> String {
    let mut q = form_urlencoded::Serializer::new(String::new());
    if let Some(m) = media {
        q.append_pair("media", &m.to_string());
    }
    if let Some(c) = category {
        q.append_pair("category", &c.to_string());
    }
    let q = q.finish();
    if q.is_empty() { Page::NewThread.href() } else { format!("{}?{q}", Page::NewThread.href()) }
}

/// A thread's page, at one of its comments when there is one
/// (`/thread/9001?comment=50002`: shown first).
pub fn thread_comment_href(thread: i64, comment: Option<i64>) -> String {
    match comment {
        Some(c) => format!("{}?comment={c}", Page::Thread(thread).href()),
        None => Page::Thread(thread).href(),
    }
}

/// A value for a link's query string, form-encoded (URLSearchParams' rules).
pub fn query_value(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// A place in the app a link can point to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    Home,
    Token,
    Profile,
    Lists(MediaKind),
    Search,
    Console,
    Settings,
    /// A title's page: `/anime/1`, `/manga/30002`.
    Title(MediaKind, i64),
    /// The airing page: the person's current titles by their next episode.
    Airing,
    /// Every episode airing on a day (`?day=2026-12-07`; today without one).
    Schedule,
    /// The activity feed: the followed members' (`?feed=everyone`: everyone's).
    Activity,
    /// One activity, with its replies: `/activity/8005`.
    ActivityItem(i64),
    /// The person's notifications (the header's bell).
    Notifications,
    /// The person's statistics, as AniList counts them: `/stats/anime`.
    Stats(MediaKind),
    /// A character's page: `/character/1`.
    Character(i64),
    /// A staff member's page (voice actors too): `/staff/95`.
    Staff(i64),
    /// A studio's page: `/studio/14`.
    Studio(i64),
    /// Another AniList member's page: `/user/6001`.
    User(i64),
    /// A review of a title: `/review/7001`.
    Review(i64),
    /// The person's review of a title, to write or change: `/anime/1/review`.
    WriteReview(MediaKind, i64),
    /// A forum thread with its comments: `/thread/9001`.
    Thread(i64),
    /// AniList's forum: the threads last answered (`?show=subscribed`: those
    /// the person follows; `?show=mine`: theirs; `?search=`: found).
    Forum,
    /// A thread to begin (`?media=1`: about a title; `?category=7`: in a
    /// category): `/forum/new`.
    NewThread,
    /// The person's thread, to change or delete: `/thread/9001/edit`.
    EditThread(i64),
}

impl Page {
    /// The pages in the main navigation, in order.
    pub const NAV: [Page; 9] = [
        Page::Profile,
        Page::Lists(MediaKind::Anime),
        Page::Airing,
        Page::Activity,
        Page::Forum,
        Page::Search,
        Page::Console,
        Page::Token,
        Page::Settings,
    ];

    /// The link to the page: the base path, then [`Page::path`].
    pub fn href(self) -> String {
        format!("{}{}", base(), self.path())
    }

    /// The path inside the app, without the base path.
    pub fn path(self) -> String {
        match self {
            Page::Home => "/".to_string(),
            Page::Token => format!("/{TOKEN}"),
            Page::Profile => format!("/{PROFILE}"),
            Page::Lists(kind) => format!("/{LISTS}/{}", kind.slug()),
            Page::Search => format!("/{SEARCH}"),
            Page::Console => format!("/{CONSOLE}"),
            Page::Settings => format!("/{SETTINGS}"),
            Page::Title(kind, id) => format!("/{}/{id}", kind.slug()),
            Page::Airing => format!("/{AIRING}"),
            Page::Schedule => format!("/{AIRING}/{SCHEDULE}"),
            Page::Activity => format!("/{ACTIVITY}"),
            Page::ActivityItem(id) => format!("/{ACTIVITY}/{id}"),
            Page::Notifications => format!("/{NOTIFICATIONS}"),
            Page::Stats(kind) => format!("/{STATS}/{}", kind.slug()),
            Page::Character(id) => format!("/{CHARACTER}/{id}"),
            Page::Staff(id) => format!("/{STAFF}/{id}"),
            Page::Studio(id) => format!("/{STUDIO}/{id}"),
            Page::User(id) => format!("/{USER}/{id}"),
            Page::Review(id) => format!("/{REVIEW}/{id}"),
            Page::WriteReview(kind, id) => format!("/{}/{id}/{REVIEW}", kind.slug()),
            Page::Thread(id) => format!("/{THREAD}/{id}"),
            Page::Forum => format!("/{FORUM}"),
            Page::NewThread => format!("/{FORUM}/{NEW}"),
            Page::EditThread(id) => format!("/{THREAD}/{id}/{EDIT}"),
        }
    }

    /// The sign-in page, set to come back to `self` afterwards.
    pub fn sign_in_then(self) -> String {
        sign_in_then(&self.path())
    }

    pub fn label(self) -> &'static str {
        match self {
            Page::Home => "Home",
            Page::Token => "Token",
            Page::Profile => "Profile",
            Page::Lists(_) => "Lists",
            Page::Search => "Search",
            Page::Console => "GraphQL console",
            Page::Settings => "Settings",
            Page::Title(..) => "Title",
            Page::Airing => "Airing",
            Page::Schedule => "Airing schedule",
            Page::Activity | Page::ActivityItem(_) => "Activity",
            Page::Notifications => "Notifications",
            Page::Stats(_) => "Statistics",
            Page::Character(_) => "Character",
            Page::Staff(_) => "Staff",
            Page::Studio(_) => "Studio",
            Page::User(_) => "Member",
            Page::Review(_) => "Review",
            Page::WriteReview(..) => "Your review",
            Page::Thread(_) => "Forum thread",
            Page::Forum => "Forum",
            Page::NewThread => "New thread",
            Page::EditThread(_) => "Your thread",
        }
    }
}

/// The sign-in page, set to come back to the in-app `path` afterwards.
pub fn sign_in_then(path: &str) -> String {
    format!("{}?return_to={}", Page::Home.href(), query_value(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hrefs_are_distinct_absolute_paths() {
        let mut all: Vec<String> = Page::NAV.iter().map(|p| p.href()).collect();
        all.push(Page::Home.href());
        all.push(Page::Lists(MediaKind::Manga).href());
        all.push(Page::Title(MediaKind::Anime, 1).href());
        all.push(Page::Title(MediaKind::Manga, 1).href());
        all.push(Page::Notifications.href());
        all.push(Page::Schedule.href());
        all.extend(MediaKind::ALL.map(|k| Page::Stats(k).href()));
        all.push(Page::Character(1).href());
        all.push(Page::Staff(1).href());
        all.push(Page::Studio(1).href());
        all.push(Page::User(1).href());
        all.push(Page::Review(1).href());
        all.push(Page::ActivityItem(1).href());
        all.extend(MediaKind::ALL.map(|k| Page::WriteReview(k, 1).href()));
        all.push(Page::Thread(1).href());
        all.extend([Page::NewThread.href(), Page::EditThread(1).href()]);
        for h in &all {
            assert!(h.starts_with('/'), "{h}");
            assert!(!h.contains("//"), "{h}");
        }
        let n = all.len();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), n, "two pages share a path");
        assert_eq!(Page::Lists(MediaKind::Manga).href(), "/lists/manga");
        assert_eq!(Page::Token.href(), "/token");
        assert_eq!(Page::Stats(MediaKind::Manga).href(), "/stats/manga");
        assert_eq!(Page::Title(MediaKind::Manga, 30002).href(), "/manga/30002");
        assert_eq!(Page::Character(1).href(), "/character/1");
        assert_eq!(Page::Staff(95).href(), "/staff/95");
        assert_eq!(Page::Studio(14).href(), "/studio/14");
        assert_eq!(Page::User(6001).href(), "/user/6001");
        assert_eq!(Page::Review(7001).href(), "/review/7001");
        assert_eq!(Page::Thread(9001).href(), "/thread/9001");
        assert_eq!(Page::Forum.href(), "/forum");
        assert_eq!((Page::NewThread.href(), Page::EditThread(9001).href()), ("/forum/new".to_string(), "/thread/9001/edit".to_string()));
        assert_eq!(forum_category_href(7), "/forum?category=7");
        assert_eq!(thread_comment_href(9001, Some(50002)), "/thread/9001?comment=50002");
        assert_eq!(thread_comment_href(9001, None), "/thread/9001");
        assert_eq!(Page::WriteReview(MediaKind::Manga, 30002).href(), "/manga/30002/review");
        assert_eq!(Page::Schedule.href(), "/airing/schedule");
        assert_eq!(Page::Activity.href(), "/activity");
        assert_eq!(Page::ActivityItem(8005).href(), "/activity/8005");
        assert_eq!(Page::Lists(MediaKind::Anime).sign_in_then(), "/?return_to=%2Flists%2Fanime");
    }

    #[test]
    fn links_carry_the_base_path_and_return_paths_do_not() {
        set_base("/tsuzuki/");
        assert_eq!(base(), "/tsuzuki");
        assert_eq!(Page::Home.href(), "/tsuzuki/");
        assert_eq!(Page::Profile.href(), "/tsuzuki/profile");
        assert_eq!(Page::Lists(MediaKind::Manga).path(), "/lists/manga");
        assert_eq!(Page::Lists(MediaKind::Anime).sign_in_then(), "/tsuzuki/?return_to=%2Flists%2Fanime");
        set_base("");
        assert_eq!(Page::Profile.href(), "/profile");
    }

    #[test]
    fn media_kind_slugs_round_trip() {
        for kind in MediaKind::ALL {
            assert_eq!(MediaKind::from_slug(kind.slug()), Some(kind));
        }
        assert_eq!(MediaKind::from_slug("Anime"), None);
        assert_eq!(MediaKind::from_slug("novel"), None);
        assert_eq!(MediaKind::from_slug(""), None);
    }
}
