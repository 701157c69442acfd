//! `/forum/new` and `/thread/:id/edit`: a forum thread of the person's
//! own, begun (`?media=1`: about a title; `?category=7`: in a category)
//! or changed: a title, the text in AniList's markdown, its categories;
//! or deleted. Signed in only.
//!
//! What is typed is kept on this device as it is typed, per member and
//! thread ([`crate::thread_form`]), until AniList has it: a reload, a
//! closed tab, a refused or a lost save loses nothing. A change is sent
//! whole, so when its answer is lost it is sent once more; a new thread is
//! sent once, then looked for among the person's latest.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::api::ops::thread_write::{About, DeleteThread, DraftVars, Made, MineVars, MyThreads, SaveThread, SaveVars, Source, ThreadDraft};
use crate::api::sending::{again_if_unknown, gone, sent_once};
use crate::api::{Api, ApiError};
use crate::auth::callback::Credential;
use crate::components::api_status::Sending;
use crate::components::draft_form::{forget_if_sent, Checked, DeleteCard, KeptDraft, RestoredNotice, SaveProblems};
use crate::components::empty_state::EmptyState;
use crate::components::preview::MarkdownPreview;
use crate::components::read::{read_from_anilist, sign_in_gate};
use crate::api::ops::search::Found;
use crate::components::title_search::{TitleSearch, Wording};
use crate::media::{MediaKind, MediaType};
use crate::routes::Page;
use crate::session::use_session;
use crate::thread_form::{self, category_of, Draft, Field, Titled, CATEGORIES};

#[component]
pub fn NewThreadPage() -> impl IntoView {
    let query = use_query_map();
    let number = move |k: &str| query.with_untracked(|q| q.get(k).and_then(|v| v.parse::<i64>().ok()).filter(|v| *v > 0));
    let (media, category) = (number("media"), number("category"));
    sign_in_gate("Begin a thread".into(), "Threads are begun as your AniList account.", Page::NewThread, move |credential| {
        view! { <ReadDraft id=None media=media category=category credential=credential/> }.into_any()
    })
}

#[component]
pub fn EditThreadPage() -> impl IntoView {
    let id = crate::pages::id_param();
    move || match id.get() {
        Some(id) => sign_in_gate("Your thread".into(), "Threads are changed as your AniList account.", Page::EditThread(id), move |credential| {
            view! { <ReadDraft id=Some(id) media=None category=None credential=credential/> }.into_any()
        })
        .into_any(),
        None => no_such("No such thread", "There is no thread at this address.").into_any(),
    }
}

fn no_such(title: &'static str, why: &'static str) -> impl IntoView {
    view! { <EmptyState title=title><p>{why}</p></EmptyState> }
}

/// Reads the thread to change (always AniList's latest), or the title a new
/// one is about, then shows the form.
#[component]
fn ReadDraft(id: Option<i64>, media: Option<i64>, category: Option<i64>, credential: Credential) -> impl IntoView {
    let api = expect_context::<Api>();
    let user = credential.user;
    read_from_anilist(
        if id.is_some() { "Loading your thread…" } else { "Loading…" },
        move |_| {
            let (api, credential) = (api.clone(), credential.clone());
            async move {
                match api.run::<ThreadDraft>(Some(&credential), &DraftVars::of(id, media), true).await {
                    Ok(d) => Ok(Some(d)),
                    Err(e) if e.is_not_found() => Ok(None),
                    Err(e) => Err(e),
                }
            }
        },
        move |found, _| match (id, found) {
            (Some(_), Some(d)) => match d.thread {
                Some(t) if t.user_id == Some(user) => view! { <ThreadForm source=Some(t) about=vec![] category=None user=user/> }.into_any(),
                Some(t) => view! {
                    <EmptyState title="Not your thread">
                        <p>"Only the member who began a thread can change it. " <a href=Page::Thread(t.id).href()>"Back to the thread"</a></p>
                    </EmptyState>
                }
                .into_any(),
                None => no_such("No such thread", "AniList has no thread with this number.").into_any(),
            },
            (None, Some(d)) if media.is_none() || d.media.is_some() => {
                let about: Vec<About> = d.media.into_iter().collect();
                // About a title: in its kind's category unless one is named.
                let category = category.or_else(|| about.first().and_then(|m| m.kind).and_then(MediaType::kind).map(category_of));
                view! { <ThreadForm source=None about=about category=category user=user/> }.into_any()
            }
            (None, _) => crate::pages::title::no_such_title().into_any(),
            (Some(_), None) => no_such("No such thread", "AniList has no thread with this number.").into_any(),
        },
    )
}

