//! Every GraphQL operation the app sends, in one place. A native test
//! (`tests/queries.rs`) validates each against AniList's schema.

/// One named operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Operation {
    pub name: &'static str,
    pub query: &'static str,
    /// Mutations are never sent twice by the app on its own.
    pub mutation: bool,
}

/// The signed-in user, for the profile page.
pub const VIEWER: Operation = Operation {
    name: "Viewer",
    mutation: false,
    query: r#"query Viewer {
  Viewer {
    id
    name
    about(asHtml: false)
    siteUrl
    avatar { large medium }
    bannerImage
    createdAt
    options { titleLanguage displayAdultContent }
    mediaListOptions { scoreFormat }
    statistics {
      anime { count meanScore minutesWatched episodesWatched }
      manga { count meanScore chaptersRead volumesRead }
    }
  }
}"#,
};

/// A user's anime or manga list, grouped as AniList groups it.
pub const LIST_COLLECTION: Operation = Operation {
    name: "ListCollection",
    mutation: false,
    query: r#"query ListCollection($userId: Int!, $type: MediaType!) {
  MediaListCollection(userId: $userId, type: $type) {
    user { id mediaListOptions { scoreFormat } }
    lists {
      name
      status
      isCustomList
      entries {
        id
        mediaId
        status
        progress
        score
        updatedAt
        media {
          id
          type
          format
          episodes
          chapters
          siteUrl
          title { userPreferred }
          coverImage { medium }
        }
      }
    }
  }
}"#,
};

/// Creates (with `mediaId`) or updates (with `id`) a list entry.
pub const SAVE_ENTRY: Operation = Operation {
    name: "SaveEntry",
    mutation: true,
    query: r#"mutation SaveEntry($id: Int, $mediaId: Int, $status: MediaListStatus, $progress: Int, $score: Float) {
  SaveMediaListEntry(id: $id, mediaId: $mediaId, status: $status, progress: $progress, score: $score) {
    id
    mediaId
    status
    progress
    score
    updatedAt
  }
}"#,
};

pub const DELETE_ENTRY: Operation = Operation {
    name: "DeleteEntry",
    mutation: true,
    query: r#"mutation DeleteEntry($id: Int!) {
  DeleteMediaListEntry(id: $id) { deleted }
}"#,
};

/// Anime or manga by title, a page at a time.
pub const SEARCH: Operation = Operation {
    name: "Search",
    mutation: false,
    query: r#"query Search($search: String!, $type: MediaType!, $page: Int!, $perPage: Int!) {
  Page(page: $page, perPage: $perPage) {
    pageInfo { hasNextPage currentPage }
    media(search: $search, type: $type) {
      id
      format
      episodes
      chapters
      seasonYear
      averageScore
      siteUrl
      title { userPreferred }
      coverImage { medium }
      mediaListEntry { id status progress }
    }
  }
}"#,
};

/// Worked examples the GraphQL console starts with (validated like the rest).
pub const EXAMPLE_VIEWER: Operation = Operation {
    name: "ExampleViewer",
    mutation: false,
    query: "query ExampleViewer {\n  Viewer {\n    id\n    name\n    options { titleLanguage }\n    mediaListOptions { scoreFormat }\n  }\n}",
};

pub const EXAMPLE_MEDIA: Operation = Operation {
    name: "ExampleMedia",
    mutation: false,
    query: "query ExampleMedia($id: Int) {\n  Media(id: $id) {\n    id\n    title { romaji english native }\n    format\n    episodes\n    averageScore\n  }\n}",
};

pub const EXAMPLE_LIST: Operation = Operation {
    name: "ExampleList",
    mutation: false,
    query: "query ExampleList($userId: Int, $type: MediaType) {\n  MediaListCollection(userId: $userId, type: $type) {\n    lists {\n      name\n      entries { id progress media { title { userPreferred } } }\n    }\n  }\n}",
};

pub const EXAMPLE_SAVE: Operation = Operation {
    name: "ExampleSave",
    mutation: true,
    query: "mutation ExampleSave($mediaId: Int, $status: MediaListStatus) {\n  SaveMediaListEntry(mediaId: $mediaId, status: $status) {\n    id\n    status\n    progress\n  }\n}",
};

/// Every operation, for the schema test.
pub const ALL: &[Operation] = &[
    VIEWER,
    LIST_COLLECTION,
    SAVE_ENTRY,
    DELETE_ENTRY,
    SEARCH,
    EXAMPLE_VIEWER,
    EXAMPLE_MEDIA,
    EXAMPLE_LIST,
    EXAMPLE_SAVE,
];
