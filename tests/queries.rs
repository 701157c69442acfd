//! Every GraphQL operation the app sends is valid against AniList's schema.
//! The schema is `../shared/anilist/schema.graphql` beside the repository,
//! or the file named by `ANILIST_SCHEMA`. No schema is a failure, never a
//! skip.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use apollo_compiler::{ExecutableDocument, Schema};
use tsuzuki::api::queries::ALL;

fn schema_text() -> (PathBuf, String) {
    let mut tried = Vec::new();
    if let Ok(p) = std::env::var("ANILIST_SCHEMA") {
        tried.push(PathBuf::from(p));
    }
    tried.push(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/anilist/schema.graphql"));
    for path in &tried {
        if let Ok(text) = std::fs::read_to_string(path) {
            return (path.clone(), text);
        }
    }
    panic!(
        "AniList's schema was not found; looked at: {}. Put it at ../shared/anilist/schema.graphql or set ANILIST_SCHEMA.",
        tried.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
    );
}

#[test]
fn every_operation_is_valid_against_the_schema() {
    let (path, text) = schema_text();
    let schema = Schema::parse_and_validate(text, &path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(!ALL.is_empty());
    let mut names = Vec::new();
    for op in ALL {
        let doc = ExecutableDocument::parse_and_validate(&schema, op.query, format!("{}.graphql", op.name))
            .unwrap_or_else(|e| panic!("operation {} is not valid against AniList's schema:\n{e}", op.name));
        let operation = doc
            .operations
            .get(Some(op.name))
            .unwrap_or_else(|_| panic!("operation {} is not named {} in its own text", op.name, op.name));
        assert_eq!(operation.is_mutation(), op.mutation, "{}: mutation flag", op.name);
        names.push(op.name);
    }
    names.sort();
    names.dedup();
    assert_eq!(names.len(), ALL.len(), "two operations share a name");
}

#[test]
fn the_check_catches_a_wrong_field() {
    let (path, text) = schema_text();
    let schema = Schema::parse_and_validate(text, &path).unwrap();
    let err = ExecutableDocument::parse_and_validate(&schema, "query V { Viewer { id nope } }", "bad.graphql")
        .expect_err("an unknown field must fail");
    assert!(err.to_string().contains("nope"), "{err}");
}
