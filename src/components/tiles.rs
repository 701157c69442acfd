//! Small cards that link elsewhere in the app: a title (with the person's
//! status when it is on their list), a character or staff member, a member,
//! a review.

use leptos::prelude::*;

use crate::api::ops::title::{helpful, Member, Other, Person, ReviewSummary};
use crate::media::MediaType;
use crate::routes::Page;
use crate::store::use_list_store;

/// A title as a small card linking to its page: its cover, `note` above
/// its name ("Sequel", "Main", "Director"), its format and year, and "On
/// your list: Watching" when the lists this browser keeps hold it.
/// `children` go after the link (a voice actor beside a character's title).
#[component]
/// `yours`: the person's status says whose it is ("You: Watching"), beside
/// someone else's in `note`.
pub fn MediaTile(other: Other, #[prop(into)] note: String, #[prop(optional)] yours: bool, #[prop(optional)] children: Option<Children>) -> impl IntoView {
    let store = use_list_store();
    let name = other.name();
    let kind = other.kind.and_then(MediaType::kind);
    let id = other.id;
    let status = move || {
        let kind = kind?;
        let status = store.with(kind, |d| d.and_then(|d| d.entry(id)).and_then(|e| e.status))?;
        Some(view! { <span class="on-list small" data-testid="tile-on-list">{yours.then_some("You: ")}{status.label(kind)}</span> })
    };
    let line = crate::text::format_year(other.format, other.start_date.and_then(|d| d.year));
    let cover = other.cover_image.as_ref().and_then(|c| c.medium.clone());
    let inner = view! {
        {cover.map(|c| view! { <img src=c alt="" width="46" height="65" loading="lazy"/> })}
        <span class="tile__text">
            {(!note.is_empty()).then(|| view! { <span class="muted small" data-testid="tile-note">{note.clone()}</span> })}
            <span class="tile__name">{name}</span>
            <span class="muted small">{line}</span>
            {status}
        </span>
    };
    let link = match kind {
        Some(k) => view! { <a class="tile__link" href=Page::Title(k, id).href()>{inner}</a> }.into_any(),
        None => view! { <span class="tile__link">{inner}</span> }.into_any(),
    };
    view! { <li class="tile" data-testid=format!("tile-{id}")>{link}{children.map(|c| c())}</li> }
}

/// A character or staff member linking to their page: image, name, and
/// `note` under it ("Main", "Director", "Japanese voice"); `end` puts the
/// image after the name (a voice actor on the right of a row).
#[component]
pub fn PersonLink(who: Person, page: Page, #[prop(into)] note: String, #[prop(optional)] end: bool) -> impl IntoView {
    let image = who.image.as_ref().and_then(|i| i.medium.clone()).map(|src| view! { <img src=src alt="" width="40" height="56" loading="lazy"/> });
    let text = view! {
        <span class="person__text">
            <span class="person__name">{who.name()}</span>
            {(!note.is_empty()).then(|| view! { <span class="muted small">{note}</span> })}
        </span>
    };
    if end {
        view! { <a class="person person--end" href=page.href()>{text}{image}</a> }.into_any()
    } else {
        view! { <a class="person" href=page.href()>{image}{text}</a> }.into_any()
    }
}

/// An AniList member: their avatar (round) and name, a link to their page
/// in the app, and `note` under the name.
#[component]
pub fn MemberLink(member: Member, #[prop(into)] note: String) -> impl IntoView {
    let avatar = member.avatar.and_then(|a| a.medium).map(|src| view! { <img src=src alt="" width="40" height="40" loading="lazy"/> });
    view! {
        <a class="person person--member" href=Page::User(member.id as i64).href()>
            {avatar}
            <span class="person__text">
                <span class="person__name">{member.name}</span>
                {(!note.is_empty()).then(|| view! { <span class="muted small">{note}</span> })}
            </span>
        </a>
    }
}

/// "Only titles on my lists" above a list of someone's titles (signed in
/// only: AniList's `onList` needs to know whose lists).
#[component]
pub fn OnListToggle(only: RwSignal<bool>, set: Callback<bool>) -> impl IntoView {
    let signed_in = crate::session::use_session().user_untracked().is_some();
    signed_in.then(|| {
        view! {
            <label class="choice on-list-toggle">
                <input type="checkbox" prop:checked=move || only.get() on:change=move |ev| set.run(event_target_checked(&ev)) data-testid="only-on-list"/>
                <span>"Only titles on my lists"</span>
            </label>
        }
    })
}

/// A review in a list of them: its summary, a link to its page, then the
/// title (a member's reviews), the writer's score, how many found it
/// helpful, and who wrote it (a title's reviews).
pub fn review_item(r: ReviewSummary) -> AnyView {
    let line = crate::text::dotted([
        r.media.map(|m| m.name()),
        r.score.map(|s| format!("{s}/100")),
        helpful(r.rating, r.rating_amount),
        r.user.map(|u| format!("by {}", u.name)),
    ]);
    let summary = r.summary.filter(|s| !s.trim().is_empty()).unwrap_or_else(|| "A review".to_string());
    let private = (r.private == Some(true)).then(|| view! { " " <span class="activity__private" data-testid="review-row-private">"Private"</span> });
    view! {
        <li class="reviews__row" data-testid="review-row">
            <span><a href=Page::Review(r.id).href()>{summary}</a>{private}</span>
            <span class="muted small">{line}</span>
        </li>
    }
    .into_any()
}
