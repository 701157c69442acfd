//! A studio's page: its name, kind, favourite, and its titles a page at a
//! time (newest first), each saying whether it was the main studio.

use serde::Deserialize;

use crate::api::operation::Operation;
pub use crate::api::ops::people::PageVars;
use crate::api::ops::people::Titles;

pub struct StudioPage;

impl Operation for StudioPage {
    const NAME: &'static str = "StudioPage";
    const MUTATION: bool = false;
    const QUERY: &'static str = concat!(
        "query StudioPage($id: Int!, $page: Int, $onList: Boolean) {
  Studio(id: $id) {
    id
    name
    isAnimationStudio
    siteUrl
    favourites
    isFavourite
    media(sort: [START_DATE_DESC, ID], page: $page, perPage: 25, onList: $onList) {
      pageInfo { hasNextPage }
      edges { isMainStudio ",
        crate::title_node!(),
        " }
    }
  }
}"
    );
    type Vars = PageVars;
    type Data = Data;
}

#[derive(Clone, Debug, Deserialize)]
pub struct Data {
    #[serde(rename = "Studio")]
    pub studio: Option<Studio>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Studio {
    pub id: i64,
    pub name: String,
    #[serde(default)]
    pub is_animation_studio: bool,
    pub site_url: Option<String>,
    pub favourites: Option<u32>,
    #[serde(default)]
    pub is_favourite: bool,
    pub media: Option<Titles>,
}
