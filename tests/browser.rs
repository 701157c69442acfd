//! Browser tests: run in headless Chromium by `make test-browser`
//! (wasm-bindgen-test-runner + chromedriver). Each test mounts the real
//! `App` with `mount_to` into a fresh element and drives it like a person.
#![cfg(target_arch = "wasm32")]

use leptos::mount::mount_to;
use leptos::prelude::*;
use tsuzuki::config::Config;
use tsuzuki::theme::{self, Theme};
use tsuzuki::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

/// Lets the reactive system and the router run.
async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
            .expect("setTimeout");
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.expect("timer");
}

/// Waits up to a second for `ok` to hold, ticking in between.
async fn until(mut ok: impl FnMut() -> bool) {
    for _ in 0..50 {
        if ok() {
            return;
        }
        tick().await;
    }
}

fn go_to(path: &str) {
    window()
        .history()
        .expect("history")
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .expect("replaceState");
}

/// The app mounted into a fresh element of the page. Dropping it unmounts
/// the app and runs every cleanup (the router's document-wide click
/// listener among them), so one test's app never handles the next test's
/// clicks.
struct Mounted {
    root: HtmlElement,
    owner: Owner,
    handle: Option<Box<dyn std::any::Any>>,
}

impl Mounted {
    fn app(config: Config) -> Self {
        Self::app_with(config, tsuzuki::session::Session::SignedOut)
    }

    fn app_with(config: Config, session: tsuzuki::session::Session) -> Self {
        let el = document().create_element("div").expect("div");
        document().body().expect("body").append_child(&el).expect("append");
        let root: HtmlElement = el.unchecked_into();
        let owner = Owner::new();
        let handle = owner.with(|| mount_to(root.clone(), move || view! { <App config=config session=session/> }));
        Self { root, owner, handle: Some(Box::new(handle)) }
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.handle.take();
        self.owner.cleanup();
        self.root.remove();
    }
}

fn text_of(root: &HtmlElement, selector: &str) -> String {
    root.query_selector(selector)
        .expect("selector")
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .text_content()
        .unwrap_or_default()
}

fn h1(root: &HtmlElement) -> String {
    text_of(root, "main h1")
}

fn click_link(root: &HtmlElement, label: &str) {
    let links = root.query_selector_all("a").expect("links");
    for i in 0..links.length() {
        let a: HtmlElement = links.item(i).expect("item").unchecked_into();
        if a.text_content().unwrap_or_default().trim() == label {
            a.click();
            return;
        }
    }
    panic!("no link labelled {label:?}");
}

