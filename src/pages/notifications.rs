//! The person's notifications, newest first: episodes aired (with +1 when
//! the title is being watched), follows, likes, replies, mentions, forum
//! threads, titles added, changed, merged or deleted. Reading them marks
//! them read on AniList; the ones that were unread are marked new. One
//! kind only (`?show=airing`, as anilist.co's filters) leaves them unread.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::error::ApiError;
use crate::api::ops::notifications::{self, Kinds, Notifications};
use crate::api::Api;
use crate::auth::callback::Credential;
use crate::auth::time::{local_date_time, now_secs, relative_words};
use crate::components::api_status::LoadMore;
use crate::components::empty_state::EmptyState;
use crate::components::read::{read_from_anilist, sign_in_gate};
use crate::components::watch_row::ProgressStep;
use crate::media::{ListStatus, MediaKind};
use crate::notifications::{shown, Part, Shown};
use crate::outbox::use_outbox;
use crate::pages::PageIntro;
use crate::routes::Page;
use crate::store::use_list_store;
use crate::unread::use_unread;

/// One page of notifications as shown, and whether there are more.
async fn read_page(api: Api, credential: Credential, page: u32, kinds: Kinds) -> Result<(Vec<Shown>, bool), ApiError> {
    let (found, more) = api.run::<Notifications>(Some(&credential), &notifications::Vars::new(page, kinds), true).await?.items();
    Ok((found.iter().filter_map(shown).collect(), more))
}

/// The page's address for a kind.
fn kinds_href(kinds: Kinds) -> String {
    match kinds.param() {
        Some(p) => format!("{}?show={p}", Page::Notifications.href()),
        None => Page::Notifications.href(),
    }
}

#[component]
pub fn NotificationsPage() -> impl IntoView {
    let query = use_query_map();
    let kinds = Memo::new(move |_| query.with(|q| Kinds::from_param(q.get("show").as_deref())));
    view! {
        <PageIntro title="Notifications" lead="What happened on AniList: episodes aired, follows, likes, replies and changes to titles."/>
        {sign_in_gate("Sign in to see your notifications".into(), "Your notifications are read from AniList with your own token.", Page::Notifications, move |credential| {
            view! {
                <nav class="choice-links" aria-label="Which notifications" data-testid="notification-kinds">
                    <ul>
                        {Kinds::ALL.into_iter().map(|k| view! {
                            <li><a href=kinds_href(k) aria-current=move || (kinds.get() == k).then_some("page")>{k.label()}</a></li>
                        }).collect_view()}
                    </ul>
                </nav>
                {move || {
                    let kinds = kinds.get();
                    view! {
                        {(kinds != Kinds::All).then(|| view! {
                            <p class="muted small" data-testid="notifications-unread-kept">"One kind only: these stay unread on AniList until you open All."</p>
                        })}
                        <NotificationsBody credential=credential.clone() kinds=kinds/>
                    }
                }}
            }.into_any()
        })}
    }
}

#[component]
fn NotificationsBody(credential: Credential, kinds: Kinds) -> impl IntoView {
    let api = expect_context::<Api>();
    let unread = use_unread();
    let user = credential.user;
    // Anime being watched: an aired episode offers +1 (the list is asked
    // for unless fresh).
    use_outbox().refresh_list(MediaKind::Anime, credential.clone(), false);
    let more = RwSignal::new(Vec::<Shown>::new());
    let has_more = RwSignal::new(None::<bool>);
    let next_page = RwSignal::new(2u32);
    let load_more = {
        let (api, credential) = (api.clone(), credential.clone());
        Action::new_local(move |_: &()| {
            let page = next_page.get_untracked();
            let r = read_page(api.clone(), credential.clone(), page, kinds);
            async move {
                let (items, next) = r.await?;
                more.update(|m| m.extend(items));
                has_more.set(Some(next));
                next_page.set(page + 1);
                Ok::<_, ApiError>(())
            }
        })
    };
    read_from_anilist(
        "Loading your notifications…",
        move |_fresh| {
            let (api, credential) = (api.clone(), credential.clone());
            async move {
                // One kind only: left unread, and none known to be new.
                if kinds != Kinds::All {
                    let (items, next) = read_page(api, credential, 1, kinds).await?;
                    return Ok((items, next, 0));
                }
                // Those unread before this visit are the newest ones: marked
                // New (asked first: reading them marks them read).
                let new = unread.before_reading(&api, &credential).await as usize;
                let (items, next) = read_page(api, credential, 1, kinds).await?;
                // Read now, on AniList too.
                unread.all_read(user);
                Ok((items, next, new))
            }
        },
        move |(items, next, new): (Vec<Shown>, bool, usize), _again| {
            if items.is_empty() && kinds != Kinds::All {
                return view! {
                    <EmptyState title="None of these">
                        <p>"No notifications of this kind. " <a href=kinds_href(Kinds::All)>"See all of them"</a> "."</p>
                    </EmptyState>
                }
                .into_any();
            }
            if items.is_empty() {
                return view! {
                    <EmptyState title="No notifications">
                        <p>"When an episode of something you watch airs, or someone follows you or answers you on AniList, it shows here."</p>
                    </EmptyState>
                }
                .into_any();
            }
            let now = now_secs();
            view! {
                <ol class="notes" data-testid="notifications" aria-label="Notifications, newest first">
                    {items.into_iter().enumerate().map(|(i, n)| view! { <NoteRow n=n new=i < new now=now/> }).collect_view()}
                    <For each=move || more.get() key=|n| n.id let:n>
                        <NoteRow n=n new=false now=now/>
                    </For>
                </ol>
                <LoadMore load=load_more more=Signal::derive(move || has_more.get().unwrap_or(next))/>
            }
            .into_any()
        },
    )
}

