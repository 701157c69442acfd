//! "Import from MyAnimeList": a MyAnimeList export (its `.xml`, or the
//! `.xml.gz` MyAnimeList gives) read here in the browser, its titles found
//! on AniList by their MyAnimeList ids, and a preview of what it would do
//! to the lists before anything is sent ([`crate::import`]); or a backup
//! made here (AniList JSON, or CSV edited in a spreadsheet meanwhile),
//! whose titles are known. What the
//! person takes goes through the outbox like every edit: shown at once,
//! kept through reloads and offline, within the rate limit.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::api::operation::has_next;
use crate::api::ops::list_collection::{Entry, Media};
use crate::api::ops::by_ids::{self, ByMalIds, Key};
use crate::api::{Api, ApiError};
use crate::auth::callback::Credential;
use crate::components::api_status::ApiErrorView;
use crate::components::read::sign_in_gate;
use crate::edit::{Patch, Values};
use crate::import::{self, MalEntry, Plan};
use crate::media::{MediaKind, MediaType};
use crate::outbox::use_outbox;
use crate::routes::Page;
use crate::store::{use_list_store, values_of};

#[wasm_bindgen]
extern "C" {
    /// The browser's gzip reader (`DecompressionStream`; web-sys has it
    /// only among its unstable APIs).
    #[wasm_bindgen(js_name = DecompressionStream)]
    type Gunzip;
    #[wasm_bindgen(constructor, js_class = "DecompressionStream", catch)]
    fn new(format: &str) -> Result<Gunzip, JsValue>;
}

/// The file's text, unpacked first when it is gzip (MyAnimeList's own
/// export is `.xml.gz`).
async fn file_text(file: &web_sys::File) -> Result<String, String> {
    let gz = file.name().to_ascii_lowercase().ends_with(".gz") || file.type_().contains("gzip");
    let promise = if gz {
        let gunzip = Gunzip::new("gzip").map_err(|_| "This browser cannot unpack .gz files: unpack it first, then choose the .xml file.".to_string())?;
        let out = file.stream().pipe_through(gunzip.unchecked_ref());
        web_sys::Response::new_with_opt_readable_stream(Some(&out)).and_then(|r| r.text()).map_err(|_| "The file could not be read.".to_string())?
    } else {
        file.text()
    };
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| if gz { "The file could not be unpacked: is it a .gz file?".to_string() } else { "The file could not be read.".to_string() })
}

/// The export's entries (and why any could not be taken), read by the
/// browser's XML parser.
pub fn read_xml(text: &str) -> Result<(Vec<MalEntry>, Vec<String>), String> {
    let not_mal = "This file is not MyAnimeList's export: choose the .xml (or .xml.gz) file MyAnimeList's Export gives.";
    let parser = web_sys::DomParser::new().map_err(|_| "This browser cannot read XML.".to_string())?;
    let doc = parser.parse_from_string(text, web_sys::SupportedType::TextXml).map_err(|_| not_mal.to_string())?;
    let root = doc.document_element().filter(|r| r.tag_name() == "myanimelist" && doc.get_elements_by_tag_name("parsererror").length() == 0);
    let Some(root) = root else { return Err(not_mal.into()) };
    let (mut entries, mut skipped) = (Vec::new(), Vec::new());
    for kind in MediaKind::ALL {
        // Each entry is an `<anime>` or a `<manga>`.
        let found = root.get_elements_by_tag_name(kind.slug());
        for i in 0..found.length() {
            let Some(el) = found.item(i) else { continue };
            let field = |name: &str| el.get_elements_by_tag_name(name).item(0).and_then(|c| c.text_content());
            match import::read_entry(kind, field) {
                Ok(e) => entries.push(e),
                Err(why) => skipped.push(why),
            }
        }
    }
    Ok((entries, skipped))
}

/// Where an import stands.
#[derive(Clone)]
enum Step {
    Idle,
    Reading,
    /// The file cannot be used.
    Refused(String),
    /// Finding the titles on AniList: how many ids are done, of how many.
    Finding(usize, usize),
    /// AniList did not answer (the titles found so far are kept).
    FindFailed(ApiError),
    /// Found; waiting for the lists to be read.
    Matching,
    Ready(Arc<Plan>),
    /// Handed to the outbox: how many entries added and changed.
    Sent(usize, usize),
}

