use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::session::flow;
use crate::auth::store;
use crate::auth::time::local_date_time;
use crate::components::api_status::ApiErrorView;
use crate::components::clock::clock;
use crate::components::watch_row::{WatchRow, Watched};
use crate::outbox::use_outbox;
use crate::store::{going_on, use_list_store};
use crate::components::copy::{redirect_url, CopyField};
use crate::components::notice::{Flash, Flashes, Tone};
use crate::config::{validate_client_id, Config, ANILIST_DEVELOPER_SETTINGS_URL};
use crate::pages::PageIntro;
use crate::routes::{MediaKind, Page};
use crate::session::names::use_account_names;
use crate::session::{Keep, Session, use_session};

/// AniList's page that shows a token to copy, for clients whose redirect
/// URL is it.
pub const ANILIST_PIN_URL: &str = "https://anilist.co/api/v2/oauth/pin";

#[component]
pub fn HomePage() -> impl IntoView {
    let session = use_session();
    view! {
        <PageIntro
            title="Your AniList, fast and private"
            lead="Manage your anime and manga lists, search AniList, and try its API, straight from your browser."
        />
        {move || match session.0.get() {
            // What is being watched and read first: the page a return to
            // the app starts from (on a phone the welcome came first and
            // pushed it below the screen).
            Session::SignedIn(s) => view! { <GoingOn credential=s.credential()/> <Welcome user=s.decoded.claims.sub/> }.into_any(),
            Session::Expired { at, .. } => view! {
                <p class="notice notice--warning" data-testid="expired-note">
                    "Your AniList sign-in expired on " {local_date_time(at)} ". Sign in again below."
                </p>
                <SignInCards/>
            }.into_any(),
            Session::SignedOut => view! { <SignInCards/> }.into_any(),
        }}
    }
}

#[component]
fn Welcome(user: u64) -> impl IntoView {
    let names = use_account_names();
    view! {
        <section class="card" data-testid="welcome">
            <h2>"You are signed in"</h2>
            <p>
                {move || names.get(user).map(|n| view! { <strong data-testid="welcome-name">{n.name}</strong> ", " })}
                "AniList user " <strong data-testid="welcome-user">{user.to_string()}</strong> ". "
                "See what your token holds on the " <A href=Page::Token.href()>"Token"</A> " page."
            </p>
            <ul class="link-list">
                <li><A href=Page::Profile.href()>"Your profile"</A></li>
                <li><A href=Page::Lists(MediaKind::Anime).href()>"Your anime list"</A></li>
                <li><A href=Page::Lists(MediaKind::Manga).href()>"Your manga list"</A></li>
                <li><A href=Page::Console.href()>"GraphQL console"</A></li>
            </ul>
        </section>
    }
}

/// How many titles in progress the home page shows.
const GOING_ON: usize = 8;

