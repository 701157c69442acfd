//! Many edits at once on a list page: the rows' boxes choose entries
//! (click, shift-click, "Select all shown", `x`), the bar at the bottom
//! picks one change, a preview shows what it does to each entry before it
//! runs, and an Undo puts the whole batch back. The rules are in
//! [`crate::bulk`]; every change goes through the outbox.

use leptos::prelude::*;

use crate::api::ops::list_collection::Entry;
use crate::bulk::{plan, undo, Action, Plan, Selection};
use crate::edit::score_problem;
use crate::media::{ListStatus, MediaKind, ScoreFormat};
use crate::outbox::use_outbox;
use crate::store::{use_list_store, values_of};

/// The list page's selection, for its rows and its bar.
#[derive(Clone, Copy)]
pub struct Picking {
    pub selection: RwSignal<Selection>,
    /// The entries shown, top to bottom (each once).
    pub order: Memo<Vec<i64>>,
}

impl Picking {
    pub fn click(&self, id: i64, shift: bool) {
        let order = self.order.get_untracked();
        self.selection.update(|s| s.click(id, shift, &order));
    }

    pub fn select_all(&self) {
        let order = self.order.get_untracked();
        self.selection.update(|s| s.select_all(&order));
    }
}

use crate::text::entries;

/// The rows the preview lists; the rest are counted.
const PREVIEW_ROWS: usize = 100;

/// A batch that ran, for its Undo.
#[derive(Clone)]
struct Done {
    words: String,
    plan: Plan,
    /// The entries deleted, to be added again.
    removed: Vec<Entry>,
}