#[wasm_bindgen_test]
async fn app_shell_renders_home() {
    go_to("/");
    let app = Mounted::app(Config::built());
    let root = &app.root;
    tick().await;
    let brand = text_of(root, ".brand");
    assert!(brand.contains("Tsuzuki"), "{brand}");
    assert!(brand.contains("for AniList"), "{brand}");
    assert_eq!(h1(root), "Your AniList, fast and private");
    assert_eq!(text_of(root, "[data-testid=session-badge]").trim(), "Not signed in");
    assert!(root.query_selector("footer").unwrap().is_some());
    assert!(root.query_selector("[data-testid=config-notices]").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn navigation_reaches_every_page_and_marks_the_current_one() {
    go_to("/");
    let app = Mounted::app(Config::built());
    let root = &app.root;
    tick().await;
    for (link, heading, path) in [
        ("Profile", "Profile", "/profile"),
        ("Lists", "Your anime list", "/lists/anime"),
        ("Search", "Search", "/search"),
        ("GraphQL console", "GraphQL console", "/console"),
        ("Token", "Your token", "/token"),
        ("Settings", "Settings", "/settings"),
    ] {
        click_link(root, link);
        until(|| h1(root) == heading).await;
        assert_eq!(
            h1(root),
            heading,
            "after clicking {link}, at {:?}",
            window().location().pathname()
        );
        assert_eq!(window().location().pathname().unwrap(), path);
        let current = text_of(root, ".site-nav a[aria-current=page]");
        assert_eq!(current.trim(), link);
    }
    click_link(root, "Lists");
    tick().await;
    click_link(root, "Manga");
    tick().await;
    assert_eq!(h1(root), "Your manga list");
}

#[wasm_bindgen_test]
async fn unknown_paths_show_not_found() {
    for path in ["/no-such-page", "/lists/novels", "/profile/extra/parts"] {
        go_to(path);
        let app = Mounted::app(Config::built());
        let root = &app.root;
        tick().await;
        assert!(
            root.query_selector("[data-testid=not-found]").unwrap().is_some(),
            "{path}: {}",
            root.inner_html()
        );
        assert!(text_of(root, "[data-testid=not-found] code").contains(path));
        drop(app);
    }
}

#[wasm_bindgen_test]
async fn config_problems_are_shown() {
    go_to("/settings");
    let config = Config::built().apply_runtime_json(
        r#"{"graphql_url": "http://evil.example/", "client_id": "98765"}"#,
    );
    let app = Mounted::app(config);
    let root = &app.root;
    tick().await;
    let notices = text_of(root, "[data-testid=config-notices]");
    assert!(notices.contains("graphql_url"), "{notices}");
    let table = text_of(root, "[data-testid=config-table]");
    assert!(table.contains("98765"), "{table}");
    assert!(table.contains("from config.json"), "{table}");
    assert!(table.contains("https://graphql.anilist.co"), "{table}");
}

#[wasm_bindgen_test]
fn theme_choice_is_stored_and_garbage_is_ignored() {
    let storage = window().local_storage().unwrap().unwrap();
    assert!(theme::apply_and_store(Theme::Dark));
    assert_eq!(theme::load(), Theme::Dark);
    let root = document().document_element().unwrap();
    assert_eq!(root.get_attribute("data-theme").as_deref(), Some("dark"));
    storage.set_item(theme::STORAGE_KEY, "{not json").unwrap();
    assert_eq!(theme::load(), Theme::Auto);
    storage.set_item(theme::STORAGE_KEY, "\"purple\"").unwrap();
    assert_eq!(theme::load(), Theme::Auto);
    storage.remove_item(theme::STORAGE_KEY).unwrap();
    assert_eq!(theme::load(), Theme::Auto);
}

#[wasm_bindgen_test]
async fn settings_page_changes_the_theme() {
    go_to("/settings");
    let app = Mounted::app(Config::built());
    let root = &app.root;
    tick().await;
    let light: HtmlElement = root
        .query_selector("input[name=theme][value=light]")
        .unwrap()
        .expect("light option")
        .unchecked_into();
    light.click();
    tick().await;
    assert_eq!(theme::load(), Theme::Light);
    assert_eq!(
        document().document_element().unwrap().get_attribute("data-theme").as_deref(),
        Some("light")
    );
    drop(app);
    theme::apply_and_store(Theme::Auto);
}

// ---- text ------------------------------------------------------------------

/// In the wasm, `text::lower` asks the browser (natively it is std's, and
/// the unit test covers that); titles are filtered and sorted with it.
#[wasm_bindgen_test]
fn lower_case_beyond_ascii_through_the_browser() {
    assert_eq!(tsuzuki::text::lower("ŌKAMI Shōnen ÄÖÜ"), "ōkami shōnen äöü");
    assert_eq!(tsuzuki::text::lower("Σ ΑΒΓ"), "σ αβγ");
    use tsuzuki::listing::{filter_key, title_key, titles_text};
    assert!(title_key(&titles_text(&["Ōkami Kakushi", "Wolf"])).contains(&filter_key(" ŌKAMI ")));
}

/// Titles are ordered by the browser's `Intl.Collator`: numbers as
/// numbers, accents and case not deciding before the letters do.
#[wasm_bindgen_test]
fn titles_are_ranked_by_the_browsers_collation() {
    let titles = ["Part 10", "part 2", "Zeta", "Ähnlich", "alpha", "Part 10"];
    let ranks = tsuzuki::text::collation_ranks(&titles);
    let mut order: Vec<usize> = (0..titles.len()).collect();
    order.sort_by_key(|&i| (ranks[i], i));
    let sorted: Vec<&str> = order.iter().map(|&i| titles[i]).collect();
    assert_eq!(sorted, ["Ähnlich", "alpha", "part 2", "Part 10", "Part 10", "Zeta"]);
    assert_eq!(ranks[0], ranks[5], "equal titles share a place");
}

#[wasm_bindgen_test]
fn countries_are_named_by_the_browser() {
    let japan = tsuzuki::text::region_name("JP");
    assert!(!japan.is_empty() && japan != "JP", "{japan}");
    assert_ne!(tsuzuki::text::region_name("KR"), japan);
    // What is not a code stays as it is (and never throws).
    for odd in ["J", "JPN", "jp", "", "1A"] {
        assert_eq!(tsuzuki::text::region_name(odd), odd);
    }
}

// ---- IndexedDB -----------------------------------------------------------------

/// The glue over IndexedDB: a value written is read back, listed and
/// deleted; a missing key is `None`, not an error.
#[wasm_bindgen_test]
async fn indexeddb_round_trip() {
    use tsuzuki::idb;
    idb::available().await.expect("IndexedDB in headless Chromium");
    idb::put(idb::OUTBOX, "test-user", "{\"items\":[1]}").await.unwrap();
    assert_eq!(idb::get(idb::OUTBOX, "test-user").await.unwrap().as_deref(), Some("{\"items\":[1]}"));
    idb::put(idb::OUTBOX, "test-user", "second").await.unwrap();
    assert_eq!(idb::get(idb::OUTBOX, "test-user").await.unwrap().as_deref(), Some("second"), "put replaces");
    assert!(idb::keys(idb::OUTBOX).await.unwrap().contains(&"test-user".to_string()));
    idb::delete(idb::OUTBOX, "test-user").await.unwrap();
    assert_eq!(idb::get(idb::OUTBOX, "test-user").await.unwrap(), None);
    assert_eq!(idb::get(idb::LISTS, "nobody:anime").await.unwrap(), None);
}

// ---- URLs ------------------------------------------------------------------------

/// In the wasm, URLs are read by the browser's URL (natively by rust-url,
/// with the same unit test): the same parts, and the same verdicts.
#[wasm_bindgen_test]
async fn a_tab_is_taken_over_only_when_its_lock_is_free_and_by_one_taker() {
    use std::cell::Cell;
    use std::rc::Rc;
    use tsuzuki::tabs;
    assert!(tabs::can_tell(), "Chromium has Web Locks");
    tabs::hold();
    tick().await;
    // This tab is open: its lock is held, nothing runs.
    let ran = Rc::new(Cell::new(0));
    let r = ran.clone();
    assert!(!tabs::while_gone(&tabs::id(), async move { r.set(r.get() + 1) }).await);
    assert_eq!(ran.get(), 0);
    // A tab no one holds is gone: the work runs, once, while its lock is
    // held (a second taker meanwhile is turned away).
    let (r, inner) = (ran.clone(), ran.clone());
    let taken = tabs::while_gone("closed-tab", async move {
        let again = tabs::while_gone("closed-tab", async move { inner.set(inner.get() + 10) }).await;
        assert!(!again, "held while the first taker works");
        r.set(r.get() + 1);
    })
    .await;
    assert!(taken);
    assert_eq!(ran.get(), 1);
}

#[wasm_bindgen_test]
fn urls_are_read_by_the_browser() {
    use tsuzuki::config::{origin_of, validate_endpoint_url, ConfigError};
    let p = tsuzuki::weburl::parse("HTTPS://User:pw@GraphQL.AniList.co:443/x?y#z").unwrap();
    assert_eq!((p.protocol.as_str(), p.hostname.as_str(), p.origin.as_str()), ("https:", "graphql.anilist.co", "https://graphql.anilist.co"));
    assert_eq!((p.username.as_str(), p.password.as_str()), ("User", "pw"));
    assert_eq!(tsuzuki::weburl::parse("http://127.1:4000/").unwrap().hostname, "127.0.0.1");
    assert_eq!(tsuzuki::weburl::parse("http://[::1]:9/").unwrap().hostname, "[::1]");
    assert_eq!(tsuzuki::weburl::parse("not a url"), None);
    assert_eq!(origin_of("javascript:alert(1)"), None);
    assert_eq!(origin_of("http://127.0.0.1:4000/graphql").as_deref(), Some("http://127.0.0.1:4000"));
    assert!(validate_endpoint_url("http://[::1]:9/").is_ok());
    assert!(validate_endpoint_url("http://app.localhost:3000/x").is_ok());
    assert_eq!(validate_endpoint_url("http://127.0.0.1.evil.com/"), Err(ConfigError::NotHttps));
    assert_eq!(validate_endpoint_url("https://user@evil.example/"), Err(ConfigError::BadCharacter));
    assert_eq!(validate_endpoint_url("https://[::1/"), Err(ConfigError::NoHost));
}

// ---- Retry-After -------------------------------------------------------------

/// An HTTP date in `Retry-After` is read by the browser's `Date.parse`.
#[wasm_bindgen_test]
fn retry_after_dates_are_read_by_the_browser() {
    use tsuzuki::api::client::retry_after_in_seconds;
    let now = 784_111_777_000.0; // Sun, 06 Nov 1994 08:49:37 GMT
    assert_eq!(retry_after_in_seconds("Sun, 06 Nov 1994 08:50:07 GMT", now), "30");
    assert_eq!(retry_after_in_seconds("Sun, 06 Nov 1994 08:00:00 GMT", now), "0", "a date in the past");
    assert_eq!(retry_after_in_seconds(" 12 ", now), "12");
    assert_eq!(retry_after_in_seconds("soon", now), "soon", "left for the reader's default");
    assert_eq!(tsuzuki::api::response::retry_after_secs(Some(&retry_after_in_seconds("Sun, 06 Nov 1994 08:50:07 GMT", now))), 30);
}

#[wasm_bindgen_test]
fn a_myanimelist_export_is_read_by_the_browsers_xml_parser() {
    use tsuzuki::components::import_lists::read_xml;
    use tsuzuki::media::{ListStatus, MediaKind};
    let text = "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<myanimelist>\n<myinfo><user_export_type>1</user_export_type></myinfo>\n\
        <anime><series_animedb_id>1</series_animedb_id><series_title><![CDATA[Cowboy <Bebop> & co]]></series_title><my_watched_episodes>26</my_watched_episodes>\
        <my_status>Completed</my_status><my_comments><![CDATA[Line one\nline two]]></my_comments></anime>\n\
        <anime><series_title>No id</series_title><my_status>Watching</my_status></anime>\n\
        <manga><manga_mangadb_id>2</manga_mangadb_id><my_read_chapters>10</my_read_chapters><my_status>Reading</my_status></manga>\n</myanimelist>";
    let (entries, skipped) = read_xml(text).expect("an export");
    assert_eq!(entries.len(), 2);
    assert_eq!((entries[0].kind, entries[0].title.as_str(), entries[0].progress, entries[0].status), (MediaKind::Anime, "Cowboy <Bebop> & co", 26, ListStatus::Completed));
    assert_eq!(entries[0].notes, "Line one\nline two");
    assert_eq!((entries[1].kind, entries[1].mal_id, entries[1].status), (MediaKind::Manga, 2, ListStatus::Current));
    assert_eq!(skipped, ["No id has no MyAnimeList id"]);
    for not_an_export in ["<rss><channel/></rss>", "not xml <at all", ""] {
        assert!(read_xml(not_an_export).is_err_and(|e| e.contains("not MyAnimeList's export")), "{not_an_export}");
    }
}

// ---- the session store -------------------------------------------------

mod session_store {
    use super::*;
    use base64::Engine as _;
    use std::sync::Arc;
    use tsuzuki::auth::callback::AccessToken;
    use tsuzuki::auth::jwt;
    use tsuzuki::auth::store::{self, Loaded, SESSION_KEY};
    use tsuzuki::session::{Keep, Kept, Session, SignedIn};
    use tsuzuki::storage::StorageProblem;

    fn b64(s: &str) -> String {
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(s)
    }

    /// A token shaped like AniList's (unsigned: the app cannot check
    /// signatures anyway), for user `sub`, expiring in `ttl` seconds.
    fn token(sub: u64, ttl: i64) -> (AccessToken, jwt::DecodedToken) {
        let now = (js_sys::Date::now() / 1000.0) as i64;
        let raw = format!(
            "{}.{}.c2lnbmF0dXJl",
            b64(r#"{"typ":"JWT","alg":"RS256"}"#),
            b64(&format!(r#"{{"aud":"1000","sub":"{sub}","iat":{now},"nbf":{now},"exp":{}}}"#, now + ttl))
        );
        let decoded = jwt::decode(&raw).expect("test token");
        (AccessToken::new(raw), decoded)
    }

    fn eval(js: &str) {
        js_sys::eval(js).expect("test script");
    }

    fn clean() {
        store::clear();
    }

    #[wasm_bindgen_test]
    fn signing_out_forgets_only_that_persons_drafts() {
        use tsuzuki::storage::{self, Area};
        storage::set(Area::Tab, &storage::draft_key(5150, "status"), "half a thought").unwrap();
        storage::set(Area::Tab, &storage::draft_key(5150, "reply-8006"), "same here").unwrap();
        storage::set(Area::Tab, &storage::draft_key(51500, "status"), "another person's").unwrap();
        storage::set(Area::Tab, "tsuzuki.other", "kept").unwrap();
        storage::forget_drafts(5150);
        assert_eq!(storage::get::<String>(Area::Tab, &storage::draft_key(5150, "status")), Ok(None));
        assert_eq!(storage::get::<String>(Area::Tab, &storage::draft_key(5150, "reply-8006")), Ok(None));
        assert_eq!(storage::get::<String>(Area::Tab, &storage::draft_key(51500, "status")), Ok(Some("another person's".into())));
        assert_eq!(storage::get::<String>(Area::Tab, "tsuzuki.other"), Ok(Some("kept".into())));
        storage::forget_drafts(51500);
        storage::delete(Area::Tab, "tsuzuki.other");
    }

    #[wasm_bindgen_test]
    fn round_trip_on_device_and_in_tab() {
        clean();
        let (t, d) = token(42, 3600);
        assert_eq!(store::save(&t, &d, Keep::Device, "https://graphql.anilist.co"), (Kept::Device, None));
        match store::load() {
            Loaded::Session(t2, d2, kept, _) => {
                assert_eq!(t2, t);
                assert_eq!(d2, d);
                assert_eq!(kept, Kept::Device);
            }
            other => panic!("expected a session, got {other:?}"),
        }
        // "This tab only" moves it, and leaves nothing on the device.
        assert_eq!(store::save(&t, &d, Keep::Tab, "https://graphql.anilist.co"), (Kept::Tab, None));
        let local = window().local_storage().unwrap().unwrap();
        assert_eq!(local.get_item(SESSION_KEY).unwrap(), None);
        assert!(matches!(store::load(), Loaded::Session(_, _, Kept::Tab, _)));
        clean();
        assert!(matches!(store::load(), Loaded::Nothing));
    }

    #[wasm_bindgen_test]
    fn corrupt_values_are_removed() {
        let local = window().local_storage().unwrap().unwrap();
        let (t, d) = token(42, 3600);
        let good = serde_json::to_value(tsuzuki::session::StoredSession::new(&t, &d, "https://graphql.anilist.co")).unwrap();
        let mut wrong_user = good.clone();
        wrong_user["sub"] = 7.into();
        for value in [
            "{not json".to_string(),
            "null".to_string(),
            r#"{"v":1}"#.to_string(),
            r#"{"v":9,"token":"a.b.c","sub":1,"exp":1}"#.to_string(),
            wrong_user.to_string(),
        ] {
            local.set_item(SESSION_KEY, &value).unwrap();
            assert!(matches!(store::load(), Loaded::Corrupt), "{value}");
            assert_eq!(local.get_item(SESSION_KEY).unwrap(), None, "{value}");
        }
    }

    #[wasm_bindgen_test]
    fn full_storage_falls_back_to_memory() {
        clean();
        eval(
            "window.__realSetItem = Storage.prototype.setItem;
             Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };",
        );
        let (t, d) = token(42, 3600);
        let result = store::save(&t, &d, Keep::Device, "https://graphql.anilist.co");
        eval("Storage.prototype.setItem = window.__realSetItem;");
        assert_eq!(result, (Kept::MemoryOnly, Some(StorageProblem::Full)));
        assert!(matches!(store::load(), Loaded::Nothing));
    }

    #[wasm_bindgen_test]
    fn disabled_storage_is_survived() {
        clean();
        eval(
            "window.__lsDescriptor = Object.getOwnPropertyDescriptor(window, 'localStorage');
             window.__ssDescriptor = Object.getOwnPropertyDescriptor(window, 'sessionStorage');
             const blocked = { configurable: true, get() { throw new DOMException('blocked', 'SecurityError'); } };
             Object.defineProperty(window, 'localStorage', blocked);
             Object.defineProperty(window, 'sessionStorage', blocked);",
        );
        let (t, d) = token(42, 3600);
        let saved = store::save(&t, &d, Keep::Device, "https://graphql.anilist.co");
        let loaded = store::load();
        let theme_kept = theme::apply_and_store(Theme::Dark);
        let theme_read = theme::load();
        let pending = store::take_pending();
        eval(
            "Object.defineProperty(window, 'localStorage', window.__lsDescriptor);
             Object.defineProperty(window, 'sessionStorage', window.__ssDescriptor);",
        );
        assert_eq!(saved, (Kept::MemoryOnly, Some(StorageProblem::Unavailable)));
        assert!(matches!(loaded, Loaded::Nothing));
        assert!(!theme_kept);
        assert_eq!(theme_read, Theme::Auto);
        assert_eq!(pending, None);
        theme::apply(Theme::Auto);
    }

    #[wasm_bindgen_test]
    async fn sign_out_in_another_tab_is_followed() {
        go_to("/token");
        clean();
        let (t, d) = token(42, 3600);
        store::save(&t, &d, Keep::Device, "https://graphql.anilist.co");
        let session = Session::SignedIn(Arc::new(SignedIn { token: t, decoded: d, kept: Kept::Device, origin: "https://graphql.anilist.co".into() }));
        let app = Mounted::app_with(Config::built(), session);
        let root = &app.root;
        until(|| text_of(root, "[data-testid=session-badge]").contains("User 42")).await;
        until(|| root.query_selector("[data-testid=token-details]").unwrap().is_some()).await;
        assert!(
            root.query_selector("[data-testid=token-details]").unwrap().is_some(),
            "{}",
            root.inner_html()
        );
        // Another tab signs out: the key goes, and this tab gets the event.
        clean();
        eval(&format!(
            "window.dispatchEvent(new StorageEvent('storage', {{ key: '{SESSION_KEY}', newValue: null, storageArea: localStorage }}));"
        ));
        until(|| text_of(root, "[data-testid=session-badge]").trim() == "Not signed in").await;
        assert_eq!(text_of(root, "[data-testid=session-badge]").trim(), "Not signed in");
        assert!(text_of(root, "[data-testid=flashes]").contains("signed out in another tab"));
        assert!(root.query_selector("[data-testid=token-details]").unwrap().is_none());
    }

    #[wasm_bindgen_test]
    async fn a_pasted_token_signs_in_and_a_bad_one_is_explained() {
        go_to("/");
        clean();
        let app = Mounted::app(Config::built());
        let root = &app.root;
        tick().await;
        let textarea: web_sys::HtmlTextAreaElement =
            root.query_selector("#pasted-token").unwrap().expect("paste box").unchecked_into();
        let submit: HtmlElement =
            root.query_selector("[data-testid=paste-submit]").unwrap().expect("button").unchecked_into();
        let input = |value: &str| {
            textarea.set_value(value);
            textarea
                .dispatch_event(&web_sys::Event::new("input").unwrap())
                .unwrap();
        };
        input("eyJhbGciOiJub25lIn0.e30.");
        submit.click();
        tick().await;
        let error = text_of(root, "[data-testid=paste-error]");
        assert!(error.contains("three parts") || error.contains("unsigned") || error.contains("empty"), "{error}");
        let (t, _) = token(99, 86_400 * 30);
        input(t.expose());
        submit.click();
        until(|| root.query_selector("[data-testid=welcome]").unwrap().is_some()).await;
        assert_eq!(text_of(root, "[data-testid=welcome-user]"), "99");
        assert!(matches!(store::load(), Loaded::Session(_, _, Kept::Device, _)));
        drop(app);
        clean();
    }
}

// ---- rich text ---------------------------------------------------------------

/// The classic payloads, parsed by the browser and rebuilt through the
/// allowlist, then rendered: nothing runs, only https links, the text stays.
#[wasm_bindgen_test]
async fn rich_text_keeps_the_text_and_runs_nothing() {
    use tsuzuki::rich_text::{parse, plain, Rich};
    let payloads = [
        r#"<img src=x onerror="window.__pwned=1">caption"#,
        r#"<script>window.__pwned=2</script>after script"#,
        r#"<svg onload="window.__pwned=3"><a href="javascript:window.__pwned=4">svg link</a></svg>after svg"#,
        r#"<a href="javascript:window.__pwned=5">js link</a>"#,
        r#"<a href=" jav&#x09;ascript:window.__pwned=6">entity link</a>"#,
        r#"<a href="data:text/html,<script>window.__pwned=7</script>">data link</a>"#,
        r#"<p style="background:url(javascript:window.__pwned=8)" onclick="window.__pwned=9">styled</p>"#,
        r#"<iframe srcdoc="<script>parent.__pwned=10</script>"></iframe>after frame"#,
        r#"<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=11">math"#,
        r#"<noscript><p title="</noscript><img src=x onerror=window.__pwned=12>">noscript"#,
        r#"<b><i>unclosed <a href="https://anilist.co/anime/1">fine link"#,
        r#"<details open ontoggle="window.__pwned=13">details text</details>"#,
        r#"<form action="javascript:window.__pwned=14"><button>go</button></form>form text"#,
    ];
    let all: Vec<Rich> = payloads.iter().flat_map(|p| parse(p)).collect();
    let text = plain(&all);
    for part in ["caption", "after script", "after svg", "js link", "entity link", "data link", "styled", "after frame", "unclosed", "fine link", "details text", "form text"] {
        assert!(text.contains(part), "{part} in {text:?}");
    }
    fn links(nodes: &[Rich], out: &mut Vec<String>) {
        for n in nodes {
            match n {
                Rich::Link(href, kids) => {
                    out.push(href.clone());
                    links(kids, out);
                }
                Rich::Block(_, kids) | Rich::Spoiler(kids) => links(kids, out),
                _ => {}
            }
        }
    }
    let mut found = Vec::new();
    links(&all, &mut found);
    assert_eq!(found, ["https://anilist.co/anime/1"]);

    // Rendered into the page: no element of the payloads' own.
    let document = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let html = payloads.concat();
    let handle = mount_to(host.clone(), move || view! { <tsuzuki::components::rich_text::RichText html=html.clone()/> });
    tick().await;
    tick().await;
    let bad = host.query_selector_all("script, img, svg, iframe, math, style, form, button, [style], [onclick], [onerror], [onload], [ontoggle], details:not(.spoiler)").unwrap();
    assert_eq!(bad.length(), 0, "{}", host.inner_html());
    // (Joined, the payloads swallow one another as the parser says: the
    // first one's text is still there.)
    assert!(host.text_content().unwrap_or_default().contains("caption"));
    let pwned = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__pwned".into()).unwrap();
    assert!(pwned.is_undefined(), "something ran: {pwned:?}");
    drop(handle);
    host.remove();
}
