//! Whether the page's Content-Security-Policy lets the app reach a URL.
//!
//! `index.html` carries a policy whose `connect-src` names the app's own
//! origin and the GraphQL endpoint the build defaults to. When `config.json`
//! points the app somewhere else, the browser refuses every request and the
//! app could only report "network error". Checking at start-up turns that
//! into a notice that says what to change. Pure: no `web_sys`.

/// Whether `policy` (the `content` of the page's CSP `<meta>`) allows a
/// connection (fetch) from a page at `page_origin` (`scheme://host[:port]`)
/// to `url`. No `connect-src` falls back to `default-src`; neither allows.
pub fn allows_connect(policy: &str, page_origin: &str, url: &str) -> bool {
    let directive = |name: &str| {
        policy.split(';').find_map(|d| {
            let mut words = d.split_ascii_whitespace();
            words
                .next()
                .filter(|n| n.eq_ignore_ascii_case(name))
                .map(|_| words.collect::<Vec<_>>())
        })
    };
    let Some(sources) = directive("connect-src").or_else(|| directive("default-src")) else {
        return true;
    };
    let Some(target) = Origin::parse(url) else {
        return false;
    };
    let page = Origin::parse(page_origin);
    sources.iter().any(|s| source_matches(s, &target, page.as_ref()))
}

/// `scheme`, `host` (lower case) and `port` (explicit or the default one)
/// of an absolute http(s) or ws(s) URL; the path is kept for path sources.
#[derive(Debug, PartialEq, Eq)]
struct Origin<'a> {
    scheme: String,
    host: String,
    port: Option<u16>,
    path: &'a str,
}

impl<'a> Origin<'a> {
    fn parse(url: &'a str) -> Option<Self> {
        let (scheme, rest) = url.split_once("://")?;
        let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let (authority, path) = rest.split_at(end);
        let authority = authority.rsplit('@').next().unwrap_or(authority);
        let (host, port) = split_port(authority)?;
        let scheme = scheme.to_ascii_lowercase();
        let port = port.or_else(|| default_port(&scheme));
        Some(Self { host: host.to_ascii_lowercase(), port, path, scheme })
    }
}

fn default_port(scheme: &str) -> Option<u16> {
    match scheme {
        "http" | "ws" => Some(80),
        "https" | "wss" => Some(443),
        _ => None,
    }
}

/// `host:port` → (host, port); `None` when the port is not a number.
fn split_port(authority: &str) -> Option<(&str, Option<u16>)> {
    // An IPv6 literal keeps its colons inside brackets.
    let colon = match authority.rfind(':') {
        Some(i) if !authority[i..].contains(']') => i,
        _ => return Some((authority, None)),
    };
    let port = &authority[colon + 1..];
    if port == "*" {
        return Some((&authority[..colon], None));
    }
    Some((&authority[..colon], Some(port.parse().ok()?)))
}

fn source_matches(source: &str, target: &Origin, page: Option<&Origin>) -> bool {
    let lower = source.to_ascii_lowercase();
    match lower.as_str() {
        "'none'" => return false,
        "'self'" => {
            return page.is_some_and(|p| {
                p.host == target.host
                    && p.port == target.port
                    && (p.scheme == target.scheme
                        // An https page may reach its own host over wss, and
                        // http over ws or https (CSP3's upgrade rules).
                        || matches!(
                            (p.scheme.as_str(), target.scheme.as_str()),
                            ("http", "https") | ("http", "ws") | ("https", "wss") | ("http", "wss")
                        ))
            })
        }
        "*" => return matches!(target.scheme.as_str(), "http" | "https" | "ws" | "wss"),
        _ => {}
    }
    if lower.starts_with('\'') {
        // Nonces, hashes and keywords say nothing about URLs.
        return false;
    }
    // A scheme source: `https:`.
    if let Some(scheme) = lower.strip_suffix(':').filter(|s| !s.contains('/')) {
        return scheme_matches(scheme, &target.scheme);
    }
    // A host source: [scheme://]host[:port][/path].
    let (scheme, rest) = match lower.split_once("://") {
        Some((s, r)) => (Some(s), r),
        None => (None, lower.as_str()),
    };
    let end = rest.find('/').unwrap_or(rest.len());
    let (authority, path) = rest.split_at(end);
    let Some((host, port)) = split_port(authority) else {
        return false;
    };
    let any_port = authority.ends_with(":*");
    let scheme_ok = match scheme {
        Some(s) => scheme_matches(s, &target.scheme),
        // No scheme: the page's own, or its secure upgrade.
        None => page.is_some_and(|p| scheme_matches(&p.scheme, &target.scheme)),
    };
    let host_ok = match host.strip_prefix("*.") {
        Some(suffix) => target.host.ends_with(&format!(".{suffix}")),
        None => host == "*" || host == target.host,
    };
    let port_ok = any_port
        || match port {
            Some(p) => target.port == Some(p),
            None => {
                let scheme = scheme.map(str::to_owned).unwrap_or_else(|| target.scheme.clone());
                target.port == default_port(&scheme)
                    // https://host also allows wss://host:443 and so on.
                    || target.port == default_port(&target.scheme)
            }
        };
    let path_ok = path.is_empty()
        || path == "/"
        || if path.ends_with('/') {
            target.path.starts_with(path)
        } else {
            target.path == path
        };
    scheme_ok && host_ok && port_ok && path_ok
}