/// Why a file gives nothing to import: the first of the entries that could
/// not be taken, or `empty` when it has none.
fn none_taken(skipped: &[String], empty: &str) -> String {
    match (skipped.len(), skipped.first()) {
        (_, None) => empty.into(),
        (1, Some(first)) => format!("Its one entry could not be taken: {first}."),
        (n, Some(first)) => format!("None of its {} entries could be taken: {first}.", crate::text::group_digits(n)),
    }
}

/// The export read: its entries, what could not be taken, the titles
/// found so far, and the next lookup (kind, index of its first id).
#[derive(Default)]
struct Import {
    name: String,
    entries: Vec<MalEntry>,
    /// A backup made here (AniList JSON), read: fitted to the account
    /// once its lists are read (their scoring system and custom lists).
    backup: Vec<import::Backed>,
    /// When the file was chosen (ms): the lists must be read after it.
    since: f64,
    /// Whether a read of each kind's list was seen under way since.
    seen_loading: [bool; 2],
    skipped: Vec<String>,
    /// The titles found, by kind and the id they were asked by
    /// ([`Import::key`]).
    found: HashMap<(MediaKind, i64), Media>,
    /// A backup's titles to add that it names only by id (a CSV), once
    /// the lists are read: asked of AniList by their AniList ids.
    lookup: Option<Vec<(MediaKind, Vec<i64>)>>,
    next: usize,
}

impl Import {
    /// The lookups, in order: each kind's ids, [`by_ids::PER_REQUEST`] at a time.
    fn chunks(&self) -> Vec<(MediaKind, Vec<i64>)> {
        let ids = match self.key() {
            Key::Mal => import::ids_by_kind(&self.entries),
            Key::AniList => self.lookup.clone().unwrap_or_default(),
        };
        ids.into_iter().flat_map(|(k, ids)| ids.chunks(by_ids::PER_REQUEST).map(|c| (k, c.to_vec())).collect::<Vec<_>>()).collect()
    }

    /// What the titles are asked by: a MyAnimeList export's by its ids
    /// there, a backup's by AniList's.
    fn key(&self) -> Key {
        if self.backup.is_empty() { Key::Mal } else { Key::AniList }
    }

    fn kinds(&self) -> Vec<MediaKind> {
        MediaKind::ALL.into_iter().filter(|k| self.entries.iter().any(|e| e.kind == *k) || self.backup.iter().any(|b| b.given.kind == *k)).collect()
    }

    /// How many entries the file holds.
    fn read(&self) -> usize {
        self.entries.len() + self.backup.len()
    }
}

/// The titles of every lookup from `state.next` on, in order, up to
/// [`by_ids::PAGES_PER_REQUEST`] lookups of a kind in one request; stops
/// at the first failure (a retry goes on from there) or when the card is
/// gone.
async fn find_titles(api: Api, credential: Credential, state: StoredValue<Import, LocalStorage>, step: RwSignal<Step>) {
    let Some((chunks, key)) = state.try_with_value(|s| (s.chunks(), s.key())) else { return };
    let total: usize = chunks.iter().map(|(_, ids)| ids.len()).sum();
    let mut at = state.try_with_value(|s| s.next).unwrap_or(0);
    let mut done: usize = chunks.iter().take(at).map(|(_, ids)| ids.len()).sum();
    let keep = |kind: MediaKind, titles: Vec<Media>| {
        state.try_update_value(|s| {
            for m in titles {
                if let Some(id) = key.of(&m) {
                    s.found.entry((kind, id)).or_insert(m);
                }
            }
        })
    };
    while at < chunks.len() {
        let kind = chunks[at].0;
        let group: Vec<Vec<i64>> = chunks[at..].iter().take(by_ids::PAGES_PER_REQUEST).take_while(|(k, _)| *k == kind).map(|(_, ids)| ids.clone()).collect();
        if step.try_set(Step::Finding(done, total)).is_some() {
            return;
        }
        let kind_type: MediaType = kind.into();
        let vars = by_ids::ManyVars { ids: group.clone(), kind: kind_type };
        let mut pages = match api.run_made::<_, by_ids::ManyData>(Some(&credential), key.name(), &by_ids::many_query(group.len(), key), false, &vars).await {
            Ok(pages) => pages,
            Err(e) => {
                let _ = step.try_set(Step::FindFailed(e));
                return;
            }
        };
        for (k, ids) in group.iter().enumerate() {
            let (titles, mut more) = match pages.remove(&by_ids::page_alias(k)).flatten() {
                Some(p) => (p.items, has_next(p.page_info.as_ref())),
                None => (Vec::new(), false),
            };
            if keep(kind, titles).is_none() {
                return;
            }
            // Two AniList titles rarely share a MyAnimeList id: a few
            // pages at most (an AniList id is one title's).
            let mut page = 2;
            while more && key == Key::Mal && page <= 4 {
                let vars = by_ids::Vars { ids: ids.clone(), kind: kind_type, page };
                match api.run::<ByMalIds>(Some(&credential), &vars, false).await {
                    Ok(d) => {
                        let (titles, next) = d.items();
                        if keep(kind, titles).is_none() {
                            return;
                        }
                        more = next;
                        page += 1;
                    }
                    Err(e) => {
                        let _ = step.try_set(Step::FindFailed(e));
                        return;
                    }
                }
            }
        }
        done += group.iter().map(Vec::len).sum::<usize>();
        at += group.len();
        if state.try_update_value(|s| s.next = at).is_none() {
            return;
        }
    }
    let _ = step.try_set(Step::Matching);
}

