//! "Tidy your lists" (Settings): the entries whose values disagree with
//! their title, found in the list store ([`crate::tidy`]) once the person
//! asks (the lists are read first, as a refresh), each group shown with what
//! mending changes before anything is sent, then mended through the outbox
//! in one step, with an Undo.

use std::collections::HashSet;

use leptos::prelude::*;

use crate::components::api_status::ApiErrorView;
use crate::components::read::sign_in_gate;
use crate::media::MediaKind;
use crate::outbox::use_outbox;
use crate::routes::Page;
use crate::store::use_list_store;
use crate::text::{entries, group_digits};
use crate::tidy::{self, Fix, Rule};

/// The most entries each group names.
const SHOWN: usize = 100;

/// A batch that ran: its entries, for the Undo.
#[derive(Clone)]
struct Done {
    fixes: Vec<Fix>,
    undone: bool,
}

#[component]
pub fn TidyLists() -> impl IntoView {
    view! {
        <section class="card tidy" data-testid="tidy">
            <h2>"Tidy your lists"</h2>
            {sign_in_gate("Sign in to tidy your lists".into(), "Your lists are read from AniList with your own token.", Page::Settings, move |credential| {
                let store = use_list_store();
                let outbox = use_outbox();
                let looked = RwSignal::new(false);
                let state = Memo::new(move |_| MediaKind::ALL.map(|k| store.refresh_state(k)));
                let loading = move || state.with(|s| s.iter().any(|r| r.loading));
                let failed = move || state.with(|s| s.iter().find_map(|r| r.error.clone()));
                let held = move || MediaKind::ALL.into_iter().map(|k| store.with(k, |d| d.map_or(0, |d| d.entries.len()))).sum::<usize>();
                let look = move || {
                    looked.set(true);
                    for kind in MediaKind::ALL {
                        outbox.refresh_list(kind, credential.clone(), false);
                    }
                };
                let look = StoredValue::new(look);
                // What is amiss, as the store holds it now (a change sent
                // from here or anywhere takes its entry out).
                let found = Memo::new(move |_| {
                    if !looked.get() {
                        return Vec::new();
                    }
                    MediaKind::ALL.into_iter().flat_map(|k| store.with(k, |d| d.map(|d| tidy::find(k, &d.entries)).unwrap_or_default()).into_iter().map(move |f| (k, f))).collect::<Vec<_>>()
                });
                let left_out = RwSignal::new(HashSet::<(MediaKind, Rule)>::new());
                let is_chosen = move |k: MediaKind, x: &Fix| !left_out.with(|l| l.contains(&(k, x.rule)));
                let chosen = move || found.with(|f| f.iter().filter(|(k, x)| is_chosen(*k, x)).cloned().collect::<Vec<_>>());
                let done = RwSignal::new(None::<Done>);
                let go = move |_| {
                    let fixes: Vec<(MediaKind, Fix)> = chosen();
                    outbox.change_many(fixes.iter().map(|(_, f)| (f.media_id, Some(f.patch.clone()))).collect());
                    done.set(Some(Done { fixes: fixes.into_iter().map(|(_, f)| f).collect(), undone: false }));
                };
                let undo = move |_| {
                    let Some(d) = done.get_untracked() else { return };
                    outbox.change_many(d.fixes.iter().map(|f| (f.media_id, Some(f.undo()))).collect());
                    done.set(Some(Done { undone: true, ..d }));
                };
                view! {
                    <p>"Entries whose values disagree with their title, as lists brought in from elsewhere or kept for years gather them: a completed title with episodes not counted, every episode of a finished title seen but not completed, a planned title already begun, more counted than the title has. You see each one and what changes before anything is sent; scores, dates and notes are left as they are."</p>
                    <div class="actions">
                        <button type="button" class="button button--secondary" data-testid="tidy-check" disabled=loading
                            on:click=move |_| { done.set(None); look.get_value()() }>
                            {move || if looked.get() { "Check again" } else { "Check my lists" }}
                        </button>
                    </div>
                    {move || {
                        if !looked.get() {
                            return ().into_any();
                        }
                        if loading() {
                            return view! {
                                <p role="status" data-testid="tidy-progress">
                                    <progress aria-label="Reading your lists"></progress>
                                    " Reading your lists… " {move || entries(held())} " so far"
                                </p>
                            }.into_any();
                        }
                        if let Some(e) = failed() {
                            return view! { <ApiErrorView error=e retry=Callback::new(move |_| look.get_value()())/> }.into_any();
                        }
                        let told = done.get().map(|d| {
                            let n = d.fixes.len();
                            view! {
                                <p role="status" data-testid="tidy-done">
                                    {if d.undone {
                                        format!("{} put back as {} {}.", entries(n), if n == 1 { "it" } else { "they" }, if n == 1 { "was" } else { "were" })
                                    } else {
                                        format!("{} tidied: on your lists now, and {}.", entries(n), crate::outbox::rules::on_their_way(n))
                                    }}
                                    " "
                                    {(!d.undone).then(|| view! { <button type="button" class="button button--secondary button--small" data-testid="tidy-undo" on:click=undo>"Undo"</button> })}
                                </p>
                            }
                        });
                        let groups = found.with(|f| group(f));
                        if groups.is_empty() {
                            return view! {
                                {told}
                                <p data-testid="tidy-none">{format!("Nothing to tidy: your {} agree with their titles.", entries(held()))}</p>
                            }.into_any();
                        }
                        let count = move || found.with(|f| f.iter().filter(|(k, x)| is_chosen(*k, x)).count());
                        view! {
                            {told}
                            {groups.into_iter().map(|(kind, rule, fixes)| show_group(kind, rule, fixes, left_out)).collect_view()}
                            <div class="actions">
                                <button type="button" class="button" data-testid="tidy-go" disabled=move || count() == 0 on:click=go>
                                    {move || match count() {
                                        0 => "Nothing chosen".to_string(),
                                        n => format!("Tidy {}", entries(n)),
                                    }}
                                </button>
                            </div>
                        }.into_any()
                    }}
                }
                .into_any()
            })}
        </section>
    }
}

