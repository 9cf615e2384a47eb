//! The header's part for a signed-in member: the notification bell with its
//! unread count, the triage link for the team, the account and sign-out.
//!
//! Members only, so only the `more` bundle holds it: the board's bundle is
//! the visitors' (`pages::load_in_full` says why).

use crate::api;
use crate::format;
use crate::i18n::{tr, Key};
use crate::state::use_app;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use schwarm_wire::{Role, User};

#[component]
pub fn MemberNav(user: User) -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let sign_out = Action::new_local(move |_: &()| {
        let navigate = navigate.clone();
        async move {
            // Signed out here even if the server could not be told: the
            // cookie is HttpOnly, so the session then ends at its idle timeout.
            let _ = api::logout().await;
            app.user.set(None);
            app.unread.set(0);
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
        async move { api::unread().await.map(|c| c.unread).unwrap_or(0) }
    });
    Effect::new(move |_| {
        if let Some(n) = unread.get() {
            app.unread.set(n);
        }
    });
    view! {
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
        {matches!(user.role, Role::Pm | Role::Admin).then(|| view! { <a href="/pm" rel="external">{tr(Key::NavTriage)}</a> })}
        <a class="who" href="/account">
            <span class="sr-only">{tr(Key::SignedInAs)} " "</span>
            {user.display_name}
        </a>
        <button type="button" class="link" on:click=move |_| { sign_out.dispatch(()); }>
            {tr(Key::SignOut)}
        </button>
    }
}
