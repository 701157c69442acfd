//! "On AniList": the account's options that change what this app shows
//! (the language of titles, the scoring system, the custom lists) and
//! AniList's airing notifications, read from AniList and saved there. A
//! change of scoring system, language or custom lists reads the lists this
//! browser holds again, since AniList answers every score, title and list
//! anew. How the lists are laid out (their order, the split of completed
//! lists, the default order of rows) and the sections of advanced scoring
//! are saved and shown at once.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::api::ops::save_user_options::{SaveUserOptions, Vars};
use crate::api::ops::user_options::{self, new_name, Choices, UserOptions};
use crate::api::{Api, ApiError};
use crate::auth::callback::Credential;
use crate::listing::{move_section, section_names, SortBy};
use crate::components::api_status::ApiErrorView;
use crate::components::read::{read_from_anilist, sign_in_gate};
use crate::media::{MediaKind, ScoreFormat, UserTitleLanguage};
use crate::outbox::{use_outbox, OptionsChange};
use crate::routes::Page;
use crate::session::use_session;
use crate::store::{use_list_store, Arrangement};

/// The options in an answer, when it is about `user`.
fn choices_of(answer: Option<user_options::User>, user: u64) -> Result<Choices, ApiError> {
    answer.filter(|u| u.id == user).map(|u| Choices::from(&u)).ok_or_else(|| ApiError::Shape("no options for this user".into()))
}

