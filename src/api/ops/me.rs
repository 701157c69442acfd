//! The signed-in account's name and avatar, for the header's accounts menu
//! (asked once per account; the profile page asks for much more).

use serde::Deserialize;

use crate::api::operation::Operation;

pub struct Me;

impl Operation for Me {
    const NAME: &'static str = "Me";
    const MUTATION: bool = false;
    const QUERY: &'static str = "query Me {
  Viewer { id name avatar { medium } }
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
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Avatar {
    pub medium: Option<String>,
}
