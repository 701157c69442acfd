//! The whole entry, in a dialog (a sheet on a phone): every field of
//! `SaveMediaListEntry`. The person edits a draft; Save sends the fields
//! they changed through the outbox (applied to the store at once), Cancel
//! or Escape drops it, and a click outside does nothing. Values are checked
//! against the title and the score format before anything is sent
//! ([`crate::edit::problems`]); AniList's own refusal comes back by field,
//! with the refused values offered again. A list row, a search result or a
//! title's page opens it; it reads the entry through the store, so it
//! stays right whatever the row does meanwhile.

use leptos::prelude::*;

use crate::api::ApiError;
use crate::components::api_status::ApiErrorView;
use crate::edit::{advanced_mean, days_in_month, problems, Field, FuzzyDate, Limits, Patch, Values, MAX_NOTES, MONTHS};
use crate::media::{offer_completion, ListStatus, MediaKind, ScoreFormat};
use crate::notices::{Deleted, Flash, Flashes, Tone};
use crate::outbox::use_outbox;
use crate::store::{use_list_store, values_of};

pub use crate::edit::short;

/// AniList's reasons for the fields of a refused save, and what else it said.
fn by_field(e: &ApiError) -> (Vec<(Field, String)>, bool) {
    match e {
        ApiError::Validation { fields } => {
            let mut known = Vec::new();
            let mut other = false;
            for (key, messages) in fields {
                match Field::from_api(key) {
                    Some(f) => known.push((f, messages.join(" "))),
                    None => other = true,
                }
            }
            (known, other || fields.is_empty())
        }
        _ => (Vec::new(), true),
    }
}

/// Where the editor opens: at its first field, or at the notes (a row's
/// notes mark, which a touch screen cannot hover to read).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OpenAt {
    #[default]
    Start,
    Notes,
}

