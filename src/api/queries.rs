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

/// Every operation, for the schema test.
pub const ALL: &[Operation] = &[VIEWER];
