//! AniList's rich text (descriptions, bios: `asHtml: true`) made safe to
//! show: the browser parses the markup inertly (`DOMParser`: nothing in
//! the parsed document runs or loads), and the text is rebuilt from that
//! parse through an allowlist into [`Rich`], which the app renders with
//! elements of its own. Only the allowed elements survive, links only with
//! `https:` addresses, and no attribute at all is carried over: no
//! script, no event handler, no `style`, no `javascript:` or `data:` URL.
//!
//! The walk is written against [`Markup`], so its rules are tested natively
//! with a hand-made tree; in the wasm the tree is the browser's parse
//! ([`parse`]).

/// A piece of safe rich text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rich {
    Text(String),
    Break,
    Rule,
    Block(Tag, Vec<Rich>),
    /// An `https:` link.
    Link(String, Vec<Rich>),
    /// Hidden until the reader asks (AniList's `~!spoiler!~`).
    Spoiler(Vec<Rich>),
}

/// The elements that survive, each shown by an element of the app's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tag {
    Paragraph,
    Strong,
    Em,
    Del,
    List,
    Numbered,
    Item,
    /// h1–h5: shown as a bold paragraph (the page keeps its own outline).
    Heading,
    Quote,
    Code,
    Pre,
    Center,
}

/// What the walk does with an element.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Keep(Tag),
    Break,
    Rule,
    Link,
    Spoiler,
    /// Dropped with everything inside it.
    Drop,
    /// Its children are kept, the element itself is not.
    Unwrap,
}

/// The allowlist: an element's verdict by its (lower-case) name and, for
/// `span`, its class (AniList marks spoilers `markdown_spoiler`).
pub fn verdict(name: &str, class: Option<&str>) -> Verdict {
    match name {
        "p" => Verdict::Keep(Tag::Paragraph),
        "b" | "strong" => Verdict::Keep(Tag::Strong),
        "i" | "em" => Verdict::Keep(Tag::Em),
        "del" | "s" | "strike" => Verdict::Keep(Tag::Del),
        "ul" => Verdict::Keep(Tag::List),
        "ol" => Verdict::Keep(Tag::Numbered),
        "li" => Verdict::Keep(Tag::Item),
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Verdict::Keep(Tag::Heading),
        "blockquote" => Verdict::Keep(Tag::Quote),
        "code" => Verdict::Keep(Tag::Code),
        "pre" => Verdict::Keep(Tag::Pre),
        "center" => Verdict::Keep(Tag::Center),
        "br" => Verdict::Break,
        "hr" => Verdict::Rule,
        "a" => Verdict::Link,
        "span" if class.is_some_and(|c| c.split_whitespace().any(|c| c == "markdown_spoiler")) => Verdict::Spoiler,
        // Anything that runs, loads, embeds or asks for input, and
        // anything whose content is not text to read.
        "script" | "style" | "template" | "noscript" | "iframe" | "frame" | "frameset" | "object" | "embed" | "applet"
        | "svg" | "math" | "img" | "image" | "picture" | "source" | "video" | "audio" | "track" | "canvas" | "map"
        | "form" | "input" | "button" | "select" | "option" | "textarea" | "head" | "title" | "meta" | "link" | "base"
        | "dialog" | "portal" => Verdict::Drop,
        _ => Verdict::Unwrap,
    }
}

/// A link's address when it may be shown: `https:` only, as the URL
/// parser reads it (so `JaVaScRiPt:`, tabs inside the scheme and the like
/// are seen for what they are).
pub fn safe_href(href: &str) -> Option<String> {
    let parsed = crate::weburl::parse(href.trim())?;
    (parsed.protocol == "https:" && parsed.username.is_empty() && parsed.password.is_empty()).then(|| href.trim().to_string())
}

/// A node of parsed markup, as the walk sees it.
pub trait Markup: Sized {
    /// `Some(text)` for a text node.
    fn text(&self) -> Option<String>;
    /// The lower-case name of an element (`None` for anything else:
    /// comments, doctypes…).
    fn element(&self) -> Option<String>;
    fn attribute(&self, name: &str) -> Option<String>;
    fn children(&self) -> Vec<Self>;
    /// All the text inside (used past the depth limit).
    fn all_text(&self) -> String;
}

/// Deeper than this, an element's text is kept without its structure.
pub const MAX_DEPTH: usize = 24;
/// At most this many nodes are rebuilt; the rest is left out.
pub const MAX_NODES: usize = 5_000;

