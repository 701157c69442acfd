//! An activity feed, newest first, 25 at a time with "Load more" and
//! "Reload": the followed members', everyone's, or one member's (see
//! [`Whose`]: theirs, and the messages written to them). A list update
//! reads as a sentence in AniList's words with the member and the title as
//! links; a post or a message goes through the rich-text allowlist; each
//! has when (a link to its own page), its likes (a toggle, signed in) and
//! replies, and a link to it on AniList.

use leptos::prelude::*;

use crate::api::error::ApiError;
use crate::api::ops::activity::{merge, Activity, ActivityFeed, ActivityType, ActivityReplies, Pin, PinVars, RepliesVars, Reply, Shown, Subscribe, SubscribeVars, Vars, Whose};
use crate::api::ops::post::{self, LatestMessages, LatestPosts, LatestVars, MessageVars, MessagesVars, PostReply, PostStatus, ReplyVars, SendMessage, StatusVars};
use crate::api::ops::thread::{SubscribeThread, ThreadSubscribeVars};
use crate::api::sending::{again_if_unknown, sent_once};
use crate::api::Api;
use crate::auth::callback::Credential;
use crate::auth::time::{local_date_time, now_secs, relative_words};
use crate::components::api_status::{ApiErrorView, LoadMore, Paged, Sending};
use crate::components::compose::{Compose, Posted};
use crate::components::empty_state::EmptyState;
use crate::api::ops::like::Likeable;
use crate::components::like::LikeToggle;
use crate::components::read::read_from_anilist;
use crate::components::written::{DeleteMine, Mine, Written};
use crate::media::{MediaKind, MediaType};
use crate::routes::Page;

/// The activity page's address for a feed (the followed members' or
/// everyone's) and what it shows.
pub fn feed_href(everyone: bool, shown: Shown) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    if everyone {
        out.append_pair("feed", "everyone");
    }
    if let Some(s) = shown.param() {
        out.append_pair("show", s);
    }
    let q = out.finish();
    if q.is_empty() { Page::Activity.href() } else { format!("{}?{q}", Page::Activity.href()) }
}

/// One page of the feed, and whether there are more.
async fn read_page(api: Api, credential: Option<Credential>, page: u32, whose: Whose, shown: Shown, fresh: bool) -> Result<(Vec<Activity>, bool), ApiError> {
    Ok(api.run::<ActivityFeed>(credential.as_ref(), &Vars::new(page, whose, shown), fresh).await?.page())
}

/// Posts a status. Sent once: when the answer is lost, the person's latest
/// posts are read back and the one sent is looked for by its text.
async fn post_status(api: &Api, credential: &Credential, text: String) -> Result<Option<Activity>, ApiError> {
    let sent_at = now_secs();
    let send = async { Ok(api.run::<PostStatus>(Some(credential), &StatusVars { text: text.clone() }, false).await?.activity.filter(|a| a.id.is_some())) };
    sent_once(send, || async {
        let (latest, _) = api.run::<LatestPosts>(Some(credential), &LatestVars { user_id: credential.user }, true).await?.page();
        Ok(post::find_post(latest, &text, credential.user, sent_at))
    })
    .await
}

/// Writes a message to member `to`, sent once like a status (the person's
/// latest messages to them read back when the answer is lost).
async fn send_message(api: &Api, credential: &Credential, to: u64, text: String, private: bool) -> Result<Option<Activity>, ApiError> {
    let sent_at = now_secs();
    let send = async { Ok(api.run::<SendMessage>(Some(credential), &MessageVars { id: None, recipient_id: to, message: text.clone(), private }, false).await?.activity.filter(|a| a.id.is_some())) };
    sent_once(send, || async {
        let (latest, _) = api.run::<LatestMessages>(Some(credential), &MessagesVars { user_id: to, messenger_id: credential.user }, true).await?.page();
        Ok(post::find_post(latest, &text, credential.user, sent_at))
    })
    .await
}

