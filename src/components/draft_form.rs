//! What the forms that keep a draft on this device share (a review, a
//! forum thread; see [`crate::draft`]): the notice that a kept draft is
//! back, forgetting it once AniList has it, and focusing a field a problem
//! points at.

use leptos::prelude::*;
use serde::{de::DeserializeOwned, Serialize};

use crate::auth::callback::Credential;
use crate::auth::time::{local_date_time, now_secs, relative_words};
use crate::components::api_status::{ApiErrorView, Sending};
use crate::draft::{Kept, Written};
use crate::session::SessionContext;
use crate::storage::{self, Area, StorageProblem};

/// A form's draft, kept on this device at `key` as it changes: it starts
/// from the one kept there when that says something AniList's (`saved`)
/// does not, and says so (`restored`).
pub struct KeptDraft<D: Send + Sync + 'static> {
    pub draft: RwSignal<D>,
    /// When the draft shown was kept, while it is one kept here.
    pub restored: RwSignal<Option<f64>>,
    /// Why the last change could not be kept here.
    pub keep_problem: RwSignal<Option<StorageProblem>>,
    saved: StoredValue<D>,
    key: StoredValue<String>,
}

impl<D: Send + Sync + 'static> Clone for KeptDraft<D> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<D: Send + Sync + 'static> Copy for KeptDraft<D> {}

impl<D: Written + Serialize + DeserializeOwned + Send + Sync + 'static> KeptDraft<D> {
    pub fn new(key: String, saved: D) -> Self {
        let start = crate::draft::start(saved.clone(), storage::get::<Kept<D>>(Area::Local, &key).ok().flatten());
        KeptDraft {
            draft: RwSignal::new(start.draft().clone()),
            restored: RwSignal::new(start.restored_at()),
            keep_problem: RwSignal::new(None),
            saved: StoredValue::new(saved),
            key: StoredValue::new(key),
        }
    }

    /// Where it is kept.
    pub fn key(self) -> String {
        self.key.get_value()
    }

    /// Changes the draft and keeps it here at once.
    pub fn edit(self, f: impl FnOnce(&mut D)) {
        self.draft.update(f);
        let kept = Kept { draft: self.draft.get_untracked(), at: js_sys::Date::now() };
        self.keep_problem.set(storage::set(Area::Local, &self.key(), &kept).err());
    }

    /// Back to AniList's version: what was kept here goes.
    pub fn back_to_saved(self) {
        storage::delete(Area::Local, &self.key());
        self.draft.set(self.saved.get_value());
        self.restored.set(None);
    }

    /// The form's state in words (see [`kept_status`]): a draft that is
    /// AniList's, or blank, is not kept.
    pub fn status(self, busy: RwSignal<bool>) -> impl Fn() -> Option<String> + Send + Sync + 'static {
        kept_status(busy, self.keep_problem, move || self.saved.with_value(|s| self.draft.with(|d| d != s && !d.is_blank())))
    }
}

/// Focuses the form control with this element id.
pub fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Forgets the draft kept at `key` when it is still `sent` (one typed
/// since stays); with none, whatever is kept.
pub fn forget_if_sent<D: Serialize + DeserializeOwned + PartialEq>(key: &str, sent: Option<&D>) {
    let kept = storage::get::<Kept<D>>(Area::Local, key).ok().flatten();
    if sent.is_none() || kept.is_some_and(|k| Some(&k.draft) == sent) {
        storage::delete(Area::Local, key);
    }
}

/// "Your changes from 3 min ago are back", while `at` holds when they
/// were kept, with a button that goes back to AniList's version.
#[component]
pub fn RestoredNotice(at: RwSignal<Option<f64>>, discard: Callback<()>, discard_label: &'static str, testid: &'static str) -> impl IntoView {
    move || {
        at.get().map(|at| {
            let secs = (at / 1000.0) as i64;
            view! {
                <div class="notice" role="status" data-testid=testid>
                    <p class="notice__text">
                        "Your changes from " <time title=local_date_time(secs)>{relative_words(secs - now_secs())}</time>
                        " are back: AniList does not have them yet. Save to send them."
                    </p>
                    <div class="actions">
                        <button type="button" class="button button--small button--secondary" on:click=move |_| discard.run(()) data-testid=format!("{}-discard", testid.trim_end_matches("-restored"))>
                            {discard_label}
                        </button>
                    </div>
                </div>
            }
        })
    }
}

/// A field of such a form, for a problem to point at.
pub trait FormField: Copy + PartialEq + Send + Sync + 'static {
    /// The form control's element id.
    fn id(self) -> &'static str;
}

impl FormField for crate::review_form::Field {
    fn id(self) -> &'static str {
        crate::review_form::Field::id(self)
    }
}

impl FormField for crate::thread_form::Field {
    fn id(self) -> &'static str {
        crate::thread_form::Field::id(self)
    }
}

/// What keeps a draft from being sent, field by field, shown once the
/// person has tried to send it.
pub struct Checked<F: FormField> {
    pub tried: RwSignal<bool>,
    pub problems: Memo<Vec<(F, String)>>,
}

impl<F: FormField> Clone for Checked<F> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<F: FormField> Copy for Checked<F> {}

