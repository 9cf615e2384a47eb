//! The site header: brand, navigation, language switch, account.

#[cfg(feature = "more")]
use crate::components::member_nav::MemberNav;
use crate::i18n::{tr, Key, Lang};
use crate::state::use_app;
use leptos::prelude::*;

#[component]
pub fn Header() -> impl IntoView {
    let app = use_app();
    let account = move || {
        match app.user.get() {
            // Only the `more` bundle has members (see `MemberNav`).
            #[cfg(feature = "more")]
            Some(user) => view! { <MemberNav user /> }.into_any(),
            None if app.user_known.get() => view! {
                <a href="/login">{tr(Key::SignIn)}</a>
                <a class="button" href="/register">{tr(Key::Register)}</a>
            }
            .into_any(),
            _ => ().into_any(),
        }
    };
    view! {
        <header class="site-header">
            <div class="container header-row">
                <a class="brand" href="/">"Schwarm"</a>
                <nav class="nav">
                    <a href="/">{tr(Key::NavIdeas)}</a>
                    <a href="/roadmap">{tr(Key::NavRoadmap)}</a>
                    <a href="/changelog">{tr(Key::NavChangelog)}</a>
                </nav>
                <div class="account">
                    <label class="lang">
                        <span class="sr-only">{tr(Key::Language)}</span>
                        <select
                            prop:value=move || app.lang.get().tag()
                            on:change:target=move |ev| {
                                if let Some(lang) = Lang::from_tag(&ev.target().value()) {
                                    app.lang.set(lang);
                                }
                            }
                        >
                            {Lang::ALL
                                .into_iter()
                                .map(|l| view! { <option value=l.tag() selected=move || app.lang.get() == l>{l.name()}</option> })
                                .collect_view()}
                        </select>
                    </label>
                    {account}
                </div>
            </div>
        </header>
    }
}