/// One notification: its sentence, when, why, and +1 for an aired episode
/// of a title being watched.
#[component]
fn NoteRow(n: Shown, new: bool, now: i64) -> impl IntoView {
    let store = use_list_store();
    let sentence = n
        .sentence
        .into_iter()
        .map(|p| match p {
            Part::Text(t) => t.into_any(),
            Part::Title { kind, id, name } => view! { <a href=Page::Title(kind, id).href()>{name}</a> }.into_any(),
            Part::Member { id, name } => view! { <a href=Page::User(id as i64).href()>{name}</a> }.into_any(),
            Part::Thread { id, title, comment } => view! { <a href=crate::routes::thread_comment_href(id, comment)>{title}</a> }.into_any(),
            Part::Link { text, href: Some(href) } => view! { <a href=href rel="noopener noreferrer" target="_blank">{text}</a> }.into_any(),
            Part::Link { text, href: None } => view! { <strong>{text}</strong> }.into_any(),
        })
        .collect_view();
    // An aired episode of a title being watched: its progress and +1.
    let watching = n.title.filter(|(kind, _)| *kind == MediaKind::Anime).map(|(kind, id)| {
        // One look into the list a change of the store.
        let entry = Memo::new(move |_| store.with(kind, |d| d.and_then(|d| d.entry(id)).filter(|e| e.status.is_some_and(ListStatus::in_progress)).map(|e| (e.progress.unwrap_or(0), e.media.as_ref().and_then(|m| m.total()), e.title()))));
        // Drawn again only when it starts or stops being watched, not at
        // each +1 (the + keeps the keyboard focus).
        let watched = Memo::new(move |_| entry.with(|e| e.as_ref().map(|(_, total, title)| (*total, title.clone()))));
        let progress = Memo::new(move |_| entry.with(|e| e.as_ref().map(|(p, ..)| *p).unwrap_or(0)));
        move || {
            watched.get().map(|(total, title)| view! { <div class="note__step"><ProgressStep kind=kind id=id title=title progress=progress total=total/></div> })
        }
    });
    let when = n.created_at.map(|at| {
        view! { <time title=local_date_time(at)>{relative_words(at - now)}</time> }
    });
    view! {
        <li class="note" class:note--new=new data-testid=format!("notification-{}", n.id)>
            {match n.image {
                Some(src) => view! { <img class="note__image" class:note__image--person=n.avatar src=src alt="" loading="lazy" width="40" height="40"/> }.into_any(),
                // The sentences stay in one column.
                None => view! { <span class="note__image" aria-hidden="true"></span> }.into_any(),
            }}
            <div class="note__main">
                <p class="note__text" data-testid="notification-text">
                    {new.then(|| view! { <span class="note__new">"New"</span> " " })}
                    {sentence}
                </p>
                {n.reason.map(|r| view! { <p class="note__reason">"Reason: " {r}</p> })}
                <p class="note__meta">
                    {when}
                    {n.activity.map(|id| view! { " · " <a href=Page::ActivityItem(id).href() data-testid="notification-activity">"See it"</a> })}
                </p>
                {watching}
            </div>
        </li>
    }
}
