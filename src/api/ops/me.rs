//! The signed-in account's name and avatar, for the header's accounts menu
//! (asked once per account; the profile page asks for much more), and
//! whether it lets titles for adults show.

use serde::Deserialize;

use crate::api::operation::Operation;

pub struct Me;

impl Operation for Me {
    const NAME: &'static str = "Me";
    const MUTATION: bool = false;
    const QUERY: &'static str = "query Me {
  Viewer { id name avatar { medium } options { displayAdultContent } }
}";
    type Vars = Vars;
    type Data = Data;
}

/// The query takes no variables.
pub type Vars = crate::api::operation::NoVars;

#[derive(Clone, Debug, Deserialize)]
pub struct Data {
    #[serde(rename = "Viewer")]
    pub viewer: Option<User>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct User {
    pub id: u64,
    pub name: String,
    pub avatar: Option<Avatar>,
    #[serde(default)]
    pub options: Option<Adult>,
}

/// Whether the account lets titles for adults show (AniList's
/// `displayAdultContent`).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Adult {
    pub display_adult_content: Option<bool>,
}

impl Adult {
    /// The account's choice, none read: no.
    pub fn shown(o: Option<&Adult>) -> bool {
        o.and_then(|o| o.display_adult_content).unwrap_or(false)
    }
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Avatar {
    pub medium: Option<String>,
}
