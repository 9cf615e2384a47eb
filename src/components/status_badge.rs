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
    view! { <span class=class>{move || status_label(app.lang.get(), &status.read())}</span> }
}
