//! AniList's rich text on screen, rebuilt through the allowlist of
//! [`crate::rich_text`] with elements of the app's own: nothing from
//! AniList's markup (attributes, scripts, styles) reaches the page.

use leptos::prelude::*;

use crate::rich_text::{Rich, Tag};

fn view_of(nodes: Vec<Rich>) -> AnyView {
    nodes
        .into_iter()
        .map(|n| match n {
            Rich::Text(t) => t.into_any(),
            Rich::Break => view! { <br/> }.into_any(),
            Rich::Rule => view! { <hr/> }.into_any(),
            Rich::Link(href, kids) => view! { <a href=href rel="noopener noreferrer nofollow" target="_blank">{view_of(kids)}</a> }.into_any(),
            Rich::Spoiler(kids) => view! {
                <details class="spoiler"><summary>"Spoiler"</summary><span>{view_of(kids)}</span></details>
            }
            .into_any(),
            Rich::Block(tag, kids) => {
                let kids = view_of(kids);
                match tag {
                    Tag::Paragraph => view! { <p>{kids}</p> }.into_any(),
                    Tag::Strong => view! { <strong>{kids}</strong> }.into_any(),
                    Tag::Em => view! { <em>{kids}</em> }.into_any(),
                    Tag::Del => view! { <del>{kids}</del> }.into_any(),
                    Tag::List => view! { <ul>{kids}</ul> }.into_any(),
                    Tag::Numbered => view! { <ol>{kids}</ol> }.into_any(),
                    Tag::Item => view! { <li>{kids}</li> }.into_any(),
                    Tag::Heading => view! { <p class="rich__heading">{kids}</p> }.into_any(),
                    Tag::Quote => view! { <blockquote>{kids}</blockquote> }.into_any(),
                    Tag::Code => view! { <code>{kids}</code> }.into_any(),
                    Tag::Pre => view! { <pre>{kids}</pre> }.into_any(),
                    Tag::Center => view! { <div class="rich__center">{kids}</div> }.into_any(),
                }
            }
        })
        .collect_view()
        .into_any()
}

/// AniList's markup (`asHtml: true`), safely.
#[component]
pub fn RichText(html: String) -> impl IntoView {
    view_of(crate::rich_text::parse(&html))
}
