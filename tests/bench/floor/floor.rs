//! The floor for `make bench`: the smallest Leptos CSR page, built the same
//! way as the app (same crate, same release profile, trunk, wasm-opt). The
//! benchmark prints the app's load times as ratios to this page's.

use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(|| {
        let count = RwSignal::new(0);
        view! {
            <main>
                <h1 id="floor">"Floor"</h1>
                <button on:click=move |_| count.update(|n| *n += 1)>{move || count.get()}</button>
            </main>
        }
    });
}
