//! Start-up in the browser: read `config.json`, find the base path, mount.
//! Thin glue around [`crate::config`].

use std::time::Duration;

use gloo_net::http::Request;
use leptos::prelude::*;
use web_sys::{AbortController, RequestCache};

use crate::config::{router_base_from_base_href, Config, RUNTIME_CONFIG_FILE};
use crate::App;

/// How long start-up waits for `config.json` before going on without it.
pub const CONFIG_TIMEOUT: Duration = Duration::from_secs(3);

/// Reads the configuration, then mounts the app on `<body>`.
pub fn start() {
    // Before anything else: the token must leave the address bar at once.
    let reply = crate::session::flow::capture_reply();
    crate::theme::apply(crate::theme::load());
    wasm_bindgen_futures::spawn_local(async move {
        let mut config = load_config().await;
        if let Some(notice) = csp_notice(&config.graphql_url.value) {
            config.notices.push(notice);
            config.graphql_refused_by_policy = true;
        }
        if let Some(notice) = config.token_exchange_url.value.as_deref().and_then(csp_notice) {
            config.notices.push(notice);
        }
        let base = router_base();
        let reply = crate::session::flow::exchange_code(reply, &config).await;
        let auth = crate::session::flow::read_at_boot(reply, &config, &base);
        if let Some(boot) = document().get_element_by_id("boot") {
            boot.remove();
        }
        leptos::mount::mount_to_body(move || {
            view! { <App config=config base=base session=auth.session flashes=auth.flashes/> }
        });
    });
}

/// The built-in configuration with `config.json` applied when there is one.
pub async fn load_config() -> Config {
    let config = Config::built();
    match fetch_runtime_config().await {
        Ok(Some(text)) => config.apply_runtime_json(&text),
        Ok(None) => config,
        Err(notice) => {
            let mut config = config;
            config.notices.push(notice);
            config
        }
    }
}

/// `Ok(None)` when the file is absent (it is optional).
async fn fetch_runtime_config() -> Result<Option<String>, String> {
    let controller = AbortController::new().ok();
    let timer = controller.clone().and_then(|c| {
        set_timeout_with_handle(move || c.abort(), CONFIG_TIMEOUT).ok()
    });
    let signal = controller.as_ref().map(|c| c.signal());
    let response = Request::get(RUNTIME_CONFIG_FILE)
        .cache(RequestCache::NoCache)
        .abort_signal(signal.as_ref())
        .send()
        .await;
    let result = match response {
        Err(_) => Err(format!(
            "{RUNTIME_CONFIG_FILE} could not be read (no answer within {} s); the built-in settings are used.",
            CONFIG_TIMEOUT.as_secs()
        )),
        Ok(r) if r.status() == 404 => Ok(None),
        Ok(r) if !r.ok() => Err(format!(
            "{RUNTIME_CONFIG_FILE} could not be read (HTTP {}); the built-in settings are used.",
            r.status()
        )),
        Ok(r) => match r.text().await {
            // A host that answers every path with index.html has no config.json.
            Ok(text) if text.trim_start().starts_with('<') => Ok(None),
            Ok(text) => Ok(Some(text)),
            Err(_) => Err(format!(
                "{RUNTIME_CONFIG_FILE} was cut off while loading; the built-in settings are used."
            )),
        },
    };
    if let Some(timer) = timer {
        timer.clear();
    }
    result
}

/// A notice when the page's Content-Security-Policy would refuse every
/// request to `url` (the GraphQL endpoint, the token exchange; see
/// [`crate::csp`]).
fn csp_notice(url: &str) -> Option<String> {
    let policy = document()
        .query_selector(r#"meta[http-equiv="Content-Security-Policy" i]"#)
        .ok()
        .flatten()?
        .get_attribute("content")?;
    let origin = window().location().origin().ok()?;
    (!crate::csp::allows_connect(&policy, &origin, url)).then(|| {
        format!(
            "This page's Content-Security-Policy does not allow connections to {url}, \
             so the app sends nothing there (and never your token). Add its origin to connect-src in the \
             policy in index.html and 404.html."
        )
    })
}

/// The path the app is served under, from the `<base>` trunk writes.
fn router_base() -> String {
    let doc = document();
    let has_base = doc.query_selector("base").ok().flatten().is_some();
    let href = if has_base { doc.base_uri().ok().flatten() } else { None };
    router_base_from_base_href(href.as_deref())
}