/// Replies to activity `id`, sent once like a status (the activity's
/// replies read back when the answer is lost).
async fn post_reply(api: &Api, credential: &Credential, id: i64, text: String) -> Result<Option<Reply>, ApiError> {
    let sent_at = now_secs();
    let send = async { Ok(api.run::<PostReply>(Some(credential), &ReplyVars { activity_id: id, text: text.clone() }, false).await?.reply) };
    sent_once(send, || async {
        let replies = api.run::<ActivityReplies>(Some(credential), &RepliesVars { id }, true).await?.replies();
        Ok(post::find_reply(replies, &text, credential.user, sent_at))
    })
    .await
}

/// What the person can subscribe to: AniList then tells them of each reply
/// or comment.
#[derive(Clone, Copy, Debug)]
pub enum Subscribable {
    Activity(i64),
    Thread(i64),
}

/// Subscribes the person, or stops: AniList's state after it. It sets the
/// state, so a lost answer is followed by one more send.
async fn subscribe(api: &Api, credential: &Credential, to: Subscribable, subscribe: bool) -> Result<bool, ApiError> {
    let now = match to {
        Subscribable::Activity(id) => {
            let once = || async move { api.run::<Subscribe>(Some(credential), &SubscribeVars { activity_id: id, subscribe }, false).await };
            again_if_unknown(once).await?.activity.and_then(|a| a.is_subscribed)
        }
        Subscribable::Thread(id) => {
            let once = || async move { api.run::<SubscribeThread>(Some(credential), &ThreadSubscribeVars { thread_id: id, subscribe }, false).await };
            again_if_unknown(once).await?.thread.and_then(|t| t.is_subscribed)
        }
    };
    Ok(now.unwrap_or(subscribe))
}

/// A state the person sets on AniList with one button: subscribed to an
/// activity's replies or a thread's comments, or one of their activities
/// pinned to the top of their activity.
#[derive(Clone, Copy, Debug)]
pub enum Setting {
    Subscribed(Subscribable),
    Pinned(i64),
}

impl Setting {
    /// Sets it (`want`): AniList's state after it. Each sets the state, so
    /// a lost answer is followed by one more send.
    async fn send(self, api: &Api, credential: &Credential, want: bool) -> Result<bool, ApiError> {
        match self {
            Setting::Subscribed(to) => subscribe(api, credential, to, want).await,
            Setting::Pinned(id) => {
                let once = || async move { api.run::<Pin>(Some(credential), &PinVars { id, pinned: want }, false).await };
                Ok(again_if_unknown(once).await?.activity.and_then(|a| a.is_pinned).unwrap_or(want))
            }
        }
    }

    /// The button's words (off, on), its title and its test id.
    fn words(self) -> (&'static str, &'static str, &'static str, &'static str) {
        match self {
            Setting::Subscribed(Subscribable::Activity(_)) => ("Subscribe", "Subscribed", "Be told of its replies on AniList", "subscribe"),
            Setting::Subscribed(Subscribable::Thread(_)) => ("Subscribe", "Subscribed", "Be told of its new comments on AniList", "subscribe"),
            Setting::Pinned(_) => ("Pin", "Unpin", "At the top of your activity, on your profile and your page", "pin"),
        }
    }
}

/// The button of a [`Setting`] (signed in only): "Subscribe" /
/// "Subscribed", "Pin" / "Unpin"; `after` runs once AniList set it (a
/// member's feed reads AniList's order again after a pin).
#[component]
pub fn SettingToggle(what: Setting, on: RwSignal<bool>, #[prop(default = None)] after: Option<Callback<()>>) -> impl IntoView {
    let api = StoredValue::new(expect_context::<Api>());
    let session = crate::session::use_session();
    let sending = Sending::new();
    let (busy, problem) = (sending.busy, sending.problem);
    let press = move |_| {
        let Some(credential) = session.credential() else { return };
        let (api, want) = (api.get_value(), !on.get_untracked());
        sending.run(async move { what.send(&api, &credential, want).await }, move |now| {
            on.try_set(now);
            if let Some(after) = after {
                after.try_run(());
            }
        });
    };
    let (off_words, on_words, title, testid) = what.words();
    view! {
        " · "
        <button type="button" class="linklike" aria-pressed=move || on.get().to_string() title=title
            disabled=move || busy.get() on:click=press data-testid=testid>
            {move || if on.get() { on_words } else { off_words }}
        </button>
        {move || problem.get().map(|e| view! { <div data-testid=format!("{testid}-error")><ApiErrorView error=e/></div> })}
    }
}