/// Rebuilds the children of `root` through the allowlist.
pub fn sanitize<M: Markup>(root: &M) -> Vec<Rich> {
    let mut budget = MAX_NODES;
    walk(root, 0, &mut budget)
}

fn walk<M: Markup>(node: &M, depth: usize, budget: &mut usize) -> Vec<Rich> {
    let mut out = Vec::new();
    for child in node.children() {
        if *budget == 0 {
            break;
        }
        *budget -= 1;
        if let Some(text) = child.text() {
            if !text.is_empty() {
                out.push(Rich::Text(text));
            }
            continue;
        }
        let Some(name) = child.element() else { continue };
        let verdict = verdict(&name, child.attribute("class").as_deref());
        if depth >= MAX_DEPTH && verdict != Verdict::Drop {
            out.push(Rich::Text(child.all_text()));
            continue;
        }
        let inner = |budget: &mut usize| walk(&child, depth + 1, budget);
        match verdict {
            Verdict::Keep(tag) => out.push(Rich::Block(tag, inner(budget))),
            Verdict::Break => out.push(Rich::Break),
            Verdict::Rule => out.push(Rich::Rule),
            Verdict::Spoiler => out.push(Rich::Spoiler(inner(budget))),
            Verdict::Link => {
                let kids = inner(budget);
                match child.attribute("href").as_deref().and_then(safe_href) {
                    Some(href) => out.push(Rich::Link(href, kids)),
                    None => out.extend(kids),
                }
            }
            Verdict::Unwrap => out.extend(inner(budget)),
            Verdict::Drop => {}
        }
    }
    out
}

/// The plain text of rich text (for a label, a search…).
pub fn plain(nodes: &[Rich]) -> String {
    let mut s = String::new();
    for n in nodes {
        match n {
            Rich::Text(t) => s.push_str(t),
            Rich::Break => s.push('\n'),
            Rich::Rule => {}
            Rich::Block(_, kids) | Rich::Link(_, kids) | Rich::Spoiler(kids) => s.push_str(&plain(kids)),
        }
    }
    s
}

/// AniList's markup, parsed by the browser (inertly) and rebuilt.
#[cfg(target_arch = "wasm32")]
pub fn parse(html: &str) -> Vec<Rich> {
    use wasm_bindgen::JsCast;
    struct Node(web_sys::Node);
    impl Markup for Node {
        fn text(&self) -> Option<String> {
            (self.0.node_type() == web_sys::Node::TEXT_NODE).then(|| self.0.text_content().unwrap_or_default())
        }
        fn element(&self) -> Option<String> {
            self.0.dyn_ref::<web_sys::Element>().map(|e| e.local_name().to_ascii_lowercase())
        }
        fn attribute(&self, name: &str) -> Option<String> {
            self.0.dyn_ref::<web_sys::Element>()?.get_attribute(name)
        }
        fn children(&self) -> Vec<Self> {
            let list = self.0.child_nodes();
            (0..list.length()).filter_map(|i| list.item(i)).map(Node).collect()
        }
        fn all_text(&self) -> String {
            self.0.text_content().unwrap_or_default()
        }
    }
    let Ok(parser) = web_sys::DomParser::new() else { return vec![Rich::Text(html.to_string())] };
    match parser.parse_from_string(html, web_sys::SupportedType::TextHtml).ok().and_then(|d| d.body()) {
        Some(body) => sanitize(&Node(body.into())),
        None => Vec::new(),
    }
}

