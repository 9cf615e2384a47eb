use crate::i18n::status_label;
use crate::state::use_app;
use leptos::prelude::*;

/// An idea's status; a change made by the team arrives live.
#[component]
pub fn StatusBadge(idea_id: i64, status: String) -> impl IntoView {
    let app = use_app();
    let status = RwSignal::new(status);
    Effect::new(move |_| {
        let Some(event) = app.live.get() else { return };
        if event.concerns("idea.status_changed", idea_id) {
            if let Some(new) = event.payload.status {
                status.set(new);
            }
        }
    });
    let class = move || format!("status status-{}", status.read().replace([' ', '_'], "-"));
    // The admins' colour marks the dot (set through CSSOM, which the CSP
    // allows); the text keeps the theme's contrast-checked colours.
    let colour = move || {
        app.statuses.with(|all| {
            let status = status.read();
            all.iter().find(|s| s.key == *status).map(|s| s.colour.clone())
        })
    };
    view! {
        <span class=class style:--status-colour=move || colour().unwrap_or_default()>
            {move || status_label(app.lang.get(), &status.read())}
        </span>
    }
}
