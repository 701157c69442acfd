//! Where the app finds AniList: the OAuth client id, the authorize URL and the
//! GraphQL URL.
//!
//! Three layers, each overriding the one before:
//! 1. built in: AniList's real URLs, no client id;
//! 2. build time: the environment variables `ANILIST_CLIENT_ID`,
//!    `ANILIST_AUTHORIZE_URL`, `ANILIST_GRAPHQL_URL` when `trunk build` runs;
//! 3. run time: `config.json` beside `index.html`, read at start-up, so one
//!    `dist/` can be pointed anywhere without rebuilding.
//!
//! Everything here is pure (no `web_sys`) and tested natively; the fetch of
//! `config.json` lives in the `boot` module.

use serde_json::Value;

pub const ANILIST_AUTHORIZE_URL: &str = "https://anilist.co/api/v2/oauth/authorize";
pub const ANILIST_GRAPHQL_URL: &str = "https://graphql.anilist.co";
/// Where a person registers an API client and sets its redirect URL.
pub const ANILIST_DEVELOPER_SETTINGS_URL: &str = "https://anilist.co/settings/developer";
/// Where a person revokes this app's access.
pub const ANILIST_APPS_SETTINGS_URL: &str = "https://anilist.co/settings/apps";
/// The run-time file, relative to the page's base URL.
pub const RUNTIME_CONFIG_FILE: &str = "config.json";

/// Where a setting's value came from; shown on the settings page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    BuiltIn,
    BuildEnv,
    RuntimeFile,
}