/// The fixes by list and rule, in that order.
fn group(found: &[(MediaKind, Fix)]) -> Vec<(MediaKind, Rule, Vec<Fix>)> {
    let mut out: Vec<(MediaKind, Rule, Vec<Fix>)> = Vec::new();
    for (kind, fix) in found {
        match out.last_mut() {
            Some((k, r, fixes)) if k == kind && *r == fix.rule => fixes.push(fix.clone()),
            _ => out.push((*kind, fix.rule, vec![fix.clone()])),
        }
    }
    out
}

/// One group: its choice, and each entry with what changes.
fn show_group(kind: MediaKind, rule: Rule, fixes: Vec<Fix>, left_out: RwSignal<HashSet<(MediaKind, Rule)>>) -> impl IntoView {
    let store = use_list_store();
    let format = store.score_format(kind);
    let n = fixes.len();
    let listed = fixes
        .iter()
        .take(SHOWN)
        .map(|f| {
            let words = crate::import::changes_in_words(&f.now, &f.patch, kind, format);
            view! {
                <li data-testid="tidy-entry">
                    <strong>{f.title.clone()}</strong>": "
                    {words.into_iter().map(|(field, now, after)| format!("{field} {now} → {after}")).collect::<Vec<_>>().join("; ")}
                </li>
            }
        })
        .collect_view();
    let key = (kind, rule);
    view! {
        <div class="tidy__group" data-testid=format!("tidy-{}-{}", kind.slug(), rule.slug())>
            <label class="choice">
                <input type="checkbox" data-testid="tidy-pick" prop:checked=move || !left_out.with(|l| l.contains(&key))
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        left_out.update(|l| {
                            if on {
                                l.remove(&key);
                            } else {
                                l.insert(key);
                            }
                        });
                    }/>
                <span>
                    {format!("{} · {}: {}. {}", kind.label(), rule.label(kind), group_digits(n), rule.mend(kind))}
                </span>
            </label>
            <details>
                <summary>{if n == 1 { "The entry".to_string() } else { format!("The {}", entries(n)) }}</summary>
                <ul>
                    {listed}
                    {(n > SHOWN).then(|| view! { <li>{format!("and {} more", group_digits(n - SHOWN))}</li> })}
                </ul>
            </details>
        </div>
    }
}
