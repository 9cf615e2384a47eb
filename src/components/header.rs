//! The site header: brand, navigation, language switch, account.

use crate::api;
use crate::format;
use crate::i18n::{tr, Key, Lang};
use crate::state::use_app;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};

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
    // The unread count is asked for again on every navigation, and every
    // minute while the page stays open.
    let location = use_location();
    let tick = RwSignal::new(0u32);
    let every_minute = set_interval_with_handle(move || tick.update(|t| *t += 1), std::time::Duration::from_secs(60));
    if let Ok(interval) = every_minute {
        on_cleanup(move || interval.clear());
    }
    let unread = LocalResource::new(move || {
        location.pathname.track();
        tick.track();
        let signed_in = app.user.read().is_some();
        async move {
            match signed_in {
                true => api::unread().await.map(|c| c.unread).unwrap_or(0),
                false => 0,
            }
        }
    });
    Effect::new(move |_| {
        if let Some(n) = unread.get() {
            app.unread.set(n);
        }
    });
    let account = move || {
        match app.user.get() {
            Some(user) => view! {
                // Named by its content, "Notifications 3 unread", so the name
                // contains the visible count (WCAG 2.5.3).
                <a class="bell" href="/notifications">
                    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
                    <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6v-5a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1z" />
                </svg>
                    <span class="sr-only">{tr(Key::NotificationsHeading)} " "</span>
                    <Show when=move || app.unread.get().is_positive()>
                        <span class="badge">{move || format::number(app.unread.get(), app.lang.get())}</span>
                        <span class="sr-only">" " {tr(Key::Unread)}</span>
                    </Show>
                </a>
                // The triage area is a bundle of its own: a full page load.
                {matches!(user.role, schwarm_wire::Role::Pm | schwarm_wire::Role::Admin)
                    .then(|| view! { <a href="/pm" rel="external">{tr(Key::NavTriage)}</a> })}
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