/// Where a draft is kept in the tab: per person and place.
fn draft_key(credential: &Credential, place: &str) -> String {
    crate::storage::draft_key(credential.user, place)
}

#[component]
pub fn Feed(credential: Option<Credential>, whose: Whose, #[prop(optional)] shown: Shown, #[prop(optional, into)] name: Option<String>) -> impl IntoView {
    let api = expect_context::<Api>();
    // What the person posted here, shown on top (until a read has it), and
    // what they deleted here (left out, whatever a read still has).
    let posted = RwSignal::new(Vec::<Activity>::new());
    let deleted = RwSignal::new(Vec::<i64>::new());
    let forget = Callback::new(move |id: i64| {
        deleted.try_update(|d| d.push(id));
    });
    // What was posted here goes on top; none found after a lost answer
    // most likely was not posted.
    let on_top = move |made: Option<Activity>| match made {
        Some(a) => {
            posted.try_update(|p| p.insert(0, a));
            Posted::Yes
        }
        None => Posted::NotFound,
    };
    // A status on the followed members' feed and on the person's own
    // (unless it shows list updates only); a message on another member's.
    let composer = credential.clone().filter(|_| shown != Shown::Lists).and_then(|credential| {
        let api = api.clone();
        match whose {
            Whose::Member(to) if to != credential.user => {
                let private = RwSignal::new(false);
                let key = draft_key(&credential, &format!("message-{to}"));
                let choice = view! {
                    <label class="compose__choice" title="Only the two of you will see it">
                        <input type="checkbox" prop:checked=move || private.get() on:change=move |ev| private.set(event_target_checked(&ev)) data-testid="message-private"/>
                        " Private"
                    </label>
                };
                let label = name.map_or_else(|| "Write a message".to_string(), |n| format!("Write to {n}"));
                Some(Compose::new(label, "Send", key).main().extra(choice.into_any()).send(move |text| {
                    let (api, credential) = (api.clone(), credential.clone());
                    let secret = private.get_untracked();
                    async move {
                        let posted = on_top(send_message(&api, &credential, to, text, secret).await?);
                        // Sent: the next message starts public again, as the box starts empty.
                        if posted == Posted::Yes {
                            private.try_set(false);
                        }
                        Ok(posted)
                    }
                }))
            }
            Whose::Everyone => None,
            Whose::Following | Whose::Member(_) => {
                let key = draft_key(&credential, "status");
                Some(Compose::new("Post a status", "Post", key).main().send(move |text| {
                    let (api, credential) = (api.clone(), credential.clone());
                    async move { Ok(on_top(post_status(&api, &credential, text).await?)) }
                }))
            }
        }
    });
    let (first_api, first_credential) = (api.clone(), credential.clone());
    let feed = read_from_anilist(
        "Loading the activity…",
        move |fresh| read_page(first_api.clone(), first_credential.clone(), 1, whose, shown, fresh),
        move |(items, next): (Vec<Activity>, bool), again| {
            let now = now_secs();
            // "Load more" from page 2; "Reload" draws all this anew from page 1.
            let read = RwSignal::new(items);
            let all = Memo::new(move |_| {
                let mut all = posted.get();
                read.with(|s| merge(&mut all, s.clone()));
                deleted.with(|d| all.retain(|a| a.id.is_none_or(|id| !d.contains(&id))));
                all
            });
            let (api, credential) = (api.clone(), credential.clone());
            let pages = Paged::new(
                2,
                next,
                move |page, _| read_page(api.clone(), credential.clone(), page, whose, shown, false),
                move |(items, more): (Vec<Activity>, bool), _| {
                    read.update(|s| merge(s, items));
                    more
                },
            );
            let empty = Memo::new(move |_| all.with(Vec::is_empty));
            // One member's feed shows what they pinned first: read again
            // after a pin, in AniList's order.
            let moved = matches!(whose, Whose::Member(_)).then_some(again);
            (move || {
                if empty.get() {
                    return view! {
                        <EmptyState title="Nothing here yet">
                            {match whose {
                                _ if shown == Shown::Posts => view! { <p>"No status posts here yet."</p> }.into_any(),
                                _ if shown == Shown::Lists => view! { <p>"No list updates here yet."</p> }.into_any(),
                                Whose::Following => view! { <p>"When members you follow update their lists or post, it shows here. " <a href=feed_href(true, Shown::All)>"See everyone's activity"</a> "."</p> }.into_any(),
                                Whose::Everyone => view! { <p>"No one has posted lately."</p> }.into_any(),
                                Whose::Member(_) => view! { <p>"No list updates, posts or messages yet."</p> }.into_any(),
                            }}
                        </EmptyState>
                    }
                    .into_any();
                }
                view! {
                    <div class="actions actions--end">
                        <button type="button" class="button button--small button--secondary" on:click=move |_| again.run(()) data-testid="activity-reload">"Reload"</button>
                    </div>
                    <ol class="notes" data-testid="activity" aria-label="Activity, newest first">
                        <For each=move || all.get() key=|a| a.id let:a>
                            <ActivityRow a=a now=now forget=forget moved=moved/>
                        </For>
                    </ol>
                    <LoadMore load=pages.load more=pages.more/>
                }
                .into_any()
            })
            .into_any()
        },
    );
    view! { {composer} {feed} }
}