/// `http:` in a policy also allows https (and ws/wss alike).
fn scheme_matches(source: &str, target: &str) -> bool {
    source == target
        || matches!((source, target), ("http", "https") | ("ws", "wss") | ("http", "wss") | ("http", "ws"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHIPPED: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; \
        style-src 'self'; img-src 'self' https://s4.anilist.co; \
        connect-src 'self' https://graphql.anilist.co; base-uri 'self'";
    const PAGE: &str = "https://tsuzuki.example";

    #[test]
    fn the_shipped_policy_allows_anilist_and_the_app_itself() {
        assert!(allows_connect(SHIPPED, PAGE, "https://graphql.anilist.co"));
        assert!(allows_connect(SHIPPED, PAGE, "https://graphql.anilist.co/"));
        assert!(allows_connect(SHIPPED, PAGE, "https://GraphQL.AniList.co:443/x?y"));
        assert!(allows_connect(SHIPPED, PAGE, "https://tsuzuki.example/config.json"));
    }

    #[test]
    fn the_shipped_policy_refuses_every_other_place() {
        for url in [
            "http://graphql.anilist.co",
            "https://graphql.anilist.co:8443/",
            "https://anilist.co/graphql",
            "https://evil.graphql.anilist.co/",
            "http://127.0.0.1:4000/graphql",
            "https://tsuzuki.example:444/",
            "not a url",
        ] {
            assert!(!allows_connect(SHIPPED, PAGE, url), "{url}");
        }
    }

    #[test]
    fn no_connect_src_falls_back_to_default_src_and_then_to_allowing() {
        assert!(!allows_connect("default-src 'self'", PAGE, "https://graphql.anilist.co"));
        assert!(allows_connect("default-src 'self' https:", PAGE, "https://graphql.anilist.co"));
        assert!(allows_connect("img-src 'self'", PAGE, "https://graphql.anilist.co"));
        assert!(allows_connect("", PAGE, "http://anything"));
        assert!(!allows_connect("connect-src 'none'", PAGE, PAGE));
    }

    #[test]
    fn host_sources_with_ports_wildcards_and_paths() {
        let p = "connect-src http://127.0.0.1:4000 *.example.org https://api.example.net/v2/ https://x.example/exact";
        assert!(allows_connect(p, PAGE, "http://127.0.0.1:4000/graphql"));
        assert!(!allows_connect(p, PAGE, "http://127.0.0.1:4001/graphql"));
        assert!(allows_connect(p, PAGE, "https://a.example.org/"));
        assert!(!allows_connect(p, PAGE, "https://example.org/"));
        assert!(allows_connect(p, PAGE, "https://api.example.net/v2/graphql"));
        assert!(!allows_connect(p, PAGE, "https://api.example.net/v1/graphql"));
        assert!(allows_connect(p, PAGE, "https://x.example/exact"));
        assert!(!allows_connect(p, PAGE, "https://x.example/exact/more"));
        assert!(allows_connect("connect-src http://127.0.0.1:*", PAGE, "http://127.0.0.1:9/"));
        assert!(allows_connect("connect-src *", PAGE, "https://anywhere.example/"));
        // http: in a policy allows the secure scheme too, never the reverse.
        assert!(allows_connect("connect-src http://a.example", PAGE, "https://a.example/"));
        assert!(!allows_connect("connect-src https://a.example", PAGE, "http://a.example/"));
    }

    #[test]
    fn self_follows_the_page_origin() {
        let local = "http://127.0.0.1:8080";
        assert!(allows_connect("connect-src 'self'", local, "http://127.0.0.1:8080/graphql"));
        assert!(!allows_connect("connect-src 'self'", local, "http://127.0.0.1:4000/graphql"));
        assert!(!allows_connect("connect-src 'self'", "not an origin", "http://127.0.0.1:8080/"));
    }

    #[test]
    fn keyword_case_and_odd_input_never_panic() {
        assert!(allows_connect("CONNECT-SRC 'SELF'", PAGE, PAGE));
        for policy in [";;;", "connect-src", "connect-src :", "connect-src http://[::1", "connect-src a:b:c"] {
            for url in ["", "://", "http://", "http://[::1]:x/", "http://h:99999/", "ftp://h"] {
                let _ = allows_connect(policy, PAGE, url);
            }
        }
        assert!(allows_connect("connect-src http://[::1]:4000", PAGE, "http://[::1]:4000/g"));
    }
}
