//! Reading what a person typed in the GraphQL console before it is sent:
//! is it a mutation, and are the variables a JSON object. Pure: tested
//! natively.

use serde_json::{Map, Value};

/// Whether the document defines a mutation anywhere (a keyword at the top
/// level, outside strings, comments and selections). Erring towards yes
/// only costs a confirmation.
pub fn has_mutation(doc: &str) -> bool {
    let mut depth = 0i32;
    let mut chars = doc.chars().peekable();
    let mut word = String::new();
    let mut found = false;
    let mut flush = |word: &mut String, depth: i32| {
        if depth == 0 && word == "mutation" {
            found = true;
        }
        word.clear();
    };
    while let Some(c) = chars.next() {
        match c {
            '#' => {
                flush(&mut word, depth);
                for n in chars.by_ref() {
                    if n == '\n' {
                        break;
                    }
                }
            }
            '"' => {
                flush(&mut word, depth);
                let block = chars.peek() == Some(&'"');
                if block {
                    chars.next();
                    if chars.peek() == Some(&'"') {
                        chars.next();
                        // """block string"""
                        let mut quotes = 0;
                        for n in chars.by_ref() {
                            quotes = if n == '"' { quotes + 1 } else { 0 };
                            if quotes == 3 {
                                break;
                            }
                        }
                    }
                    // else: an empty string ""
                } else {
                    let mut escaped = false;
                    for n in chars.by_ref() {
                        if escaped {
                            escaped = false;
                        } else if n == '\\' {
                            escaped = true;
                        } else if n == '"' || n == '\n' {
                            break;
                        }
                    }
                }
            }
            '{' | '(' => {
                flush(&mut word, depth);
                depth += 1;
            }
            '}' | ')' => {
                flush(&mut word, depth);
                depth -= 1;
            }
            c if c.is_alphanumeric() || c == '_' => word.push(c),
            _ => flush(&mut word, depth),
        }
    }
    flush(&mut word, depth);
    found
}

/// The variables box: empty means `{}`; otherwise a JSON object, or a
/// message saying where it went wrong.
pub fn parse_variables(text: &str) -> Result<Value, String> {
    if text.trim().is_empty() {
        return Ok(Value::Object(Map::new()));
    }
    match serde_json::from_str::<Value>(text) {
        Ok(v @ Value::Object(_)) => Ok(v),
        Ok(_) => Err("Variables must be a JSON object, such as {\"id\": 1}.".into()),
        Err(e) => Err(format!("The variables are not valid JSON (line {}, column {}): {}.", e.line(), e.column(), problem(&e))),
    }
}

/// serde_json's reason without its " at line L column C" (said before it).
fn problem(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mutations_are_recognised() {
        for yes in [
            "mutation { SaveMediaListEntry(mediaId: 1) { id } }",
            "  mutation Save($id: Int) { x }",
            "query A { a } mutation B { b }",
            "# a comment\nmutation{x}",
            "MUTATION { x }".to_lowercase().as_str(),
        ] {
            assert!(has_mutation(yes), "{yes}");
        }
        for no in [
            "",
            "{ Viewer { id } }",
            "query { Media(search: \"mutation\") { id } }",
            "query { mutation: Viewer { id } }",
            "# mutation in a comment\nquery { a }",
            "query ($q: String = \"\"\"mutation\"\"\") { a }",
            "query mutationLike { a }",
            "subscription { a }",
        ] {
            assert!(!has_mutation(no), "{no}");
        }
    }

    #[test]
    fn variables() {
        assert_eq!(parse_variables("").unwrap(), serde_json::json!({}));
        assert_eq!(parse_variables("  \n").unwrap(), serde_json::json!({}));
        assert_eq!(parse_variables(r#"{"id": 1}"#).unwrap(), serde_json::json!({"id": 1}));
        let e = parse_variables("{\"id\": 1,\n }").unwrap_err();
        assert!(e.contains("line 2"), "{e}");
        assert!(e.ends_with("(line 2, column 2): trailing comma."), "{e}");
        assert!(parse_variables("[1]").unwrap_err().contains("JSON object"));
        assert!(parse_variables("null").unwrap_err().contains("JSON object"));
        assert!(parse_variables("{'id': 1}").unwrap_err().contains("not valid JSON"));
    }
}
