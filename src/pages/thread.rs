//! `/thread/:id`: a thread of AniList's forum: its title, who began it, the
//! titles it is about, what it says (through the rich-text allowlist:
//! nothing in it runs), and its comments 25 at a time, oldest first, each
//! with how many answers it has. The answers are read on AniList: AniList
//! gives them as markdown, which the app does not render. Signed in, a
//! comment of one's own (previewed, posted once: a lost answer is looked
//! for, never sent again). Readable signed out.

use leptos::prelude::*;

use crate::api::ops::thread::{find_comment, Comment, CommentVars, MineVars, MyComments, PageVars, PostComment, ThreadBody, ThreadPage as Query};
use crate::api::sending::sent_once;
use crate::auth::callback::Credential;
use crate::api::ops::like::Likeable;
use crate::components::compose::{Compose, Posted};
use crate::components::activity::{SubscribeToggle, Subscribable};
use crate::components::like::LikeToggle;
use crate::components::written::{DeleteMine, Mine, Written};
use crate::routes::Page;
use crate::api::{Api, ApiError};
use crate::auth::time::{local_date_time, now_secs, relative_words};
use crate::components::api_status::{LoadMore, Paged};
use crate::components::empty_state::EmptyState;
use crate::components::read::read_from_anilist;
use crate::components::rich_text::RichText;
use crate::components::tiles::{MediaTile, MemberLink};
use crate::session::use_session;
use crate::text::{count, group_digits};

#[component]
pub fn ThreadPage() -> impl IntoView {
    let id = crate::pages::id_param();
    move || match id.get() {
        Some(id) => view! { <ThreadView id=id/> }.into_any(),
        None => view! {
            <EmptyState title="No such thread">
                <p>"This address does not name a forum thread."</p>
            </EmptyState>
        }
        .into_any(),
    }
}

#[component]
fn ThreadView(id: i64) -> impl IntoView {
    let api = expect_context::<Api>();
    let session = use_session();
    read_from_anilist(
        "Loading the thread…",
        move |fresh| {
            let api = api.clone();
            async move {
                let mut data = api.run::<Query>(session.credential().as_ref(), &PageVars { id, page: 1, first: true }, fresh).await?;
                let thread = data.thread.take().ok_or_else(|| ApiError::Shape(format!("no thread {id}")))?;
                Ok((thread, data.comments()))
            }
        },
        move |(thread, (comments, more)), _| view! { <ThreadBodyView thread=thread comments=comments more=more/> }.into_any(),
    )
}

