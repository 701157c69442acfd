//! "On AniList": the account's options that change what this app shows
//! (the language of titles, the scoring system, the custom lists, the
//! names of characters and staff), AniList's notifications, and the
//! account's privacy and activity, read from AniList and saved there. A
//! change of scoring system, language or custom lists reads the lists this
//! browser holds again, since AniList answers every score, title and list
//! anew. How the lists are laid out (their order, the split of completed
//! lists, the default order of rows) and the sections of advanced scoring
//! are saved and shown at once.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::api::ops::save_user_options::{SaveUserOptions, Vars};
use crate::api::ops::notifications::NotificationType;
use crate::api::ops::user_options::{self, new_name, Account, Choices, UserOptions};
use crate::api::{Api, ApiError};
use crate::auth::callback::Credential;
use crate::listing::{move_section, section_names, SortBy};
use crate::components::api_status::ApiErrorView;
use crate::components::read::{read_from_anilist, sign_in_gate};
use crate::media::{ListStatus, MediaKind, ScoreFormat, UserStaffNameLanguage, UserTitleLanguage};
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
    let names = crate::session::names::use_account_names();
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
                            async move {
                                let choices = choices_of(api.run::<UserOptions>(Some(&credential), &user_options::Vars {}, fresh).await?.viewer, credential.user)?;
                                // Search and the schedule follow what AniList says now.
                                names.set_adult(credential.user, choices.account.adult);
                                Ok(choices)
                            }
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
    let names = crate::session::names::use_account_names();
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
                    // Kept title pages name characters and staff in the old way.
                    if before.account.staff_language != now.account.staff_language {
                        titles.outdate();
                    }
                    names.set_adult(credential.user, now.account.adult);
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
    let title_languages = UserTitleLanguage::ALL.iter().map(|l| (l.as_api().to_string(), l.label().to_string())).collect();
    let score_formats = ScoreFormat::ALL.iter().enumerate().map(|(i, f)| (i.to_string(), f.label().to_string())).collect();
    let row_orders = SortBy::ROW_ORDERS.iter().filter_map(|s| Some((s.row_order()?.to_string(), s.label().to_string()))).collect();
    view! {
        <form class="options" on:submit=on_submit data-testid="options-form">
            {choice_field(
                Choosing { testid: "option-title-language", label: "Titles in", hint: "The name every title goes by, here and on AniList.", other: "Another language (as on AniList)" },
                title_languages,
                Signal::derive(move || draft.with(|d| d.title_language.as_api().to_string())),
                Callback::new(move |v: String| if let Some(l) = UserTitleLanguage::from_api(&v) { edit(&|d| d.title_language = l) }),
            )}
            {choice_field(
                Choosing { testid: "option-score-format", label: "Scoring system", hint: "AniList converts every score you have given to the new system.", other: "" },
                score_formats,
                Signal::derive(move || draft.with(|d| ScoreFormat::ALL.iter().position(|f| *f == d.score_format).unwrap_or_default().to_string())),
                Callback::new(move |v: String| if let Some(&f) = v.parse::<usize>().ok().and_then(|i| ScoreFormat::ALL.get(i)) { edit(&|d| d.score_format = f) }),
            )}
            // AniList's default is "title" when it says nothing.
            {choice_field(
                Choosing { testid: "option-row-order", label: "List rows in order of", hint: "How your lists are sorted until you choose another sort there.", other: "Another order (as on AniList)" },
                row_orders,
                Signal::derive(move || draft.with(|d| if d.row_order.is_empty() { "title".to_string() } else { d.row_order.clone() })),
                Callback::new(move |v: String| edit(&|d| d.row_order = v.clone())),
            )}
            {check_field(
                "option-airing".into(), None, "Notify me when an episode of an anime I am watching airs".into(),
                Signal::derive(move || draft.with(|d| d.airing_notifications)),
                Callback::new(move |on: bool| edit(&|d| d.airing_notifications = on)),
            )}
            <AccountOptions draft=draft set=Callback::new(move |a: Account| edit(&|d| d.account = a.clone()))/>
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

/// The account's other options: the names of characters and staff, the
/// time zone AniList's site shows times in, the profile's colour, titles for adults, who may write, how list activity
/// is merged and which statuses post one, and the kinds of notification
/// AniList sends (airing has its own choice above). A value AniList has
/// and this app does not offer shows as AniList's, and is kept.
#[component]
fn AccountOptions(draft: RwSignal<Choices>, set: Callback<Account>) -> impl IntoView {
    let change = move |f: &dyn Fn(&mut Account)| {
        let mut a = draft.with_untracked(|d| d.account.clone());
        f(&mut a);
        set.run(a);
    };
    let flag = move |f: fn(&Account) -> bool| Signal::derive(move || draft.with(|d| f(&d.account)));
    let kinds = move || draft.with(|d| d.account.notify.iter().map(|(k, _)| *k).filter(|k| *k != NotificationType::Airing).collect::<Vec<_>>());
    let staff = UserStaffNameLanguage::ALL.iter().map(|l| (l.as_api().to_string(), l.label().to_string())).collect();
    let times = Account::MERGE_TIMES.iter().map(|(t, words)| (t.to_string(), words.to_string())).collect();
    let colors = Account::COLORS.iter().map(|c| (c.to_string(), crate::text::capitalised(c))).collect();
    // This device's offset now (the browser's), marked among them.
    let here = -(js_sys::Date::new_0().get_timezone_offset() as i32);
    let zones = Account::OFFSETS
        .iter()
        .map(|&m| (Account::offset_text(m), if m == here { format!("{} (this device)", Account::offset_words(m)) } else { Account::offset_words(m) }))
        .collect();
    view! {
        {choice_field(
            Choosing { testid: "option-staff-language", label: "Names of characters and staff", other: "Another way (as on AniList)",
                hint: "How characters, voice actors and staff are named, here and on AniList: Shinichirou Watanabe, Watanabe Shinichirou or 渡辺信一郎." },
            staff,
            Signal::derive(move || draft.with(|d| d.account.staff_language.as_api().to_string())),
            Callback::new(move |v: String| if let Some(l) = UserStaffNameLanguage::from_api(&v) { change(&|a| a.staff_language = l) }),
        )}
        {choice_field(
            Choosing { testid: "option-timezone", label: "My time zone on AniList", other: "Not set (or as on AniList)",
                hint: "The times AniList's site shows you. Here, times are always this device's." },
            zones,
            Signal::derive(move || draft.with(|d| d.account.timezone.clone())),
            Callback::new(move |t: String| if Account::offset_minutes(&t).is_some() { change(&|a| a.timezone = t.clone()) }),
        )}
        <fieldset class="options__lists" data-testid="account-privacy">
            <legend class="field__label">"Privacy and activity"</legend>
            {check_field("option-adult".into(), None, "Show me titles for adults (18+) on AniList".into(), flag(|a| a.adult), Callback::new(move |on| change(&|a| a.adult = on)))}
            {check_field("option-restrict-messages".into(), None, "Only members I follow can write to me".into(), flag(|a| a.restrict_messages), Callback::new(move |on| change(&|a| a.restrict_messages = on)))}
            {choice_field(
                Choosing { testid: "option-merge-time", label: "Merge my list updates into one activity within", other: "Another time (as on AniList)",
                    hint: "Episodes of one title watched within this time show as one activity (“watched episode 3 - 5”)." },
                times,
                Signal::derive(move || draft.with(|d| d.account.merge_time.map(|t| t.to_string()).unwrap_or_default())),
                Callback::new(move |v: String| if let Ok(t) = v.parse::<i32>() { change(&|a| a.merge_time = Some(t)) }),
            )}
            <fieldset class="options__checks" data-testid="list-activity">
                <legend>"Post an activity when I set an entry to"</legend>
                {ListStatus::ALL.iter().enumerate().map(|(i, &status)| check_field(
                    format!("list-activity-{}", status.as_api().to_lowercase()), None, status_words(status),
                    Signal::derive(move || draft.with(|d| !d.account.quiet[i])),
                    Callback::new(move |on: bool| change(&|a| a.quiet[i] = !on)),
                )).collect_view()}
            </fieldset>
            {choice_field(
                Choosing { testid: "option-profile-color", label: "Colour of my profile on AniList", other: "Your own colour (as on AniList)", hint: "" },
                colors,
                Signal::derive(move || draft.with(|d| d.account.profile_color.clone())),
                Callback::new(move |c: String| if Account::COLORS.contains(&c.as_str()) { change(&|a| a.profile_color = c.clone()) }),
            )}
        </fieldset>
        <Show when=move || !kinds().is_empty()>
            <fieldset class="options__lists" data-testid="notify-kinds">
                <legend class="field__label">"Notify me when"</legend>
                <For each=kinds key=|k| *k let:kind>
                    {check_field(
                        "notify-kind".into(), Some(format!("{kind:?}")), kind.setting().into(),
                        Signal::derive(move || draft.with(|d| d.account.notifies(kind))),
                        Callback::new(move |on: bool| change(&|a| a.set_notify(kind, on))),
                    )}
                </For>
            </fieldset>
        </Show>
    }
}

/// What a [`choice_field`] is: its test id, its label, a hint under it
/// (none when empty) and the words for a value AniList has that is not
/// among those offered.
struct Choosing {
    testid: &'static str,
    label: &'static str,
    hint: &'static str,
    other: &'static str,
}

/// A labelled choice of one value among `options` (value, words), `value`
/// the one chosen; a value not offered (AniList's own) shows as
/// `c.other`, chosen and disabled, until another is chosen.
fn choice_field(c: Choosing, options: Vec<(String, String)>, value: Signal<String>, set: Callback<String>) -> AnyView {
    let Choosing { testid, label, hint, other } = c;
    let hint_id = (!hint.is_empty()).then(|| format!("{testid}-hint"));
    let values: Vec<String> = options.iter().map(|(v, _)| v.clone()).collect();
    let known = move || value.with(|v| values.contains(v));
    view! {
        <label class="field">
            <span class="field__label">{label}</span>
            <select data-testid=testid aria-describedby=hint_id.clone() on:change=move |ev| set.run(event_target_value(&ev))>
                {move || (!known()).then(|| view! { <option value="" disabled=true selected=true>{other}</option> })}
                {options.into_iter().map(|(v, words)| {
                    let this = v.clone();
                    view! { <option value=v selected=move || value.with(|x| *x == this)>{words}</option> }
                }).collect_view()}
            </select>
            {hint_id.map(|id| view! { <span class="field__hint muted small" id=id>{hint}</span> })}
        </label>
    }
    .into_any()
}

/// A labelled checkbox; `kind` (`data-kind`) tells apart those of one
/// test id.
fn check_field(testid: String, kind: Option<String>, words: String, on: Signal<bool>, set: Callback<bool>) -> AnyView {
    view! {
        <label class="choice">
            <input type="checkbox" data-testid=testid data-kind=kind prop:checked=on on:change=move |ev| set.run(event_target_checked(&ev))/>
            <span>{words}</span>
        </label>
    }
    .into_any()
}

/// A status in the words of both kinds ("Watching / Reading"), once where
/// they agree ("Completed").
fn status_words(status: ListStatus) -> String {
    match (status.label(MediaKind::Anime), status.label(MediaKind::Manga)) {
        (a, m) if a == m => a.to_string(),
        (a, m) => format!("{a} / {m}"),
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
