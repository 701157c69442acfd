use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::api::client::Exchange;
use crate::api::error::ApiError;
use crate::api::ops::examples::{Example, EXAMPLE_LIST, EXAMPLE_MEDIA, EXAMPLE_SAVE, EXAMPLE_VIEWER};
use crate::api::Api;
use crate::config::Config;
use crate::graphql_text::{has_mutation, parse_variables};
use crate::pages::PageIntro;
use crate::session::use_session;
use crate::storage::{self, Area};

pub use crate::auth::store::HISTORY_KEY;
pub const HISTORY_LEN: usize = 10;

/// A run kept in localStorage, to go back to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Run {
    query: String,
    variables: String,
    #[serde(default)]
    status: Option<u16>,
    at: f64,
}

/// A history row's key: when it ran (ms), with its query's length in the
/// low bits. Every keyed list in the app uses an `i64` key, so the keyed
/// diff is compiled once.
fn history_key(r: &Run) -> i64 {
    ((r.at as i64) << 12) | (r.query.len() as i64 & 0xfff)
}

fn load_history(area: Area) -> Vec<Run> {
    // Run by run: one that cannot be read is left out, not the whole history.
    let stored: Vec<Value> = storage::get(area, HISTORY_KEY).ok().flatten().unwrap_or_default();
    stored.into_iter().filter_map(|r| serde_json::from_value(r).ok()).take(HISTORY_LEN).collect()
}

fn first_line(query: &str) -> String {
    let line = query.lines().map(str::trim).find(|l| !l.is_empty() && !l.starts_with('#')).unwrap_or("(empty)");
    line.chars().take(60).collect()
}

#[component]
pub fn ConsolePage() -> impl IntoView {
    let api = expect_context::<Api>();
    let config = expect_context::<Config>();
    let session = use_session();
    let (query, set_query) = signal(EXAMPLE_VIEWER.query.to_string());
    let (variables, set_variables) = signal(String::new());
    let (problem, set_problem) = signal(None::<String>);
    let (confirming, set_confirming) = signal(false);
    // Kept where the session is kept (this tab only for a tab-only session).
    let area = move || crate::auth::store::history_area(session.0.with_untracked(|s| s.signed_in().map(|s| s.kept)));
    let history = RwSignal::new(load_history(area()));
    let run = Action::new_local(move |(q, v): &(String, String)| {
        let api = api.clone();
        let (q, v) = (q.clone(), v.clone());
        async move {
            let vars = parse_variables(&v).unwrap_or_default();
            let credential = session.credential();
            let exchange = api.exchange_raw(credential.as_ref(), &q, vars).await;
            history.update(|h| {
                h.retain(|r| !(r.query == q && r.variables == v));
                h.insert(0, Run { query: q, variables: v, status: exchange.status, at: js_sys::Date::now() });
                h.truncate(HISTORY_LEN);
            });
            let _ = history.with_untracked(|h| storage::set(area(), HISTORY_KEY, h));
            exchange
        }
    });
    let send = move || {
        set_confirming.set(false);
        run.dispatch_local((query.get_untracked(), variables.get_untracked()));
    };
    let try_run = move || {
        if run.pending().get_untracked() {
            return;
        }
        set_problem.set(None);
        if query.get_untracked().trim().is_empty() {
            set_problem.set(Some("Write a query first.".into()));
            return;
        }
        if let Err(e) = parse_variables(&variables.get_untracked()) {
            set_problem.set(Some(e));
            return;
        }
        if has_mutation(&query.get_untracked()) {
            set_confirming.set(true);
        } else {
            send();
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        try_run();
    };
    // Ctrl+Enter (⌘+Enter on a Mac) in the query or the variables runs it.
    let keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" && (ev.ctrl_key() || ev.meta_key()) {
            ev.prevent_default();
            try_run();
        }
    };
    let example = move |op: Example, vars: String| {
        set_query.set(op.query.to_string());
        set_variables.set(vars);
        set_problem.set(None);
        set_confirming.set(false);
    };
    let user_id = move || session.0.with(|s| s.signed_in().map(|s| s.user_id())).unwrap_or_else(|| "1".into());
    view! {
        <PageIntro title="GraphQL console" lead="Write any query, run it with your token, and read the answer."/>
        <p class="muted small">
            "Queries go to " <code data-testid="console-endpoint">{config.graphql_url.value.clone()}</code>
            {move || if session.user().is_some() { " with your token." } else { " without a token (you are not signed in)." }}
        </p>
        <div class="examples" role="group" aria-label="Examples">
            <span class="muted small">"Examples:"</span>
            <button type="button" class="button button--small button--secondary" on:click=move |_| example(EXAMPLE_VIEWER, String::new())>"Viewer"</button>
            <button type="button" class="button button--small button--secondary" on:click=move |_| example(EXAMPLE_MEDIA, "{\n  \"id\": 1\n}".into())>"A media lookup"</button>
            <button type="button" class="button button--small button--secondary" on:click=move |_| example(EXAMPLE_LIST, format!("{{\n  \"userId\": {},\n  \"type\": \"ANIME\"\n}}", user_id()))>"Your list"</button>
            <button type="button" class="button button--small button--secondary" on:click=move |_| example(EXAMPLE_SAVE, "{\n  \"mediaId\": 1,\n  \"status\": \"PLANNING\"\n}".into())>"A mutation"</button>
        </div>
        <form class="console" on:submit=submit on:keydown=keydown>
            <label for="console-query">"Query"</label>
            <textarea id="console-query" rows="10" data-shortcut="write" wrap="off" spellcheck="false" autocapitalize="off" data-testid="console-query"
                prop:value=move || query.get() on:input=move |ev| set_query.set(event_target_value(&ev))></textarea>
            <label for="console-variables">"Variables (JSON)"</label>
            <textarea id="console-variables" rows="4" wrap="off" spellcheck="false" autocapitalize="off" placeholder="{}" data-testid="console-variables"
                prop:value=move || variables.get() on:input=move |ev| set_variables.set(event_target_value(&ev))></textarea>
            <div class="actions">
                <button type="submit" class="button" data-testid="console-run" disabled=move || run.pending().get()>
                    {move || if run.pending().get() { "Running…" } else { "Run" }}
                </button>
                <span class="muted small keys-only" data-testid="console-run-keys">"or Ctrl+Enter (⌘+Enter on a Mac)"</span>
            </div>
        </form>
        {move || problem.get().map(|p| view! { <p class="form-error" role="alert" data-testid="console-problem">{p}</p> })}
        <Show when=move || confirming.get()>
            <div class="notice notice--warning" role="alert" data-testid="console-confirm">
                <div class="notice__text">
                    <strong class="notice__title">"This is a mutation: it changes your AniList data."</strong>
                    <div class="actions">
                        <button type="button" class="button" on:click=move |_| send() data-testid="console-confirm-send">"Send it"</button>
                        <button type="button" class="button button--secondary" on:click=move |_| set_confirming.set(false)>"Cancel"</button>
                    </div>
                </div>
            </div>
        </Show>
        {move || run.value().get().map(|x| view! { <ExchangeView exchange=x/> })}
        <Show when=move || !history.with(Vec::is_empty)>
            <section class="card" data-testid="console-history">
                <h2>"Recent runs"</h2>
                <ul class="history">
                    <For each=move || history.get() key=|r| history_key(r) let:r>
                        {
                            let (q, v) = (r.query.clone(), r.variables.clone());
                            view! {
                                <li>
                                    <button type="button" class="linklike" on:click=move |_| { set_query.set(q.clone()); set_variables.set(v.clone()); }>
                                        <code>{first_line(&r.query)}</code>
                                    </button>
                                    <span class="muted small">{r.status.map(|s| format!(" HTTP {s}")).unwrap_or_else(|| " no answer".into())}</span>
                                </li>
                            }
                        }
                    </For>
                </ul>
            </section>
        </Show>
    }
}

