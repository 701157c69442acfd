//! `/character/:id` and `/staff/:id`: a character's or a staff member's
//! page (voice actors are staff): their image and names, the facts AniList
//! keeps, the description (rich text through the allowlist), a favourite
//! toggle, and their titles, 25 at a time with "Load more": a character's
//! appearances with the Japanese voice, a voice actor's roles, a staff
//! member's production roles (each title once, with every role). A title
//! on the person's lists says so, from the lists this browser keeps.

use leptos::prelude::*;

use crate::api::ops::favourite::Favourable;
use crate::api::ops::people::{self, roles_by_title, years_active, Appearance, PageVars, Someone};
use crate::api::{Api, ApiError};
use crate::auth::callback::Credential;
use crate::components::api_status::{LoadMore, Paged};
use crate::components::empty_state::EmptyState;
use crate::components::favourite::FavouriteToggle;
use crate::components::read::read_from_anilist;
use crate::components::rich_text::RichText;
use crate::components::tiles::{MediaTile, OnListToggle, PersonLink};
use crate::routes::Page;
use crate::session::use_session;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Who {
    Character,
    Staff,
}

impl Who {
    fn noun(self) -> &'static str {
        match self {
            Who::Character => "character",
            Who::Staff => "staff member",
        }
    }
}

#[component]
pub fn CharacterPage() -> impl IntoView {
    view! { <PersonRoute who=Who::Character/> }
}

#[component]
pub fn StaffPage() -> impl IntoView {
    view! { <PersonRoute who=Who::Staff/> }
}

#[component]
fn PersonRoute(who: Who) -> impl IntoView {
    let id = crate::pages::id_param();
    move || match id.get() {
        Some(id) => view! { <PersonView who=who id=id/> }.into_any(),
        None => view! {
            <EmptyState title=format!("No such {}", who.noun())>
                <p>"This address does not name a " {who.noun()} ". " <a href=Page::Search.href()>"Search for a title"</a> " and follow its cast."</p>
            </EmptyState>
        }
        .into_any(),
    }
}

/// The person with page `page` of their titles.
async fn read(api: Api, credential: Option<Credential>, who: Who, id: i64, page: u32, only: bool, fresh: bool) -> Result<Someone, ApiError> {
    let vars = PageVars { id, page, on_list: only.then_some(true) };
    let found = match who {
        Who::Character => api.run::<people::CharacterPage>(credential.as_ref(), &vars, fresh).await?.character,
        Who::Staff => api.run::<people::StaffPage>(credential.as_ref(), &vars, fresh).await?.staff,
    };
    found.ok_or_else(|| ApiError::Shape(format!("no {} {id}", who.noun())))
}

#[component]
fn PersonView(who: Who, id: i64) -> impl IntoView {
    let api = expect_context::<Api>();
    let session = use_session();
    let loading = match who {
        Who::Character => "Loading the character…",
        Who::Staff => "Loading the staff member…",
    };
    read_from_anilist(
        loading,
        move |fresh| read(api.clone(), session.credential(), who, id, 1, false, fresh),
        move |someone, _| view! { <PersonBody who=who someone=someone/> }.into_any(),
    )
}

/// Whose favourite it is, in AniList's terms.
fn favourable(who: Who, id: i64) -> Favourable {
    match who {
        Who::Character => Favourable::Character(id),
        Who::Staff => Favourable::Staff(id),
    }
}

