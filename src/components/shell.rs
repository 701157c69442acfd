//! The frame around every page: header (name, navigation, session state)
//! and footer.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::config::{ANILIST_APPS_SETTINGS_URL, Config};
use crate::routes::Page;
use std::time::Duration;

use crate::auth::time::relative_words;
use crate::components::clock::clock;
use crate::components::notice::{Flash, Flashes, Tone};
use crate::session::names::{use_account_names, AccountName};
use crate::session::{Session, use_session};
use crate::APP_NAME;

#[component]
pub fn Header() -> impl IntoView {
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <A href=Page::Home.href() attr:class="brand">
                    <span class="brand__mark" aria-hidden="true">"T"</span>
                    <span class="brand__name">{APP_NAME}</span>
                    <span class="brand__for">"for AniList"</span>
                </A>
                <SessionBadge/>
            </div>
            <Nav/>
        </header>
    }
}

#[component]
pub fn Nav() -> impl IntoView {
    // On a phone the navigation is one row that scrolls sideways: the
    // current page's tab is brought into that row's view at each move.
    let path = leptos_router::hooks::use_location().pathname;
    Effect::new(move |_| {
        path.track();
        request_animation_frame(current_tab_in_view);
    });
    view! {
        <nav class="site-nav" aria-label="Main">
            <ul>
                {Page::NAV
                    .into_iter()
                    .map(|page| {
                        view! {
                            <li>
                                <A href=page.href()>{page.label()}</A>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

/// Scrolls the navigation's row (only its own, never the page) so that
/// the current page's tab is wholly in view.
fn current_tab_in_view() {
    use wasm_bindgen::JsCast;
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let (Ok(Some(nav)), Ok(Some(tab))) = (doc.query_selector(".site-nav"), doc.query_selector(".site-nav a[aria-current=page]")) else { return };
    let Ok(tab) = tab.dyn_into::<web_sys::HtmlElement>() else { return };
    let (left, width, seen, shown) = (tab.offset_left(), tab.offset_width(), nav.scroll_left(), nav.client_width());
    if left < seen || left + width > seen + shown {
        nav.set_scroll_left(left - (shown - width) / 2);
    }
}

/// The sign-in state, always visible in the header, a warning when the
/// sign-in is about to end, and the account menu (switch, add, sign out).
#[component]
pub fn SessionBadge() -> impl IntoView {
    let session = use_session();
    let flashes = expect_context::<Flashes>();
    let now = clock(Duration::from_secs(30));
    let state = session.0;
    let class = move || match state.with(|s| (s.is_signed_in(), matches!(s, Session::Expired { .. }))) {
        (true, _) => "session-badge session-badge--in",
        (_, true) => "session-badge session-badge--expired",
        _ => "session-badge session-badge--out",
    };
    let href = move || {
        if state.with(|s| s.is_signed_in()) { Page::Token.href() } else { Page::Home.href() }
    };
    let warning = move || {
        state.with(|s| s.expiry_warning(now.get())).map(|left| {
            view! {
                <A href=Page::Home.href() attr:class="expiry-warning" attr:data-testid="expiry-warning">
                    "Sign-in ends " {relative_words(left)}
                </A>
            }
        })
    };
    let config = StoredValue::new(expect_context::<Config>());
    // The other accounts signed in here, read again at each change of account.
    let others = Memo::new(move |_| {
        state.track();
        crate::auth::store::parked_users()
    });
    let signed_in = move || session.user().is_some();
    let sign_out = move |_| {
        let was = state.with_untracked(|s| s.signed_in().map(|s| s.user_id())).unwrap_or_default();
        let next = crate::outbox::sign_out(session);
        let flash = match next {
            Some(n) => Flash::new(Tone::Info, format!("User {was} is signed out"))
                .detail(format!("Their token, lists and console history are deleted from this browser. You are now User {n}.")),
            None => Flash::new(Tone::Info, "You are signed out").detail("Your token, your lists and your console history are deleted from this browser."),
        };
        flashes.push(flash.with_revoke_link());
    };
    // The accounts' names and avatars, asked when the menu opens for each
    // account nothing is known of yet (one small request each, with that
    // account's own token: the active one's and those parked).
    let names = use_account_names();
    let api = StoredValue::new(expect_context::<crate::api::Api>());
    // Changes kept for each account not active now, read when the menu
    // opens: they go when that account is active again.
    let waiting = RwSignal::new(std::collections::HashMap::<u64, usize>::new());
    let count_waiting = move || {
        for user in others.get_untracked() {
            leptos::task::spawn_local(async move {
                let n = crate::outbox::waiting_for(user).await;
                let _ = waiting.try_update(|w| w.insert(user, n));
            });
        }
    };
    // Other accounts whose sign-in has ended: the token expired, or AniList
    // refused it when asked (each parked token is tried once a run, with
    // the name's request): marked in the menu before a switch finds out.
    let ended = RwSignal::new(std::collections::HashSet::<u64>::new());
    let tried = StoredValue::new(std::collections::HashSet::<u64>::new());
    let ask_names = move |_| {
        count_waiting();
        let now = crate::auth::time::now_secs();
        let active = session.credential();
        let mut parked = Vec::new();
        for u in others.get_untracked() {
            match crate::auth::store::parked_credential(u, now) {
                Some(c) => parked.push(c),
                None => ended.update(|e| {
                    e.insert(u);
                }),
            }
        }
        let unknown = |c: &crate::auth::callback::Credential| crate::auth::store::account_name(c.user).is_none();
        let parked = parked.into_iter().filter(|c| tried.try_update_value(|t| t.insert(c.user)).unwrap_or(false) || unknown(c));
        for c in active.into_iter().filter(unknown).chain(parked) {
            let api = api.get_value();
            leptos::task::spawn_local(async move {
                use crate::api::ops::me::{Data, Me, Vars};
                match api.run::<Me>(Some(&c), &Vars {}, true).await {
                    Ok(Data { viewer: Some(u) }) if u.id == c.user => {
                        names.learn(u.id, AccountName { adult: crate::api::ops::me::Adult::shown(u.options.as_ref()), name: u.name, avatar: u.avatar.and_then(|a| a.medium) });
                    }
                    Err(e) if e.ends_session() => {
                        let _ = ended.try_update(|e| e.insert(c.user));
                    }
                    _ => {}
                }
            });
        }
    };
    let label = move |user: u64| {
        let known = names.get(user);
        let avatar = known.as_ref().and_then(|k| k.avatar.clone());
        let text = match known {
            Some(k) => format!("{} (User {user})", k.name),
            None => format!("User {user}"),
        };
        view! {
            {avatar.map(|src| view! { <img class="accounts__avatar" src=src alt="" width="24" height="24"/> })}
            <span>{text}</span>
        }
    };
    let sign_out_all = move |_| {
        crate::outbox::sign_out_all(session);
        flashes.push(
            Flash::new(Tone::Info, "Every account is signed out")
                .detail("Their tokens, lists and console history are deleted from this browser.")
                .with_revoke_link(),
        );
    };
    let add = move |_| {
        if let Err(why) = config.with_value(|c| crate::session::flow::add_account(c, session)) {
            flashes.push(Flash::new(Tone::Error, "Another account cannot sign in now").detail(why));
        }
    };
    // The menu closes as menus do: Escape (the focus back on its button),
    // a click anywhere else, or a click on one of its actions.
    let menu = NodeRef::<leptos::html::Details>::new();
    let escape = window_event_listener(leptos::ev::keydown, move |ev| {
        let Some(d) = menu.get_untracked().filter(|d| d.open()) else { return };
        if ev.key() == "Escape" && !ev.default_prevented() {
            ev.prevent_default();
            d.set_open(false);
            if let Some(s) = d.first_element_child().and_then(|s| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(s).ok()) {
                let _ = s.focus();
            }
        }
    });
    let outside = window_event_listener(leptos::ev::click, move |ev| {
        let Some(d) = menu.get_untracked().filter(|d| d.open()) else { return };
        let target = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok());
        // Its own button toggles it; a click on one of its actions, or
        // anywhere else, closes it.
        let on_summary = target.as_ref().is_some_and(|t| t.closest("summary").ok().flatten().is_some_and(|s| d.contains(Some(&s))));
        let in_menu = target.as_ref().is_some_and(|t| d.contains(Some(t)));
        let on_action = target.as_ref().is_some_and(|t| t.closest("button").ok().flatten().is_some());
        if !on_summary && (!in_menu || on_action) {
            d.set_open(false);
        }
    });
    on_cleanup(move || {
        escape.remove();
        outside.remove();
    });
    view! {
        <div class="session">
            <crate::outbox::OutboxStatus/>
            {warning}
            <A href=href attr:class=class attr:data-testid="session-badge">
                <span class="session-badge__dot" aria-hidden="true"></span>
                // The account's name once an answer gave it (the id stays,
                // for developers and to tell accounts apart; a phone hides it).
                {move || {
                    let user = session.user();
                    match user.and_then(|u| names.get(u).map(|n| (u, n))) {
                        Some((u, n)) => view! {
                            {n.avatar.map(|src| view! { <img class="session-badge__avatar" src=src alt="" width="20" height="20"/> })}
                            <span data-testid="session-name">{n.name}</span>
                            <span class="session-badge__id">{format!("(User {u})")}</span>
                        }.into_any(),
                        None => view! { <span>{state.with(|s| s.status_label())}</span> }.into_any(),
                    }
                }}
            </A>
            <NotificationsLink/>
            // Shown signed in, and signed out while other accounts are
            // still signed in here (a refused or expired token ends only
            // the active one): switching needs no new sign-in.
            <Show when=move || signed_in() || others.with(|o| !o.is_empty())>
                <details class="accounts" data-testid="accounts" node_ref=menu>
                    <summary class="button button--small button--secondary" on:click=ask_names>
                        {move || match others.with(Vec::len) + usize::from(signed_in()) { 1 if signed_in() => "Account".to_string(), n => format!("Accounts ({n})") }}
                    </summary>
                    <div class="accounts__menu">
                        {move || session.user().map(|user| view! {
                            <p class="accounts__me" data-testid="accounts-active">
                                {label(user)}
                                <span class="muted small">" · active"</span>
                            </p>
                        })}
                        {move || others.get().into_iter().map(|user| view! {
                            <button type="button" class="button button--small button--secondary accounts__switch" data-testid="switch-account" data-user=user.to_string()
                                on:click=move |_| { crate::session::flow::switch_account(session, flashes, user); }>
                                "Switch to " {label(user)}
                                {move || ended.with(|e| e.contains(&user)).then(|| view! {
                                    <span class="muted small" data-testid="account-ended">" · sign-in ended, sign in again"</span>
                                })}
                                {move || waiting.with(|w| w.get(&user).copied()).filter(|n| *n > 0).map(|n| view! {
                                    <span class="muted small" data-testid="account-waiting">
                                        {format!(" · {} waiting", crate::text::count(n as u64, "change"))}
                                    </span>
                                })}
                            </button>
                        }).collect_view()}
                        <Show when=signed_in>
                            <button type="button" class="button button--small button--secondary" on:click=add data-testid="add-account">
                                "Add another account"
                            </button>
                        </Show>
                        <Show when=signed_in>
                            <button type="button" class="button button--small button--secondary" on:click=sign_out data-testid="sign-out">
                                "Sign out"
                            </button>
                        </Show>
                        <Show when=move || others.with(|o| !o.is_empty())>
                            <button type="button" class="button button--small button--danger" on:click=sign_out_all data-testid="sign-out-all">
                                "Sign out of every account"
                            </button>
                        </Show>
                    </div>
                </details>
            </Show>
        </div>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    let config = expect_context::<Config>();
    let endpoint = if config.is_anilist() {
        "AniList".to_string()
    } else {
        format!("a custom endpoint ({})", config.graphql_url.value)
    };
    view! {
        <footer class="site-footer">
            <p>
                {APP_NAME}
                " is an unofficial client for AniList, not made or endorsed by AniList. "
                "It runs entirely in your browser and talks only to "
                {endpoint}
                "."
            </p>
            <crate::components::api_status::BudgetLine/>
            <p>"Press " <kbd>"?"</kbd> " for keyboard shortcuts."</p>
            <p>
                "Revoke its access any time in "
                <a href=ANILIST_APPS_SETTINGS_URL rel="noopener noreferrer" target="_blank">
                    "AniList's app settings"
                </a>
                "."
            </p>
        </footer>
    }
}

/// The bell: a link to the notifications, with how many are unread.
#[component]
fn NotificationsLink() -> impl IntoView {
    let state = use_session();
    let unread = crate::unread::use_unread();
    let user = Memo::new(move |_| state.user());
    move || {
        user.get().map(|u| {
            let count = move || unread.count(u).filter(|n| *n > 0);
            let label = move || match count() {
                Some(n) => format!("Notifications: {n} unread"),
                None => "Notifications".to_string(),
            };
            view! {
                <A href=Page::Notifications.href() attr:class="bell" attr:data-testid="notifications-link" attr:aria-label=label attr:title=label>
                    <svg class="bell__icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
                        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9"/>
                        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0"/>
                    </svg>
                    {move || count().map(|n| view! { <span class="bell__count" data-testid="unread-count">{if n > 99 { "99+".to_string() } else { n.to_string() }}</span> })}
                </A>
            }
        })
    }
}