#[component]
pub fn AniListOptions() -> impl IntoView {
    let api = expect_context::<Api>();
    view! {
        <section class="card" data-testid="anilist-options">
            <h2>"On AniList"</h2>
            {sign_in_gate(
                "Sign in to change your AniList options".into(),
                "The language of titles, your scoring system and airing notifications are read from AniList with your own token.",
                Page::Settings,
                move |credential| {
                    let api = api.clone();
                    let shown = credential.clone();
                    read_from_anilist(
                        "Reading your AniList options…",
                        move |fresh| {
                            let (api, credential) = (api.clone(), credential.clone());
                            async move { choices_of(api.run::<UserOptions>(Some(&credential), &user_options::Vars {}, fresh).await?.viewer, credential.user) }
                        },
                        move |choices, _| view! { <OptionsForm credential=shown.clone() saved=choices/> }.into_any(),
                    )
                    .into_any()
                },
            )}
        </section>
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Saving {
    Idle,
    Sending,
    /// Saved; with whether the lists are read again.
    Done { lists: bool },
    Failed(ApiError),
}

#[component]
fn OptionsForm(credential: Credential, saved: Choices) -> impl IntoView {
    let api = StoredValue::new(expect_context::<Api>());
    let session = use_session();
    let outbox = use_outbox();
    let titles = crate::store::titles::use_titles();
    let credential = StoredValue::new(credential);
    let saved = RwSignal::new(saved);
    let draft = RwSignal::new(saved.get_untracked());
    let (state, set_state) = signal(Saving::Idle);
    let unchanged = move || draft.get() == saved.get();
    // Changes still waiting carry scores in the current system: AniList
    // would read them in the new one.
    let blocked = move || {
        if draft.with(|d| saved.with(|s| d.score_format == s.score_format)) {
            return None;
        }
        let waiting = outbox.waiting();
        (waiting > 0).then_some(waiting)
    };
    let send = move || {
        if blocked().is_some() || state.get_untracked() == Saving::Sending {
            return;
        }
        let before = saved.get_untracked();
        let vars = Vars::between(&before, &draft.get_untracked());
        if vars.is_empty() {
            return;
        }
        set_state.set(Saving::Sending);
        let (api, credential) = (api.get_value(), credential.get_value());
        leptos::task::spawn_local(async move {
            let answer = api.run::<SaveUserOptions>(Some(&credential), &vars, true).await.and_then(|d| choices_of(d.user, credential.user));
            match answer {
                Ok(now) => {
                    // The lists this browser holds, read again whole (whatever
                    // page is shown by then), while it is still this user's.
                    let same_user = session.user_untracked() == Some(credential.user);
                    let lists = before.lists_change(&now) && same_user;
                    if same_user && (lists || before.sections_change(&now)) {
                        let change = OptionsChange {
                            user: credential.user,
                            scores: before.score_format != now.score_format,
                            order_only: !lists,
                            arrangement: Some(Arrangement {
                                order: now.order.clone(),
                                split: now.split,
                                row_order: Some(now.row_order.clone()).filter(|r| !r.is_empty()),
                                scored_in: Some(now.scored_in()),
                            }),
                        };
                        outbox.options_changed(change, titles);
                    }
                    let _ = draft.try_set(now.clone());
                    let _ = saved.try_set(now);
                    let _ = set_state.try_set(Saving::Done { lists });
                }
                Err(e) => {
                    let _ = set_state.try_set(Saving::Failed(e));
                }
            }
        });
    };
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        send();
    };
    let edit = move |f: &dyn Fn(&mut Choices)| {
        draft.update(|d| f(d));
        if matches!(state.get_untracked(), Saving::Done { .. } | Saving::Failed(_)) {
            set_state.set(Saving::Idle);
        }
    };
    let language_known = move || saved.with(|s| s.title_language != UserTitleLanguage::Unknown);
    // AniList's default is "title" when it says nothing.
    let row_order_known = move || draft.with(|d| d.row_order.is_empty() || SortBy::ROW_ORDERS.iter().any(|s| s.row_order() == Some(d.row_order.as_str())));
    view! {
        <form class="options" on:submit=on_submit data-testid="options-form">
            <label class="field">
                <span class="field__label">"Titles in"</span>
                <select data-testid="option-title-language" aria-describedby="title-language-hint" on:change=move |ev| {
                    if let Some(l) = UserTitleLanguage::from_api(&event_target_value(&ev)) {
                        edit(&|d| d.title_language = l);
                    }
                }>
                    {move || (!language_known()).then(|| view! {
                        <option value="UNKNOWN" disabled=true selected=move || draft.with(|d| d.title_language == UserTitleLanguage::Unknown)>"Another language (as on AniList)"</option>
                    })}
                    {UserTitleLanguage::ALL.iter().map(|&l| view! {
                        <option value=l.as_api() selected=move || draft.with(|d| d.title_language == l)>{l.label()}</option>
                    }).collect_view()}
                </select>
                <span class="field__hint muted small" id="title-language-hint">"The name every title goes by, here and on AniList."</span>
            </label>
            <label class="field">
                <span class="field__label">"Scoring system"</span>
                <select data-testid="option-score-format" aria-describedby="score-format-hint" on:change=move |ev| {
                    if let Some(&f) = event_target_value(&ev).parse::<usize>().ok().and_then(|i| ScoreFormat::ALL.get(i)) {
                        edit(&|d| d.score_format = f);
                    }
                }>
                    {ScoreFormat::ALL.iter().enumerate().map(|(i, &f)| view! {
                        <option value=i.to_string() selected=move || draft.with(|d| d.score_format == f)>{f.label()}</option>
                    }).collect_view()}
                </select>
                <span class="field__hint muted small" id="score-format-hint">"AniList converts every score you have given to the new system."</span>
            </label>
            <label class="field">
                <span class="field__label">"List rows in order of"</span>
                <select data-testid="option-row-order" aria-describedby="row-order-hint" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    edit(&|d| d.row_order = v.clone());
                }>
                    {move || (!row_order_known()).then(|| view! {
                        <option value="" disabled=true selected=true>"Another order (as on AniList)"</option>
                    })}
                    {SortBy::ROW_ORDERS.iter().filter_map(|s| Some((s.row_order()?, s.label()))).map(|(value, label)| view! {
                        <option value=value selected=move || draft.with(|d| d.row_order == value)>{label}</option>
                    }).collect_view()}
                </select>
                <span class="field__hint muted small" id="row-order-hint">"How your lists are sorted until you choose another sort there."</span>
            </label>
            <label class="choice">
                <input type="checkbox" data-testid="option-airing" prop:checked=move || draft.with(|d| d.airing_notifications)
                    on:change=move |ev| { let on = event_target_checked(&ev); edit(&|d| d.airing_notifications = on); }/>
                <span>"Notify me when an episode of an anime I am watching airs"</span>
            </label>
            {MediaKind::ALL.into_iter().map(|kind| view! { <CustomLists kind=kind draft=draft saved=saved edit=Callback::new(move |f: NameEdit| edit(&|d| f.apply(d.lists_of_mut(kind))))/> }).collect_view()}
            {MediaKind::ALL.into_iter().map(|kind| view! {
                <AdvancedScoring kind=kind draft=draft
                    turn=Callback::new(move |on: bool| { let kept = saved.with_untracked(|s| s.advanced_of(kind).sections.clone()); edit(&|d| d.advanced[kind.index()].turn(on, &kept)) })
                    edit=Callback::new(move |f: NameEdit| edit(&|d| f.apply(&mut d.advanced[kind.index()].sections)))/>
            }).collect_view()}
            {MediaKind::ALL.into_iter().map(|kind| view! {
                <ListOrder kind=kind draft=draft
                    edit=Callback::new(move |order: Vec<String>| edit(&|d| d.order[kind.index()] = order.clone()))
                    split=Callback::new(move |on: bool| edit(&|d| d.split[kind.index()] = on))/>
            }).collect_view()}
            {move || blocked().map(|n| view! {
                <p class="notice notice--warning" role="status" data-testid="options-blocked">
                    {format!(
                        "{} to your lists {} still waiting to be saved, with scores in your current system. Change the scoring system once {} saved.",
                        crate::text::count(n as u64, "change"),
                        if n == 1 { "is" } else { "are" },
                        if n == 1 { "it is" } else { "they are" },
                    )}
                </p>
            })}
            <div class="actions">
                <button type="submit" class="button" data-testid="options-save"
                    disabled=move || unchanged() || blocked().is_some() || state.get() == Saving::Sending>
                    {move || if state.get() == Saving::Sending { "Saving…" } else { "Save on AniList" }}
                </button>
                <button type="button" class="button button--secondary" data-testid="options-reset"
                    disabled=move || unchanged() || state.get() == Saving::Sending
                    on:click=move |_| { draft.set(saved.get_untracked()); set_state.set(Saving::Idle); }>
                    "Undo changes"
                </button>
                <span role="status" class="muted" data-testid="options-state">
                    {move || match state.get() {
                        Saving::Done { lists: true } => "Saved on AniList. Your lists are being read again to match.",
                        Saving::Done { lists: false } => "Saved on AniList.",
                        _ => "",
                    }}
                </span>
            </div>
            {move || match state.get() {
                Saving::Failed(e) => Some(view! { <ApiErrorView error=e retry=Callback::new(move |_| send())/> }),
                _ => None,
            }}
        </form>
    }
}

