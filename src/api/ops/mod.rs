//! Every operation the app sends to AniList, one module each (see
//! [`crate::api::operation::Operation`]).

pub mod activity;
pub mod airing;
pub mod delete_entry;
pub mod examples;
pub mod favourite;
pub mod follow;
pub mod like;
pub mod list_collection;
pub mod list_entries;
pub mod by_ids;
pub mod markdown;
pub mod me;
pub mod member_list;
pub mod notifications;
pub mod people;
pub mod post;
pub mod recommendation;
pub mod review;
pub mod save_entry;
pub mod save_entries;
pub mod save_user_options;
pub mod schedule;
pub mod search;
pub mod stats;
pub mod studio;
pub mod thread;
pub mod thread_write;
pub mod title;
pub mod unread;
pub mod update_entries;
pub mod user;
pub mod tags;
pub mod user_options;
pub mod viewer;

/// Every typed operation: name, text, mutation or not (the schema test).
pub const ALL: &[(&str, &str, bool)] = &[
    op::<viewer::Viewer>(),
    op::<viewer::SaveAbout>(),
    op::<me::Me>(),
    op::<tags::Tags>(),
    op::<list_collection::ListCollection>(),
    op::<list_entries::ListEntries>(),
    op::<by_ids::ByMalIds>(),
    op::<save_entry::SaveEntry>(),
    op::<delete_entry::DeleteEntry>(),
    op::<update_entries::UpdateEntries>(),
    op::<search::Search>(),
    op::<title::TitlePage>(),
    op::<title::TitleCast>(),
    op::<favourite::FavouriteState>(),
    op::<favourite::ToggleFavourite>(),
    op::<favourite::MemberFavourites>(),
    op::<favourite::OrderFavourites>(),
    op::<people::CharacterPage>(),
    op::<people::StaffPage>(),
    op::<studio::StudioPage>(),
    op::<airing::AiringNow>(),
    op::<schedule::AiringSchedule>(),
    op::<notifications::Notifications>(),
    op::<unread::Unread>(),
    op::<user_options::UserOptions>(),
    op::<save_user_options::SaveUserOptions>(),
    op::<stats::UserStats>(),
    op::<user::UserPage>(),
    op::<user::MemberPeople>(),
    op::<user::MemberReviews>(),
    op::<thread::TitleThreads>(),
    op::<thread::ThreadPage>(),
    op::<thread::PostComment>(),
    op::<thread::MyComments>(),
    op::<thread::EditComment>(),
    op::<thread::DeleteComment>(),
    op::<thread::SubscribeThread>(),
    op::<thread::Answers>(),
    op::<thread::ForumThreads>(),
    op::<thread_write::ThreadDraft>(),
    op::<thread_write::SaveThread>(),
    op::<thread_write::MyThreads>(),
    op::<thread_write::DeleteThread>(),
    op::<follow::ToggleFollow>(),
    op::<follow::FollowState>(),
    op::<member_list::MemberList>(),
    op::<review::ReviewPage>(),
    op::<review::RateReview>(),
    op::<review::MyReview>(),
    op::<review::SaveReview>(),
    op::<review::DeleteReview>(),
    op::<recommendation::RateRecommendation>(),
    op::<activity::ActivityFeed>(),
    op::<activity::ActivityReplies>(),
    op::<activity::ActivityItem>(),
    op::<activity::Subscribe>(),
    op::<activity::Pin>(),
    op::<like::ToggleLike>(),
    op::<like::LikeState>(),
    op::<markdown::Markdown>(),
    op::<post::PostStatus>(),
    op::<post::EditPost>(),
    op::<post::LatestPosts>(),
    op::<post::SendMessage>(),
    op::<post::EditMessage>(),
    op::<post::LatestMessages>(),
    op::<post::PostReply>(),
    op::<post::EditReply>(),
    op::<post::DeletePost>(),
    op::<post::DeleteReply>(),
];

const fn op<O: crate::api::operation::Operation>() -> (&'static str, &'static str, bool) {
    (O::NAME, O::QUERY, O::MUTATION)
}