#[component]
pub fn EntryEditor(media_id: i64, kind: MediaKind, format: Memo<ScoreFormat>, on_close: Callback<()>, #[prop(optional)] at: OpenAt) -> impl IntoView {
    let store = use_list_store();
    let outbox = use_outbox();
    store.watch(media_id);
    on_cleanup(move || store.unwatch(media_id));
    let entry = Memo::new(move |_| store.with(kind, |d| d.and_then(|d| d.entry(media_id).cloned())));
    // Scores in a system AniList no longer uses: none is set until the
    // list is read again.
    let converting = Signal::derive(move || store.scores_converting(kind));
    // Deleted (here or by a refresh): nothing left to edit.
    Effect::new(move |_| {
        if entry.with(Option::is_none) {
            on_close.run(());
        }
    });
    let Some(first) = entry.get_untracked() else { return ().into_any() };
    // Closed, the focus goes back to the entry's Edit on a list page, in
    // whichever list it is now.
    let dialog = crate::components::modal_dialog(Some(format!("[data-testid=entry-{}] [data-testid=edit]", first.id)));
    let title = first.title();
    // Deleted: a message above the page offers to put it back as it was.
    let flashes = expect_context::<Flashes>();
    let session = crate::session::use_session();
    let delete = move || {
        let (kept, user) = (store.entry(media_id), session.user_untracked());
        outbox.delete(media_id);
        if let (Some((kind, entry)), Some(user)) = (kept, user) {
            flashes.push(Flash::new(Tone::Info, format!("{} was deleted from your list.", entry.title())).with_undo(Deleted { user, kind, entry }));
        }
    };
    // Opened from the notes mark: the focus goes to the notes.
    let notes_first = at == OpenAt::Notes;
    let media = first.media.clone();
    let total = media.as_ref().and_then(|m| m.total());
    let volumes = media.as_ref().and_then(|m| m.volumes);
    let limits = move || Limits { total, volumes, format: format.get() };
    let (list_names, advanced_names) = store.with_untracked(kind, |d| d.map(|d| (d.list_names.clone(), d.advanced_names.clone()))).unwrap_or_default();
    // The values at opening; the draft starts from them, with a refused
    // change's values on top (nothing the person typed is lost).
    let base = values_of(&first);
    let mut start = base.clone();
    if let Some(refused) = store.refused.with_value(|r| r.get(&media_id).cloned()) {
        refused.apply(&mut start);
    }
    // Every advanced section has a score, in the user's order.
    if !advanced_names.is_empty() {
        start.advanced = advanced_names.iter().map(|n| (n.clone(), start.advanced.iter().find(|(m, _)| m == n).map_or(0.0, |(_, s)| *s))).collect();
    }
    let base = StoredValue::new(base);
    let draft = RwSignal::new(start);
    // The list read again in the new scoring system: the score (and the
    // advanced ones) as AniList now gives them, in that system.
    Effect::new(move |was: Option<bool>| {
        let now = converting.get();
        if was == Some(true) && !now {
            if let Some(fresh) = entry.get_untracked().map(|e| values_of(&e)) {
                base.update_value(|b| {
                    b.score = fresh.score;
                    b.advanced = fresh.advanced.clone();
                });
                draft.update(|d| {
                    d.score = fresh.score;
                    for (name, score) in &mut d.advanced {
                        *score = fresh.advanced.iter().find(|(n, _)| n == name).map_or(0.0, |(_, s)| *s);
                    }
                });
            }
        }
        now
    });
    // Fields whose text is not a number at all.
    let unreadable = RwSignal::new(Vec::<Field>::new());
    let tried = RwSignal::new(false);
    let anilist = move || store.errors.with(|e| e.get(&media_id).cloned());
    let found = Memo::new(move |_| {
        let mut out = problems(&draft.get(), &limits());
        for f in unreadable.get() {
            if !out.iter().any(|(g, _)| *g == f) {
                out.push((f, "A whole number, 0 or more.".into()));
            }
        }
        out
    });
    // What to say under a field: this app's check, else AniList's reason.
    let problem = move |f: Field| {
        found.with(|p| p.iter().find(|(g, _)| *g == f).map(|(_, m)| m.clone()))
            .or_else(|| anilist().and_then(|e| by_field(&e).0.into_iter().find(|(g, _)| *g == f).map(|(_, m)| m)))
    };
    let edit = move |f: &dyn Fn(&mut Values)| draft.update(|v| f(v));
    let number = move |field: Field, text: String, set: fn(&mut Values, u32)| {
        let text = text.trim().to_string();
        let parsed = if text.is_empty() { Some(0) } else { text.parse::<u32>().ok() };
        unreadable.update(|u| u.retain(|f| *f != field));
        match parsed {
            Some(n) => draft.update(|v| set(v, n)),
            None => unreadable.update(|u| u.push(field)),
        }
    };
    let save = move || {
        tried.set(true);
        if !found.with(Vec::is_empty) {
            return;
        }
        let patch = base.with_value(|b| Patch::between(b, &draft.get_untracked()));
        outbox.save(media_id, patch, 0.0);
        on_close.run(());
    };
    let (confirm_delete, set_confirm_delete) = signal(false);
    let noun = if kind == MediaKind::Anime { "Episodes" } else { "Chapters" };
    let heading_id = format!("editor-title-{media_id}");
    let labelled_by = heading_id.clone();
    // A field's problem, shown under it and named by it.
    let field_error = move |f: Field| {
        move || {
            problem(f).map(|p| view! { <span class="field__error" id=format!("err-{}", f.api_name()) data-testid=format!("field-error-{}", f.api_name())>{p}</span> })
        }
    };
    let invalid = move |f: Field| move || problem(f).is_some().then_some("true");
    let described = move |f: Field| move || problem(f).is_some().then(|| format!("err-{}", f.api_name()));
    let number_field = move |f: Field, label: String, testid: &'static str, max: Option<u32>, get: fn(&Values) -> u32, set: fn(&mut Values, u32)| {
        view! {
            <label class="field">
                <span class="field__label">{label}</span>
                <input type="number" min="0" max=max.map(|t| t.to_string()) inputmode="numeric"
                    prop:value=move || get(&draft.get()).to_string()
                    on:input=move |ev| number(f, event_target_value(&ev), set)
                    aria-invalid=invalid(f) aria-describedby=described(f) data-testid=testid/>
                {field_error(f)}
            </label>
        }
    };
    let adv = advanced_names.clone();
    view! {
        <dialog class="editor" node_ref=dialog aria-labelledby=labelled_by data-testid="entry-editor"
            on:close=move |_| on_close.run(())>
            <form class="editor__form" novalidate
                on:submit=move |ev| { ev.prevent_default(); save(); }>
                <div class="editor__head">
                    <h2 id=heading_id class="editor__title">{title.clone()}</h2>
                    <button type="button" class="button button--small button--secondary" aria-label="Cancel and close"
                        on:click=move |_| on_close.run(()) data-testid="editor-close">"✕"</button>
                </div>
                <div class="editor__fields">
                    <label class="field">
                        <span class="field__label">"Status"</span>
                        <select data-testid="status-select" on:change=move |ev| {
                            if let Some(s) = ListStatus::from_api(&event_target_value(&ev)) {
                                edit(&|v| v.status = s);
                            }
                        }>
                            {ListStatus::ALL.into_iter().map(|s| view! {
                                <option value=s.as_api() selected=move || draft.with(|v| v.status == s)>{s.label(kind)}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    {number_field(Field::Progress, match total { Some(t) => format!("{noun} (of {t})"), None => noun.to_string() },
                        "progress-input", total, |v| v.progress, |v, n| v.progress = n)}
                    {(kind == MediaKind::Manga).then(|| number_field(Field::Volumes,
                        match volumes { Some(t) => format!("Volumes (of {t})"), None => "Volumes".into() },
                        "volumes-input", volumes, |v| v.volumes, |v, n| v.volumes = n))}
                    <ScoreField format=format draft=draft unreadable=unreadable invalid=Signal::derive(invalid(Field::Score)) disabled=converting/>
                    {number_field(Field::Repeat, if kind == MediaKind::Anime { "Rewatches".into() } else { "Rereads".into() },
                        "repeat-input", None, |v| v.repeat, |v, n| v.repeat = n)}
                    {number_field(Field::Priority, "Priority".into(), "priority-input", None, |v| v.priority, |v, n| v.priority = n)}
                </div>
                {field_error(Field::Score)}
                {move || converting.get().then(|| view! {
                    <p class="muted small" role="status" data-testid="score-converting">
                        "AniList is converting your scores to your new scoring system: a score can be set once your list is read again."
                    </p>
                })}
                <Show when=move || draft.with(|v| offer_completion(v.progress, total, v.status))>
                    <p class="entry__offer">
                        "That was the last one. "
                        <button type="button" class="button button--small" data-testid="editor-complete"
                            on:click=move |_| edit(&Values::complete)>"Mark completed"</button>
                    </p>
                </Show>
                {(!adv.is_empty()).then(|| view! {
                    <fieldset class="editor__group">
                        <legend>"Advanced scores " <span class="muted small">"(the score is their mean)"</span></legend>
                        <div class="editor__fields">
                            {adv.iter().enumerate().map(|(i, name)| {
                                let name = name.clone();
                                let label = name.clone();
                                view! {
                                    <label class="field">
                                        <span class="field__label">{label}</span>
                                        <input type="number" min="0" max=move || short(format.get().max()) step=move || short(format.get().step()) disabled=move || converting.get()
                                            prop:value=move || draft.with(|v| v.advanced.get(i).map(|(_, s)| short(*s)).unwrap_or_default())
                                            on:input=move |ev| {
                                                let s = event_target_value(&ev).trim().parse::<f64>().unwrap_or(0.0);
                                                let f = format.get_untracked();
                                                draft.update(|v| {
                                                    if let Some(slot) = v.advanced.iter_mut().find(|(n, _)| *n == name) {
                                                        slot.1 = s;
                                                    }
                                                    v.score = advanced_mean(&v.advanced, f);
                                                });
                                            }
                                            data-testid=format!("advanced-{i}")/>
                                    </label>
                                }
                            }).collect_view()}
                        </div>
                        {field_error(Field::Advanced)}
                    </fieldset>
                })}
                <div class="editor__dates">
                    <DateField label="Started" testid="started" draft=draft get=|v| v.started set=|v, d| v.started = d
                        invalid=Signal::derive(invalid(Field::Started))/>
                    {field_error(Field::Started)}
                    <DateField label="Completed" testid="completed" draft=draft get=|v| v.completed set=|v, d| v.completed = d
                        invalid=Signal::derive(invalid(Field::Completed))/>
                    {field_error(Field::Completed)}
                    // AniList takes it; most likely a slip all the same.
                    {move || draft.with(|v| v.completed.is_before(&v.started)).then(|| view! {
                        <p class="muted small" role="status" data-testid="editor-dates-hint">"Completed before it was started: the two dates may be the wrong way round."</p>
                    })}
                </div>
                <fieldset class="editor__group">
                    <legend>"Custom lists"</legend>
                    {if list_names.is_empty() {
                        view! { <p class="muted small">"You have no custom " {kind.slug()} " lists (they are made in AniList's list settings)."</p> }.into_any()
                    } else {
                        list_names.iter().map(|name| {
                            let (n1, n2) = (name.clone(), name.clone());
                            view! {
                                <label class="choice">
                                    <input type="checkbox" data-testid="custom-list" value=name.clone()
                                        prop:checked=move || draft.with(|v| v.lists.contains(&n1))
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            let n = n2.clone();
                                            draft.update(|v| {
                                                v.lists.retain(|x| *x != n);
                                                if on {
                                                    v.lists.push(n);
                                                }
                                            });
                                        }/>
                                    <span>{name.clone()}</span>
                                </label>
                            }
                        }).collect_view().into_any()
                    }}
                    {field_error(Field::Lists)}
                    <label class="choice">
                        <input type="checkbox" data-testid="hidden-input" prop:checked=move || draft.with(|v| v.hidden)
                            on:change=move |ev| { let on = event_target_checked(&ev); edit(&|v| v.hidden = on); }/>
                        <span>"Hide from the status lists " <span class="muted small">"(shown in its custom lists only)"</span></span>
                    </label>
                    <label class="choice">
                        <input type="checkbox" data-testid="private-input" prop:checked=move || draft.with(|v| v.private)
                            on:change=move |ev| { let on = event_target_checked(&ev); edit(&|v| v.private = on); }/>
                        <span>"Private " <span class="muted small">"(only you see it)"</span></span>
                    </label>
                </fieldset>
                <label class="field editor__notes">
                    <span class="field__label">"Notes"</span>
                    <textarea rows="3" maxlength=MAX_NOTES.to_string() data-testid="notes-input" autofocus=notes_first
                        aria-invalid=invalid(Field::Notes) aria-describedby=described(Field::Notes)
                        prop:value=move || draft.with(|v| v.notes.clone())
                        on:input=move |ev| { let t = event_target_value(&ev); edit(&|v| v.notes = t.clone()); }></textarea>
                    {field_error(Field::Notes)}
                </label>
                {move || (tried.get() && !found.with(Vec::is_empty)).then(|| view! {
                    <p class="form-error" role="alert" data-testid="editor-problems">"Nothing was sent: fix the marked fields first."</p>
                })}
                {move || anilist().map(|e| {
                    let (known, other) = by_field(&e);
                    let head = (!known.is_empty()).then(|| view! {
                        <p class="form-error" role="alert">"AniList did not take your last change: see the marked fields. Your values are still here."</p>
                    });
                    view! { <div data-testid="editor-error">{head}{other.then(|| view! { <ApiErrorView error=e/> })}</div> }
                })}
                <div class="editor__actions">
                    <button type="button" class="button button--secondary" on:click=move |_| on_close.run(()) data-testid="editor-cancel">"Cancel"</button>
                    <button type="submit" class="button" data-testid="editor-save">"Save"</button>
                </div>
            </form>
            <div class="editor__danger">
                <Show when=move || confirm_delete.get()
                    fallback=move || view! {
                        <button type="button" class="button button--small button--danger"
                            on:click=move |_| set_confirm_delete.set(true) data-testid="delete">"Delete from my list"</button>
                    }>
                    <p class="entry__confirm" role="alert">
                        {format!("Delete {title} from your list?")} " "
                        <button type="button" class="button button--small button--danger" on:click=move |_| delete() data-testid="confirm-delete">"Delete"</button>
                        " "
                        <button type="button" class="button button--small button--secondary" on:click=move |_| set_confirm_delete.set(false)>"Keep"</button>
                    </p>
                </Show>
            </div>
        </dialog>
    }
    .into_any()
}

/// The score, as the user's format shows it: a number (100, 10 or 10 with
/// a decimal), five stars, or three smileys.
#[component]
fn ScoreField(format: Memo<ScoreFormat>, draft: RwSignal<Values>, unreadable: RwSignal<Vec<Field>>, invalid: Signal<Option<&'static str>>, disabled: Signal<bool>) -> impl IntoView {
    let score = move || draft.with(|v| v.score);
    let set = move |s: f64| draft.update(|v| v.score = s);
    let choices = move |f: ScoreFormat| -> Vec<(f64, &'static str, String)> {
        match f {
            ScoreFormat::Point5 => (1..=5u32).map(|n| (f64::from(n), "★", crate::text::count(n, "star"))).collect(),
            _ => vec![(1.0, "☹", "Disliked".into()), (2.0, "😐", "Neutral".into()), (3.0, "🙂", "Liked".into())],
        }
    };
    move || match format.get() {
        f @ (ScoreFormat::Point5 | ScoreFormat::Point3) => view! {
            <fieldset class="field score-choice" aria-invalid=move || invalid.get() disabled=move || disabled.get()>
                <legend class="field__label">"Score"</legend>
                <label class="score-choice__none">
                    <input type="radio" name="score" prop:checked=move || score() == 0.0 on:change=move |_| set(0.0) data-testid="score-none"/>
                    <span>"None"</span>
                </label>
                {choices(f).into_iter().map(|(n, glyph, name)| {
                    let shown = if f == ScoreFormat::Point5 { glyph.repeat(n as usize) } else { glyph.to_string() };
                    let title = name.clone();
                    view! {
                        <label title=title>
                            <input type="radio" name="score" aria-label=name prop:checked=move || score().round() == n
                                on:change=move |_| set(n) data-testid=format!("score-{n}")/>
                            <span aria-hidden="true">{shown}</span>
                        </label>
                    }
                }).collect_view()}
            </fieldset>
        }.into_any(),
        f => view! {
            <label class="field">
                <span class="field__label">"Score " <span class="muted small">{format!("(0 to {})", short(f.max()))}</span></span>
                <input type="number" min="0" max=short(f.max()) step=short(f.step()) inputmode="decimal" disabled=move || disabled.get()
                    aria-invalid=move || invalid.get() aria-describedby="err-score"
                    prop:value=move || short(score())
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        let text = text.trim();
                        unreadable.update(|u| u.retain(|g| *g != Field::Score));
                        match if text.is_empty() { Some(0.0) } else { text.parse::<f64>().ok() } {
                            Some(s) => set(s),
                            None => unreadable.update(|u| u.push(Field::Score)),
                        }
                    }
                    data-testid="score-input"/>
            </label>
        }.into_any(),
    }
}