#[component]
fn ThreadBodyView(thread: ThreadBody, comments: Vec<Comment>, more: bool) -> impl IntoView {
    let api = StoredValue::new(expect_context::<Api>());
    let session = use_session();
    let t = thread;
    let id = t.id;
    let heading = t.title.clone().filter(|h| !h.trim().is_empty()).unwrap_or_else(|| "A forum thread".into());
    crate::pages::set_title(&heading);
    let now = now_secs();
    // The comments: AniList's count, with the person's posted and deleted here.
    let total = RwSignal::new(t.reply_count.unwrap_or(0));
    let mut facts = Vec::new();
    if let Some(v) = t.view_count {
        facts.push(format!("{} views", group_digits(v as usize)));
    }
    if t.is_locked == Some(true) {
        facts.push("locked".into());
    }
    let when = t.created_at.map(|at| view! { <time title=local_date_time(at)>{relative_words(at - now)}</time> " · " });
    let site = t.site_url.clone().filter(|u| u.starts_with("https://anilist.co/")).unwrap_or_else(|| format!("https://anilist.co/forum/thread/{id}"));
    let body = t.body.clone().filter(|b| !b.trim().is_empty());
    let locked = t.is_locked == Some(true);
    let shown = RwSignal::new(comments);
    // The person's comments posted here (the newest, so after every page;
    // left out once a page read brings them into `shown`).
    let posted = RwSignal::new(Vec::<Comment>::new());
    let composer = move || {
        let credential = session.credential()?;
        let api = api.get_value();
        let key = crate::storage::draft_key(credential.user, &format!("thread-{id}"));
        Some(Compose::new("Your comment", "Comment", key).main().send(move |text| {
            let (api, credential) = (api.clone(), credential.clone());
            async move {
                Ok(match post_comment(&api, &credential, id, text).await? {
                    Some(c) => {
                        posted.try_update(|p| p.push(c));
                        total.try_update(|n| *n += 1);
                        Posted::Yes
                    }
                    None => Posted::NotFound,
                })
            }
        }))
    };
    // The person's comments deleted here: they leave the page.
    let removed = RwSignal::new(Vec::<i64>::new());
    let gone = Callback::new(move |id: i64| {
        removed.update(|r| r.push(id));
        total.update(|n| *n = n.saturating_sub(1));
    });
    let kept = move |all: Vec<Comment>| removed.with(|r| all.into_iter().filter(|c| !r.contains(&c.id)).collect::<Vec<_>>());
    let newer = move || posted.with(|p| shown.with(|s| p.iter().filter(|c| s.iter().all(|x| x.id != c.id)).cloned().collect::<Vec<_>>()));
    let pages = Paged::appending(shown, |c| c.id, 2, more, move |page| {
        let (api, credential) = (api.get_value(), session.credential());
        async move { Ok(api.run::<Query>(credential.as_ref(), &PageVars { id, page, first: false }, false).await?.comments()) }
    });
    view! {
        <div class="page-intro">
            <h1 data-testid="thread-title">{heading}</h1>
            <p class="lead">"A thread of AniList's forum."</p>
        </div>
        <article class="card review" data-testid="thread">
            <div class="review__head">
                {t.user.clone().map(|u| view! { <MemberLink member=u note="Began it"/> })}
                <p class="muted small" data-testid="thread-facts">{when}{move || count(total.get(), "comment")}{facts.iter().map(|f| format!(" · {f}")).collect::<String>()}</p>
            </div>
            <div class="rich review__body" data-testid="thread-body">
                {match body {
                    Some(html) => view! { <RichText html=html/> }.into_any(),
                    None => view! { <p class="muted">"This thread has no text."</p> }.into_any(),
                }}
            </div>
            <p class="actions">
                <span data-testid="thread-likes"><LikeToggle id=id kind=Likeable::Thread on=RwSignal::new(t.is_liked == Some(true)) count=RwSignal::new(t.like_count.unwrap_or(0)) whose="this thread"/></span>
                <a href=site rel="noopener noreferrer" target="_blank" data-testid="thread-on-anilist">"Open on AniList"</a>
                {session.user_untracked().is_some().then(|| view! { <SubscribeToggle to=Subscribable::Thread(id) on=t.is_subscribed == Some(true)/> })}
            </p>
        </article>
        {(!t.media_categories.is_empty()).then(|| view! {
            <section class="card" data-testid="thread-titles">
                <h2>"About"</h2>
                <ul class="tiles">{t.media_categories.into_iter().map(|m| view! { <MediaTile other=m note=""/> }).collect_view()}</ul>
            </section>
        })}
        <section class="card" data-testid="thread-comments">
            <h2>"Comments"</h2>
            <Show when=move || !kept(shown.get()).is_empty() || !kept(newer()).is_empty() fallback=|| view! { <p class="muted" data-testid="thread-no-comments">"No comments yet."</p> }>
                <ul class="comments">
                    <For each=move || kept(shown.get()) key=|c| c.id children=move |c| comment_row(c, gone)/>
                </ul>
            </Show>
            <div data-testid="thread-comments-more"><LoadMore load=pages.load more=pages.more/></div>
            <Show when=move || !posted.with(Vec::is_empty)>
                <ul class="comments" data-testid="thread-posted" aria-label="Posted by you">
                    <For each=move || kept(newer()) key=|c| c.id children=move |c| comment_row(c, gone)/>
                </ul>
            </Show>
            {if locked {
                view! { <p class="muted" data-testid="thread-locked">"This thread is locked: AniList takes no new comments on it."</p> }.into_any()
            } else if session.user_untracked().is_some() {
                view! { <div data-testid="thread-compose">{composer}</div> }.into_any()
            } else {
                view! { <p class="muted" data-testid="thread-sign-in"><a href=Page::Thread(id).sign_in_then()>"Sign in"</a> " to comment."</p> }.into_any()
            }}
        </section>
    }
}