/// Natively there is no parser: the markup stays text (never markup).
#[cfg(not(target_arch = "wasm32"))]
pub fn parse(html: &str) -> Vec<Rich> {
    vec![Rich::Text(html.to_string())]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A hand-made tree standing for the browser's parse.
    #[derive(Clone)]
    enum Fake {
        Text(&'static str),
        El(&'static str, Vec<(&'static str, &'static str)>, Vec<Fake>),
        Comment,
    }

    impl Markup for Fake {
        fn text(&self) -> Option<String> {
            match self {
                Fake::Text(t) => Some(t.to_string()),
                _ => None,
            }
        }
        fn element(&self) -> Option<String> {
            match self {
                Fake::El(n, _, _) => Some(n.to_string()),
                _ => None,
            }
        }
        fn attribute(&self, name: &str) -> Option<String> {
            match self {
                Fake::El(_, attrs, _) => attrs.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string()),
                _ => None,
            }
        }
        fn children(&self) -> Vec<Self> {
            match self {
                Fake::El(_, _, kids) => kids.clone(),
                _ => Vec::new(),
            }
        }
        fn all_text(&self) -> String {
            match self {
                Fake::Text(t) => t.to_string(),
                Fake::El(_, _, kids) => kids.iter().map(Fake::all_text).collect(),
                Fake::Comment => String::new(),
            }
        }
    }

    fn el(name: &'static str, kids: Vec<Fake>) -> Fake {
        Fake::El(name, vec![], kids)
    }

    fn text(s: &str) -> Rich {
        Rich::Text(s.into())
    }

    #[test]
    fn formatting_links_and_spoilers_survive() {
        let body = el("body", vec![
            el("p", vec![Fake::Text("Hello "), el("b", vec![Fake::Text("bold")]), el("br", vec![]), el("i", vec![Fake::Text("it")])]),
            Fake::El("a", vec![("href", "https://anilist.co/anime/1"), ("onclick", "x()")], vec![Fake::Text("link")]),
            Fake::El("span", vec![("class", "markdown_spoiler")], vec![el("span", vec![Fake::Text("secret")])]),
            Fake::Comment,
        ]);
        assert_eq!(
            sanitize(&body),
            [
                Rich::Block(Tag::Paragraph, vec![text("Hello "), Rich::Block(Tag::Strong, vec![text("bold")]), Rich::Break, Rich::Block(Tag::Em, vec![text("it")])]),
                Rich::Link("https://anilist.co/anime/1".into(), vec![text("link")]),
                Rich::Spoiler(vec![text("secret")]),
            ]
        );
    }

    #[test]
    fn what_runs_or_loads_is_dropped_and_unsafe_links_keep_only_their_text() {
        let body = el("body", vec![
            el("script", vec![Fake::Text("alert(1)")]),
            Fake::El("img", vec![("src", "x"), ("onerror", "alert(2)")], vec![]),
            el("svg", vec![Fake::El("a", vec![("href", "javascript:alert(3)")], vec![Fake::Text("svg")])]),
            Fake::El("a", vec![("href", "javascript:alert(4)")], vec![Fake::Text("js")]),
            Fake::El("a", vec![("href", " JaVaScRiPt:alert(5)")], vec![Fake::Text("js2")]),
            Fake::El("a", vec![("href", "data:text/html,<script>alert(6)</script>")], vec![Fake::Text("data")]),
            Fake::El("a", vec![("href", "http://example.com")], vec![Fake::Text("plain http")]),
            Fake::El("a", vec![("href", "https://user:pw@example.com")], vec![Fake::Text("credentials")]),
            Fake::El("p", vec![("style", "color:red"), ("onclick", "alert(7)")], vec![Fake::Text("styled")]),
            el("div", vec![el("font", vec![Fake::Text("unwrapped")])]),
            el("iframe", vec![Fake::Text("framed")]),
        ]);
        let out = sanitize(&body);
        assert_eq!(
            out,
            [text("js"), text("js2"), text("data"), text("plain http"), text("credentials"), Rich::Block(Tag::Paragraph, vec![text("styled")]), text("unwrapped")]
        );
        assert_eq!(plain(&out), "jsjs2dataplain httpcredentialsstyledunwrapped");
    }

    #[test]
    fn deep_or_huge_markup_is_bounded() {
        let mut deep = Fake::Text("bottom");
        for _ in 0..200 {
            deep = el("b", vec![deep]);
        }
        let out = sanitize(&el("body", vec![deep]));
        assert_eq!(plain(&out), "bottom", "the text is kept");
        let mut depth = 0;
        let mut at = &out[..];
        while let [Rich::Block(_, kids)] = at {
            depth += 1;
            at = kids;
        }
        assert_eq!(depth, MAX_DEPTH);
        let wide = el("body", (0..MAX_NODES + 100).map(|_| Fake::Text("x")).collect());
        assert_eq!(sanitize(&wide).len(), MAX_NODES);
    }

    #[test]
    fn only_https_links_without_credentials() {
        assert_eq!(safe_href(" https://anilist.co/user/1 ").as_deref(), Some("https://anilist.co/user/1"));
        for bad in ["javascript:alert(1)", "java\tscript:alert(1)", "data:text/html,x", "http://a.b", "//evil.example", "/relative", "vbscript:x", "https://u:p@a.b"] {
            assert_eq!(safe_href(bad), None, "{bad}");
        }
    }
}