/// The facts AniList keeps of the person, those it has.
fn facts(who: Who, p: &Someone) -> Vec<(&'static str, String)> {
    let date = |d: Option<crate::api::ops::list_collection::FuzzyDate>| d.map(|d| d.label()).filter(|s| !s.is_empty());
    let text = |s: &Option<String>| s.clone().filter(|s| !s.trim().is_empty());
    let list: Vec<(&'static str, Option<String>)> = match who {
        Who::Character => vec![
            ("Gender", text(&p.gender)),
            ("Age", text(&p.age)),
            ("Birthday", date(p.date_of_birth)),
            ("Blood type", text(&p.blood_type)),
        ],
        Who::Staff => vec![
            ("Occupations", Some(p.primary_occupations.join(", ")).filter(|s| !s.is_empty())),
            ("Gender", text(&p.gender)),
            ("Age", p.years.map(|y| y.to_string())),
            ("Born", date(p.date_of_birth)),
            ("Died", date(p.date_of_death)),
            ("Years active", years_active(&p.years_active)),
            ("Hometown", text(&p.home_town)),
            ("Language", text(&p.language_v2)),
            ("Blood type", text(&p.blood_type)),
        ],
    };
    list.into_iter().filter_map(|(k, v)| Some((k, v?))).collect()
}

#[component]
fn PersonBody(who: Who, someone: Someone) -> impl IntoView {
    let api = expect_context::<Api>();
    let session = use_session();
    let id = someone.id;
    let name = someone.name();
    crate::pages::set_title(&name);
    let names: Vec<String> = {
        let n = someone.name.clone().unwrap_or_default();
        let mut out: Vec<String> = Vec::new();
        for other in n.full.into_iter().chain(n.native).chain(n.alternative) {
            if other != name && !other.trim().is_empty() && !out.contains(&other) {
                out.push(other);
            }
        }
        out
    };
    let image = someone.image.as_ref().and_then(|i| i.large.clone().or_else(|| i.medium.clone()));
    let site = someone.site_url.clone().filter(|u| u.starts_with("https://"));
    let facts = facts(who, &someone);
    let description = someone.description.clone().filter(|d| !d.trim().is_empty());
    // Favourite: kept on the page, from the answer, then from each toggle.
    let on = RwSignal::new(someone.is_favourite);
    let count = RwSignal::new(someone.favourites);
    let set = crate::components::favourite::on_page(on, count);
    let blocked = someone.is_favourite_blocked;
    // The titles: the first page, then each "Load more".
    let take = |t: &Option<people::Titles>| t.as_ref().map(|t| t.edges.clone()).unwrap_or_default();
    let media = RwSignal::new(take(&someone.media));
    let voiced = RwSignal::new(take(&someone.character_media));
    let worked = RwSignal::new(take(&someone.staff_media));
    // The first page came with the person; "Load more" reads the next, and
    // "Only titles on my lists" page 1 again.
    let put = move |list: RwSignal<Vec<Appearance>>, t: &Option<people::Titles>, first: bool| {
        if first {
            list.set(take(t));
        } else {
            list.update(|m| m.extend(take(t)));
        }
    };
    let pages = Paged::new(
        2,
        someone.has_more(),
        move |page, only| {
            let credential = session.credential();
            read(api.clone(), credential, who, id, page, only, false)
        },
        move |more: Someone, first| {
            put(media, &more.media, first);
            put(voiced, &more.character_media, first);
            put(worked, &more.staff_media, first);
            more.has_more()
        },
    );
    let only = pages.only;
    let none_yet = move || media.with(Vec::is_empty) && voiced.with(Vec::is_empty) && worked.with(Vec::is_empty);
    view! {
        <article class="title-page person-page" data-testid="person-page">
            <header class="title-page__head">
                {image.map(|c| view! { <img class="title-page__cover" src=c alt="" width="150" height="212"/> })}
                <div class="title-page__names">
                    <h1 data-testid="person-name">{name}</h1>
                    {(!names.is_empty()).then(|| view! { <p class="muted" data-testid="person-other-names">{names.join(" · ")}</p> })}
                    <div class="title-page__actions">
                        {(!blocked).then(|| view! { <FavouriteToggle target=favourable(who, id) on=on count=count set=set/> })}
                        {site.map(|u| view! { <a class="button button--small button--secondary" href=u rel="noopener noreferrer" target="_blank" data-testid="on-anilist">"Open on AniList"</a> })}
                    </div>
                </div>
            </header>
            {(!facts.is_empty()).then(|| view! {
                <section class="card">
                    <h2>"About"</h2>
                    <dl class="facts facts--compact" data-testid="person-facts">
                        {facts.into_iter().map(|(k, v)| view! { <div class="facts__row"><dt>{k}</dt><dd>{v}</dd></div> }).collect_view()}
                    </dl>
                </section>
            })}
            {description.map(|d| view! {
                <section class="card" data-testid="description"><h2>"Description"</h2><RichText html=d/></section>
            })}
            <OnListToggle only=pages.only set=pages.set_only/>
            {move || media.with(|m| !m.is_empty()).then(|| view! {
                <section class="card" data-testid="appearances">
                    <h2>"Appears in"</h2>
                    <ul class="tiles tiles--wide">{move || media.get().into_iter().filter_map(appearance).collect_view()}</ul>
                </section>
            })}
            {move || voiced.with(|m| !m.is_empty()).then(|| view! {
                <section class="card" data-testid="voice-roles">
                    <h2>"Voice roles"</h2>
                    <ul class="tiles tiles--wide">{move || voiced.get().into_iter().filter_map(voice_role).collect_view()}</ul>
                </section>
            })}
            {move || worked.with(|m| !m.is_empty()).then(|| view! {
                <section class="card" data-testid="staff-roles">
                    <h2>"Production roles"</h2>
                    <ul class="tiles">
                        {move || worked.with(|w| roles_by_title(w)).into_iter().map(|(o, roles)| view! { <MediaTile other=o note=roles.join(", ")/> }).collect_view()}
                    </ul>
                </section>
            })}
            {move || none_yet().then(|| view! {
                <p class="muted" data-testid="no-titles">{if only.get() { "None of their titles is on your lists.".to_string() } else { format!("AniList lists no titles for this {} yet.", who.noun()) }}</p>
            })}
            <LoadMore load=pages.load more=pages.more/>
        </article>
    }
}