/// The titles being watched or read, most recently updated first, with
/// the next episode and "+1": from the list store, so a return to the app
/// goes on where it left off.
#[component]
fn GoingOn(credential: crate::auth::callback::Credential) -> impl IntoView {
    let store = use_list_store();
    let outbox = use_outbox();
    // Only lists this browser keeps are asked for (one small request each
    // unless fresh: what changed since, before any +1 is offered on old
    // values); a first visit loads nothing big from here.
    for kind in MediaKind::ALL {
        let credential = credential.clone();
        Effect::new(move |asked: Option<bool>| {
            let held = store.with(kind, |d| d.is_some());
            if held && asked != Some(true) {
                outbox.refresh_list(kind, credential.clone(), false);
            }
            held || asked == Some(true)
        });
    }
    // Nothing kept yet (a first sign-in): the lists are loaded when asked,
    // not from here by themselves (a heavy list is a dozen requests).
    let load = Callback::new(move |_| {
        for kind in MediaKind::ALL {
            outbox.refresh_list(kind, credential.clone(), false);
        }
    });
    let loading = Memo::new(move |_| {
        let states = MediaKind::ALL.map(|k| store.refresh_state(k));
        states.iter().any(|s| s.loading).then(|| states.iter().map(|s| s.loaded).sum::<usize>())
    });
    // One list here, the other still coming (its first load).
    let coming = Memo::new(move |_| {
        MediaKind::ALL.into_iter().find(|k| store.refresh_state(*k).loading && store.with(*k, |d| d.is_none()))
    });
    let failed = Memo::new(move |_| MediaKind::ALL.into_iter().find_map(|k| store.refresh_state(k).error));
    let now = clock(std::time::Duration::from_secs(30));
    let rows = Memo::new(move |_| {
        store.with(MediaKind::Anime, |anime| {
            store.with(MediaKind::Manga, |manga| {
                let known = anime.is_some() || manga.is_some();
                let lists = [(MediaKind::Anime, anime), (MediaKind::Manga, manga)];
                let lists = lists.into_iter().filter_map(|(k, d)| d.map(|d| (k, d.entries.as_slice())));
                known.then(|| going_on(lists, GOING_ON).into_iter().map(|(k, e)| Watched::of(k, e)).collect::<Vec<_>>())
            })
        })
    });
    view! {
        <section class="card going-on" data-testid="going-on" aria-labelledby="going-on-heading">
            <h2 id="going-on-heading">"Go on with"</h2>
            {move || match rows.get() {
                None => view! {
                    <p class="muted" data-testid="going-on-none">"What you watch and read shows here, newest first, with +1, once this browser has your lists."</p>
                    {move || match (loading.get(), failed.get()) {
                        (Some(n), _) => view! {
                            <p class="loading" role="status" data-testid="going-on-loading">
                                "Loading your lists…" {(n > 0).then(|| format!(" {} so far", crate::text::entries(n)))}
                            </p>
                        }.into_any(),
                        (None, Some(e)) => view! { <ApiErrorView error=e retry=load/> }.into_any(),
                        (None, None) => view! {
                            <div class="actions">
                                <button type="button" class="button" on:click=move |_| load.run(()) data-testid="going-on-load">"Load my lists"</button>
                            </div>
                        }.into_any(),
                    }}
                }.into_any(),
                Some(rows) if rows.is_empty() => view! {
                    <p class="muted" data-testid="going-on-empty">"Nothing in progress. What you watch or read shows here, newest first. "
                        <A href=Page::Search.href()>"Find something"</A> "."</p>
                }.into_any(),
                Some(rows) => view! {
                    <ul class="airing-list">
                        {rows.into_iter().map(|w| view! { <WatchRow w=w now=now testid="going-on"/> }).collect_view()}
                    </ul>
                    <p class="small"><A href=Page::Airing.href()>"What is airing"</A></p>
                }.into_any(),
            }}
            {move || coming.get().filter(|_| rows.with(Option::is_some)).map(|k| view! {
                <p class="loading small" role="status" data-testid="going-on-coming">{format!("Loading your {} list…", k.slug())}</p>
            })}
        </section>
    }
}

#[component]
fn SignInCards() -> impl IntoView {
    let (keep_on_device, set_keep_on_device) = signal(true);
    let keep = Signal::derive(move || if keep_on_device.get() { Keep::Device } else { Keep::Tab });
    view! {
        <SignInWithAniList keep=keep/>
        <PasteToken keep=keep/>
        <section class="card card--plain">
            <label class="choice">
                <input
                    type="checkbox"
                    prop:checked=move || keep_on_device.get()
                    on:change=move |ev| set_keep_on_device.set(event_target_checked(&ev))
                    data-testid="keep-on-device"
                />
                <span>"Keep me signed in on this device"</span>
            </label>
            <p class="muted small">
                "Unticked, the sign-in lasts only as long as this tab. Either way the token stays in this browser and is sent only to AniList."
            </p>
        </section>
    }
}

