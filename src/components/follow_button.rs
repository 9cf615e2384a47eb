//! Follow or unfollow an idea, to hear (or stop hearing) of its changes.

use crate::api;
use crate::i18n::{tr, Key};
use crate::state::use_app;
use leptos::prelude::*;

#[component]
pub fn FollowButton(idea_id: i64, following: bool) -> impl IntoView {
    let app = use_app();
    let following = RwSignal::new(following);
    let toggle = Action::new_local(move |on: &bool| {
        let on = *on;
        async move {
            match api::follow(idea_id, on).await {
                Ok(state) => {
                    following.set(state.following);
                    app.announce(if state.following { Key::FollowOn } else { Key::FollowOff });
                }
                Err(e) if e.is_unauthorized() => {
                    app.user.set(None);
                    app.alert(Key::SessionExpired);
                }
                Err(_) => app.alert(Key::GenericError),
            }
        }
    });
    view! {
        <Show when=move || app.user.read().is_some()>
            <button
                type="button"
                class="follow"
                aria-pressed=move || following.get().to_string()
                disabled=move || toggle.pending().get()
                on:click=move |_| {
                    toggle.dispatch(!following.get_untracked());
                }
            >
                {move || if following.get() { tr(Key::Following)() } else { tr(Key::Follow)() }}
            </button>
        </Show>
    }
}
