//! Settings: how the app looks, the account's options on AniList, the
//! lists as a file, and how the app reaches AniList.

mod anilist;

use leptos::prelude::*;

use crate::components::copy::{redirect_url, CopyField};
use crate::components::notice::{Notice, Tone};
use crate::config::{Config, Setting, ANILIST_DEVELOPER_SETTINGS_URL, RUNTIME_CONFIG_FILE};
use crate::pages::PageIntro;
use crate::theme::{self, Theme};

#[component]
pub fn SettingsPage() -> impl IntoView {
    view! {
        <PageIntro
            title="Settings"
            lead="How this app looks, your options on AniList, your data, and how this app reaches AniList."
        />
        <AppearanceSettings/>
        <anilist::AniListOptions/>
        <crate::components::export_lists::ExportLists/>
        <crate::components::import_lists::ImportLists/>
        <crate::components::tidy_lists::TidyLists/>
        <ConnectionSettings/>
    }
}

#[component]
fn AppearanceSettings() -> impl IntoView {
    let (theme, set_theme) = signal(theme::load());
    let (kept, set_kept) = signal(true);
    let choose = move |t: Theme| {
        set_theme.set(t);
        set_kept.set(theme::apply_and_store(t));
    };
    view! {
        <section class="card">
            <h2 id="appearance">"Appearance"</h2>
            <fieldset class="choice-group" aria-labelledby="appearance">
                <legend class="visually-hidden">"Colour theme"</legend>
                {Theme::ALL
                    .into_iter()
                    .map(|t| {
                        view! {
                            <label class="choice">
                                <input
                                    type="radio"
                                    name="theme"
                                    value=t.as_str()
                                    prop:checked=move || theme.get() == t
                                    on:change=move |_| choose(t)
                                />
                                <span>{t.label()}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <Show when=move || !kept.get()>
                <Notice tone=Tone::Warning>
                    "This browser would not let the app store your choice; it lasts until you close the page."
                </Notice>
            </Show>
        </section>
    }
}

#[component]
fn ConnectionSettings() -> impl IntoView {
    let config = expect_context::<Config>();
    let redirect = redirect_url();
    let client = config
        .client_id
        .value
        .clone()
        .unwrap_or_else(|| "not set".to_string());
    view! {
        <section class="card">
            <h2>"Connection"</h2>
            <dl class="facts" data-testid="config-table">
                <ConfigRow label="AniList client id" value=client source=config.client_id.source/>
                <SettingRow label="Authorize URL" setting=config.authorize_url.clone()/>
                <SettingRow label="GraphQL URL" setting=config.graphql_url.clone()/>
                <ConfigRow label="Sign-in"
                    value=config.token_exchange_url.value.as_ref().map_or_else(|| "implicit grant".to_string(), |u| format!("code grant, through {u}"))
                    source=config.token_exchange_url.source/>
            </dl>
            <h3>"Registering a client"</h3>
            <p>
                "Create a client at "
                <a href=ANILIST_DEVELOPER_SETTINGS_URL rel="noopener noreferrer" target="_blank">
                    "AniList's developer settings"
                </a>
                " and give it this redirect URL:"
            </p>
            <CopyField label="Redirect URL" value=redirect/>
            <h3>"Changing these"</h3>
            <p>
                "Whoever hosts the app sets them in "
                <code>{RUNTIME_CONFIG_FILE}</code>
                " beside "
                <code>"index.html"</code>
                " (keys "
                <code>"client_id"</code>
                ", "
                <code>"authorize_url"</code>
                ", "
                <code>"graphql_url"</code>
                ", "
                <code>"token_exchange_url"</code>
                "), or at build time with the environment variables "
                <code>"ANILIST_CLIENT_ID"</code>
                ", "
                <code>"ANILIST_AUTHORIZE_URL"</code>
                ", "
                <code>"ANILIST_GRAPHQL_URL"</code>
                " and "
                <code>"TOKEN_EXCHANGE_URL"</code>
                "."
            </p>
        </section>
    }
}

#[component]
fn SettingRow(label: &'static str, setting: Setting<String>) -> impl IntoView {
    view! { <ConfigRow label=label value=setting.value source=setting.source/> }
}

#[component]
fn ConfigRow(label: &'static str, value: String, source: crate::config::Source) -> impl IntoView {
    view! {
        <div class="facts__row">
            <dt>{label}</dt>
            <dd>
                <code>{value}</code>
                <span class="muted">" · " {source.describe()}</span>
            </dd>
        </div>
    }
}


