//! `/airing/schedule`: every episode airing on a day, at the person's local
//! time, soonest first; yesterday to five days on, one link each
//! (`?day=2026-12-07`). A title on the person's lists says its status (from
//! the lists this browser keeps); another can be added right there. Titles
//! for adults show when on a list, or when the person lets them show on
//! AniList. Readable signed out.

use std::time::Duration;

use js_sys::Date;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::airing::{countdown, day_word, on_schedule, Day, SCHEDULE_DAYS};
use crate::api::ops::list_collection::{Entry, Media};
use crate::api::ops::schedule::{AiringSchedule, Slot, Vars};
use crate::api::{Api, ApiError};
use crate::auth::time::{iso, local_format};
use crate::components::add_to_list::AddToList;
use crate::components::api_status::ApiErrorView;
use crate::components::clock::clock;
use crate::components::empty_state::EmptyState;
use crate::components::read::read_from_anilist;
use crate::components::AiringTabs;
use crate::edit::Patch;
use crate::media::{ListStatus, MediaKind};
use crate::outbox::use_outbox;
use crate::pages::PageIntro;
use crate::routes::Page;
use crate::session::names::use_account_names;
use crate::session::use_session;
use crate::store::use_list_store;

/// The most pages of 50 a day is read in (AniList has some 30 to 60
/// episodes a day).
const MAX_PAGES: u32 = 8;

/// Local midnight starting `day` moved by `plus` days (the browser's time
/// zone, summer time included).
fn midnight(day: Day, plus: i32) -> Date {
    Date::new_with_year_month_day(day.year as u32, day.month as i32 - 1, day.day as i32 + plus)
}

fn day_of(date: &Date) -> Day {
    Day { year: date.get_full_year() as i32, month: date.get_month() + 1, day: date.get_date() }
}

fn secs(date: &Date) -> i64 {
    (date.get_time() / 1000.0).floor() as i64
}

/// The day the address names, when it is a real date.
fn day_asked(key: &str) -> Option<Day> {
    Day::parse(key).filter(|d| day_of(&midnight(*d, 0)) == *d)
}

/// The link to the schedule of `day`.
fn day_href(day: Day) -> String {
    format!("{}?day={}", Page::Schedule.href(), day.key())
}

/// Every episode of the day from `from` to `to` (Unix seconds), page after
/// page.
async fn read_day(api: Api, from: i64, to: i64, fresh: bool) -> Result<Vec<Slot>, ApiError> {
    let mut all = Vec::new();
    for page in 1..=MAX_PAGES {
        let (slots, more) = api.run::<AiringSchedule>(None, &Vars { from: from - 1, to, page }, fresh).await?.slots();
        all.extend(slots);
        if !more {
            break;
        }
    }
    Ok(all)
}

#[component]
pub fn SchedulePage() -> impl IntoView {
    let api = expect_context::<Api>();
    let session = use_session();
    let query = use_query_map();
    let asked = Memo::new(move |_| query.with(|q| q.get("day")));
    // Today moves on at midnight while the page is open.
    let minute = clock(Duration::from_secs(60));
    let today = Memo::new(move |_| {
        minute.track();
        day_of(&Date::new_0())
    });
    let day = Memo::new(move |_| asked.get().and_then(|k| day_asked(&k)).unwrap_or_else(|| today.get()));
    // The person's anime list, for their statuses (from the store; asked
    // of AniList only when it is old).
    let outbox = use_outbox();
    Effect::new(move |_| {
        if let Some(c) = session.0.with(|s| s.signed_in().map(|s| s.credential())) {
            outbox.refresh_list(MediaKind::Anime, c, false);
        }
    });
    let only_mine = RwSignal::new(false);
    let signed_in = Memo::new(move |_| session.user().is_some());
    view! {
        <PageIntro title="Airing schedule" lead="Every episode airing on a day, at your local time."/>
        <AiringTabs/>
        <nav class="days" aria-label="Day">
            <ul>
                {move || SCHEDULE_DAYS.map(|offset| {
                    let date = midnight(today.get(), offset);
                    let d = day_of(&date);
                    let name = local_format(secs(&date), &[("weekday", "short"), ("day", "numeric")]);
                    let word = day_word(offset).map(str::to_string).unwrap_or_else(|| name.clone());
                    view! {
                        <li><a href=day_href(d) aria-current=move || (day.get() == d).then_some("page") data-testid=format!("day-{}", d.key())
                            title=name>{word}</a></li>
                    }
                }).collect_view()}
            </ul>
        </nav>
        {move || asked.get().filter(|k| day_asked(k).is_none()).map(|k| view! {
            <p class="muted" role="status" data-testid="bad-day">{format!("“{k}” is not a date: today's schedule is shown.")}</p>
        })}
        <div class="schedule__head">
            <h2 data-testid="schedule-day">{move || local_format(secs(&midnight(day.get(), 0)), &[("weekday", "long"), ("day", "numeric"), ("month", "long")])}</h2>
            <Show when=move || signed_in.get()>
                <label class="choice">
                    <input type="checkbox" prop:checked=move || only_mine.get() on:change=move |ev| only_mine.set(event_target_checked(&ev)) data-testid="only-mine"/>
                    <span>"Only titles on my lists"</span>
                </label>
            </Show>
        </div>
        {read_from_anilist(
            "Loading the schedule…",
            move |fresh| {
                let d = day.get();
                read_day(api.clone(), secs(&midnight(d, 0)), secs(&midnight(d, 1)), fresh)
            },
            move |slots, _| view! { <DaySlots slots=slots only_mine=only_mine/> }.into_any(),
        )}
    }
}

