//! `/studio/:id`: a studio's page: its name and kind, a favourite toggle,
//! and its titles, newest first, 25 at a time with "Load more" (a title it
//! was not the main studio of says so). A title on the person's lists says
//! so, from the lists this browser keeps.

use leptos::prelude::*;

use crate::api::ops::favourite::Favourable;
use crate::api::ops::studio::{PageVars, Studio, StudioPage as Query};
use crate::api::{Api, ApiError};
use crate::components::api_status::{LoadMore, Paged};
use crate::components::empty_state::EmptyState;
use crate::components::favourite::FavouriteToggle;
use crate::components::read::read_from_anilist;
use crate::components::tiles::{MediaTile, OnListToggle};
use crate::routes::Page;
use crate::session::use_session;

#[component]
pub fn StudioPage() -> impl IntoView {
    let id = crate::pages::id_param();
    move || match id.get() {
        Some(id) => view! { <StudioView id=id/> }.into_any(),
        None => view! {
            <EmptyState title="No such studio">
                <p>"This address does not name a studio. " <a href=Page::Search.href()>"Search for a title"</a> " and follow its studio."</p>
            </EmptyState>
        }
        .into_any(),
    }
}

/// The studio with page `page` of its titles.
async fn read(api: Api, session: crate::session::SessionContext, id: i64, page: u32, only: bool, fresh: bool) -> Result<Studio, ApiError> {
    let credential = session.credential();
    api.run::<Query>(credential.as_ref(), &PageVars { id, page, on_list: only.then_some(true) }, fresh).await?.studio.ok_or_else(|| ApiError::Shape(format!("no studio {id}")))
}

#[component]
fn StudioView(id: i64) -> impl IntoView {
    let api = expect_context::<Api>();
    let session = use_session();
    read_from_anilist("Loading the studio…", move |fresh| read(api.clone(), session, id, 1, false, fresh), move |studio, _| view! { <StudioBody studio=studio/> }.into_any())
}

#[component]
fn StudioBody(studio: Studio) -> impl IntoView {
    let api = expect_context::<Api>();
    let session = use_session();
    let id = studio.id;
    crate::pages::set_title(&studio.name);
    let site = studio.site_url.clone().filter(|u| u.starts_with("https://"));
    let on = RwSignal::new(studio.is_favourite);
    let count = RwSignal::new(studio.favourites);
    let set = crate::components::favourite::on_page(on, count);
    // The first page came with the studio; "Load more" reads the next, and
    // "Only titles on my lists" page 1 again.
    let first = studio.media.clone().unwrap_or_default();
    let more = first.has_more();
    let titles = RwSignal::new(first.edges);
    let pages = Paged::new(
        2,
        more,
        move |page, only| read(api.clone(), session, id, page, only, false),
        move |more: Studio, first_page| {
            let more = more.media.unwrap_or_default();
            let has_more = more.has_more();
            if first_page {
                titles.set(more.edges);
            } else {
                titles.update(|t| t.extend(more.edges));
            }
            has_more
        },
    );
    let only = pages.only;
    view! {
        <article class="title-page" data-testid="studio-page">
            <header class="page-intro">
                <h1 data-testid="studio-name">{studio.name.clone()}</h1>
                <p class="lead">{if studio.is_animation_studio { "Animation studio" } else { "Studio or company" }}</p>
                <div class="title-page__actions">
                    <FavouriteToggle target=Favourable::Studio(id) on=on count=count set=set/>
                    {site.map(|u| view! { <a class="button button--small button--secondary" href=u rel="noopener noreferrer" target="_blank" data-testid="on-anilist">"Open on AniList"</a> })}
                </div>
            </header>
            <section class="card" data-testid="studio-titles">
                <h2>"Titles"</h2>
                <OnListToggle only=pages.only set=pages.set_only/>
                {move || match titles.with(Vec::is_empty) {
                    true => view! {
                        <p class="muted" data-testid="no-titles">{if only.get() { "None of its titles is on your lists." } else { "AniList lists no titles for this studio yet." }}</p>
                    }.into_any(),
                    false => view! {
                        <ul class="tiles">
                            {titles.get().into_iter().filter_map(|e| {
                                let note = if e.is_main_studio == Some(false) { "Also credited" } else { "" };
                                Some(view! { <MediaTile other=e.node? note=note/> })
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                }}
            </section>
            <LoadMore load=pages.load more=pages.more/>
        </article>
    }
}
