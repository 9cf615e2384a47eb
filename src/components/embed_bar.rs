//! The widget's only chrome: who is signed in, or a way to sign in.

use crate::i18n::{tr, Key};
use crate::state::use_app;
use leptos::prelude::*;

#[component]
pub fn EmbedBar() -> impl IntoView {
    let app = use_app();
    view! {
        <div class="embed-bar container">
            {move || match app.user.get() {
                Some(user) => view! { <span class="who">{tr(Key::SignedInAs)} " " {user.display_name}</span> }.into_any(),
                None if app.user_known.get() => view! {
                    <a href=app.path("/login")>{tr(Key::SignIn)}</a>
                }.into_any(),
                None => ().into_any(),
            }}
        </div>
    }
}
