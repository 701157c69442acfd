//! `/thread/:id`: a thread of AniList's forum: its title, who began it, the
//! titles it is about, what it says (through the rich-text allowlist:
//! nothing in it runs), and its comments 25 at a time, oldest first, each
//! with how many answers it has; the answers open under it (AniList gives
//! them as markdown, which the app does not render: each is read by its
//! id, as HTML). Signed in, a comment of one's own, and an answer to any
//! comment or answer (previewed, posted once: a lost answer is looked for,
//! never sent again). Readable signed out.

use leptos::prelude::*;

use std::sync::Arc;

use crate::api::ops::thread::{find_answer, find_comment, Answers, AnswersVars, Child, Comment, CommentVars, MineVars, MyComments, PageVars, PostComment, ThreadBody, ThreadPage as Query, ANSWERS_AT_ONCE};
use crate::api::sending::sent_once;
use crate::auth::callback::Credential;
use crate::api::ops::like::Likeable;
use crate::components::compose::{Compose, Posted};
use crate::components::activity::{Setting, SettingToggle, Subscribable};
use crate::components::like::LikeToggle;
use crate::components::written::{DeleteMine, Mine, Written};
use crate::routes::{forum_category_href, Page};
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
    // `?comment=`: the comment a notification is about, shown first.
    let focus = leptos_router::hooks::use_query_map().with_untracked(|q| q.get("comment").and_then(|c| c.parse::<i64>().ok()).filter(|c| *c > 0));
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
    // Comments and answers posted or deleted here move the count.
    let counted = Callback::new(move |by: i64| total.update(|t| *t = (i64::from(*t) + by).max(0) as u32));
    let composer = move || {
        let credential = session.credential()?;
        let api = api.get_value();
        let key = crate::storage::draft_key(credential.user, &format!("thread-{id}"));
        Some(Compose::new("Your comment", "Comment", key).main().send(move |text| {
            let (api, credential) = (api.clone(), credential.clone());
            async move {
                Ok(match post_comment(&api, &credential, id, None, text).await? {
                    Some(c) => {
                        posted.try_update(|p| p.push(c));
                        counted.try_run(1);
                        Posted::Yes
                    }
                    None => Posted::NotFound,
                })
            }
        }))
    };
    // The person's comments deleted here: they leave the page.
    let removed = RwSignal::new(Vec::<i64>::new());
    let gone = Callback::new(move |(id, n): (i64, usize)| {
        removed.update(|r| r.push(id));
        counted.run(-(n as i64));
    });
    let here = Here { thread: id, answerable: !locked && session.user_untracked().is_some(), count: counted };
    // The comment shown first (`?comment=`) is not drawn twice: its place says so.
    let row = move |c: Comment| match focus {
        Some(f) if f == c.id => view! {
            <li class="comment comment--moved muted small" data-testid="comment-shown-above">"The comment you were told of is shown above, with its answers."</li>
        }
        .into_any(),
        _ => comment_row(c, here, gone, Place::Thread).into_any(),
    };
    let kept = move |all: Vec<Comment>| removed.with(|r| all.into_iter().filter(|c| !r.contains(&c.id)).collect::<Vec<_>>());
    let newer = move || posted.with(|p| shown.with(|s| p.iter().filter(|c| s.iter().all(|x| x.id != c.id)).cloned().collect::<Vec<_>>()));
    let pages = Paged::appending(shown, |c| c.id, 2, more, move |page| {
        let (api, credential) = (api.get_value(), session.credential());
        async move { Ok(api.run::<Query>(credential.as_ref(), &PageVars { id, page, first: false }, false).await?.comments()) }
    });
    view! {
        <div class="page-intro">
            <h1 data-testid="thread-title">{heading}</h1>
            <p class="lead">"A thread of " <a href=Page::Forum.href() data-testid="thread-forum">"AniList's forum"</a> "."</p>
        </div>
        <article class="card review" data-testid="thread">
            <div class="review__head">
                {t.user.clone().map(|u| view! { <MemberLink member=u note="Began it"/> })}
                {(!t.categories.is_empty()).then(|| view! {
                    <p class="muted small" data-testid="thread-categories">
                        "In "
                        {t.categories.iter().enumerate().map(|(i, c)| view! { {(i > 0).then_some(", ")} <a href=forum_category_href(c.id)>{c.name.clone()}</a> }).collect_view()}
                    </p>
                })}
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
                {session.user_untracked().is_some().then(|| view! { <SettingToggle what=Setting::Subscribed(Subscribable::Thread(id)) on=RwSignal::new(t.is_subscribed == Some(true))/> })}
                {(session.user_untracked().is_some() && t.user.as_ref().map(|u| u.id) == session.user_untracked()).then(|| view! {
                    <a href=Page::EditThread(id).href() data-testid="thread-edit">"Edit or delete"</a>
                })}
            </p>
        </article>
        {(!t.media_categories.is_empty()).then(|| view! {
            <section class="card" data-testid="thread-titles">
                <h2>"About"</h2>
                <ul class="tiles">{t.media_categories.into_iter().map(|m| view! { <MediaTile other=m note=""/> }).collect_view()}</ul>
            </section>
        })}
        {focus.map(|comment| view! { <FocusedComment id=comment here=here gone=gone removed=removed/> })}
        <section class="card" data-testid="thread-comments">
            <h2>"Comments"</h2>
            <Show when=move || !kept(shown.get()).is_empty() || !kept(newer()).is_empty() fallback=|| view! { <p class="muted" data-testid="thread-no-comments">"No comments yet."</p> }>
                <ul class="comments">
                    <For each=move || kept(shown.get()) key=|c| c.id children=move |c| row(c)/>
                </ul>
            </Show>
            <div data-testid="thread-comments-more"><LoadMore load=pages.load more=pages.more/></div>
            <Show when=move || !posted.with(Vec::is_empty)>
                <ul class="comments" data-testid="thread-posted" aria-label="Posted by you">
                    <For each=move || kept(newer()) key=|c| c.id children=move |c| comment_row(c, here, gone, Place::Thread)/>
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

/// Posts `text` as a comment on thread `id`, or as an answer to its
/// comment `parent`, once: when the answer is lost the comment is looked
/// for among the person's latest there (an answer: among those to
/// `parent`, then read by its id).
async fn post_comment(api: &Api, credential: &Credential, id: i64, parent: Option<i64>, text: String) -> Result<Option<Comment>, ApiError> {
    let sent_at = now_secs();
    let vars = CommentVars { thread_id: id, parent_comment_id: parent, comment: text.clone() };
    let send = async { Ok(api.run::<PostComment>(Some(credential), &vars, false).await?.comment) };
    sent_once(send, || async {
        let Some(parent) = parent else {
            let (latest, _) = api.run::<MyComments>(Some(credential), &MineVars { thread_id: id, user_id: credential.user }, true).await?.items();
            return Ok(find_comment(latest, &text, credential.user, sent_at));
        };
        let answers = read_comment(api, Some(credential), parent, true).await?.map(|p| p.child_comments).unwrap_or_default();
        match find_answer(&answers, &text, credential.user, sent_at) {
            Some(answer) => read_comment(api, Some(credential), answer, true).await,
            None => Ok(None),
        }
    })
    .await
}

/// One comment (or answer) read by its id; none when AniList no longer has
/// it.
async fn read_comment(api: &Api, credential: Option<&Credential>, id: i64, fresh: bool) -> Result<Option<Comment>, ApiError> {
    Ok(api.run::<Answers>(credential, &AnswersVars { ids: vec![id] }, fresh).await?.answers().next())
}

/// The thread a comment is on, as its comments need it: its id, whether it
/// takes answers (signed in, not locked), and `count`, which moves the
/// thread's count of comments by as many as were posted or deleted here.
#[derive(Clone, Copy)]
struct Here {
    thread: i64,
    answerable: bool,
    count: Callback<i64>,
}

/// Where a comment is drawn: on the thread (its answers open under it),
/// or as an answer, with the answers to it below it, and `answered`,
/// which shows an answer posted to it.
enum Place {
    Thread,
    Answer { below: AnyView, answered: Callback<(i64, Comment)> },
}

/// One comment: who wrote it and when, what it says (through the
/// allowlist), its likes, and signed in "Answer" (a box under it); on the
/// thread, how many answers it has, which open under it. The person's own
/// with Edit and Delete (`gone` takes it off the page, with how many
/// comments go with it: it and its answers).
fn comment_row(c: Comment, here: Here, gone: Callback<(i64, usize)>, place: Place) -> impl IntoView {
    let now = now_secs();
    let id = c.id;
    let session = use_session();
    // The person's own: changed in place, or deleted (then it leaves the page).
    let mine = c.user.as_ref().map(|u| u.id).filter(|&u| session.user_untracked() == Some(u)).is_some();
    let written = Written::new(c.comment.clone(), c.source.clone());
    // Only the person's own has the Edit that opens its box.
    let text = written.view(Mine::Comment(id), "comment-text");
    let answers = RwSignal::new(c.answers());
    let own = mine.then(|| view! {
        {written.edit_button()}
        <DeleteMine mine=Mine::Comment(id) gone=Callback::new(move |()| gone.run((id, 1 + answers.get_untracked())))/>
    });
    let like_count = c.like_count.unwrap_or(0);
    let has_like = session.user_untracked().is_some() || like_count > 0;
    // Signed in, the like button; signed out, the likes when there are any.
    let whose = c.user.as_ref().map_or("this comment".to_string(), |u| format!("{}'s comment", u.name));
    let like = has_like.then(|| view! { <LikeToggle id=c.id kind=Likeable::ThreadComment on=RwSignal::new(c.is_liked == Some(true)) count=RwSignal::new(like_count) whose=whose/> });
    let open = RwSignal::new(false);
    let (toggle, below, answered) = match place {
        Place::Thread => {
            let tree = c.child_comments.clone();
            let link = c.link();
            // Answers posted here, after those AniList had (each with what it answers).
            let added = RwSignal::new(Vec::<(i64, Comment)>::new());
            let answered = Callback::new(move |(to, answer): (i64, Comment)| {
                added.update(|a| a.push((to, answer)));
                answers.update(|a| *a += 1);
                // Opened if closed (set again, it would be read again).
                if !open.get_untracked() {
                    open.set(true);
                }
                here.count.run(1);
            });
            // An answer deleted here: it and its own leave the counts.
            let fewer = Callback::new(move |n: usize| {
                answers.update(|a| *a = a.saturating_sub(n));
                here.count.run(-(n as i64));
            });
            let toggle = move || (answers.get() > 0).then(|| view! {
                {has_like.then_some(" · ")}
                <button type="button" class="linklike" aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|o| *o = !*o) data-testid="comment-answers">
                    {move || if open.get() { "Hide the answers".to_string() } else { count(answers.get() as u64, "answer") }}
                </button>
            });
            let below = move || open.get().then(|| view! { <AnswersOf top=id tree=tree.clone() link=link.clone() added=added here=here answered=answered gone=fewer/> });
            (toggle.into_any(), below.into_any(), answered)
        }
        Place::Answer { below, answered } => (().into_any(), below.into_any(), answered),
    };
    // Answering it: a box under it, closed once the answer is posted.
    let answering = RwSignal::new(false);
    let answer_button = here.answerable.then(|| view! {
        " · " <button type="button" class="linklike" aria-expanded=move || answering.get().to_string() on:click=move |_| answering.update(|a| *a = !*a) data-testid="comment-answer">"Answer"</button>
    });
    let to_whom = c.user.as_ref().map_or("Your answer".to_string(), |u| format!("Your answer to {}", u.name));
    let api = StoredValue::new(expect_context::<Api>());
    let answer_box = move || {
        if !answering.get() {
            return None;
        }
        let credential = session.credential()?;
        let key = crate::storage::draft_key(credential.user, &format!("answer-{id}"));
        let api = api.get_value();
        Some(Compose::new(to_whom.clone(), "Answer", key).focused().cancel(Callback::new(move |()| answering.set(false))).send(move |text| {
            let (api, credential) = (api.clone(), credential.clone());
            async move {
                Ok(match post_comment(&api, &credential, here.thread, Some(id), text).await? {
                    Some(answer) => {
                        // The page may be gone: AniList has it, nothing to show.
                        answered.try_run((id, answer));
                        answering.try_set(false);
                        Posted::Yes
                    }
                    None => Posted::NotFound,
                })
            }
        }))
    };
    view! {
        <li class="comment" data-testid="comment" data-id=id>
            <div class="comment__head">
                {c.user.clone().map(|u| view! { <MemberLink member=u note=""/> })}
                {c.created_at.map(|at| view! { <time class="muted small" title=local_date_time(at)>{relative_words(at - now)}</time> })}
            </div>
            {move || text().or_else(|| Some(view! { <p class="muted" data-testid="comment-text">"(no text)"</p> }.into_any()))}
            <div class="muted small comment__foot">
                {like}
                {toggle}
                {answer_button}
                {own}
            </div>
            <div data-testid="comment-answer-box">{answer_box}</div>
            {below}
        </li>
    }
}