/// Sends the thread. A change (with its id) sets every field, so a lost
/// answer is followed by one more send; a new one is sent once and, when
/// its answer is lost, looked for. `None`: AniList does not have it.
async fn save(api: &Api, credential: &Credential, id: Option<i64>, draft: Draft) -> Result<Option<Made>, ApiError> {
    let title = draft.title.trim().to_string();
    let vars = SaveVars { id, title: title.clone(), body: draft.body.trim().to_string(), media_categories: draft.media_ids(), categories: draft.categories };
    let once = || async { Ok(api.run::<SaveThread>(Some(credential), &vars, false).await?.thread) };
    if id.is_some() {
        return again_if_unknown(once).await;
    }
    let sent_at = crate::auth::time::now_secs();
    let mine = MineVars { user_id: credential.user };
    sent_once(once(), || async {
        let latest = api.run::<MyThreads>(Some(credential), &mine, true).await?.page.map(|p| p.items).unwrap_or_default();
        Ok(crate::api::ops::thread_write::find_thread(latest, &title, credential.user, sent_at))
    })
    .await
}

/// Deletes the thread (deleting twice deletes once).
async fn delete(api: &Api, credential: &Credential, id: i64) -> Result<(), ApiError> {
    gone(again_if_unknown(|| async { api.run::<DeleteThread>(Some(credential), &crate::api::ops::activity::RepliesVars { id }, false).await.map(|d| d.result) }).await)
}

