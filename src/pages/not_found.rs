use crate::i18n::{tr, Key};
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="card not-found">
            <h1>{tr(Key::NotFoundHeading)}</h1>
            <p><a href="/">{tr(Key::NotFoundText)}</a></p>
        </section>
    }
}