/// One activity on its own page, its replies open; once the person
/// deletes it, it says so.
#[component]
pub fn OneActivity(a: Activity) -> impl IntoView {
    let gone = RwSignal::new(false);
    let forget = Callback::new(move |_: i64| {
        gone.try_set(true);
    });
    let now = now_secs();
    move || {
        if gone.get() {
            return view! {
                <EmptyState title="Deleted">
                    <p>"It is no longer on AniList."</p>
                </EmptyState>
            }
            .into_any();
        }
        view! {
            <ol class="notes" data-testid="activity" aria-label="The activity">
                <ActivityRow a=a.clone() now=now forget=forget open=true/>
            </ol>
        }
        .into_any()
    }
}

/// One activity: who, what (a list update as a sentence with its title, or
/// the post), when (a link to its own page), its likes and replies (`open`
/// at first, or not), and a link to it on AniList.
#[component]
fn ActivityRow(a: Activity, now: i64, forget: Callback<i64>, #[prop(optional)] open: bool, #[prop(default = None)] moved: Option<Callback<()>>) -> impl IntoView {
    let id = a.id.unwrap_or_default();
    let person = me();
    let mine = a.user.as_ref().is_some_and(|u| Some(u.id) == person);
    let avatar = a.user.as_ref().and_then(|u| u.avatar.as_ref()).and_then(|i| i.medium.clone());
    let who = a.user.clone().map(|u| view! { <a class="activity__who" href=Page::User(u.id as i64).href()>{u.name}</a> });
    let words = a.list_words();
    // A message: to whom, and whether only the two of them see it.
    let message = a.kind == Some(ActivityType::Message);
    let to = a.recipient.clone().filter(|_| message).map(|u| view! { " wrote to " <a class="activity__who" href=Page::User(u.id as i64).href()>{u.name}</a> });
    let private = (message && a.is_private == Some(true)).then(|| view! { " " <span class="activity__private" data-testid="activity-private">"Private"</span> });
    let title = a.media.clone().map(|m| {
        let name = m.name();
        match m.kind {
            Some(MediaType::Anime) => view! { <a href=Page::Title(MediaKind::Anime, m.id).href()>{name}</a> }.into_any(),
            Some(MediaType::Manga) => view! { <a href=Page::Title(MediaKind::Manga, m.id).href()>{name}</a> }.into_any(),
            _ => view! { <strong>{name}</strong> }.into_any(),
        }
    });
    let cover = a.media.as_ref().and_then(|m| m.cover_image.as_ref()).and_then(|c| c.medium.clone());
    // A post: shown through the allowlist; yours can be edited in place.
    let written = Written::new(a.text.clone(), a.source.clone());
    let own = match (&a.recipient, message) {
        (Some(r), true) => Mine::Message { id, to: r.id, private: a.is_private == Some(true) },
        _ => Mine::Post(id),
    };
    let editable = mine && (a.kind == Some(ActivityType::Text) || matches!(own, Mine::Message { .. }));
    // What its writer pinned (said so on one member's feed, where it comes
    // first); the person's own post or list update can be pinned.
    let pinned = RwSignal::new(a.is_pinned == Some(true));
    let pinnable = mine && !message;
    let pin_said = moved.is_some();
    // A message written to the person: theirs to delete from their page, not to edit.
    let received = matches!(own, Mine::Message { to, .. } if Some(to) == person);
    let post = written.view(own, "activity-post");
    let session = crate::session::use_session();
    let signed_in = session.user_untracked().is_some();
    // Signed in, "Reply" opens them with a box to answer in.
    let replies = RwSignal::new(a.reply_count.unwrap_or(0));
    let open = RwSignal::new(open);
    // Opened by a click (not by the activity's own page): its box may take the focus.
    let clicked = StoredValue::new(false);
    let liked = RwSignal::new(a.is_liked.unwrap_or(false));
    let subscribed = RwSignal::new(a.is_subscribed.unwrap_or(false));
    let likes = RwSignal::new(a.like_count.unwrap_or(0));
    let whose = a.user.as_ref().map_or_else(|| "this activity".to_string(), |u| format!("{}'s activity", u.name));
    let site = a.site_url.clone().filter(|u| u.starts_with("https://"));
    let when = a.created_at.map(|at| view! { <a href=Page::ActivityItem(id).href() class="activity__when"><time title=local_date_time(at)>{relative_words(at - now)}</time></a> });
    view! {
        <li class="note activity" data-testid=format!("activity-{id}")>
            {match avatar {
                Some(src) => view! { <img class="note__image note__image--person" src=src alt="" loading="lazy" width="40" height="40"/> }.into_any(),
                None => view! { <span class="note__image note__image--person" aria-hidden="true"></span> }.into_any(),
            }}
            <div class="note__main">
                <p class="note__text" data-testid="activity-text">
                    {who}
                    {words.map(|w| view! { " " <span>{w}</span> {title} })}
                    {to}
                    {private}
                    {move || (pin_said && pinned.get()).then(|| view! { " " <span class="activity__private" data-testid="activity-pinned">"Pinned"</span> })}
                </p>
                {post}
                <p class="note__meta" data-testid="activity-meta">
                    {when}
                    " · " <LikeToggle id=id kind=Likeable::Activity on=liked count=likes whose=whose/>
                    {signed_in.then(|| view! { <SettingToggle what=Setting::Subscribed(Subscribable::Activity(id)) on=subscribed/> })}
                    {pinnable.then(|| view! { <SettingToggle what=Setting::Pinned(id) on=pinned after=moved/> })}
                    {move || (signed_in || replies.get() > 0).then(|| view! {
                        " · "
                        <button type="button" class="linklike" aria-expanded=move || open.get().to_string()
                            on:click=move |_| {
                                clicked.set_value(true);
                                open.update(|o| *o = !*o);
                            } data-testid="replies-toggle">
                            {move || match replies.get() { 0 => "Reply".to_string(), 1 => "1 reply".to_string(), n => format!("{n} replies") }}
                        </button>
                    })}
                    {site.map(|href| view! { " · " <a href=href rel="noopener noreferrer" target="_blank">"Open on AniList"</a> })}
                    {editable.then(|| written.edit_button())}
                    {(mine || received).then(|| view! { <DeleteMine mine=own gone=Callback::new(move |()| {
                        forget.try_run(id);
                    })/> })}
                </p>
                {move || open.get().then(|| view! { <Replies id=id now=now count=replies focus=clicked.get_value()/> })}
            </div>
            {cover.map(|src| view! { <img class="entry__cover" src=src alt="" loading="lazy" width="40" height="56"/> })}
        </li>
    }
}