/// A character's title: the title, the role, the Japanese voice beside it.
fn appearance(a: Appearance) -> Option<impl IntoView> {
    let role = a.character_role.map(|r| r.label()).unwrap_or("");
    let actor = a.voice_actors.into_iter().next();
    let node = a.node?;
    Some(view! {
        <MediaTile other=node note=role>
            {actor.map(|v| view! { <PersonLink page=Page::Staff(v.id) who=v note="Japanese voice" end=true/> })}
        </MediaTile>
    })
}

/// A voice actor's title: the title, the role, the characters voiced in it.
fn voice_role(a: Appearance) -> Option<impl IntoView> {
    let role = a.character_role.map(|r| r.label()).unwrap_or("");
    let node = a.node?;
    let characters = a.characters;
    Some(view! {
        <MediaTile other=node note=role>
            {characters.into_iter().map(|c| view! { <PersonLink page=Page::Character(c.id) who=c note="" end=true/> }).collect_view()}
        </MediaTile>
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn someone(json: &str) -> Someone {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn facts_are_those_anilist_has_in_their_order() {
        let c = someone(r#"{"id":1,"gender":"Male","age":"27","bloodType":" ","dateOfBirth":{"year":null,"month":6,"day":26},"years":40}"#);
        assert_eq!(facts(Who::Character, &c), vec![("Gender", "Male".to_string()), ("Age", "27".to_string()), ("Birthday", "June 26".to_string())]);
        let s = someone(r#"{"id":95,"primaryOccupations":["Voice Actor",null,"Singer"],"years":64,"age":"x","dateOfBirth":{"year":1961,"month":6,"day":17},"yearsActive":[1984],"homeTown":"Tokyo","languageV2":"Japanese"}"#);
        assert_eq!(
            facts(Who::Staff, &s),
            vec![
                ("Occupations", "Voice Actor, Singer".to_string()),
                ("Age", "64".to_string()),
                ("Born", "1961-06-17".to_string()),
                ("Years active", "1984 – present".to_string()),
                ("Hometown", "Tokyo".to_string()),
                ("Language", "Japanese".to_string()),
            ]
        );
        assert!(facts(Who::Staff, &someone(r#"{"id":2}"#)).is_empty());
    }
}