#[component]
fn SignInWithAniList(keep: Signal<Keep>) -> impl IntoView {
    let config = expect_context::<Config>();
    let host_client = config.client_id.value.clone();
    let (own_client, set_own_client) = signal(store::own_client_id());
    let client = {
        let host_client = host_client.clone();
        move || host_client.clone().or_else(|| own_client.get())
    };
    let (error, set_error) = signal(None::<String>);
    let redirect = redirect_url();
    let authorize = config.authorize_url.value.clone();
    // Where to come back to: `?return_to=` from a page that needed sign-in.
    let query = use_query_map();
    let return_to = move || {
        query.with_untracked(|q| q.get("return_to")).map(|p| crate::auth::callback::safe_return_path(&p)).unwrap_or_else(|| "/".into())
    };
    let sign_in = {
        let config = config.clone();
        let client = client.clone();
        move |_| {
            let Some(id) = client() else { return };
            set_error.set(None);
            if let Err(e) = flow::begin_sign_in(&config, &id, keep.get_untracked(), &return_to()) {
                set_error.set(Some(e));
            }
        }
    };
    let forget = move |_| {
        let _ = store::set_own_client_id(None);
        set_own_client.set(None);
    };
    view! {
        <section class="card" data-testid="sign-in">
            <h2>"Sign in with AniList"</h2>
            {
                let client = client.clone();
                let redirect = redirect.clone();
                let host_client = host_client.clone();
                move || match client() {
                    Some(id) => view! {
                        <p>"You will sign in on AniList itself; AniList then sends you back here with a token."</p>
                        <dl class="facts facts--compact" data-testid="sign-in-details">
                            <div class="facts__row"><dt>"Client id"</dt><dd><code>{id.clone()}</code></dd></div>
                            <div class="facts__row"><dt>"Back to"</dt><dd><code>{redirect.clone()}</code></dd></div>
                            <div class="facts__row"><dt>"Via"</dt><dd><code>{authorize.clone()}</code></dd></div>
                        </dl>
                        <p class="muted small">
                            "The client's redirect URL at AniList must be exactly the address above, or AniList will show an error instead of sending you back."
                        </p>
                        <div class="actions">
                            <button type="button" class="button" on:click=sign_in.clone() data-testid="sign-in-button">
                                "Sign in with AniList"
                            </button>
                            {host_client.is_none().then(|| view! {
                                <button type="button" class="button button--secondary" on:click=forget>
                                    "Use another client id"
                                </button>
                            })}
                        </div>
                    }.into_any(),
                    None => view! { <ClientIdSetup on_saved=set_own_client/> }.into_any(),
                }
            }
            {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
        </section>
    }
}

/// No client id configured: how to register one, and a place to enter it.
#[component]
fn ClientIdSetup(on_saved: WriteSignal<Option<String>>) -> impl IntoView {
    let (draft, set_draft) = signal(String::new());
    let (error, set_error) = signal(None::<String>);
    let flashes = expect_context::<Flashes>();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match validate_client_id(&draft.get_untracked()) {
            Err(e) => set_error.set(Some(format!("The client id {e}."))),
            Ok(id) => {
                set_error.set(None);
                if let Err(problem) = store::set_own_client_id(Some(&id)) {
                    flashes.push(Flash::new(Tone::Warning, "The client id will not be remembered")
                        .detail(format!("{problem}; it is used until you close this page.")));
                }
                on_saved.set(Some(id));
            }
        }
    };
    view! {
        <div data-testid="client-setup">
            <p>"This copy of the app has no AniList client yet. Setting one up takes a minute:"</p>
            <ol class="steps">
                <li>
                    "Open "
                    <a href=ANILIST_DEVELOPER_SETTINGS_URL rel="noopener noreferrer" target="_blank">"AniList's developer settings"</a>
                    " and create a client."
                </li>
                <li>
                    "Give it this redirect URL:"
                    <CopyField label="Redirect URL" value=redirect_url()/>
                </li>
                <li>"Enter the client's ID here:"</li>
            </ol>
            <form class="inline-form" on:submit=save>
                <label for="client-id">"Client ID"</label>
                <input
                    id="client-id"
                    type="text"
                    inputmode="numeric"
                    autocomplete="off"
                    placeholder="e.g. 12345"
                    prop:value=move || draft.get()
                    on:input=move |ev| set_draft.set(event_target_value(&ev))
                />
                <button type="submit" class="button">"Save"</button>
            </form>
            {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
            <p class="muted small">"No client? You can still paste a token below."</p>
        </div>
    }
}

/// AniList's PIN flow: a token copied from AniList's page, pasted here.
#[component]
fn PasteToken(keep: Signal<Keep>) -> impl IntoView {
    let config = expect_context::<Config>();
    let session = use_session();
    let flashes = expect_context::<Flashes>();
    let (draft, set_draft) = signal(String::new());
    let (error, set_error) = signal(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match flow::sign_in_with_pasted(&config, &draft.get_untracked(), keep.get_untracked()) {
            Err(e) => set_error.set(Some(e)),
            Ok((next, warnings)) => {
                set_error.set(None);
                set_draft.set(String::new());
                for w in warnings {
                    flashes.push(w);
                }
                session.0.set(next);
            }
        }
    };
    view! {
        <section class="card" data-testid="paste-token">
            <h2>"Paste a token"</h2>
            <p>
                "For a client whose redirect URL is "
                <code>{ANILIST_PIN_URL}</code>
                ", AniList shows the token on its own page after you approve. Copy it and paste it here."
            </p>
            <form on:submit=submit>
                <label for="pasted-token">"Access token"</label>
                <textarea
                    id="pasted-token"
                    rows="4"
                    autocomplete="off"
                    autocapitalize="off"
                    spellcheck="false"
                    placeholder="eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiIs…"
                    aria-describedby="pasted-token-error"
                    prop:value=move || draft.get()
                    on:input=move |ev| set_draft.set(event_target_value(&ev))
                ></textarea>
                <div class="actions">
                    <button type="submit" class="button" data-testid="paste-submit">"Use this token"</button>
                </div>
            </form>
            <div id="pasted-token-error">
                {move || error.get().map(|e| view! { <p class="form-error" role="alert" data-testid="paste-error">"This token cannot be used: " {e}</p> })}
            </div>
        </section>
    }
}
