//! AniList's forum threads as a list, each leading to its page
//! (`/thread/9001`): a title's (asked only when the person opens them, so
//! the title's page stays one request) and the forum page's.

use leptos::prelude::*;

use crate::api::ops::thread::{Thread, TitleThreads, Vars};
use crate::api::Api;
use crate::auth::time::{local_date_time, now_secs, relative_words};
use crate::components::api_status::{LoadMore, Paged};
use crate::routes::{forum_category_href, Page};
use crate::session::use_session;
use crate::text::group_digits;

#[component]
pub fn ForumThreads(media: i64) -> impl IntoView {
    let api = StoredValue::new(expect_context::<Api>());
    let session = use_session();
    let shown = RwSignal::new(Vec::<Thread>::new());
    let opened = RwSignal::new(false);
    let pages = Paged::appending(shown, |t| t.id, 1, true, move |page| {
        let (api, credential) = (api.get_value(), session.credential());
        async move { Ok(api.run::<TitleThreads>(credential.as_ref(), &Vars { media_id: media, page }, false).await?.items()) }
    });
    let open = move |_| {
        opened.set(true);
        pages.load.dispatch_local(());
    };
    view! {
        <section class="card" data-testid="threads">
            <h2>"Forum threads"</h2>
            <Show when=move || opened.get() fallback=move || view! {
                <p class="muted small">"What members say about it on AniList's forum."</p>
                <div class="actions">
                    <button type="button" class="button button--secondary" data-testid="threads-open" on:click=open>"Show forum threads"</button>
                </div>
            }>
                {thread_list(shown, pages, "No forum threads about it yet.".into(), "threads")}
            </Show>
            <Show when=move || session.user().is_some()>
                <p><a href=crate::routes::new_thread_href(Some(media), None) data-testid="threads-new">"Begin a thread about it"</a></p>
            </Show>
        </section>
    }
}

/// The threads read so far as rows, or `empty` once a read found none;
/// *Load more* below (`testid`-none, `testid`-more).
pub fn thread_list(shown: RwSignal<Vec<Thread>>, pages: Paged, empty: String, testid: &'static str) -> impl IntoView {
    let none = move || shown.with(Vec::is_empty) && pages.load.value().with(|v| matches!(v, Some(Ok(()))));
    view! {
        <Show when=move || !none() fallback=move || view! { <p class="muted" data-testid=format!("{testid}-none")>{empty.clone()}</p> }>
            <ul class="threads">
                <For each=move || shown.get() key=|t| t.id children=thread_row/>
            </ul>
        </Show>
        <div data-testid=format!("{testid}-more")><LoadMore load=pages.load more=pages.more/></div>
    }
}

/// One thread: its title (a link to its page), who began it, how many
/// answers, when it last moved.
fn thread_row(t: Thread) -> impl IntoView {
    let now = now_secs();
    let mut facts = Vec::new();
    if let Some(u) = &t.user {
        facts.push(format!("by {}", u.name));
    }
    let replies = t.reply_count.unwrap_or(0);
    facts.push(if replies == 1 { "1 reply".to_string() } else { format!("{} replies", group_digits(replies as usize)) });
    if t.is_locked == Some(true) {
        facts.push("locked".into());
    }
    let when = t.last_active().map(|at| {
        let by = t.reply_user.as_ref().filter(|_| replies > 0).map(|u| format!(" by {}", u.name)).unwrap_or_default();
        let what = if replies > 0 { "answered " } else { "begun " };
        view! { " · " {what} <time title=local_date_time(at)>{relative_words(at - now)}</time> {by} }
    });
    let pinned = t.is_sticky == Some(true);
    // Its categories, each leading to the forum's threads of it.
    let categories = t.categories.iter().map(|c| view! { <a class="thread__category" href=forum_category_href(c.id)>{c.name.clone()}</a> " · " }).collect_view();
    view! {
        <li class="thread" data-testid="thread">
            <a class="thread__title" href=Page::Thread(t.id).href()>
                {pinned.then(|| view! { <span class="chip thread__pinned" data-testid="thread-pinned">"Pinned"</span> })}
                {t.title.clone().unwrap_or_else(|| "(no title)".into())}
            </a>
            <span class="muted small">{categories}{facts.join(" · ")}{when}</span>
        </li>
    }
}