#[component]
pub fn ImportLists() -> impl IntoView {
    view! {
        <section class="card import" data-testid="import">
            <h2>"Import from MyAnimeList, or a backup"</h2>
            {sign_in_gate("Sign in to import a MyAnimeList export".into(), "The entries are added to your own AniList lists.", Page::Settings, move |credential| {
                let store = use_list_store();
                let outbox = use_outbox();
                let api = expect_context::<Api>();
                let step = RwSignal::new(Step::Idle);
                let state = StoredValue::new_local(Import::default());
                let differ_too = RwSignal::new(false);
                let cred = StoredValue::new(credential.clone());
                let find = move || {
                    leptos::task::spawn_local(find_titles(api.clone(), cred.get_value(), state, step));
                };
                let find = StoredValue::new(find);
                // The lists, read whole (what they hold decides what is added
                // and what differs; a refresh that is not forced would not see
                // an entry deleted on AniList's site).
                let read_lists = move |kinds: Vec<MediaKind>| {
                    for kind in kinds {
                        outbox.refresh_list(kind, cred.get_value(), true);
                    }
                };
                let chosen = move |ev: leptos::ev::Event| {
                    let input: web_sys::HtmlInputElement = event_target(&ev);
                    let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
                    input.set_value("");
                    step.set(Step::Reading);
                    differ_too.set(false);
                    leptos::task::spawn_local(async move {
                        let text = match file_text(&file).await {
                            Ok(text) => text,
                            Err(why) => {
                                let _ = step.try_set(Step::Refused(why));
                                return;
                            }
                        };
                        // A backup made here (AniList JSON, or CSV perhaps edited
                        // in a spreadsheet since): its titles are known, nothing to find.
                        let csv = file.name().to_ascii_lowercase().ends_with(".csv") || file.type_().contains("csv");
                        if csv || text.trim_start().starts_with('{') {
                            let read = if csv { import::read_csv(&text) } else { import::read_backup(&text).map(|b| (b, Vec::new())) };
                            let (backup, skipped) = match read {
                                Ok((b, skipped)) if !b.is_empty() => (b, skipped),
                                Ok((_, skipped)) => {
                                    let _ = step.try_set(Step::Refused(none_taken(&skipped, "This backup has no entries.")));
                                    return;
                                }
                                Err(why) => {
                                    let _ = step.try_set(Step::Refused(why));
                                    return;
                                }
                            };
                            let Some(kinds) = state.try_update_value(|s| {
                                *s = Import { name: file.name(), backup, skipped, since: js_sys::Date::now(), ..Import::default() };
                                s.kinds()
                            }) else { return };
                            read_lists(kinds);
                            let _ = step.try_set(Step::Matching);
                            return;
                        }
                        let (entries, skipped) = match read_xml(&text) {
                            Ok(r) => r,
                            Err(why) => {
                                let _ = step.try_set(Step::Refused(why));
                                return;
                            }
                        };
                        if entries.is_empty() {
                            let _ = step.try_set(Step::Refused(none_taken(&skipped, "This MyAnimeList export has no entries.")));
                            return;
                        }
                        let Some(kinds) = state.try_update_value(|s| {
                            *s = Import { name: file.name(), entries, skipped, since: js_sys::Date::now(), ..Import::default() };
                            s.kinds()
                        }) else { return };
                        read_lists(kinds);
                        find.get_value()();
                    });
                };
                // Found: once the lists are read, the plan.
                Effect::new(move |_| {
                    if !step.with(|s| matches!(s, Step::Matching)) {
                        return;
                    }
                    let (kinds, since) = state.with_value(|s| (s.kinds(), s.since));
                    // Each list read whole since the file was chosen; or, when
                    // that read failed, the copy this browser keeps.
                    let mut ready = true;
                    for k in &kinds {
                        let r = store.refresh_state(*k);
                        if r.loading {
                            state.update_value(|s| s.seen_loading[k.index()] = true);
                            ready = false;
                            continue;
                        }
                        let (read_since, kept) = store.with(*k, |d| (d.is_some_and(|d| d.fetched_at >= since), d.is_some()));
                        let failed = state.with_value(|s| s.seen_loading[k.index()]) && r.error.is_some();
                        match (read_since, failed, kept, r.error) {
                            (true, ..) | (false, true, true, _) => {}
                            (false, true, false, Some(e)) => {
                                step.set(Step::FindFailed(e));
                                return;
                            }
                            _ => ready = false,
                        }
                    }
                    if !ready {
                        return;
                    }
                    let held: HashMap<i64, Values> = kinds
                        .iter()
                        .flat_map(|k| store.with_untracked(*k, |d| d.map(|d| d.entries.iter().map(|e| (e.media_id, values_of(e))).collect::<Vec<_>>()).unwrap_or_default()))
                        .collect();
                    let fits = |k: MediaKind| {
                        let (lists, sections) = store.with_untracked(k, |d| d.map(|d| (d.list_names.clone(), d.advanced_names.clone())).unwrap_or_default());
                        import::Fits { format: store.score_format(k), lists, sections }
                    };
                    // A backup's titles the lists hold, as the lists have
                    // them (their names and counts, not only the file's).
                    let backed = |s: &Import| {
                        let mut given = import::fit(&s.backup, fits);
                        let on_lists = store.entries_of(&given.iter().map(|g| g.media.id).collect::<Vec<_>>());
                        for g in &mut given {
                            if let Some(media) = on_lists.get(&g.media.id).and_then(|e| e.media.clone()) {
                                g.media = media;
                            }
                        }
                        Plan::of(given, |id| held.get(&id).cloned())
                    };
                    let plan = state.with_value(|s| match (s.backup.is_empty(), &s.lookup) {
                        (true, _) => Plan::new(&s.entries, &s.found, |id| held.get(&id).cloned(), fits),
                        (false, None) => backed(s),
                        (false, Some(asked)) => {
                            let asked: std::collections::HashSet<(MediaKind, i64)> = asked.iter().flat_map(|(k, ids)| ids.iter().map(move |id| (*k, *id))).collect();
                            backed(s).looked_up(&s.found, |k, id| asked.contains(&(k, id)))
                        }
                    });
                    // The titles a CSV adds, known by id only: asked of
                    // AniList first (once), then the plan again.
                    if state.with_value(|s| s.lookup.is_none()) {
                        let bare = plan.bare();
                        if !bare.is_empty() {
                            state.update_value(|s| {
                                s.lookup = Some(bare);
                                s.next = 0;
                            });
                            find.get_value()();
                            return;
                        }
                    }
                    step.set(Step::Ready(Arc::new(plan)));
                });
                let retry = Callback::new(move |_| {
                    let (kinds, since) = state.with_value(|s| (s.kinds(), s.since));
                    state.update_value(|s| s.seen_loading = [false; 2]);
                    // A list already read since the file was chosen is not read again.
                    read_lists(kinds.into_iter().filter(|k| store.with_untracked(*k, |d| !d.is_some_and(|d| d.fetched_at >= since))).collect());
                    find.get_value()();
                });
                let go = move |plan: Arc<Plan>| {
                    for kind in MediaKind::ALL {
                        let added: Vec<(Entry, Patch)> = plan
                            .add
                            .iter()
                            .filter(|a| a.kind == kind)
                            .map(|a| {
                                let mut patch = Patch::between(&Values::new(a.values.status), &a.values);
                                patch.status = Some(a.values.status);
                                (Entry::new_for(a.media.clone()), patch)
                            })
                            .collect();
                        if !added.is_empty() {
                            outbox.restore(kind, added);
                        }
                    }
                    let changed = if differ_too.get_untracked() { plan.differ.len() } else { 0 };
                    if changed > 0 {
                        outbox.change_many(plan.differ.iter().map(|d| (d.media_id, Some(d.patch.clone()))).collect());
                    }
                    step.set(Step::Sent(plan.add.len(), changed));
                };
                view! {
                    <p>
                        "Bring your MyAnimeList lists here: on "
                        <a href="https://myanimelist.net/panel.php?go=export" target="_blank" rel="noopener noreferrer">"MyAnimeList's export page"</a>
                        ", export your anime or manga list, then choose the file it gives (.xml.gz or .xml). A backup made here (AniList JSON or CSV, above; a CSV may be edited in a spreadsheet first) comes back the same way. It is read here in your browser; you see what it would change before anything is sent."
                    </p>
                    <label class="import__file">
                        <span class="field__label">"MyAnimeList export"</span>
                        <input type="file" accept=".xml,.gz,.json,.csv,application/xml,text/xml,application/gzip,application/json,text/csv" data-testid="import-file"
                            disabled=move || step.with(|s| matches!(s, Step::Reading | Step::Finding(..) | Step::Matching))
                            on:change=chosen/>
                    </label>
                    {move || match step.get() {
                        Step::Idle => ().into_any(),
                        Step::Reading => view! { <p role="status" data-testid="import-progress"><progress aria-label="Reading the file"></progress>" Reading the file…"</p> }.into_any(),
                        Step::Refused(why) => view! { <p class="form-error" role="alert" data-testid="import-refused">{why}</p> }.into_any(),
                        Step::Finding(done, of) => view! {
                            <p role="status" data-testid="import-progress">
                                <progress max=of value=done aria-label="Finding the titles on AniList"></progress>
                                {format!(" Finding the titles on AniList… {} of {}", crate::text::group_digits(done), crate::text::group_digits(of))}
                            </p>
                        }.into_any(),
                        Step::FindFailed(e) => view! { <div data-testid="import-error"><ApiErrorView error=e retry=retry/></div> }.into_any(),
                        Step::Matching => view! {
                            <p role="status" data-testid="import-progress">
                                <progress aria-label="Reading your lists"></progress>
                                " Reading your lists… "
                                {move || {
                                    let read: usize = state.with_value(Import::kinds).into_iter().map(|k| store.refresh_state(k).loaded).sum();
                                    (read > 0).then(|| format!("{} so far", crate::text::entries(read)))
                                }}
                            </p>
                        }.into_any(),
                        Step::Ready(plan) => preview(plan, state, store, differ_too, go, step).into_any(),
                        Step::Sent(added, changed) => {
                            let n = added + changed;
                            let kinds = state.with_value(Import::kinds);
                            view! {
                                <p role="status" data-testid="import-done">
                                    {format!(
                                        "{} {} on your lists now, and {}. The header counts what still waits; closing the tab loses nothing (the rest goes at your next visit).",
                                        crate::text::entries(n),
                                        if n == 1 { "is" } else { "are" },
                                        crate::outbox::rules::on_their_way(n),
                                    )}
                                </p>
                                <div class="actions">
                                    {kinds.into_iter().map(|k| view! {
                                        <leptos_router::components::A href=Page::Lists(k).href() attr:class="button button--secondary">
                                            {format!("Your {} list", k.slug())}
                                        </leptos_router::components::A>
                                    }).collect_view()}
                                </div>
                            }.into_any()
                        }
                    }}
                }
                .into_any()
            })}
        </section>
    }
}

