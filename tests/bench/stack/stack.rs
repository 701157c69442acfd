//! The fixed crates' floor for `make bench`: what the crates every build of
//! this app must carry cost before any feature. Eight flat routes with
//! links (leptos_router), a Bearer POST read as text (gloo-net), a value
//! kept in localStorage (gloo-storage), a JSON value read and written (by
//! serde_json, as the app), base64url decoding:
//! each used once, so each is linked, and none of the app's pages, shell,
//! sign-in or API client. Built like the app and the floor; `make bench`
//! prints its size, so a budget can be weighed against it.

use base64::Engine as _;
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router, A};
use leptos_router::StaticSegment;

#[component]
fn Heading(#[prop(into)] text: String) -> impl IntoView {
    view! { <h1>{text}</h1> }
}

fn main() {
    leptos::mount::mount_to_body(|| {
        let out = RwSignal::new(String::new());
        let fetch = move |_| {
            leptos::task::spawn_local(async move {
                let kept = LocalStorage::raw().get_item("k").ok().flatten();
                let _ = LocalStorage::raw().set_item("k", "{\"a\":1}");
                let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode("eyJhIjoxfQ").unwrap_or_default();
                let text = match gloo_net::http::Request::post("/graphql").header("Authorization", "Bearer x").body("{}") {
                    Ok(request) => match request.send().await {
                        Ok(response) => response.text().await.unwrap_or_default(),
                        Err(_) => String::new(),
                    },
                    Err(_) => String::new(),
                };
                let value: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
                out.set(format!("{} {} {}", value["data"], bytes.len(), kept.is_some()));
            });
        };
        view! {
            <Router>
                <nav>
                    <A href="/">"a"</A><A href="/b">"b"</A><A href="/c">"c"</A><A href="/d">"d"</A>
                    <A href="/e">"e"</A><A href="/f">"f"</A><A href="/g">"g"</A>
                </nav>
                <button on:click=fetch>"Fetch"</button>
                <p>{move || out.get()}</p>
                <main>
                    <FlatRoutes fallback=|| view! { <Heading text="Not found"/> }>
                        <Route path=StaticSegment("") view=|| view! { <Heading text="a"/> }/>
                        <Route path=StaticSegment("b") view=|| view! { <Heading text="b"/> }/>
                        <Route path=StaticSegment("c") view=|| view! { <Heading text="c"/> }/>
                        <Route path=StaticSegment("d") view=|| view! { <Heading text="d"/> }/>
                        <Route path=StaticSegment("e") view=|| view! { <Heading text="e"/> }/>
                        <Route path=StaticSegment("f") view=|| view! { <Heading text="f"/> }/>
                        <Route path=StaticSegment("g") view=|| view! { <Heading text="g"/> }/>
                    </FlatRoutes>
                </main>
            </Router>
        }
    });
}