/// One change to a list of names (a kind's custom lists, its advanced
/// scoring sections).
#[derive(Clone, Debug)]
enum NameEdit {
    Add(String),
    Remove(String),
}

impl NameEdit {
    fn apply(&self, names: &mut Vec<String>) {
        match self {
            NameEdit::Add(name) => names.push(name.clone()),
            NameEdit::Remove(name) => names.retain(|n| n != name),
        }
    }
}

/// Names the person adds and takes out: each with "Remove", and a new
/// one's name with "Add". `what` is what a name names ("list",
/// "section"), `of` what the new one is ("custom anime list"), `item` the
/// test id of each name's row.
#[component]
fn Names(names: Signal<Vec<String>>, what: &'static str, of: String, item: &'static str, edit: Callback<NameEdit>) -> impl IntoView {
    let (name, set_name) = signal(String::new());
    let (problem, set_problem) = signal(None::<String>);
    let input_id = format!("new-{what}-{}", of.replace(' ', "-"));
    let add = move || match names.with_untracked(|taken| new_name(&name.get_untracked(), taken, what)) {
        Ok(n) => {
            edit.run(NameEdit::Add(n));
            set_name.set(String::new());
            set_problem.set(None);
        }
        Err(why) => set_problem.set(Some(why)),
    };
    view! {
        {move || {
            let names = names.get();
            if names.is_empty() {
                return view! { <p class="muted small">"None yet."</p> }.into_any();
            }
            view! {
                <ul class="options__names">
                    {names.into_iter().map(|n| {
                        let label = format!("Remove the {what} {n}");
                        let gone = n.clone();
                        view! {
                            <li data-testid=item>
                                <span>{n}</span>
                                <button type="button" class="button button--small button--secondary" aria-label=label
                                    data-testid=format!("remove-{what}") on:click=move |_| edit.run(NameEdit::Remove(gone.clone()))>"Remove"</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        <div class="options__add">
            <label class="visually-hidden" for=input_id.clone()>{format!("A new {of}'s name")}</label>
            <input id=input_id type="text" placeholder=format!("New {what}'s name") maxlength="100" data-testid=format!("new-{what}-name")
                prop:value=name on:input=move |ev| { set_name.set(event_target_value(&ev)); set_problem.set(None); }
                on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Enter" { ev.prevent_default(); add(); }/>
            <button type="button" class="button button--small button--secondary" data-testid=format!("add-{what}") on:click=move |_| add()>"Add"</button>
        </div>
        {move || problem.get().map(|p| view! { <p class="field__error" role="alert" data-testid=format!("{what}-name-problem")>{p}</p> })}
    }
}

/// A kind's custom lists ([`Names`]). A list taken out says what becomes
/// of its entries (from the list this browser keeps, when it keeps it).
#[component]
fn CustomLists(kind: MediaKind, draft: RwSignal<Choices>, saved: RwSignal<Choices>, edit: Callback<NameEdit>) -> impl IntoView {
    let store = use_list_store();
    let noun = kind.slug();
    // The lists taken out (not saved yet), with what they hold here.
    let removed = move || {
        let now = draft.with(|d| d.lists_of(kind).clone());
        saved.with(|s| s.lists_of(kind).iter().filter(|n| !now.contains(n)).cloned().collect::<Vec<_>>())
    };
    let held = move |list: &str| {
        store.with(kind, |d| {
            d.map(|d| {
                let ids = d.custom.iter().find(|(n, _)| n == list).map(|(_, ids)| ids.clone()).unwrap_or_default();
                let hidden = ids.iter().filter(|id| d.entry(**id).is_some_and(|e| e.hidden_from_status_lists == Some(true))).count();
                (ids.len(), hidden)
            })
        })
    };
    view! {
        <fieldset class="options__lists" data-testid=format!("custom-lists-{noun}")>
            <legend class="field__label">{format!("Custom {noun} lists")}</legend>
            <Names names=Signal::derive(move || draft.with(|d| d.lists_of(kind).clone())) what="list" of=format!("custom {noun} list") item="custom-list" edit=edit/>
            {move || removed().into_iter().map(|list| {
                let text = removal_note(&list, held(&list));
                view! { <p class="notice notice--warning small" data-testid="list-removed">{text}</p> }
            }).collect_view()}
        </fieldset>
    }
}

/// A kind's advanced scoring: on or off, and its sections ([`Names`]),
/// shown while it is on (AniList keeps them while it is off).
#[component]
fn AdvancedScoring(kind: MediaKind, draft: RwSignal<Choices>, turn: Callback<bool>, edit: Callback<NameEdit>) -> impl IntoView {
    let noun = kind.slug();
    let on = move || draft.with(|d| d.advanced_of(kind).on);
    let hint = format!("advanced-hint-{noun}");
    view! {
        <fieldset class="options__lists" data-testid=format!("advanced-scoring-{noun}")>
            <legend class="field__label">{format!("Advanced scoring of {noun}")}</legend>
            <label class="choice">
                <input type="checkbox" data-testid=format!("advanced-scoring-on-{noun}") aria-describedby=hint.clone() prop:checked=on
                    on:change=move |ev| turn.run(event_target_checked(&ev))/>
                <span>{format!("Score each {noun} entry in sections")}</span>
            </label>
            <Show when=on>
                <Names names=Signal::derive(move || draft.with(|d| d.advanced_of(kind).sections.clone())) what="section"
                    of=format!("{noun} scoring section") item="advanced-section" edit=edit/>
            </Show>
            <span class="field__hint muted small" id=hint>
                "An entry's score becomes the mean of its sections' scores when you next edit it. Scores already given stay as they are."
            </span>
        </fieldset>
    }
}

/// The order a kind's lists show in (here and on AniList): each list with
/// "Move up" and "Move down". The rows stay (their names move), so the
/// focus follows the list moved at once, whatever the pace of the keys.
#[component]
fn ListOrder(kind: MediaKind, draft: RwSignal<Choices>, edit: Callback<Vec<String>>, split: Callback<bool>) -> impl IntoView {
    let noun = kind.slug();
    let names = Memo::new(move |_| {
        draft.with(|d| {
            let custom: Vec<&str> = d.lists_of(kind).iter().map(String::as_str).collect();
            section_names(d.order_of(kind), kind, &custom, d.split_of(kind))
        })
    });
    let count = Memo::new(move |_| names.with(Vec::len));
    let name = move |i: usize| names.with(|n| n.get(i).cloned().unwrap_or_default());
    let is_last = move |i: usize| i + 1 >= count.get();
    let list = NodeRef::<leptos::html::Ol>::new();
    let shift = move |at: usize, up: bool| {
        let order = draft.with_untracked(|d| {
            let custom: Vec<&str> = d.lists_of(kind).iter().map(String::as_str).collect();
            move_section(d.order_of(kind), kind, &custom, d.split_of(kind), at, up)
        });
        edit.run(order);
        // The same button of the list moved, in its new place (or the
        // other one at either end, where this one is disabled).
        let to = if up { at.saturating_sub(1) } else { at + 1 };
        let dir = match (up, to) {
            (true, 0) => "down",
            (false, t) if t + 1 >= count.get_untracked() => "up",
            (true, _) => "up",
            (false, _) => "down",
        };
        let button = list.get_untracked().and_then(|ol| ol.query_selector(&format!("li:nth-child({}) [data-move={dir}]", to + 1)).ok().flatten());
        if let Some(b) = button.and_then(|b| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(b).ok()) {
            let _ = b.focus();
        }
    };
    view! {
        <fieldset class="options__lists" data-testid=format!("list-order-{noun}")>
            <legend class="field__label">{format!("Order of your {noun} lists")}</legend>
            <label class="choice">
                <input type="checkbox" data-testid=format!("split-{noun}") prop:checked=move || draft.with(|d| d.split_of(kind))
                    on:change=move |ev| split.run(event_target_checked(&ev))/>
                <span>{format!("Split completed {noun} by format (“{}”…)", first_split_name(kind))}</span>
            </label>
            <ol class="options__names" node_ref=list>
                <For each=move || 0..count.get() key=|i| *i let:i>
                    <li data-testid="list-in-order">
                        <span>{move || name(i)}</span>
                        <span class="options__moves">
                            <button type="button" class="button button--small button--secondary" aria-label=move || format!("Move {} up", name(i))
                                data-move="up" disabled=i == 0 on:click=move |_| shift(i, true)>"↑"</button>
                            <button type="button" class="button button--small button--secondary" aria-label=move || format!("Move {} down", name(i))
                                data-move="down" disabled=move || is_last(i) on:click=move |_| shift(i, false)>"↓"</button>
                        </span>
                    </li>
                </For>
            </ol>
        </fieldset>
    }
}

/// The name of a kind's first split completed list ("Completed TV").
fn first_split_name(kind: MediaKind) -> String {
    let first = crate::media::MediaFormat::ALL.into_iter().find(|f| f.kind() == kind).unwrap_or(crate::media::MediaFormat::Unknown);
    crate::listing::split_name(kind, first)
}

/// What becomes of the entries of a custom list taken out: `held` is how
/// many it holds and how many of those are hidden from the status lists
/// (`None` when this browser does not keep that list).
fn removal_note(list: &str, held: Option<(usize, usize)>) -> String {
    let Some((n, hidden)) = held else {
        return format!("The entries in “{list}” stay in your list, no longer in this custom list.");
    };
    let stay = match n {
        0 => return format!("“{list}” holds nothing: it goes when you save."),
        1 => format!("The entry in “{list}” stays in your list, no longer in this custom list."),
        n => format!("The {n} entries in “{list}” stay in your list, no longer in this custom list."),
    };
    let lost = match (n, hidden) {
        (_, 0) => return stay,
        (1, _) => "It is hidden from the status lists and would then show nowhere: show it in its status list first.".to_string(),
        (_, 1) => "One of them is hidden from the status lists and would then show nowhere: show it in its status list first.".to_string(),
        (_, h) => format!("{h} of them are hidden from the status lists and would then show nowhere: show them in their status list first."),
    };
    format!("{stay} {lost}")
}

#[cfg(test)]
mod tests {
    use super::removal_note;

    #[test]
    fn a_list_taken_out_says_what_becomes_of_its_entries() {
        assert_eq!(removal_note("A", None), "The entries in “A” stay in your list, no longer in this custom list.");
        assert_eq!(removal_note("A", Some((0, 0))), "“A” holds nothing: it goes when you save.");
        assert_eq!(removal_note("A", Some((1, 0))), "The entry in “A” stays in your list, no longer in this custom list.");
        assert_eq!(removal_note("A", Some((1, 1))), "The entry in “A” stays in your list, no longer in this custom list. It is hidden from the status lists and would then show nowhere: show it in its status list first.");
        assert_eq!(removal_note("A", Some((3, 1))), "The 3 entries in “A” stay in your list, no longer in this custom list. One of them is hidden from the status lists and would then show nowhere: show it in its status list first.");
        assert_eq!(removal_note("A", Some((3, 2))), "The 3 entries in “A” stay in your list, no longer in this custom list. 2 of them are hidden from the status lists and would then show nowhere: show them in their status list first.");
    }
}