/// The day's episodes the person sees (see [`on_schedule`]), or why none.
#[component]
fn DaySlots(slots: Vec<Slot>, only_mine: RwSignal<bool>) -> impl IntoView {
    let store = use_list_store();
    let (session, names) = (use_session(), use_account_names());
    let now = clock(Duration::from_secs(30));
    let kind = MediaKind::Anime;
    let any = !slots.is_empty();
    let shown = Memo::new(move |_| {
        let mine = only_mine.get();
        let adult = session.user().is_some_and(|u| names.adult(u));
        store.with(kind, |d| {
            slots
                .iter()
                .filter(|s| on_schedule(s.is_adult() && !adult, d.and_then(|d| d.entry(s.media.as_ref().map_or(0, |m| m.id))).is_some(), mine))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    move || {
        let list = shown.get();
        if list.is_empty() {
            let (title, why) = if any && only_mine.get() {
                ("None of your titles airs on this day", "Untick “Only titles on my lists” to see every episode.")
            } else {
                ("Nothing airs on this day", "AniList knows of no episode airing then. Try another day.")
            };
            return view! { <EmptyState title=title><p>{why}</p></EmptyState> }.into_any();
        }
        view! {
            <ul class="schedule" data-testid="schedule" aria-label="Episodes, soonest first">
                {list.into_iter().filter_map(|s| {
                    let media = s.media?;
                    Some(view! { <SlotRow episode=s.episode airing_at=s.airing_at media=media now=now/> })
                }).collect_view()}
            </ul>
        }
        .into_any()
    }
}

/// One episode: its local time, the title (a link to its page), which
/// episode and how long until it airs, and the person's status or "Add to
/// list".
#[component]
fn SlotRow(episode: u32, airing_at: i64, media: Media, now: ReadSignal<i64>) -> impl IntoView {
    let session = use_session();
    let store = use_list_store();
    let outbox = use_outbox();
    let kind = MediaKind::Anime;
    let id = media.id;
    let title = media.title();
    let status = Memo::new(move |_| store.with(kind, |d| d.and_then(|d| d.entry(id)).and_then(|e| e.status)));
    store.watch(id);
    on_cleanup(move || store.unwatch(id));
    let error = move || store.errors.with(|e| e.get(&id).cloned());
    let line = crate::text::dotted([
        Some(match media.episodes {
            Some(total) => format!("Episode {episode} of {total}"),
            None => format!("Episode {episode}"),
        }),
        media.format.map(|f| f.label().to_string()),
    ]);
    let cover = media.cover_image.as_ref().and_then(|c| c.medium.clone());
    let entry = StoredValue::new(Entry::new_for(media));
    let add = Callback::new(move |status: ListStatus| outbox.add(kind, entry.get_value(), Patch { status: Some(status), ..Patch::default() }));
    let signed_in = move || session.user().is_some();
    let label = title.clone();
    view! {
        <li class="schedule__row" class:schedule__row--yours=move || status.get().is_some() data-testid=format!("slot-{id}")>
            <time class="schedule__time" datetime=iso(airing_at)>{local_format(airing_at, &[("timeStyle", "short")])}</time>
            {cover.map(|src| view! { <img class="entry__cover" src=src alt="" loading="lazy" width="40" height="56"/> })}
            <div class="schedule__main">
                <a href=Page::Title(kind, id).href() class="entry__title">{title}</a>
                <span class="muted small">{line} " · " <span data-testid="slot-when">{move || countdown(airing_at - now.get())}</span></span>
                {move || error().map(|e| view! { <div data-testid="entry-error"><ApiErrorView error=e/></div> })}
            </div>
            <div class="schedule__status">
                {move || match (status.get(), signed_in()) {
                    (Some(s), _) => view! { <span class="on-list small" data-testid="slot-status">{s.label(kind)}{outbox.is_pending(id).then_some(" · saving…")}</span> }.into_any(),
                    (None, true) => view! { <AddToList kind=kind title=label.clone() on_add=add/> }.into_any(),
                    (None, false) => ().into_any(),
                }}
            </div>
        </li>
    }
}