/// Posts `text` as a comment on thread `id`, once: when the answer is lost
/// the comment is looked for among the person's latest there.
async fn post_comment(api: &Api, credential: &Credential, id: i64, text: String) -> Result<Option<Comment>, ApiError> {
    let sent_at = now_secs();
    let send = async { Ok(api.run::<PostComment>(Some(credential), &CommentVars { thread_id: id, comment: text.clone() }, false).await?.comment) };
    sent_once(send, || async {
        let (latest, _) = api.run::<MyComments>(Some(credential), &MineVars { thread_id: id, user_id: credential.user }, true).await?.items();
        Ok(find_comment(latest, &text, credential.user, sent_at))
    })
    .await
}

/// One comment: who wrote it and when, what it says (through the
/// allowlist), its likes, and how many answers it has (a link to them on
/// AniList); the person's own with Edit and Delete (`gone` takes it off
/// the page).
fn comment_row(c: Comment, gone: Callback<i64>) -> impl IntoView {
    let now = now_secs();
    let id = c.id;
    // The person's own: changed in place, or deleted (then it leaves the page).
    let mine = c.user.as_ref().map(|u| u.id).filter(|&u| use_session().user_untracked() == Some(u)).is_some();
    let written = Written::new(c.comment.clone(), c.source.clone());
    // Only the person's own has the Edit that opens its box.
    let text = written.view(Mine::Comment(id), "comment-text");
    let own = mine.then(|| view! {
        {written.edit_button()}
        <DeleteMine mine=Mine::Comment(id) gone=Callback::new(move |()| gone.run(id))/>
    });
    let answers = c.answers();
    let link = c.link();
    let like_count = c.like_count.unwrap_or(0);
    let has_like = use_session().user_untracked().is_some() || like_count > 0;
    // Signed in, the like button; signed out, the likes when there are any.
    let like = has_like.then(|| {
        let whose = c.user.as_ref().map_or("this comment".to_string(), |u| format!("{}'s comment", u.name));
        view! { <LikeToggle id=c.id kind=Likeable::ThreadComment on=RwSignal::new(c.is_liked == Some(true)) count=RwSignal::new(like_count) whose=whose/> }
    });
    view! {
        <li class="comment" data-testid="comment">
            <div class="comment__head">
                {c.user.clone().map(|u| view! { <MemberLink member=u note=""/> })}
                {c.created_at.map(|at| view! { <time class="muted small" title=local_date_time(at)>{relative_words(at - now)}</time> })}
            </div>
            {move || text().or_else(|| Some(view! { <p class="muted" data-testid="comment-text">"(no text)"</p> }.into_any()))}
            {(like.is_some() || answers > 0).then(|| view! {
                <div class="muted small comment__foot">
                    {like}
                    {(has_like && answers > 0).then_some(" · ")}
                    {(answers > 0).then(|| {
                        let text = count(answers as u64, "answer");
                        match link {
                            Some(href) => view! { <a href=href rel="noopener noreferrer" target="_blank" data-testid="comment-answers">{text} " on AniList"</a> }.into_any(),
                            None => view! { <span data-testid="comment-answers">{text}</span> }.into_any(),
                        }
                    })}
                    {own}
                </div>
            })}
        </li>
    }
}