/// An activity's replies, read when opened: who, what (through the
/// allowlist), when and how many liked it. `focus`: opened by a click,
/// so the box takes the focus when there is nothing to read ("Reply").
#[component]
fn Replies(id: i64, now: i64, count: RwSignal<u32>, focus: bool) -> impl IntoView {
    let api = expect_context::<Api>();
    let session = crate::session::use_session();
    let credential = session.credential();
    // The person's replies made here, after those read; those deleted here.
    let added = RwSignal::new(Vec::<Reply>::new());
    let deleted = RwSignal::new(Vec::<i64>::new());
    // None when the feed was read: none to read now ("Try again" reads).
    let unanswered = count.get_untracked() == 0;
    let composer = credential.clone().map(|credential| {
        let api = api.clone();
        let key = draft_key(&credential, &format!("reply-{id}"));
        let compose = Compose::new("Your reply", "Reply", key);
        // Opened with "Reply" (none to read): typing starts at once.
        let compose = if unanswered && focus { compose.focused() } else { compose };
        compose.send(move |text| {
            let (api, credential) = (api.clone(), credential.clone());
            async move {
                Ok(match post_reply(&api, &credential, id, text).await? {
                    Some(r) => {
                        added.try_update(|a| a.push(r));
                        count.try_update(|n| *n += 1);
                        Posted::Yes
                    }
                    None => Posted::NotFound,
                })
            }
        })
    });
    let replies = read_from_anilist(
        "Loading the replies…",
        move |fresh| {
            let (api, credential) = (api.clone(), credential.clone());
            async move {
                if unanswered && !fresh {
                    return Ok(Vec::new());
                }
                Ok(api.run::<ActivityReplies>(credential.as_ref(), &RepliesVars { id }, fresh).await?.replies())
            }
        },
        move |read: Vec<Reply>, _| {
            let all = Memo::new(move |_| {
                let mut all = read.clone();
                added.with(|a| all.extend(a.iter().filter(|r| all.iter().all(|x| x.id != r.id)).cloned().collect::<Vec<_>>()));
                deleted.with(|d| all.retain(|r| !d.contains(&r.id)));
                all
            });
            view! {
                <Show when=move || all.with(Vec::is_empty)>
                    <p class="muted small">"No replies yet."</p>
                </Show>
                <ol class="replies" data-testid="replies" aria-label="Replies">
                    <For each=move || all.get() key=|r| r.id let:r>
                        {
                            let is_mine = r.user.as_ref().is_some_and(|u| Some(u.id) == me());
                            let who = r.user.map(|u| view! { <a class="activity__who" href=Page::User(u.id as i64).href()>{u.name}</a> });
                            let when = r.created_at.map(|at| view! { <time title=local_date_time(at)>{relative_words(at - now)}</time> });
                            let likes = r.like_count.filter(|n| *n > 0).map(|n| format!(" · {}", crate::text::count(n, "like")));
                            let reply = r.id;
                            let written = Written::new(r.text, r.source);
                            let mine = is_mine.then(|| {
                                let gone = Callback::new(move |()| {
                                    deleted.try_update(|d| d.push(reply));
                                    count.try_update(|n| *n = n.saturating_sub(1));
                                });
                                view! { {written.edit_button()} <DeleteMine mine=Mine::Reply(reply) gone=gone/> }
                            });
                            view! {
                                <li class="reply" data-testid=format!("reply-{}", r.id)>
                                    {who}
                                    {written.view(Mine::Reply(reply), "reply-text")}
                                    <p class="note__meta">{when}{likes}{mine}</p>
                                </li>
                            }
                        }
                    </For>
                </ol>
            }
            .into_any()
        },
    );
    view! { {replies} {composer} }
}

/// The signed-in person's id.
fn me() -> Option<u64> {
    use_context::<crate::session::SessionContext>()?.user_untracked()
}

/// A member's activity on their page (or the person's own on their
/// profile): read when first opened, so a visit that does not look sends
/// one request fewer.
#[component]
pub fn ActivityCard(user: u64, #[prop(into)] name: String) -> impl IntoView {
    let session = crate::session::use_session();
    let opened = RwSignal::new(false);
    view! {
        <details class="card activity-card" data-testid="member-activity" on:toggle=move |_| opened.set(true)>
            <summary><h2>"Activity"</h2></summary>
            {move || opened.get().then(|| {
                let credential = session.credential();
                view! { <Feed credential=credential whose=Whose::Member(user) name=name.clone()/> }
            })}
        </details>
    }
}
