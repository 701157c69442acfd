//! Titles of one kind found by name as they are typed (after a pause; only
//! the latest search's answer is shown), each with a button that picks it:
//! recommending a title, a thread's titles. Titles for adults only when the
//! person lets them show.

use leptos::prelude::*;

use crate::api::ops::search::{Found, Search, Vars};
use crate::api::{Api, ApiError};
use crate::components::api_status::ApiErrorView;
use crate::media::MediaKind;
use crate::session::names::AccountNames;
use crate::session::use_session;

/// What a [`TitleSearch`] says and is named by: its label, its buttons'
/// word ("Recommend"), what it says when nothing is found, and its test
/// ids' prefix (`<prefix>-input`, `<prefix>-found-<id>`, `<prefix>-none`).
#[derive(Clone, Copy)]
pub struct Wording {
    pub label: &'static str,
    pub button: &'static str,
    pub none: &'static str,
    pub prefix: &'static str,
}

#[component]
pub fn TitleSearch(
    #[prop(into)] kind: Signal<MediaKind>,
    /// Titles not offered (chosen already).
    #[prop(into)]
    exclude: Signal<Vec<i64>>,
    words: Wording,
    #[prop(into)] busy: Signal<bool>,
    pick: Callback<Found>,
    /// Escape in the box.
    #[prop(optional)]
    escape: Option<Callback<()>>,
    /// The box emptied once a title is picked.
    #[prop(optional)]
    clear: bool,
    /// The box takes the focus when it appears (opened by a button).
    #[prop(optional)]
    focused: bool,
) -> impl IntoView {
    let api = StoredValue::new(expect_context::<Api>());
    let session = use_session();
    let text = RwSignal::new(String::new());
    let found = RwSignal::new(None::<Result<Vec<Found>, ApiError>>);
    let searching = RwSignal::new(false);
    let asked = StoredValue::new(0u32);
    let pause = crate::components::Debounce::new();
    let search = move |q: String| {
        let Some(credential) = session.credential() else { return };
        let n = asked.get_value() + 1;
        asked.set_value(n);
        if q.trim().chars().count() < 2 {
            found.set(None);
            searching.set(false);
            return;
        }
        searching.set(true);
        let api = api.get_value();
        let words = crate::browse::Browse { text: q.trim().to_string(), kind: kind.get_untracked(), ..Default::default() };
        let vars = Vars { people: false, ..Vars::of(&words, 1, 8, AccountNames::adult_untracked(credential.user), false) };
        leptos::task::spawn_local(async move {
            let answer = api.run::<Search>(Some(&credential), &vars, false).await.map(|d| d.page.map(|p| p.media).unwrap_or_default());
            if asked.try_get_value() == Some(n) {
                found.try_set(Some(answer));
                searching.try_set(false);
            }
        });
    };
    // Another kind: the same words searched again.
    Effect::new(move |was: Option<MediaKind>| {
        let now = kind.get();
        if was.is_some_and(|w| w != now) {
            search(text.get_untracked());
        }
        now
    });
    let on_input = move |ev: leptos::ev::Event| {
        let q = event_target_value(&ev);
        text.set(q.clone());
        pause.after_pause(move || search(q));
    };
    let chosen = move |f: Found| {
        pick.run(f);
        if clear {
            asked.update_value(|n| *n += 1);
            text.set(String::new());
            found.set(None);
        }
    };
    let results = move || {
        found.get().map(|answer| match answer {
            Err(e) => view! { <ApiErrorView error=e/> }.into_any(),
            Ok(all) => {
                let all: Vec<Found> = exclude.with(|x| all.into_iter().filter(|f| !x.contains(&f.id)).collect());
                if all.is_empty() {
                    return view! { <p class="muted small" role="status" data-testid=format!("{}-none", words.prefix)>{words.none}</p> }.into_any();
                }
                view! {
                    <ul class="recommend-search__results" data-testid=format!("{}-results", words.prefix)>
                        {all.into_iter().map(|f| {
                            let name = f.title.as_ref().and_then(|t| t.user_preferred.clone()).unwrap_or_else(|| format!("Title #{}", f.id));
                            let line = crate::text::format_year(f.format, f.start_date.and_then(|d| d.year));
                            let id = f.id;
                            view! {
                                <li data-testid=format!("{}-found-{id}", words.prefix)>
                                    <span class="recommend-search__name">{name.clone()} " " <span class="muted small">{line}</span></span>
                                    <button type="button" class="button button--small" disabled=move || busy.get() on:click=move |_| chosen(f.clone())
                                        aria-label=format!("{} {name}", words.button)>{words.button}</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }
        })
    };
    view! {
        <label class="field">
            <span class="field__label">{words.label}</span>
            <input type="search" autofocus=focused autocomplete="off" placeholder="Its name" prop:value=move || text.get() on:input=on_input
                on:keydown=move |ev| match ev.key().as_str() {
                    "Escape" => if let Some(e) = escape { e.run(()) },
                    // It searches as it is typed: Enter sends no form it is in.
                    "Enter" => ev.prevent_default(),
                    _ => {}
                } data-testid=format!("{}-input", words.prefix)/>
        </label>
        {move || searching.get().then(|| view! { <p class="muted small" role="status">"Searching…"</p> })}
        {results}
    }
}
