use crate::i18n::status_label;
use crate::state::use_app;
use leptos::prelude::*;

#[component]
pub fn StatusBadge(status: String) -> impl IntoView {
    let lang = use_app().lang;
    let class = format!("status status-{}", status.replace([' ', '_'], "-"));
    view! { <span class=class>{move || status_label(lang.get(), &status)}</span> }
}
