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
        let el = document().create_element("div").expect("div");
        document().body().expect("body").append_child(&el).expect("append");
        let root: HtmlElement = el.unchecked_into();
        let owner = Owner::new();
        let handle = owner.with(|| mount_to(root.clone(), move || view! { <App config=config/> }));
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