/// The file's tags that name no custom list here, and how to keep them.
fn tags_left(tags: &[String]) -> String {
    const NAMED: usize = 8;
    let mut names = tags.iter().take(NAMED).map(|t| format!("“{t}”")).collect::<Vec<_>>().join(", ");
    if tags.len() > NAMED {
        names.push_str(&format!(" and {} more", crate::text::group_digits(tags.len() - NAMED)));
    }
    format!(
        "MyAnimeList tags with no custom list of that name, left out: {names}. To keep {}, add custom lists so named (On AniList, in Settings), then choose the file again.",
        if tags.len() == 1 { "it" } else { "them" }
    )
}

/// The most titles each part of the preview names.
const SHOWN: usize = 100;

/// What the import would do, and the choice to do it.
fn preview(plan: Arc<Plan>, state: StoredValue<Import, LocalStorage>, store: crate::store::ListStore, differ_too: RwSignal<bool>, go: impl Fn(Arc<Plan>) + Clone + 'static, step: RwSignal<Step>) -> impl IntoView {
    let (name, read, skipped) = state.with_value(|s| (s.name.clone(), s.read(), s.skipped.clone()));
    let more = |n: usize| (n > SHOWN).then(|| view! { <li>{format!("and {} more", crate::text::group_digits(n - SHOWN))}</li> });
    let (adds, differs, same, unknown) = (plan.add.len(), plan.differ.len(), plan.same, plan.unknown.len());
    let count = move || adds + if differ_too.get() { differs } else { 0 };
    let added = plan.add.iter().take(SHOWN).map(|a| view! { <li>{a.media.title()} " · " {a.values.status.label(a.kind)}</li> }).collect_view();
    let differing = plan
        .differ
        .iter()
        .take(SHOWN)
        .map(|d| {
            let kind = store.entry(d.media_id).map_or(MediaKind::Anime, |(k, _)| k);
            let words = import::changes_in_words(&d.now, &d.patch, kind, store.score_format(kind));
            view! {
                <li data-testid="import-differ-entry">
                    <strong>{d.title.clone()}</strong>": "
                    {words.into_iter().map(|(f, now, file)| format!("{f} {now} → {file}")).collect::<Vec<_>>().join("; ")}
                </li>
            }
        })
        .collect_view();
    let missing = plan.unknown.iter().take(SHOWN).map(|e| view! { <li>{e.label()}</li> }).collect_view();
    let plan_go = plan.clone();
    view! {
        <div data-testid="import-preview">
            <p>{format!("{name}: {}.", crate::text::entries(read))}</p>
            <ul>
                <li data-testid="import-add">{format!("{} to add to your lists", crate::text::group_digits(adds))}</li>
                <li data-testid="import-differ">{format!("{} on your lists with other values", crate::text::group_digits(differs))}</li>
                <li data-testid="import-same">{format!("{} already the same", crate::text::group_digits(same))}</li>
                {(unknown > 0).then(|| view! { <li data-testid="import-unknown">{format!("{} AniList has no title for", crate::text::group_digits(unknown))}</li> })}
                {(!skipped.is_empty()).then(|| view! { <li data-testid="import-skipped">{format!("{} could not be read ({})", crate::text::group_digits(skipped.len()), skipped[0])}</li> })}
                {(!plan.tags_left.is_empty()).then(|| view! {
                    <li data-testid="import-tags-left">{tags_left(&plan.tags_left)}</li>
                })}
            </ul>
            {(adds > 0).then(|| view! { <details><summary>"To add"</summary><ul>{added}{more(adds)}</ul></details> })}
            {(differs > 0).then(|| view! {
                <details><summary>"On your lists with other values"</summary><ul>{differing}{more(differs)}</ul></details>
                <label class="choice">
                    <input type="checkbox" data-testid="import-differ-too" prop:checked=move || differ_too.get() on:change=move |ev| differ_too.set(event_target_checked(&ev))/>
                    <span>{format!("Also give {} on your lists the file's values (what the file leaves empty stays as it is)", if differs == 1 { "the one".to_string() } else { format!("the {}", crate::text::group_digits(differs)) })}</span>
                </label>
            })}
            {(unknown > 0).then(|| view! { <details><summary>"Not on AniList"</summary><ul>{missing}{more(unknown)}</ul></details> })}
            <div class="actions">
                <button type="button" class="button" data-testid="import-go" disabled=move || count() == 0
                    on:click=move |_| go(plan_go.clone())>
                    {move || match count() {
                        0 => "Nothing to import".to_string(),
                        n => format!("Import {}", crate::text::entries(n)),
                    }}
                </button>
                <button type="button" class="button button--secondary" on:click=move |_| step.set(Step::Idle)>"Cancel"</button>
            </div>
        </div>
    }
}
