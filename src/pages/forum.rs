//! `/forum`: AniList's forum, 25 threads at a time, the last answered
//! first, each leading to its page (`/thread/9001`). Signed in, the
//! threads the person is subscribed to (`?show=subscribed`: those AniList
//! tells them about) and those they began (`?show=mine`). `?search=` finds
//! threads by their words, best match first, within what is shown;
//! `?category=7` keeps to one of the forum's categories (a thread's
//! category leads here). All of it lives in the address. Readable signed
//! out.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::api::ops::thread::{ForumShown, ForumThreads, ForumVars, Thread};
use crate::api::Api;
use crate::components::api_status::Paged;
use crate::components::threads::thread_list;
use crate::pages::PageIntro;
use crate::routes::Page;
use crate::session::use_session;
use crate::thread_form::CATEGORIES;

/// The forum's address for what is shown, a search and a category.
pub fn forum_href(shown: ForumShown, search: &str, category: Option<i64>) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    if let Some(s) = shown.param() {
        out.append_pair("show", s);
    }
    if !search.trim().is_empty() {
        out.append_pair("search", search.trim());
    }
    if let Some(c) = category {
        out.append_pair("category", &c.to_string());
    }
    let q = out.finish();
    if q.is_empty() { Page::Forum.href() } else { format!("{}?{q}", Page::Forum.href()) }
}

#[component]
pub fn ForumPage() -> impl IntoView {
    let session = use_session();
    let query = use_query_map();
    let navigate = use_navigate();
    let user = Memo::new(move |_| session.user());
    // Signed out, only everyone's: what needs a sign-in is not offered.
    let shown = Memo::new(move |_| Some(query.with(|q| ForumShown::from_param(q.get("show").as_deref()))).filter(|s| !s.needs_sign_in() || user.get().is_some()).unwrap_or(ForumShown::Recent));
    let search = Memo::new(move |_| query.with(|q| q.get("search").unwrap_or_default()));
    let category = Memo::new(move |_| query.with(|q| q.get("category").and_then(|c| c.parse::<i64>().ok()).filter(|c| *c > 0)));
    let draft = RwSignal::new(search.get_untracked());
    // The box follows the address (back, forward, a choice), but not the
    // address it made itself while typing (a space at the end stays).
    Effect::new(move |_| {
        let search = search.get();
        if draft.with_untracked(|d| d.trim() != search.trim()) {
            draft.set(search);
        }
    });
    // Typing searches after a pause (the address replaced, not added to);
    // Enter or the button at once.
    let pause = crate::components::Debounce::new();
    let to_category = {
        let navigate = navigate.clone();
        move |href: String| navigate(&href, NavigateOptions::default())
    };
    let go = move |replace: bool| {
        navigate(&forum_href(shown.get_untracked(), &draft.get_untracked(), category.get_untracked()), NavigateOptions { replace, ..Default::default() });
    };
    let on_input = {
        let go = go.clone();
        move |ev: leptos::ev::Event| {
            draft.set(event_target_value(&ev));
            let go = go.clone();
            pause.after_pause(move || go(true));
        }
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        pause.cancel();
        go(false);
    };
    view! {
        <PageIntro title="Forum" lead="What members are talking about on AniList's forum."/>
        <nav class="choice-links" aria-label="Which threads" data-testid="forum-shown">
            <ul>
                {ForumShown::ALL.into_iter().map(|s| view! {
                    <Show when=move || !s.needs_sign_in() || user.get().is_some()>
                        <li><a href=move || forum_href(s, &search.get(), category.get()) aria-current=move || (shown.get() == s).then_some("page")>{s.label()}</a></li>
                    </Show>
                }).collect_view()}
            </ul>
        </nav>
        <form class="search-form" role="search" on:submit=on_submit>
            <label for="forum-q" class="visually-hidden">"Search the forum"</label>
            <input id="forum-q" type="search" placeholder="Search the forum…" autocomplete="off"
                prop:value=move || draft.get() on:input=on_input data-testid="forum-search" data-shortcut="find"/>
            <button type="submit" class="button button--secondary">"Search"</button>
        </form>
        <label class="field forum__choose">
            <span class="field__label">"Category"</span>
            <select data-testid="forum-category-choice" prop:value=move || category.get().map(|c| c.to_string()).unwrap_or_default()
                on:change=move |ev| {
                    let c = event_target_value(&ev).parse::<i64>().ok();
                    to_category(forum_href(shown.get_untracked(), &draft.get_untracked(), c));
                }>
                <option value="">"All categories"</option>
                {CATEGORIES.iter().map(|(id, name)| view! { <option value=id.to_string()>{*name}</option> }).collect_view()}
                // One the forum does not offer (reached from a thread's):
                // chosen all the same.
                {move || category.get().filter(|c| !CATEGORIES.iter().any(|(id, _)| id == c)).map(|c| view! { <option value=c.to_string()>"Another category"</option> })}
            </select>
        </label>
        {move || match user.get() {
            None => view! {
                <p class="muted small" data-testid="forum-sign-in">
                    <a href=Page::Forum.sign_in_then()>"Sign in"</a> " for the threads you follow and those you began, and to begin one."
                </p>
            }.into_any(),
            Some(_) => view! {
                <p><a class="button button--small" href=crate::routes::new_thread_href(None, category.get()) data-testid="forum-new-thread">"Begin a thread"</a></p>
            }.into_any(),
        }}
        // Drawn anew when what is shown, the search or the person changes.
        {move || {
            let (shown, search, category, me) = (shown.get(), search.get(), category.get(), user.get());
            view! { <ForumList shown=shown search=search category=category me=me/> }
        }}
    }
}

/// The threads asked for, 25 at a time with *Load more*, or why there are
/// none.
#[component]
fn ForumList(shown: ForumShown, search: String, category: Option<i64>, me: Option<u64>) -> impl IntoView {
    let api = StoredValue::new(expect_context::<Api>());
    let session = use_session();
    let list = RwSignal::new(Vec::<Thread>::new());
    let asked = search.clone();
    let pages = Paged::appending(list, |t| t.id, 1, true, move |page| {
        let (api, credential) = (api.get_value(), session.credential());
        let vars = ForumVars::new(shown, me, &asked, category, page);
        async move { Ok(api.run::<ForumThreads>(credential.as_ref(), &vars, false).await?.items()) }
    });
    pages.load.dispatch_local(());
    let empty = match (shown, search.trim().is_empty()) {
        (_, false) => format!("No threads found for “{}”.", search.trim()),
        (ForumShown::Recent, true) => "No threads yet.".to_string(),
        (ForumShown::Subscribed, true) => "You are not subscribed to any thread. Subscribe on a thread's page, and AniList tells you of its new comments.".to_string(),
        (ForumShown::Mine, true) => "You have not begun a thread.".to_string(),
    };
    view! {
        <section class="card" data-testid="forum">
            {category.map(|c| {
                // Named as AniList names it on the threads read.
                let known = CATEGORIES.iter().find(|(id, _)| *id == c).map(|(_, n)| n.to_string());
                let name = move || known.clone().or_else(|| list.with(|l| l.iter().flat_map(|t| &t.categories).find(|x| x.id == c).map(|x| x.name.clone()))).unwrap_or_else(|| "one category".into());
                let all = forum_href(shown, &search, None);
                view! {
                    <p class="forum__category" data-testid="forum-category">
                        "In " <strong>{name}</strong> " · " <a href=all data-testid="forum-category-clear">"All categories"</a>
                    </p>
                }
            })}
            {thread_list(list, pages, empty, "forum")}
        </section>
    }
}
