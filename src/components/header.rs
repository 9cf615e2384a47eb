//! The site header: brand, navigation, language switch, account.

use crate::api;
use crate::i18n::{tr, Key, Lang};
use crate::state::use_app;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn Header() -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let sign_out = Action::new_local(move |_: &()| {
        let navigate = navigate.clone();
        async move {
            // Signed out here even if the server could not be told: the
            // cookie is HttpOnly, so the session then ends at its idle timeout.
            let _ = api::logout().await;
            app.user.set(None);
            app.announce(Key::SignedOut);
            navigate("/", Default::default());
        }
    });
    let account = move || match app.user.get() {
        Some(user) => view! {
            <a class="who" href="/account">
                <span class="sr-only">{tr(Key::SignedInAs)} " "</span>
                {user.display_name}
            </a>
            <button type="button" class="link" on:click=move |_| { sign_out.dispatch(()); }>
                {tr(Key::SignOut)}
            </button>
        }
        .into_any(),
        None if app.user_known.get() => view! {
            <a href="/login">{tr(Key::SignIn)}</a>
            <a class="button" href="/register">{tr(Key::Register)}</a>
        }
        .into_any(),
        None => ().into_any(),
    };
    view! {
        <header class="site-header">
            <div class="container header-row">
                <a class="brand" href="/">"Schwarm"</a>
                <nav class="nav">
                    <a href="/">{tr(Key::NavIdeas)}</a>
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