/// The bar of changes for the chosen entries, and the done-and-undo line.
#[component]
pub fn BulkBar(kind: MediaKind, format: Memo<ScoreFormat>, picking: Picking) -> impl IntoView {
    let store = use_list_store();
    let outbox = use_outbox();
    let count = Memo::new(move |_| picking.selection.with(Selection::len));
    let (choice, set_choice) = signal(String::from("status"));
    let (status, set_status) = signal(ListStatus::Completed);
    let (score, set_score) = signal(String::new());
    let (list, set_list) = signal(String::new());
    let names = Memo::new(move |_| store.with(kind, |d| d.map(|d| d.list_names.clone()).unwrap_or_default()));
    let action = move || -> Result<Action, String> {
        Ok(match choice.get().as_str() {
            "status" => Action::Status(status.get()),
            "score" => {
                if store.scores_converting(kind) {
                    return Err("AniList is converting your scores to your new scoring system: set scores once your list is read again.".into());
                }
                let x: f64 = score.get().trim().parse().map_err(|_| "Give a score as a number.".to_string())?;
                if let Some(problem) = score_problem(x, format.get()) {
                    return Err(problem);
                }
                Action::Score(x)
            }
            "private" => Action::Private(true),
            "public" => Action::Private(false),
            "hide" => Action::Hidden(true),
            "show" => Action::Hidden(false),
            c @ ("add" | "remove") => {
                let name = list.get();
                let name = if name.is_empty() { names.with(|n| n.first().cloned()).ok_or("You have no custom lists.")? } else { name };
                if c == "add" { Action::AddToList(name) } else { Action::RemoveFromList(name) }
            }
            _ => Action::Delete,
        })
    };
    let problem = Memo::new(move |_| action().err());
    let (review, set_review) = signal(None::<(Action, Plan)>);
    let done = RwSignal::new(None::<Done>);
    let open_review = move |_| {
        let Ok(a) = action() else { return };
        let ids = picking.selection.with_untracked(|s| s.in_order(&picking.order.get_untracked()));
        let entries = store.with_untracked(kind, |d| {
            let Some(d) = d else { return Vec::new() };
            ids.iter().filter_map(|id| d.entry(*id)).map(|e| (e.media_id, e.title(), values_of(e))).collect::<Vec<_>>()
        });
        let p = plan(&a, entries);
        set_review.set(Some((a, p)));
    };
    let apply = Callback::new(move |(a, p): (Action, Plan)| {
        set_review.set(None);
        let removed = match a {
            Action::Delete => p.steps.iter().filter_map(|s| store.entry(s.media_id).map(|(_, e)| e)).collect(),
            _ => Vec::new(),
        };
        outbox.change_many(p.steps.iter().map(|s| (s.media_id, s.patch.clone())).collect());
        picking.selection.update(Selection::clear);
        done.set(Some(Done { words: a.words(kind, format.get_untracked()), plan: p, removed }));
    });
    let undo_all = move |_| {
        let Some(d) = done.get_untracked() else { return };
        let back = undo(&d.plan);
        if d.removed.is_empty() {
            outbox.change_many(back.into_iter().map(|(id, p)| (id, Some(p))).collect());
        } else {
            let entries = back.into_iter().filter_map(|(id, p)| d.removed.iter().find(|e| e.media_id == id).map(|e| (e.clone(), p))).collect();
            outbox.restore(kind, entries);
        }
        done.set(None);
    };
    view! {
        {move || done.get().map(|d| {
            let n = d.plan.steps.len();
            view! {
                <p class="bulk-done" role="status" data-testid="bulk-done">
                    {format!("{} — {}.", d.words, entries(n))} " "
                    <button type="button" class="button button--small button--secondary" on:click=undo_all data-testid="bulk-undo">"Undo"</button>
                    " "
                    <button type="button" class="button button--small button--secondary" aria-label="Dismiss"
                        on:click=move |_| done.set(None) data-testid="bulk-dismiss">"✕"</button>
                </p>
            }
        })}
        <Show when=move || count.get() != 0>
            <div class="bulk-bar" role="region" aria-label="Change the selected entries" data-testid="bulk-bar">
                <span class="bulk-bar__count" role="status" data-testid="bulk-count">
                    {move || format!("{} selected", super::group_digits(count.get()))}
                </span>
                <label>
                    <span class="visually-hidden">"Change"</span>
                    <select on:change=move |ev| set_choice.set(event_target_value(&ev)) data-testid="bulk-action">
                        <option value="status" selected=move || choice.get() == "status">"Set status"</option>
                        <option value="score" selected=move || choice.get() == "score">"Set score"</option>
                        <option value="private" selected=move || choice.get() == "private">"Make private"</option>
                        <option value="public" selected=move || choice.get() == "public">"Make public"</option>
                        <option value="hide" selected=move || choice.get() == "hide">"Hide from status lists"</option>
                        <option value="show" selected=move || choice.get() == "show">"Show in status lists"</option>
                        <Show when=move || names.with(|n| !n.is_empty())>
                            <option value="add" selected=move || choice.get() == "add">"Add to custom list"</option>
                            <option value="remove" selected=move || choice.get() == "remove">"Remove from custom list"</option>
                        </Show>
                        <option value="delete" selected=move || choice.get() == "delete">"Delete"</option>
                    </select>
                </label>
                {move || match choice.get().as_str() {
                    "status" => view! {
                        <label>
                            <span class="visually-hidden">"New status"</span>
                            <select on:change=move |ev| { if let Some(s) = ListStatus::from_api(&event_target_value(&ev)) { set_status.set(s) } }
                                data-testid="bulk-status">
                                {ListStatus::ALL.into_iter().map(|s| view! {
                                    <option value=s.as_api() selected=move || status.get() == s>{s.label(kind)}</option>
                                }).collect_view()}
                            </select>
                        </label>
                    }.into_any(),
                    "score" => view! {
                        <label>
                            <span class="visually-hidden">"New score"</span>
                            <input type="text" inputmode="decimal" size="5" placeholder="Score" prop:value=move || score.get()
                                on:input=move |ev| set_score.set(event_target_value(&ev)) data-testid="bulk-score"/>
                        </label>
                    }.into_any(),
                    "add" | "remove" => view! {
                        <label>
                            <span class="visually-hidden">"Custom list"</span>
                            <select on:change=move |ev| set_list.set(event_target_value(&ev)) data-testid="bulk-list">
                                {move || names.get().into_iter().map(|n| {
                                    let value = n.clone();
                                    let here = n.clone();
                                    view! { <option value=value selected=move || list.get() == here>{n}</option> }
                                }).collect_view()}
                            </select>
                        </label>
                    }.into_any(),
                    _ => ().into_any(),
                }}
                <button type="button" class="button button--small" disabled=move || problem.with(Option::is_some)
                    on:click=open_review data-testid="bulk-review">"Review…"</button>
                <button type="button" class="button button--small button--secondary"
                    on:click=move |_| picking.selection.update(Selection::clear) data-testid="bulk-clear">"Clear selection"</button>
                {move || problem.get().filter(|_| choice.get() == "score" && !score.get().is_empty()).map(|p| view! {
                    <span class="field__error" role="alert" data-testid="bulk-problem">{p}</span>
                })}
            </div>
        </Show>
        {move || review.get().map(|(a, p)| view! {
            <BulkReview action=a plan=p kind=kind format=format on_apply=apply on_close=Callback::new(move |_| set_review.set(None))/>
        })}
    }
}