/// One fuzzy date: year, month and day each optional, "Today", "Clear".
/// Nothing is filled in unless the person asks.
#[component]
fn DateField(
    label: &'static str,
    testid: &'static str,
    draft: RwSignal<Values>,
    get: fn(&Values) -> FuzzyDate,
    set: fn(&mut Values, FuzzyDate),
    invalid: Signal<Option<&'static str>>,
) -> impl IntoView {
    let date = move || draft.with(get);
    let change = move |f: &dyn Fn(&mut FuzzyDate)| {
        draft.update(|v| {
            let mut d = get(v);
            f(&mut d);
            set(v, d);
        })
    };
    let today = move |_| {
        let now = js_sys::Date::new_0();
        let d = FuzzyDate { year: Some(now.get_full_year() as i32), month: Some(now.get_month() + 1), day: Some(now.get_date()) };
        draft.update(|v| set(v, d));
    };
    let max_day = move || date().month.map(|m| days_in_month(date().year, m)).unwrap_or(31);
    view! {
        <fieldset class="date-field" aria-invalid=move || invalid.get() data-testid=testid>
            <legend class="field__label">{label}</legend>
            <input type="number" min="1900" max="2100" placeholder="Year" aria-label=format!("{label}: year")
                class="date-field__year" inputmode="numeric"
                prop:value=move || date().year.map(|y| y.to_string()).unwrap_or_default()
                on:input=move |ev| { let y = event_target_value(&ev).trim().parse::<i32>().ok(); change(&|d| d.year = y); }
                data-testid=format!("{testid}-year")/>
            <select aria-label=format!("{label}: month") data-testid=format!("{testid}-month")
                on:change=move |ev| { let m = event_target_value(&ev).parse::<u32>().ok(); change(&|d| d.month = m); }>
                <option value="" selected=move || date().month.is_none()>"Month"</option>
                {MONTHS.iter().enumerate().map(|(i, name)| {
                    let m = i as u32 + 1;
                    view! { <option value=m.to_string() selected=move || date().month == Some(m)>{*name}</option> }
                }).collect_view()}
            </select>
            <input type="number" min="1" max=move || max_day().to_string() placeholder="Day" aria-label=format!("{label}: day")
                class="date-field__day" inputmode="numeric"
                prop:value=move || date().day.map(|d| d.to_string()).unwrap_or_default()
                on:input=move |ev| { let x = event_target_value(&ev).trim().parse::<u32>().ok(); change(&|d| d.day = x); }
                data-testid=format!("{testid}-day")/>
            <button type="button" class="button button--small button--secondary" on:click=today
                aria-label=format!("{label}: today") data-testid=format!("{testid}-today")>"Today"</button>
            <button type="button" class="button button--small button--secondary" disabled=move || date().is_empty()
                on:click=move |_| change(&|d| *d = FuzzyDate::default())
                aria-label=format!("{label}: clear") data-testid=format!("{testid}-clear")>"Clear"</button>
        </fieldset>
    }
}