/// The answers to comment `top`, and theirs, each under what it answers:
/// read when opened, [`ANSWERS_AT_ONCE`] in a request (AniList gives them
/// as markdown in the comment's tree; each is read by its id, as HTML, for
/// the allowlist), then those posted here (`added`). One AniList no longer
/// has is said so, its own answers still shown. `gone` takes answers
/// deleted here off the counts.
#[component]
fn AnswersOf(top: i64, tree: Vec<Child>, link: Option<String>, added: RwSignal<Vec<(i64, Comment)>>, here: Here, answered: Callback<(i64, Comment)>, gone: Callback<usize>) -> impl IntoView {
    let api = expect_context::<Api>();
    let session = use_session();
    let ids = Child::ids(&tree);
    let tree = Arc::new(tree);
    // The answers deleted here (with theirs, which AniList deletes too).
    let removed = RwSignal::new(Vec::<i64>::new());
    let deleted = Callback::new(move |(id, n): (i64, usize)| {
        removed.update(|r| r.push(id));
        gone.run(n);
    });
    let shown = read_from_anilist(
        "Loading the answers…",
        move |fresh| {
            let (api, credential, ids) = (api.clone(), session.credential(), ids.clone());
            async move {
                let mut found = Vec::new();
                for chunk in ids.chunks(ANSWERS_AT_ONCE) {
                    let data = api.run::<Answers>(credential.as_ref(), &AnswersVars { ids: chunk.to_vec() }, fresh).await?;
                    found.extend(data.answers());
                }
                Ok(Arc::new(found))
            }
        },
        move |found: Arc<Vec<Comment>>, _| Drawn { found, added, removed, here, gone: deleted, answered }.list(tree.clone(), Some(top)),
    );
    view! {
        <div class="answers" data-testid="answers">
            {shown}
            {link.map(|href| view! { <p class="muted small"><a href=href rel="noopener noreferrer" target="_blank" data-testid="answers-on-anilist">"Open on AniList"</a></p> })}
        </div>
    }
}