/// The answer indented, in AniList's own field order, by the browser's
/// JSON (no second JSON printer in the wasm). `None` when it is not JSON.
fn pretty_json(body: &str) -> Option<String> {
    let value = js_sys::JSON::parse(body).ok()?;
    js_sys::JSON::stringify_with_replacer_and_space(&value, &wasm_bindgen::JsValue::NULL, &2.into())
        .ok()
        .map(String::from)
}

#[component]
fn ExchangeView(exchange: Exchange) -> impl IntoView {
    let pretty = pretty_json(&exchange.body).unwrap_or_else(|| exchange.body.clone());
    let status = match exchange.status {
        Some(s) => format!("HTTP {s} · {:.0} ms", exchange.millis),
        None => format!("No answer · {:.0} ms", exchange.millis),
    };
    let rate = match (exchange.rate.limit, exchange.rate.remaining) {
        (Some(l), Some(r)) => format!("X-RateLimit-Limit {l} · X-RateLimit-Remaining {r}"),
        (None, Some(r)) => format!("X-RateLimit-Remaining {r}"),
        _ => "Rate-limit headers not visible to the browser.".into(),
    };
    let errors = match &exchange.outcome {
        Ok(_) => None,
        Err(ApiError::GraphQl { errors, .. }) if !errors.is_empty() => Some(
            errors
                .iter()
                .map(|e| view! { <li data-testid="console-error">{e.describe()}</li> })
                .collect_view()
                .into_any(),
        ),
        Err(e) => Some(view! { <li data-testid="console-error">{e.to_string()} " " {e.next_step()}</li> }.into_any()),
    };
    view! {
        <section class="card" data-testid="console-result">
            <h2>"Answer"</h2>
            <p><strong data-testid="console-status">{status}</strong></p>
            <p class="muted small" data-testid="console-rate">{rate}</p>
            {errors.map(|e| view! { <ul class="field-errors console-errors">{e}</ul> })}
            <pre class="console-output" data-testid="console-output">{pretty}</pre>
        </section>
    }
}
