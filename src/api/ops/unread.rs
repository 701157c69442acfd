//! How many notifications the signed-in person has not read, for the
//! header's bell (asked at sign-in and every few minutes).

use serde::Deserialize;

use crate::api::operation::Operation;

pub struct Unread;

impl Operation for Unread {
    const NAME: &'static str = "Unread";
    const MUTATION: bool = false;
    const QUERY: &'static str = "query Unread {
  Viewer { id unreadNotificationCount }
}";
    type Vars = Vars;
    type Data = Data;
}

/// The query takes no variables.
pub type Vars = crate::api::operation::NoVars;

#[derive(Clone, Debug, Deserialize)]
pub struct Data {
    #[serde(rename = "Viewer")]
    pub viewer: Option<Viewer>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Viewer {
    pub id: u64,
    pub unread_notification_count: Option<u32>,
}