/// What the answers are drawn from: those read by id, those posted here,
/// those deleted here.
#[derive(Clone)]
struct Drawn {
    found: Arc<Vec<Comment>>,
    added: RwSignal<Vec<(i64, Comment)>>,
    removed: RwSignal<Vec<i64>>,
    here: Here,
    gone: Callback<(i64, usize)>,
    answered: Callback<(i64, Comment)>,
}

/// One answer in a list: as AniList's tree has it, or posted here.
#[derive(Clone)]
enum Node {
    Read(Child),
    Added(Comment),
}

impl Drawn {
    /// The answers to `parent` as a list: those in `tree`, each found drawn
    /// as a comment with its own below it, then those posted here; those
    /// deleted (and theirs) left out. Keyed: an answer posted or deleted
    /// leaves the others as they are (an open box, a like, an edit).
    fn list(&self, tree: Arc<Vec<Child>>, parent: Option<i64>) -> AnyView {
        let (added, removed) = (self.added, self.removed);
        let nodes = move || {
            removed.with(|removed| {
                let kept = |id: i64| !removed.contains(&id);
                // A child with no id has a key of its own: its place.
                let mut nodes: Vec<(i64, Node)> = tree.iter().enumerate().filter(|(_, c)| c.id.is_none_or(kept)).map(|(i, c)| (c.id.unwrap_or(-1 - i as i64), Node::Read(c.clone()))).collect();
                added.with(|added| nodes.extend(added.iter().filter(|(to, c)| Some(*to) == parent && kept(c.id)).map(|(_, c)| (c.id, Node::Added(c.clone())))));
                nodes
            })
        };
        let any = nodes.clone();
        let this = self.clone();
        view! {
            <Show when=move || !any().is_empty()>
                <ul class="comments comments--answers">
                    <For each=nodes.clone() key=|(k, _)| *k children={
                        let this = this.clone();
                        move |(_, node)| this.node(node)
                    }/>
                </ul>
            </Show>
        }
        .into_any()
    }