#[component]
fn ThreadForm(source: Option<Source>, about: Vec<About>, category: Option<i64>, user: u64) -> impl IntoView {
    let api = StoredValue::new(expect_context::<Api>());
    let session = use_session();
    let navigate = StoredValue::new(use_navigate());
    let thread_id = source.as_ref().map(|s| s.id);
    let about = source.as_ref().map(|s| s.media_categories.clone()).unwrap_or(about);
    let titled: Vec<Titled> = about.iter().map(|m| Titled { id: m.id, name: m.name(), manga: m.kind() == MediaKind::Manga }).collect();
    let saved = match &source {
        Some(s) => Draft { title: s.title.clone().unwrap_or_default(), body: s.body.clone().unwrap_or_default(), categories: s.categories.iter().map(|c| c.id).collect(), media: titled },
        None => Draft { categories: category.into_iter().collect(), media: titled, ..Draft::default() },
    };
    // The forum's categories, and any other the thread is in.
    let mut choices: Vec<(i64, String)> = CATEGORIES.iter().map(|(id, name)| (*id, name.to_string())).collect();
    for c in source.iter().flat_map(|s| &s.categories) {
        if !choices.iter().any(|(id, _)| *id == c.id) {
            choices.push((c.id, c.name.clone()));
        }
    }
    let kept = KeptDraft::new(thread_form::kept_key(user, thread_id, about.first().map(|m| m.id).filter(|_| thread_id.is_none())), saved);
    let draft = kept.draft;
    let lost = RwSignal::new(false);
    let sending = Sending::new();
    let busy = sending.busy;
    let deleting = Sending::new();
    let heading = if thread_id.is_some() { "Your thread" } else { "Begin a thread" };
    crate::pages::set_title(heading);

    let edit = move |f: &dyn Fn(&mut Draft)| kept.edit(f);
    let checked = Checked::new(move || draft.with(Draft::problems));
    let (invalid, described, field_error) = (move |f: Field| checked.invalid(f), move |f: Field, hint: &'static str| checked.described(f, hint), move |f: Field| checked.error(f));

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(credential) = checked.sendable(busy, session, user) else { return };
        let sent = draft.get_untracked();
        let (api, key) = (api.get_value(), kept.key());
        lost.set(false);
        sending.run_keeping(async move { save(&api, &credential, thread_id, sent.clone()).await.map(|t| (t, sent)) }, move |(answer, sent)| {
            let Some(t) = answer else {
                lost.try_set(true);
                return;
            };
            // AniList has it: what was kept here goes; on to the thread
            // (when this page is still shown).
            forget_if_sent(&key, Some(&sent));
            if lost.try_get().is_some() {
                navigate.with_value(|go| go(&Page::Thread(t.id).href(), Default::default()));
            }
        });
    };

    let remove = Callback::new(move |_: ()| {
        let Some(credential) = session.credential() else { return };
        let Some(id) = thread_id else { return };
        let (api, key) = (api.get_value(), kept.key());
        deleting.run_keeping(async move { delete(&api, &credential, id).await }, move |()| {
            forget_if_sent::<Draft>(&key, None);
            if lost.try_get().is_some() {
                navigate.with_value(|go| go(&Page::Forum.href(), Default::default()));
            }
        });
    });

    let back_to_saved = Callback::new(move |_| {
        kept.back_to_saved();
        checked.tried.set(false);
    });
    let cancel_href = match thread_id {
        Some(id) => Page::Thread(id).href(),
        None => match about.first() {
            Some(m) => Page::Title(m.kind(), m.id).href(),
            None => Page::Forum.href(),
        },
    };
    let status = kept.status(busy);

    view! {
        <div class="page-intro">
            <h1 data-testid="write-thread-heading">{heading}</h1>
            <p class="lead">
                {if thread_id.is_some() { "Change its title, its text or its categories, or delete it." } else { "A title, what you want to talk about, and where it belongs on AniList's forum." }}
            </p>
        </div>
        <RestoredNotice at=kept.restored discard=back_to_saved discard_label=if thread_id.is_some() { "Use AniList's version" } else { "Start over" } testid="thread-restored"/>
        <form class="card review-form" novalidate on:submit=submit data-testid="thread-form">
            <label class="field">
                <span class="field__label">"Title"</span>
                <input id=Field::Title.id() type="text" autocomplete="off" prop:readOnly=move || busy.get()
                    prop:value=move || draft.with(|d| d.title.clone())
                    on:input=move |ev| { let t = event_target_value(&ev); edit(&|d| d.title = t.clone()); }
                    aria-invalid=invalid(Field::Title) aria-describedby=described(Field::Title, "")
                    data-testid="thread-title-input"/>
                {field_error(Field::Title)}
            </label>
            <label class="field">
                <span class="field__label">"What it is about"</span>
                <textarea id=Field::Body.id() rows="12" data-shortcut="write" prop:readOnly=move || busy.get()
                    prop:value=move || draft.with(|d| d.body.clone())
                    on:input=move |ev| { let t = event_target_value(&ev); edit(&|d| d.body = t.clone()); }
                    aria-invalid=invalid(Field::Body) aria-describedby=described(Field::Body, "thread-body-hint")
                    data-testid="thread-body-input"></textarea>
                <span class="muted small" id="thread-body-hint">
                    "In AniList's markdown: __bold__, _italic_, ~!a spoiler!~, [a link](https://…). Preview shows it as AniList will."
                </span>
                {field_error(Field::Body)}
            </label>
            <MarkdownPreview text=Signal::derive(move || draft.with(|d| d.body.clone()))/>
            <fieldset class="options__checks thread-form__categories" id=Field::Categories.id() tabindex="-1" aria-invalid=invalid(Field::Categories) data-testid="thread-categories">
                <legend class="field__label">"Categories"</legend>
                {choices.into_iter().map(|(id, name)| view! {
                    <label class="choice">
                        <input type="checkbox" prop:checked=move || draft.with(|d| d.categories.contains(&id)) prop:disabled=move || busy.get()
                            on:change=move |ev| { let on = event_target_checked(&ev); edit(&|d| d.set_category(id, on)); }
                            data-testid="thread-category" data-id=id.to_string()/>
                        <span>{name}</span>
                    </label>
                }).collect_view()}
                {field_error(Field::Categories)}
            </fieldset>
            <AboutTitles draft=draft edit=Callback::new(move |f: ThreadEdit| edit(&*f.0)) busy=busy/>
            <SaveProblems checked=checked lost=lost sending=sending prefix="thread" what="thread"/>
            <div class="review-form__actions">
                <p class="muted small" role="status" data-testid="thread-status">{status}</p>
                <a class="button button--secondary" href=cancel_href data-testid="thread-cancel">"Cancel"</a>
                <button type="submit" class="button" disabled=move || busy.get() data-testid="thread-save">
                    {move || if busy.get() { "Saving…" } else if thread_id.is_some() { "Save changes" } else { "Begin the thread" }}
                </button>
            </div>
        </form>
        {thread_id.map(|_| view! {
            <DeleteCard prefix="thread" what="thread" warning="Delete your thread from AniList? Its comments go with it, for good." deleting=deleting delete=remove/>
        })}
    }
}