impl<F: FormField> Checked<F> {
    pub fn new(problems: impl Fn() -> Vec<(F, String)> + Send + Sync + 'static) -> Self {
        Checked { tried: RwSignal::new(false), problems: Memo::new(move |_| problems()) }
    }

    /// The problem with a field, once shown.
    fn of(self, f: F) -> Option<String> {
        self.tried.get().then(|| self.problems.with(|p| p.iter().find(|(g, _)| *g == f).map(|(_, m)| m.clone()))).flatten()
    }

    /// The field's problem under it (`<id>-error`).
    pub fn error(self, f: F) -> impl IntoView {
        move || self.of(f).map(|p| view! { <span class="field__error" id=format!("{}-error", f.id()) data-testid=format!("{}-error", f.id())>{p}</span> })
    }

    /// The field's `aria-invalid`.
    pub fn invalid(self, f: F) -> impl Fn() -> Option<&'static str> + Send + Sync + Copy + 'static {
        move || self.of(f).is_some().then_some("true")
    }

    /// The field's `aria-describedby`: its hint, and its problem when shown.
    pub fn described(self, f: F, hint: &'static str) -> impl Fn() -> String + Send + Sync + Copy + 'static {
        move || if self.of(f).is_some() { format!("{hint} {}-error", f.id()).trim().to_string() } else { hint.to_string() }
    }

    /// When the draft cannot go: shows every problem and focuses the first
    /// field; true when it can.
    pub fn ready(self) -> bool {
        match self.problems.with_untracked(|p| p.first().map(|(f, _)| *f)) {
            Some(first) => {
                self.tried.set(true);
                focus(first.id());
                false
            }
            None => true,
        }
    }

    /// What to send the draft with, when it can go: nothing is being sent
    /// (`busy`), it has no problem (else they are shown), and `user` is
    /// the one signed in.
    pub fn sendable(self, busy: RwSignal<bool>, session: SessionContext, user: u64) -> Option<Credential> {
        if busy.get_untracked() || !self.ready() {
            return None;
        }
        session.credential().filter(|c| c.user == user)
    }

    /// Whether problems are shown.
    pub fn showing(self) -> bool {
        self.tried.get() && !self.problems.with(Vec::is_empty)
    }
}

/// Under the form: why nothing was sent, that an answer was lost, or
/// AniList's refusal; `prefix` names the test ids (`review-lost`…), `what`
/// the thing ("review").
#[component]
pub fn SaveProblems<F: FormField>(checked: Checked<F>, lost: RwSignal<bool>, sending: Sending, prefix: &'static str, what: &'static str) -> impl IntoView {
    view! {
        {move || checked.showing().then(|| view! {
            <p class="form-error" role="alert" data-testid=format!("{prefix}-problems")>"Nothing was sent: see the marked fields. Your text is kept."</p>
        })}
        {move || lost.get().then(|| view! {
            <p class="form-error" role="alert" data-testid=format!("{prefix}-lost")>
                "AniList's answer was lost and your " {what} " is not on AniList. Your text is still here: save it again."
            </p>
        })}
        {move || sending.problem.get().map(|e| view! {
            <div data-testid=format!("{prefix}-save-error")>
                <ApiErrorView error=e/>
                <p class="muted small">"Nothing is lost: your text is still here, and kept on this device."</p>
            </div>
        })}
    }
}

/// The form's state in words: saving, that the text cannot be kept here,
/// or that it is kept until saved (`changed`).
fn kept_status(busy: RwSignal<bool>, keep_problem: RwSignal<Option<StorageProblem>>, changed: impl Fn() -> bool + Send + Sync + 'static) -> impl Fn() -> Option<String> + Send + Sync + 'static {
    move || {
        if busy.get() {
            Some("Saving…".to_string())
        } else if let Some(p) = keep_problem.get() {
            Some(format!("Your text cannot be kept on this device ({p}): keep this page open until it is saved."))
        } else {
            changed().then(|| "Kept on this device until you save it.".to_string())
        }
    }
}

/// "Delete this review", asked again before it goes; `prefix` names the
/// test ids (`review-delete-ask`…).
#[component]
pub fn DeleteCard(prefix: &'static str, what: &'static str, warning: &'static str, deleting: Sending, delete: Callback<()>) -> impl IntoView {
    let asking = RwSignal::new(false);
    view! {
        <section class="card review-form__danger" data-testid=format!("{prefix}-delete")>
            <Show when=move || asking.get()
                fallback=move || view! {
                    <button type="button" class="button button--small button--danger" on:click=move |_| asking.set(true) data-testid=format!("{prefix}-delete-ask")>
                        "Delete this " {what}
                    </button>
                }>
                <p role="alert">{warning}</p>
                <div class="actions">
                    <button type="button" class="button button--small button--danger" disabled=move || deleting.busy.get() on:click=move |_| delete.run(()) data-testid=format!("{prefix}-delete-confirm")>
                        {move || if deleting.busy.get() { "Deleting…" } else { "Delete" }}
                    </button>
                    <button type="button" class="button button--small button--secondary" on:click=move |_| asking.set(false)>"Keep it"</button>
                </div>
            </Show>
            {move || deleting.problem.get().map(|e| view! { <div data-testid=format!("{prefix}-delete-error")><ApiErrorView error=e/></div> })}
        </section>
    }
}
