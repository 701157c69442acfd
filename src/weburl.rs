//! URLs read by the WHATWG URL parser: the browser's own (`URL`) in the
//! wasm, rust-url's natively (the unit tests), which follows the same
//! standard. rust-url in the wasm would bring its IDNA tables (about 60 KB
//! of brotli) for what the browser already does.

/// The parts of a URL the app looks at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parsed {
    /// `https:`, `http:`… (with the colon, as the browser gives it).
    pub protocol: String,
    /// The host as parsed: lower case, an IPv4 address in its canonical
    /// dotted form, an IPv6 one in brackets.
    pub hostname: String,
    pub username: String,
    pub password: String,
    /// `https://host:port`, or `"null"` for a URL with no origin.
    pub origin: String,
}

/// `None` when it is not a URL at all.
pub fn parse(url: &str) -> Option<Parsed> {
    #[cfg(target_arch = "wasm32")]
    {
        let u = web_sys::Url::new(url).ok()?;
        Some(Parsed { protocol: u.protocol(), hostname: u.hostname(), username: u.username(), password: u.password(), origin: u.origin() })
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let u = url::Url::parse(url).ok()?;
        let hostname = match u.host() {
            Some(url::Host::Ipv6(ip)) => format!("[{ip}]"),
            Some(h) => h.to_string(),
            None => String::new(),
        };
        Some(Parsed {
            protocol: format!("{}:", u.scheme()),
            hostname,
            username: u.username().to_string(),
            password: u.password().unwrap_or_default().to_string(),
            origin: u.origin().ascii_serialization(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn parts_as_a_browser_gives_them() {
        let p = parse("HTTPS://User:pw@GraphQL.AniList.co:443/x?y#z").unwrap();
        assert_eq!(p.protocol, "https:");
        assert_eq!(p.hostname, "graphql.anilist.co");
        assert_eq!((p.username.as_str(), p.password.as_str()), ("User", "pw"));
        assert_eq!(p.origin, "https://graphql.anilist.co");
        assert_eq!(parse("http://127.1:4000/").unwrap().hostname, "127.0.0.1");
        assert_eq!(parse("http://[::1]:9/").unwrap().hostname, "[::1]");
        assert_eq!(parse("javascript:alert(1)").unwrap().origin, "null");
        assert_eq!(parse("not a url"), None);
    }
}
