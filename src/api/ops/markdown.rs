//! AniList's own rendering of its markdown, for a preview of what a person
//! writes before it is sent (a review, a comment): the same HTML the
//! written text will have on AniList. It needs a sign-in.

use serde::{Deserialize, Serialize};

use crate::api::operation::Operation;

pub struct Markdown;

impl Operation for Markdown {
    const NAME: &'static str = "Markdown";
    const MUTATION: bool = false;
    const QUERY: &'static str = "query Markdown($markdown: String!) {
  Markdown(markdown: $markdown) { html }
}";
    type Vars = Vars;
    type Data = Data;
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Vars {
    pub markdown: String,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Data {
    #[serde(rename = "Markdown")]
    pub markdown: Option<Parsed>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Parsed {
    pub html: Option<String>,
}

impl Data {
    /// The HTML, or nothing when AniList gave none (empty text).
    pub fn html(self) -> String {
        self.markdown.and_then(|m| m.html).unwrap_or_default()
    }
}