/// What the change does to each entry, before it runs.
#[component]
fn BulkReview(action: Action, plan: Plan, kind: MediaKind, format: Memo<ScoreFormat>, on_apply: Callback<(Action, Plan)>, on_close: Callback<()>) -> impl IntoView {
    let dialog = crate::components::modal_dialog(None);
    let f = format.get_untracked();
    let n = plan.steps.len();
    let words = action.words(kind, f);
    let delete = action == Action::Delete;
    let rows = plan
        .steps
        .iter()
        .take(PREVIEW_ROWS)
        .map(|s| {
            let (before, after) = action.before_after(&s.before, kind, f);
            view! { <tr><td>{s.title.clone()}</td><td>{before}</td><td>{after}</td></tr> }
        })
        .collect_view();
    let more = n.saturating_sub(PREVIEW_ROWS);
    let unchanged = plan.unchanged;
    let go = StoredValue::new((action, plan));
    view! {
        <dialog class="editor bulk-review" node_ref=dialog aria-labelledby="bulk-review-title" data-testid="bulk-preview"
            on:close=move |_| on_close.run(())>
            <div class="editor__head">
                <h2 id="bulk-review-title" class="editor__title">{words}</h2>
                <button type="button" class="button button--small button--secondary" aria-label="Close"
                    on:click=move |_| on_close.run(())>"✕"</button>
            </div>
            <p data-testid="bulk-summary">
                {match n {
                    0 => "Nothing to change: every selected entry already is so.".to_string(),
                    1 => "1 entry changes.".to_string(),
                    n => format!("{} entries change.", super::group_digits(n)),
                }}
                {(unchanged > 0).then(|| format!(" {} already {} so.", super::group_digits(unchanged), if unchanged == 1 { "is" } else { "are" }))}
            </p>
            {(n != 0).then(|| view! {
                <div class="bulk-review__table">
                    <table>
                        <thead><tr><th scope="col">"Title"</th><th scope="col">"Now"</th><th scope="col">"After"</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                {(more > 0).then(|| view! { <p class="muted small">{format!("…and {} more.", super::group_digits(more))}</p> })}
                <p class="muted small">"Saved to AniList in the background, within its rate limit; an Undo follows."</p>
            })}
            <div class="editor__actions">
                <button type="button" class="button button--secondary" on:click=move |_| on_close.run(()) data-testid="bulk-cancel">"Cancel"</button>
                {(n != 0).then(|| view! {
                    <button type="button" class="button" class:button--danger=delete
                        on:click=move |_| on_apply.run(go.get_value()) data-testid="bulk-apply">
                        {format!("{} {}", if delete { "Delete" } else { "Change" }, entries(n))}
                    </button>
                })}
            </div>
        </dialog>
    }
}
