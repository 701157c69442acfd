//! A status group or custom list of the list page: its heading (a button
//! that collapses it, with the count) and its rows, windowed: the list is
//! as tall as all its rows, but only the rows near the viewport are in the
//! page ([`crate::listing::window`]). Keyboard focus moving down the rows
//! scrolls the page, which brings the next rows in.

use std::collections::HashMap;

use leptos::prelude::*;

use super::row::EntryRow;
use crate::components::entry_editor::OpenAt;
use crate::listing::{window, OVERSCAN};
use crate::media::{MediaKind, ScoreFormat};

/// Row height when the style cannot be read.
const ROW_H: f64 = 72.0;

/// Where the viewport is, for the groups to window themselves: moves on
/// every scroll and resize, and after anything above a group changed its
/// height.
#[derive(Clone, Copy)]
pub struct Viewport {
    tick: RwSignal<u64>,
    height: RwSignal<f64>,
    row_h: RwSignal<f64>,
}

fn inner_height() -> f64 {
    web_sys::window().and_then(|w| w.inner_height().ok()).and_then(|h| h.as_f64()).unwrap_or(800.0)
}

/// `--row-h` of the style, in pixels (it differs on phones).
fn row_height() -> f64 {
    let read = || {
        let w = web_sys::window()?;
        let root = w.document()?.document_element()?;
        let v = w.get_computed_style(&root).ok()??.get_property_value("--row-h").ok()?;
        // Whole pixels, as the style gives it ("72px").
        v.trim().strip_suffix("px")?.parse::<u32>().ok().filter(|h| *h > 0).map(f64::from)
    };
    read().unwrap_or(ROW_H)
}

/// A length for the style, in whole pixels (integer formatting: float
/// formatting would bring its own code into the wasm).
fn px(x: f64) -> String {
    format!("{}px", x.round().max(0.0) as u64)
}

impl Viewport {
    /// Follows the window's scrolling and size while the page is shown.
    pub fn follow() -> Self {
        let vp = Viewport { tick: RwSignal::new(0), height: RwSignal::new(inner_height()), row_h: RwSignal::new(row_height()) };
        let scroll = window_event_listener(leptos::ev::scroll, move |_| vp.moved());
        let resize = window_event_listener(leptos::ev::resize, move |_| {
            vp.height.set(inner_height());
            vp.row_h.set(row_height());
            vp.moved();
        });
        on_cleanup(move || {
            scroll.remove();
            resize.remove();
        });
        vp
    }

    fn moved(&self) {
        self.tick.update(|t| *t = t.wrapping_add(1));
    }

    /// Something changed the page's layout without a scroll (a group
    /// collapsed, the filter changed): the groups look again once it is
    /// laid out.
    pub fn relayout(&self) {
        let me = *self;
        request_animation_frame(move || {
            if me.tick.try_update(|t| *t = t.wrapping_add(1)).is_none() {
                // The page is gone.
            }
        });
    }
}

#[component]
pub fn Group(
    heading: String,
    testid: String,
    ids: Memo<Vec<i64>>,
    collapsed: Signal<bool>,
    on_toggle: Callback<()>,
    kind: MediaKind,
    format: Memo<ScoreFormat>,
    index: Memo<HashMap<i64, usize>>,
    on_edit: Callback<(i64, OpenAt)>,
    viewport: Viewport,
) -> impl IntoView {
    let list = NodeRef::<leptos::html::Ul>::new();
    let count = Signal::derive(move || ids.with(Vec::len));
    let range = Memo::new(move |_| {
        viewport.tick.track();
        let (n, h, view_h) = (count.get(), viewport.row_h.get(), viewport.height.get());
        match list.get() {
            Some(ul) => window(n, h, ul.get_bounding_client_rect().top(), view_h),
            // Not in the page yet: a screenful to start with.
            None => 0..n.min((view_h / h).ceil() as usize + OVERSCAN),
        }
    });
    let rows = move || {
        let r = range.get();
        ids.with(|v| {
            let (a, b) = (r.start.min(v.len()), r.end.min(v.len()));
            v[a..b].iter().enumerate().map(|(i, id)| (a + i, *id)).collect::<Vec<_>>()
        })
    };
    let list_id = StoredValue::new(format!("{testid}-rows"));
    let label = StoredValue::new(heading.clone());
    view! {
        <Show when=move || count.get() != 0>
            <section class="list-group" data-testid=testid.clone()>
                <h2 class="list-group__heading">
                    <button type="button" class="group-toggle" aria-expanded=move || (!collapsed.get()).to_string()
                        aria-controls=move || list_id.get_value() on:click=move |_| on_toggle.run(()) data-testid="group-toggle">
                        <span class="group-toggle__icon" aria-hidden="true"></span>
                        {heading.clone()} " "
                        <span class="muted count">{move || format!("({})", super::group_digits(count.get()))}</span>
                    </button>
                </h2>
                <Show when=move || !collapsed.get()>
                    <ul class="entries" id=list_id.get_value() node_ref=list
                        aria-label=move || format!("{}: {}", label.get_value(), crate::text::entries(count.get()))
                        style:height=move || px(count.get() as f64 * viewport.row_h.get())
                        style:padding-top=move || px(range.get().start as f64 * viewport.row_h.get())>
                        <For each=rows key=|row| *row let:row>
                            <EntryRow media_id=row.1 pos=row.0 size=count kind=kind format=format index=index on_edit=on_edit/>
                        </For>
                    </ul>
                </Show>
            </section>
        </Show>
    }
}