    fn node(&self, node: Node) -> AnyView {
        let (c, below) = match node {
            Node::Read(child) => {
                let below = self.list(Arc::new(child.child_comments), child.id);
                match child.id.and_then(|id| self.found.iter().find(|c| c.id == id)) {
                    Some(c) => (c.clone(), below),
                    None => {
                        return view! {
                            <li class="comment" data-testid="comment-missing">
                                <p class="muted">"This answer is no longer on AniList."</p>
                                {below}
                            </li>
                        }
                        .into_any()
                    }
                }
            }
            Node::Added(c) => {
                let below = self.list(Arc::new(Vec::new()), Some(c.id));
                (c, below)
            }
        };
        comment_row(c, self.here, self.gone, Place::Answer { below, answered: self.answered }).into_any()
    }
}

/// The comment a notification is about (`?comment=`), read by its id and
/// shown before the thread's comments, with its answers; one AniList no
/// longer has says so.
#[component]
fn FocusedComment(id: i64, here: Here, gone: Callback<(i64, usize)>, removed: RwSignal<Vec<i64>>) -> impl IntoView {
    let api = expect_context::<Api>();
    let session = use_session();
    let shown = read_from_anilist(
        "Loading the comment…",
        move |fresh| {
            let (api, credential) = (api.clone(), session.credential());
            async move { read_comment(&api, credential.as_ref(), id, fresh).await }
        },
        move |found: Option<Comment>, _| match found {
            Some(c) => view! {
                <Show when=move || !removed.with(|r| r.contains(&id))>
                    <ul class="comments">{comment_row(c.clone(), here, gone, Place::Thread)}</ul>
                </Show>
            }
            .into_any(),
            None => view! { <p class="muted" data-testid="thread-focus-gone">"That comment is no longer on AniList."</p> }.into_any(),
        },
    );
    view! {
        <section class="card thread-focus" data-testid="thread-focus" aria-labelledby="thread-focus-title">
            <h2 id="thread-focus-title">"The comment you were told of"</h2>
            {shown}
        </section>
    }
}