impl Source {
    pub fn describe(self) -> &'static str {
        match self {
            Source::BuiltIn => "built-in default",
            Source::BuildEnv => "set at build time",
            Source::RuntimeFile => "from config.json",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Setting<T> {
    pub value: T,
    pub source: Source,
}

impl<T> Setting<T> {
    fn new(value: T, source: Source) -> Self {
        Self { value, source }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// AniList API client id (a number, kept as its decimal digits).
    pub client_id: Setting<Option<String>>,
    pub authorize_url: Setting<String>,
    pub graphql_url: Setting<String>,
    /// A token-exchange service (exchange/ in this repository): when set,
    /// sign-in uses AniList's code grant through it.
    pub token_exchange_url: Setting<Option<String>>,
    /// Problems met while reading the layers; each was skipped, the app
    /// goes on with the layer below. Shown to the user.
    pub notices: Vec<String>,
    /// The page's Content-Security-Policy refuses connections to
    /// `graphql_url` (found at start-up): nothing is sent there.
    pub graphql_refused_by_policy: bool,
}

/// Build-time values, read by the compiler from the environment.
#[derive(Clone, Copy, Debug, Default)]
pub struct BuildEnv {
    pub client_id: Option<&'static str>,
    pub authorize_url: Option<&'static str>,
    pub graphql_url: Option<&'static str>,
    pub token_exchange_url: Option<&'static str>,
}

impl BuildEnv {
    pub const fn from_compile_env() -> Self {
        Self {
            client_id: option_env!("ANILIST_CLIENT_ID"),
            authorize_url: option_env!("ANILIST_AUTHORIZE_URL"),
            graphql_url: option_env!("ANILIST_GRAPHQL_URL"),
            token_exchange_url: option_env!("TOKEN_EXCHANGE_URL"),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    #[error("is empty")]
    Empty,
    #[error("must start with https:// (http:// only for this computer: localhost, 127.x.x.x, [::1])")]
    NotHttps,
    #[error("has no host name")]
    NoHost,
    #[error("must not contain spaces, quotes or control characters")]
    BadCharacter,
    #[error("must not carry a query (?…) or fragment (#…)")]
    HasQueryOrFragment,
    #[error("must be the number AniList shows for the client (digits only)")]
    ClientIdNotNumeric,
}

/// Checks an endpoint URL: absolute, https (or http to loopback, for local
/// testing), a host, no query or fragment. Returns it trimmed, without a
/// trailing slash on a bare origin kept as given otherwise.
pub fn validate_endpoint_url(raw: &str) -> Result<String, ConfigError> {
    let url = raw.trim();
    if url.is_empty() {
        return Err(ConfigError::Empty);
    }
    if url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>' | '\\' | '`'))
    {
        return Err(ConfigError::BadCharacter);
    }
    if url.contains('?') || url.contains('#') {
        return Err(ConfigError::HasQueryOrFragment);
    }
    let lower = url.to_ascii_lowercase();
    let secure = if lower.starts_with("https://") {
        true
    } else if lower.starts_with("http://") {
        false
    } else {
        return Err(ConfigError::NotHttps);
    };
    // "https:///x": a browser would take `x` for the host; say it has none.
    if lower.trim_start_matches("https://").trim_start_matches("http://").starts_with('/') {
        return Err(ConfigError::NoHost);
    }
    // Parsed as a browser would (WHATWG URL).
    let parsed = match crate::weburl::parse(url) {
        Some(parsed) => parsed,
        // An http URL is only ever allowed to loopback, which parses.
        None if !secure => return Err(ConfigError::NotHttps),
        None => return Err(ConfigError::NoHost),
    };
    // userinfo@ would let a URL look like one host and be another.
    if !parsed.username.is_empty() || !parsed.password.is_empty() {
        return Err(ConfigError::BadCharacter);
    }
    let host = parsed.hostname.as_str();
    if host.is_empty() {
        return Err(ConfigError::NoHost);
    }
    let ipv4 = host.split('.').count() == 4 && host.split('.').all(|p| p.parse::<u8>().is_ok());
    let loopback = host == "localhost" || host.ends_with(".localhost") || host == "[::1]" || (ipv4 && host.starts_with("127."));
    if !secure && !loopback {
        return Err(ConfigError::NotHttps);
    }
    Ok(url.to_string())
}

/// The origin of a URL (`https://graphql.anilist.co`), as a browser writes
/// it; `None` for what has none.
pub fn origin_of(url: &str) -> Option<String> {
    crate::weburl::parse(url.trim()).map(|p| p.origin).filter(|o| o != "null")
}

/// AniList client ids are positive integers.
pub fn validate_client_id(raw: &str) -> Result<String, ConfigError> {
    let id = raw.trim();
    if id.is_empty() {
        return Err(ConfigError::Empty);
    }
    if id.len() > 20 || !id.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ConfigError::ClientIdNotNumeric);
    }
    Ok(id.to_string())
}

impl Config {
    /// Layers 1 and 2.
    pub fn from_build_env(env: BuildEnv) -> Self {
        let mut config = Config {
            client_id: Setting::new(None, Source::BuiltIn),
            authorize_url: Setting::new(ANILIST_AUTHORIZE_URL.to_string(), Source::BuiltIn),
            graphql_url: Setting::new(ANILIST_GRAPHQL_URL.to_string(), Source::BuiltIn),
            token_exchange_url: Setting::new(None, Source::BuiltIn),
            notices: Vec::new(),
            graphql_refused_by_policy: false,
        };
        let layer = "the build environment";
        if let Some(raw) = env.client_id.filter(|s| !s.trim().is_empty()) {
            config.set_client_id(raw, Source::BuildEnv, layer, "ANILIST_CLIENT_ID");
        }
        if let Some(raw) = env.authorize_url.filter(|s| !s.trim().is_empty()) {
            config.set_authorize_url(raw, Source::BuildEnv, layer, "ANILIST_AUTHORIZE_URL");
        }
        if let Some(raw) = env.graphql_url.filter(|s| !s.trim().is_empty()) {
            config.set_graphql_url(raw, Source::BuildEnv, layer, "ANILIST_GRAPHQL_URL");
        }
        if let Some(raw) = env.token_exchange_url.filter(|s| !s.trim().is_empty()) {
            config.set_token_exchange_url(raw, Source::BuildEnv, layer, "TOKEN_EXCHANGE_URL");
        }
        config
    }

    /// The configuration this build starts from, before `config.json`.
    pub fn built() -> Self {
        Self::from_build_env(BuildEnv::from_compile_env())
    }

    /// Layer 3: applies the text of `config.json`. Keys: `client_id`
    /// (string or number), `authorize_url`, `graphql_url`,
    /// `token_exchange_url`; `null`, `""` or
    /// a missing key keeps the value below. Anything wrong is skipped with a
    /// notice, never fatal.
    pub fn apply_runtime_json(mut self, text: &str) -> Self {
        let file = RUNTIME_CONFIG_FILE;
        let value: Value = match serde_json::from_str(text) {
            Ok(v) => v,
            Err(e) => {
                self.notices
                    .push(format!("{file} is not valid JSON ({e}); it was ignored."));
                return self;
            }
        };
        let Value::Object(map) = value else {
            self.notices
                .push(format!("{file} must hold a JSON object {{…}}; it was ignored."));
            return self;
        };
        for (key, value) in &map {
            let text = match value {
                Value::Null => continue,
                Value::String(s) if s.trim().is_empty() => continue,
                Value::String(s) => s.clone(),
                Value::Number(n) if key == "client_id" => n.to_string(),
                _ => {
                    if matches!(key.as_str(), "client_id" | "authorize_url" | "graphql_url" | "token_exchange_url") {
                        self.notices.push(format!(
                            "{file}: \"{key}\" must be a string; it was ignored."
                        ));
                    }
                    continue;
                }
            };
            match key.as_str() {
                "client_id" => self.set_client_id(&text, Source::RuntimeFile, file, key),
                "authorize_url" => self.set_authorize_url(&text, Source::RuntimeFile, file, key),
                "graphql_url" => self.set_graphql_url(&text, Source::RuntimeFile, file, key),
                "token_exchange_url" => self.set_token_exchange_url(&text, Source::RuntimeFile, file, key),
                // Unknown keys (comments, future settings) are ignored.
                _ => {}
            }
        }
        self
    }

    fn set_client_id(&mut self, raw: &str, source: Source, layer: &str, key: &str) {
        match validate_client_id(raw) {
            Ok(v) => self.client_id = Setting::new(Some(v), source),
            Err(e) => self.reject(layer, key, e),
        }
    }

    fn set_authorize_url(&mut self, raw: &str, source: Source, layer: &str, key: &str) {
        match validate_endpoint_url(raw) {
            Ok(v) => self.authorize_url = Setting::new(v, source),
            Err(e) => self.reject(layer, key, e),
        }
    }

    fn set_graphql_url(&mut self, raw: &str, source: Source, layer: &str, key: &str) {
        match validate_endpoint_url(raw) {
            Ok(v) => self.graphql_url = Setting::new(v, source),
            Err(e) => self.reject(layer, key, e),
        }
    }

    fn set_token_exchange_url(&mut self, raw: &str, source: Source, layer: &str, key: &str) {
        match validate_endpoint_url(raw) {
            Ok(v) => self.token_exchange_url = Setting::new(Some(v), source),
            Err(e) => self.reject(layer, key, e),
        }
    }

    fn reject(&mut self, layer: &str, key: &str, error: ConfigError) {
        self.notices
            .push(format!("{layer}: {key} {error}; the previous value is kept."));
    }

    /// Whether the endpoints are AniList's own (and not a stand-in).
    pub fn is_anilist(&self) -> bool {
        self.authorize_url.value == ANILIST_AUTHORIZE_URL
            && self.graphql_url.value == ANILIST_GRAPHQL_URL
    }
}

/// The router's base path from the resolved `href` of the page's `<base>`
/// element (`trunk build --public-url /x/` writes one): `"/x"`, or `""` at
/// the root or when there is no `<base>`.
pub fn router_base_from_base_href(href: Option<&str>) -> String {
    let Some(href) = href else {
        return String::new();
    };
    let path = match href.find("://") {
        Some(i) => {
            let after = &href[i + 3..];
            match after.find('/') {
                Some(j) => &after[j..],
                None => "",
            }
        }
        None => href,
    };
    let path = path.split(['?', '#']).next().unwrap_or_default();
    path.trim_end_matches('/').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn built() -> Config {
        Config::from_build_env(BuildEnv::default())
    }

    #[test]
    fn defaults_are_anilist() {
        let c = built();
        assert_eq!(c.authorize_url.value, ANILIST_AUTHORIZE_URL);
        assert_eq!(c.graphql_url.value, ANILIST_GRAPHQL_URL);
        assert_eq!(c.client_id.value, None);
        assert_eq!(c.authorize_url.source, Source::BuiltIn);
        assert!(c.is_anilist());
        assert!(c.notices.is_empty());
    }

    #[test]
    fn build_env_overrides_defaults() {
        let c = Config::from_build_env(BuildEnv {
            client_id: Some(" 4242 "),
            authorize_url: Some("http://127.0.0.1:9000/api/v2/oauth/authorize"),
            graphql_url: Some("https://example.org/graphql"),
            token_exchange_url: Some("https://exchange.example.org/token"),
        });
        assert_eq!(c.client_id.value.as_deref(), Some("4242"));
        assert_eq!(c.client_id.source, Source::BuildEnv);
        assert_eq!(c.authorize_url.value, "http://127.0.0.1:9000/api/v2/oauth/authorize");
        assert_eq!(c.graphql_url.value, "https://example.org/graphql");
        assert_eq!(c.graphql_url.source, Source::BuildEnv);
        assert_eq!(c.token_exchange_url.value.as_deref(), Some("https://exchange.example.org/token"));
        assert!(!c.is_anilist());
    }

    #[test]
    fn bad_build_env_values_are_skipped_with_a_notice() {
        let c = Config::from_build_env(BuildEnv {
            client_id: Some("abc"),
            authorize_url: Some("ftp://x"),
            graphql_url: Some(""),
            token_exchange_url: None,
        });
        assert_eq!(c.client_id.value, None);
        assert_eq!(c.authorize_url.value, ANILIST_AUTHORIZE_URL);
        assert_eq!(c.graphql_url.value, ANILIST_GRAPHQL_URL);
        assert_eq!(c.notices.len(), 2, "{:?}", c.notices);
        assert!(c.notices[0].contains("ANILIST_CLIENT_ID"));
        assert!(c.notices[1].contains("ANILIST_AUTHORIZE_URL"));
    }

    #[test]
    fn runtime_file_overrides_everything() {
        let c = built().apply_runtime_json(
            r#"{"client_id": 31337, "authorize_url": "http://localhost:4000/api/v2/oauth/authorize",
                "graphql_url": "http://[::1]:4000/", "token_exchange_url": "http://127.0.0.1:8787/token", "comment": "ignored"}"#,
        );
        assert_eq!(c.token_exchange_url.value.as_deref(), Some("http://127.0.0.1:8787/token"));
        assert_eq!(built().token_exchange_url.value, None, "none unless configured");
        assert!(built().apply_runtime_json(r#"{"token_exchange_url": "http://exchange.example.org/token"}"#).notices[0].contains("https"));
        assert_eq!(c.client_id.value.as_deref(), Some("31337"));
        assert_eq!(c.client_id.source, Source::RuntimeFile);
        assert_eq!(c.authorize_url.value, "http://localhost:4000/api/v2/oauth/authorize");
        assert_eq!(c.graphql_url.value, "http://[::1]:4000/");
        assert!(c.notices.is_empty(), "{:?}", c.notices);
    }

    #[test]
    fn runtime_nulls_and_empty_strings_keep_lower_layers() {
        let base = Config::from_build_env(BuildEnv {
            client_id: Some("7"),
            ..BuildEnv::default()
        });
        let c = base.clone().apply_runtime_json(
            r#"{"client_id": null, "authorize_url": "", "graphql_url": "  "}"#,
        );
        assert_eq!(c, base);
    }

    #[test]
    fn runtime_garbage_is_a_notice_not_a_failure() {
        for (text, needle) in [
            ("not json", "not valid JSON"),
            ("<!doctype html>", "not valid JSON"),
            ("[1,2]", "JSON object"),
            ("42", "JSON object"),
            (r#"{"graphql_url": 5}"#, "must be a string"),
            (r#"{"client_id": true}"#, "must be a string"),
            (r#"{"client_id": "12a"}"#, "digits only"),
            (r#"{"client_id": -3}"#, "digits only"),
            (r#"{"graphql_url": "http://evil.example/"}"#, "https://"),
            (r#"{"graphql_url": "https://x/?a=1"}"#, "query"),
            (r#"{"authorize_url": "https://a b/"}"#, "spaces"),
            (r#"{"authorize_url": "https:///path"}"#, "no host"),
        ] {
            let c = built().apply_runtime_json(text);
            assert_eq!(c.graphql_url.value, ANILIST_GRAPHQL_URL, "{text}");
            assert_eq!(c.authorize_url.value, ANILIST_AUTHORIZE_URL, "{text}");
            assert_eq!(c.client_id.value, None, "{text}");
            assert_eq!(c.notices.len(), 1, "{text}: {:?}", c.notices);
            assert!(c.notices[0].contains(needle), "{text}: {:?}", c.notices);
        }
    }

    #[test]
    fn origins() {
        assert_eq!(origin_of("https://graphql.anilist.co").as_deref(), Some("https://graphql.anilist.co"));
        assert_eq!(origin_of("https://GraphQL.AniList.co:443/x/").as_deref(), Some("https://graphql.anilist.co"));
        assert_eq!(origin_of("http://127.0.0.1:4000/").as_deref(), Some("http://127.0.0.1:4000"));
        assert_ne!(origin_of("https://graphql.anilist.co.evil.example/"), origin_of("https://graphql.anilist.co/"));
        assert_eq!(origin_of("javascript:alert(1)"), None);
        assert_eq!(origin_of("not a url"), None);
    }

    #[test]
    fn endpoint_urls() {
        for ok in [
            "https://graphql.anilist.co",
            "https://anilist.co/api/v2/oauth/authorize",
            "http://127.0.0.1:8080/",
            "http://localhost/",
            "http://app.localhost:3000/x",
            "http://[::1]:9/",
            "HTTPS://Example.org",
        ] {
            assert!(validate_endpoint_url(ok).is_ok(), "{ok}");
        }
        for (bad, err) in [
            ("", ConfigError::Empty),
            ("   ", ConfigError::Empty),
            ("graphql.anilist.co", ConfigError::NotHttps),
            ("javascript:alert(1)", ConfigError::NotHttps),
            ("//graphql.anilist.co", ConfigError::NotHttps),
            ("http://graphql.anilist.co", ConfigError::NotHttps),
            ("http://127.0.0.1.evil.com/", ConfigError::NotHttps),
            ("http://127.0.0.300/", ConfigError::NotHttps),
            ("https://", ConfigError::NoHost),
            ("https://:443/", ConfigError::NoHost),
            ("https://[::1/", ConfigError::NoHost),
            ("https://user@evil.example/", ConfigError::BadCharacter),
            ("https://a.example/#x", ConfigError::HasQueryOrFragment),
            ("https://a.example/\"onload", ConfigError::BadCharacter),
        ] {
            assert_eq!(validate_endpoint_url(bad), Err(err), "{bad:?}");
        }
    }

    #[test]
    fn client_ids() {
        assert_eq!(validate_client_id(" 123 ").as_deref(), Ok("123"));
        assert_eq!(validate_client_id(""), Err(ConfigError::Empty));
        assert_eq!(validate_client_id("12 3"), Err(ConfigError::ClientIdNotNumeric));
        assert_eq!(validate_client_id("１２"), Err(ConfigError::ClientIdNotNumeric));
        assert_eq!(
            validate_client_id(&"9".repeat(21)),
            Err(ConfigError::ClientIdNotNumeric)
        );
    }

    #[test]
    fn router_base() {
        assert_eq!(router_base_from_base_href(None), "");
        assert_eq!(router_base_from_base_href(Some("http://127.0.0.1:8080/")), "");
        assert_eq!(router_base_from_base_href(Some("http://h/app/")), "/app");
        assert_eq!(router_base_from_base_href(Some("https://h/a/b/")), "/a/b");
        assert_eq!(router_base_from_base_href(Some("https://h")), "");
        assert_eq!(router_base_from_base_href(Some("/x/")), "/x");
        assert_eq!(router_base_from_base_href(Some("https://h/x/?q#f")), "/x");
    }
}