/// A change to the draft, for a part of the form drawn apart.
#[derive(Clone)]
struct ThreadEdit(std::sync::Arc<dyn Fn(&mut Draft) + Send + Sync>);

/// The titles the thread is about, each with *Remove*, and a search that
/// adds one (anime or manga).
#[component]
fn AboutTitles(draft: RwSignal<Draft>, edit: Callback<ThreadEdit>, busy: RwSignal<bool>) -> impl IntoView {
    let kind = RwSignal::new(MediaKind::Anime);
    let chosen = Signal::derive(move || draft.with(Draft::media_ids));
    let pick = Callback::new(move |f: Found| {
        let t = Titled { id: f.id, name: f.title.as_ref().and_then(|t| t.user_preferred.clone()).unwrap_or_else(|| format!("Title #{}", f.id)), manga: kind.get_untracked() == MediaKind::Manga };
        edit.run(ThreadEdit(std::sync::Arc::new(move |d: &mut Draft| d.add_title(t.clone()))));
    });
    let words = Wording { label: "Add a title it is about", button: "Add", none: "No title of that name.", prefix: "thread-media" };
    view! {
        <fieldset class="options__checks thread-form__about" data-testid="thread-about">
            <legend class="field__label">"Titles it is about"</legend>
            {move || {
                let media = draft.with(|d| d.media.clone());
                if media.is_empty() {
                    return view! { <p class="muted small">"None: it is about no title in particular."</p> }.into_any();
                }
                view! {
                    <ul class="options__names">
                        {media.into_iter().map(|m| {
                            let (id, name) = (m.id, m.name.clone());
                            let kind = if m.manga { MediaKind::Manga } else { MediaKind::Anime };
                            view! {
                                <li data-testid="thread-about-title" data-id=id.to_string()>
                                    <a href=Page::Title(kind, id).href()>{m.name}</a>
                                    <button type="button" class="button button--small button--secondary" disabled=move || busy.get()
                                        aria-label=format!("Remove {name}") data-testid="thread-about-remove"
                                        on:click=move |_| edit.run(ThreadEdit(std::sync::Arc::new(move |d: &mut Draft| d.media.retain(|x| x.id != id))))>"Remove"</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
            <div class="thread-form__find">
            <label class="field">
                <span class="field__label">"Kind"</span>
                <select prop:value=move || kind.get().slug() on:change=move |ev| kind.set(if event_target_value(&ev) == MediaKind::Manga.slug() { MediaKind::Manga } else { MediaKind::Anime }) data-testid="thread-media-kind">
                    <option value=MediaKind::Anime.slug()>"Anime"</option>
                    <option value=MediaKind::Manga.slug()>"Manga"</option>
                </select>
            </label>
            <TitleSearch kind=kind exclude=chosen words=words busy=busy pick=pick clear=true/>
            </div>
        </fieldset>
    }
}
