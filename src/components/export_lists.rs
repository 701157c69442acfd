//! "Your data": the signed-in user's lists as a file, made here in the
//! browser from the list store ([`crate::export`]), never sent anywhere.
//! The lists are brought up to date when the person asks (never on a mere
//! visit to the page), with the count so far on screen.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::api_status::ApiErrorView;
use crate::components::read::sign_in_gate;
use crate::export::{self, Format};
use crate::media::MediaKind;
use crate::outbox::use_outbox;
use crate::routes::Page;
use crate::store::{use_list_store, ListData};

/// Offers `text` as a file named `name` (an object URL on a link).
fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(&format!("{mime};charset=utf-8"));
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| "the browser could not make the file".to_string())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "the browser could not make the file".to_string())?;
    let a: web_sys::HtmlAnchorElement = document().create_element("a").map_err(|_| "no link".to_string())?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // The download has its own copy by now.
    set_timeout(move || { let _ = web_sys::Url::revoke_object_url(&url); }, std::time::Duration::from_secs(30));
    Ok(())
}

#[component]
pub fn ExportLists() -> impl IntoView {
    view! {
        <section class="card" data-testid="export">
            <h2>"Your data"</h2>
            {sign_in_gate("Sign in to export your lists".into(), "Your lists are read from AniList with your own token.", Page::Settings, move |credential| {
                let store = use_list_store();
                let outbox = use_outbox();
                let user = credential.user;
                // The export asked for, waiting for the lists to be read
                // (nothing is read before the person asks).
                let asked = RwSignal::new(None::<Format>);
                let state = Memo::new(move |_| MediaKind::ALL.map(|k| (store.with(k, |d| d.map(|d| d.fetched_at)), store.refresh_state(k))));
                // Both lists as AniList holds them now: read within the last
                // minute, nothing under way.
                let fresh = move || {
                    let now = js_sys::Date::now();
                    state.with(|s| s.iter().all(|(at, r)| at.is_some_and(|at| now - at < 60_000.0) && !r.loading))
                };
                let read = move || MediaKind::ALL.into_iter().map(|k| store.with(k, |d| d.map_or(0, |d| d.entries.len()))).sum::<usize>();
                let failed = move || state.with(|s| s.iter().find_map(|(_, r)| r.error.clone()));
                let (told, set_told) = signal(None::<String>);
                let run = move |format: Format| {
                    let lists: Vec<(MediaKind, ListData)> = MediaKind::ALL.into_iter().filter_map(|k| store.with_untracked(k, |d| d.cloned()).map(|d| (k, d))).collect();
                    let borrowed: Vec<(MediaKind, &ListData)> = lists.iter().map(|(k, d)| (*k, d)).collect();
                    let count: usize = lists.iter().map(|(_, d)| d.entries.len()).sum();
                    let (text, note) = match format {
                        Format::Json => (export::json(&borrowed), String::new()),
                        Format::Csv => (export::csv(&borrowed, |_| {}), String::new()),
                        Format::MalXml => {
                            let (text, left_out) = export::mal_xml(&borrowed);
                            (text, if left_out > 0 { format!(" {left_out} without a MyAnimeList id were left out.") } else { String::new() })
                        }
                    };
                    let now = js_sys::Date::new_0();
                    let name = export::file_name(user, format, (now.get_full_year() as i32, now.get_month() + 1, now.get_date()));
                    set_told.set(Some(match download(&name, format.mime(), &text) {
                        Ok(()) => format!("{name}: {}.{note}", crate::text::entries(count)),
                        Err(why) => format!("Could not save the file: {why}."),
                    }));
                };
                // Once the lists are read, the file is made; a read that
                // fails after the ask ends it (an error from before does not).
                let started = StoredValue::new(false);
                Effect::new(move |_| {
                    let Some(format) = asked.get() else { return };
                    let loading = state.with(|s| s.iter().any(|(_, r)| r.loading));
                    if loading {
                        started.set_value(true);
                    }
                    if fresh() {
                        asked.set(None);
                        run(format);
                    } else if started.get_value() && !loading && failed().is_some() {
                        asked.set(None);
                    }
                });
                // What was last asked for: a failed read offers the copy
                // kept in this browser in that format instead (offline, say).
                let last = RwSignal::new(None::<Format>);
                let ask = move |format: Format| {
                    set_told.set(None);
                    started.set_value(false);
                    last.set(Some(format));
                    asked.set(Some(format));
                    for kind in MediaKind::ALL {
                        outbox.refresh_list(kind, credential.clone(), false);
                    }
                };
                view! {
                    <p>"Your anime and manga lists as a file, made here in your browser: AniList's own JSON, CSV (one row an entry, every field), or MyAnimeList's XML (what MyAnimeList and other trackers import)."</p>
                    <div class="actions">
                        {Format::ALL.into_iter().map(|f| {
                            let ask = ask.clone();
                            view! {
                                <button type="button" class="button button--secondary" disabled=move || asked.get().is_some()
                                    on:click=move |_| ask(f) data-testid=format!("export-{}", f.extension())>{f.label()}</button>
                            }
                        }).collect_view()}
                    </div>
                    {move || asked.get().is_some().then(|| view! {
                        <p role="status" data-testid="export-progress">
                            <progress aria-label="Reading your lists"></progress>
                            " Reading your lists… " {move || crate::text::entries(read())} " so far"
                        </p>
                    })}
                    {move || failed().map(|e| view! { <ApiErrorView error=e/> })}
                    {move || {
                        let format = last.get().filter(|_| asked.get().is_none() && failed().is_some() && told.with(Option::is_none))?;
                        let kept = read();
                        // The kinds kept, and when the older of them was read.
                        let (kinds, oldest) = state.with(|s| {
                            let at: Vec<(MediaKind, f64)> = MediaKind::ALL.into_iter().zip(s).filter_map(|(k, (at, _))| at.map(|at| (k, at))).collect();
                            (at.iter().map(|(k, _)| k.slug()).collect::<Vec<_>>(), at.iter().map(|(_, at)| *at).reduce(f64::min))
                        });
                        let oldest = oldest?;
                        (kept > 0).then(|| view! {
                            <p data-testid="export-kept">
                                {format!(
                                    "This browser keeps a copy of your {} {}: {}, with your waiting changes ({}). ",
                                    kinds.join(" and "),
                                    if kinds.len() > 1 { "lists" } else { "list" },
                                    crate::text::entries(kept),
                                    crate::auth::time::updated_words(oldest, js_sys::Date::now()).to_ascii_lowercase(),
                                )}
                                <button type="button" class="button button--secondary button--small" data-testid="export-kept-save"
                                    on:click=move |_| run(format)>{format!("Save that copy ({})", format.label())}</button>
                            </p>
                        })
                    }}
                    {move || told.get().map(|t| view! { <p role="status" data-testid="export-done">{t}</p> })}
                }
                .into_any()
            })}
        </section>
    }
}
