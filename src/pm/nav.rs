//! The PM area's sub-navigation, and the guard around its pages.

use crate::pm::i18n::l;
use crate::state::use_app;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use schwarm_wire::Role;

#[component]
pub fn PmNav() -> impl IntoView {
    let app = use_app();
    let path = use_location().pathname;
    let is_admin = move || app.user.read().as_ref().is_some_and(|u| u.role == Role::Admin);
    let link = move |href: &'static str, label: Box<dyn Fn() -> &'static str + Send + Sync>| {
        let current = move || (path.get() == href).then_some("page");
        view! { <a href=href aria-current=current>{label}</a> }
    };
    view! {
        <nav class="pm-nav" aria-label=l("Triage", "Sichtung")>
            {link("/pm", Box::new(l("Inbox", "Eingang")))}
            {link("/pm/ideas", Box::new(l("All ideas", "Alle Ideen")))}
            {link("/pm/trends", Box::new(l("Trends", "Trends")))}
            {link("/pm/changelog", Box::new(l("Release notes", "Versionshinweise")))}
            <Show when=is_admin>
                {link("/admin/statuses", Box::new(l("Statuses", "Status")))}
                {link("/admin/users", Box::new(l("People and roles", "Personen und Rollen")))}
                {link("/admin/embed", Box::new(l("Embedding", "Einbetten")))}
                {link("/admin/webhooks", Box::new(l("Webhooks", "Webhooks")))}
            </Show>
        </nav>
    }
}

/// Shows `children` to product managers (and admins), or to admins only;
/// everybody else learns that the page is not for them.
#[component]
pub fn StaffOnly(#[prop(optional)] admin: bool, children: ChildrenFn) -> impl IntoView {
    let app = use_app();
    let allowed = move || {
        app.user.read().as_ref().is_some_and(|u| match u.role {
            Role::Admin => true,
            Role::Pm => !admin,
            Role::Member => false,
        })
    };
    let refusal = move || {
        if admin {
            l(
                "Only admins can open this page.",
                "Nur Admins können diese Seite öffnen.",
            )()
        } else {
            l(
                "Only product managers and admins can open this page.",
                "Nur Produktmanager und Admins können diese Seite öffnen.",
            )()
        }
    };
    view! {
        {move || {
            if allowed() {
                children().into_any()
            } else if app.user_known.get() {
                view! {
                    <p class="card cta">
                        {refusal} " " <a href="/login" rel="external">{l("Sign in", "Anmelden")}</a>
                    </p>
                }
                .into_any()
            } else {
                view! { <div class="skeleton" aria-busy="true"><div class="bar"></div></div> }.into_any()
            }
        }}
    }
}
