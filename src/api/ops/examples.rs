//! Worked examples the GraphQL console starts with. They are text for the
//! person to edit, not typed operations, but they are validated against the
//! schema like the rest (`tests/queries.rs`).

/// One example: its name, its text, and whether it is a mutation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Example {
    pub name: &'static str,
    pub query: &'static str,
    pub mutation: bool,
}

/// Worked examples the GraphQL console starts with (validated like the rest).
pub const EXAMPLE_VIEWER: Example = Example {
    name: "ExampleViewer",
    mutation: false,
    query: "query ExampleViewer {\n  Viewer {\n    id\n    name\n    options { titleLanguage }\n    mediaListOptions { scoreFormat }\n  }\n}",
};

pub const EXAMPLE_MEDIA: Example = Example {
    name: "ExampleMedia",
    mutation: false,
    query: "query ExampleMedia($id: Int) {\n  Media(id: $id) {\n    id\n    title { romaji english native }\n    format\n    episodes\n    averageScore\n  }\n}",
};

pub const EXAMPLE_LIST: Example = Example {
    name: "ExampleList",
    mutation: false,
    query: "query ExampleList($userId: Int, $type: MediaType) {\n  MediaListCollection(userId: $userId, type: $type) {\n    lists {\n      name\n      entries { id progress media { title { userPreferred } } }\n    }\n  }\n}",
};

pub const EXAMPLE_SAVE: Example = Example {
    name: "ExampleSave",
    mutation: true,
    query: "mutation ExampleSave($mediaId: Int, $status: MediaListStatus) {\n  SaveMediaListEntry(mediaId: $mediaId, status: $status) {\n    id\n    status\n    progress\n  }\n}",
};

/// Every example, in the order the console offers them.
pub const ALL: &[Example] = &[EXAMPLE_VIEWER, EXAMPLE_MEDIA, EXAMPLE_LIST, EXAMPLE_SAVE];
